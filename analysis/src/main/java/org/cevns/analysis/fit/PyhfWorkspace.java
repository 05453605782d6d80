package org.cevns.analysis.fit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Export of a {@link BinnedModel} with its {@link Observations} as a pyhf JSON workspace (HistFactory schema
 * 1.0.0; Heinrich, Feickert, Stark, Cranmer, JOSS 6 (2021) 2823), for cross-checks and publication.
 *
 * <p>Mapping: channels and samples one to one (templates as sample data; FIXED norms multiplied in); μ is the
 * POI, a {@code normfactor} named "mu" on every signal sample; FREE norms are {@code normfactor}s (bounds
 * [0, 100]); CONSTRAINED norms are {@code normsys} with hi = 1 + σ, lo = max(1 − σ, 0.01). pyhf's normsys is
 * θ(α) with α ~ N(0, 1) and exponential/polynomial interpolation, equal to the Gaussian constraint on θ here
 * to first order in σ only: expect small differences for σ ≳ 10 %. A global observable a ≠ 1 is written as
 * normsys auxdata (a − 1)/σ. No staterror (templates are taken as exact). The μ bounds are the options' bounds
 * where finite, else ∓10.
 */
public final class PyhfWorkspace {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PyhfWorkspace() {}

  /** The workspace as a JSON tree. */
  public static ObjectNode toTree(BinnedModel model, Observations data, FitOptions options, String measurement) {
    if (model == null || data == null || options == null) {
      throw new IllegalArgumentException("model, data and options must not be null");
    }
    if (data.nBins() != model.nBins()) {
      throw new IllegalArgumentException("data must have nBins=" + model.nBins() + ", got " + data.nBins());
    }
    if (measurement == null || !measurement.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("measurement must match [A-Za-z0-9_.-]+, got '" + measurement + "'");
    }
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode channels = root.putArray("channels");
    ArrayNode observations = root.putArray("observations");
    for (int c = 0; c < model.nChannels(); c++) {
      Channel ch = model.channels().get(c);
      ObjectNode cn = channels.addObject();
      cn.put("name", ch.name());
      ArrayNode samples = cn.putArray("samples");
      for (Sample s : ch.samples()) {
        samples.add(sampleNode(model, s));
      }
      ObjectNode on = observations.addObject();
      on.put("name", ch.name());
      ArrayNode d = on.putArray("data");
      for (int i = model.channelOffset(c); i < model.channelOffset(c + 1); i++) {
        d.add(data.count(i));
      }
    }
    ObjectNode meas = root.putArray("measurements").addObject();
    meas.put("name", measurement);
    ObjectNode config = meas.putObject("config");
    config.put("poi", BinnedModel.POI_NAME);
    ArrayNode params = config.putArray("parameters");
    ObjectNode mu = params.addObject();
    mu.put("name", BinnedModel.POI_NAME);
    ArrayNode muBounds = mu.putArray("bounds").addArray();
    muBounds.add(Double.isFinite(options.muLower()) ? options.muLower() : -10.0);
    muBounds.add(Double.isFinite(options.muUpper()) ? options.muUpper() : 10.0);
    mu.putArray("inits").add(1.0);
    for (int j = 0; j < model.norms().size(); j++) {
      NormParameter p = model.norms().get(j);
      if (p.kind() == NormParameter.Kind.FREE) {
        ObjectNode pn = params.addObject();
        pn.put("name", p.name());
        ArrayNode b = pn.putArray("bounds").addArray();
        b.add(0.0);
        b.add(100.0);
        pn.putArray("inits").add(1.0);
      } else if (p.kind() == NormParameter.Kind.CONSTRAINED && data.globalObservable(j) != 1.0) {
        ObjectNode pn = params.addObject();
        pn.put("name", p.name());
        pn.putArray("auxdata").add((data.globalObservable(j) - 1.0) / p.relativeWidth());
      }
    }
    root.put("version", "1.0.0");
    return root;
  }

  /** The workspace as pretty-printed JSON text. */
  public static String toJson(BinnedModel model, Observations data, FitOptions options, String measurement) {
    try {
      return MAPPER.writeValueAsString(toTree(model, data, options, measurement));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise pyhf workspace: " + e.getMessage(), e);
    }
  }

  /** Writes the workspace JSON to {@code file} (UTF-8, replaced if present). */
  public static void write(BinnedModel model, Observations data, FitOptions options, String measurement,
      Path file) {
    try {
      Files.writeString(file, toJson(model, data, options, measurement), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write pyhf workspace " + file, e);
    }
  }

  private static ObjectNode sampleNode(BinnedModel model, Sample s) {
    ObjectNode sn = MAPPER.createObjectNode();
    sn.put("name", s.name());
    double fixedFactor = 1.0;
    ArrayNode modifiers = MAPPER.createArrayNode();
    if (s.isSignal()) {
      ObjectNode m = modifiers.addObject();
      m.put("name", BinnedModel.POI_NAME);
      m.put("type", "normfactor");
      m.putNull("data");
    }
    for (String n : s.norms()) {
      NormParameter p = model.norm(model.parameterIndex(n));
      switch (p.kind()) {
        case FIXED -> fixedFactor *= p.value();
        case FREE -> {
          ObjectNode m = modifiers.addObject();
          m.put("name", p.name());
          m.put("type", "normfactor");
          m.putNull("data");
        }
        case CONSTRAINED -> {
          ObjectNode m = modifiers.addObject();
          m.put("name", p.name());
          m.put("type", "normsys");
          ObjectNode d = m.putObject("data");
          d.put("hi", 1.0 + p.relativeWidth());
          d.put("lo", Math.max(1.0 - p.relativeWidth(), 0.01));
        }
        default -> throw new IllegalStateException("unknown norm kind " + p.kind());
      }
    }
    ArrayNode d = sn.putArray("data");
    for (int i = 0; i < s.nBins(); i++) {
      d.add(s.expected(i) * fixedFactor);
    }
    sn.set("modifiers", modifiers);
    return sn;
  }
}
