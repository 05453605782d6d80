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
 * <p>Mapping, chosen so that pyhf's default reading (since pyhf 0.6.1: normsys interpolation code 4, histosys
 * code 4p — the workspace schema has no field for them; with older pyhf pass {@code modifier_settings={"normsys":
 * {"interpcode": "code4"}, "histosys": {"interpcode": "code4p"}}}) is cevns's likelihood (except as noted for
 * constrained norms and the empty-bin term of docs/physics.md):
 *
 * <ul>
 *   <li>channels and samples one to one (templates as sample data; FIXED norms multiplied in; samples with
 *       physics parameters at the parameter values given);
 *   <li>μ is the POI, a {@code normfactor} named "mu" on every signal sample; FREE norms are {@code normfactor}s
 *       (bounds [0, 100]);
 *   <li>a CONSTRAINED norm θ (Gaussian of relative width σ, linear in θ) is a {@code histosys} with
 *       hi_data = (1 + σ)·T, lo_data = (1 − σ)·T: pyhf's α = (θ − 1)/σ, the same likelihood unless the sample
 *       also has histosys terms Δ, which cevns multiplies by θ and pyhf adds (θ·(T + Δ) against T + σα·T + Δ;
 *       pyhf has no per-sample multiplicative Gaussian modifier: docs/physics.md); a global
 *       observable a ≠ 1 is its auxdata (a − 1)/σ;
 *   <li>{@link Modifier}s as they are: {@code normsys} (hi = κ_hi, lo = κ_lo) and {@code histosys}
 *       (hi_data = T + Δ_hi, lo_data = T − Δ_lo; a Gaussian normalisation of width σ
 *       hi_data = (1 + σ)·T, lo_data = (1 − σ)·T, T at the physics values given), α auxdata the global observables;
 *   <li>template statistical errors as one {@code staterror} per channel ("staterror_CHANNEL"), on every sample
 *       of the channel (0 where a sample has none), which is the Barlow–Beeston-lite term of cevns.
 * </ul>
 *
 * The μ bounds are the options' bounds where finite, else [0, 10]: pyhf's q̃μ limit test expects a POI
 * bounded below at 0, and the discovery test q0 is one-sided in both. Every number is checked finite.
 */
public final class PyhfWorkspace {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PyhfWorkspace() {}

  /** The workspace as a JSON tree, physics parameters at their nominal values. */
  public static ObjectNode toTree(BinnedModel model, Observations data, FitOptions options, String measurement) {
    return toTree(model, data, options, measurement, model.nominalParameters(1.0));
  }

  /**
   * The workspace as a JSON tree with the samples that depend on physics parameters evaluated at the physics
   * values of {@code parameters} (a full parameter vector; only its physics part is used: pyhf cannot vary them).
   */
  public static ObjectNode toTree(BinnedModel model, Observations data, FitOptions options, String measurement,
      double[] parameters) {
    double[] physics = java.util.Arrays.copyOfRange(parameters, model.physicsOffset(), model.nParameters());
    if (model == null || data == null || options == null) {
      throw new IllegalArgumentException("model, data and options must not be null");
    }
    if (data.nBins() != model.nBins()) {
      throw new IllegalArgumentException("data must have nBins=" + model.nBins() + ", got " + data.nBins());
    }
    if (measurement == null || !measurement.matches("[A-Za-z0-9_.+-]+")) {
      throw new IllegalArgumentException("measurement must match [A-Za-z0-9_.+-]+, got '" + measurement + "'");
    }
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode channels = root.putArray("channels");
    ArrayNode observations = root.putArray("observations");
    for (int c = 0; c < model.nChannels(); c++) {
      Channel ch = model.channels().get(c);
      ObjectNode cn = channels.addObject();
      cn.put("name", ch.name());
      ArrayNode samples = cn.putArray("samples");
      boolean stat = ch.samples().stream().anyMatch(x -> x.statErrors().isPresent());
      for (Sample s : ch.samples()) {
        samples.add(sampleNode(model, s, physics, stat ? "staterror_" + ch.name() : null));
      }
      ObjectNode on = observations.addObject();
      on.put("name", ch.name());
      ArrayNode d = on.putArray("data");
      for (int i = model.channelOffset(c); i < model.channelOffset(c + 1); i++) {
        d.add(finite(data.count(i), "observation of " + ch.name()));
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
    muBounds.add(Double.isFinite(options.muLower()) ? options.muLower() : 0.0);
    muBounds.add(Double.isFinite(options.muUpper()) ? options.muUpper() : 10.0);
    mu.putArray("inits").add(1.0);
    for (int a = 0; a < model.alphas().size(); a++) {
      double aux = data.globalObservable(model.norms().size() + a);
      if (aux != 0.0) {
        ObjectNode pn = params.addObject();
        pn.put("name", model.alphas().get(a));
        pn.putArray("auxdata").add(finite(aux, model.alphas().get(a)));
      }
    }
    for (int j = 0; j < model.norms().size(); j++) {
      NormParameter p = model.norms().get(j);
      if (p.kind() == NormParameter.Kind.FREE) {
        ObjectNode pn = params.addObject();
        pn.put("name", p.name());
        ArrayNode b = pn.putArray("bounds").addArray();
        b.add(0.0);
        b.add(100.0);
        pn.putArray("inits").add(1.0);
      } else if (p.kind() == NormParameter.Kind.CONSTRAINED) {
        ObjectNode pn = params.addObject();
        pn.put("name", p.name());
        ArrayNode b = pn.putArray("bounds").addArray();
        b.add(Math.max(-BinnedModel.ALPHA_BOUND, -1.0 / p.relativeWidth())); // θ = 1 + σα >= 0
        b.add(BinnedModel.ALPHA_BOUND);
        if (data.globalObservable(j) != 1.0) {
          pn.putArray("auxdata").add(finite((data.globalObservable(j) - 1.0) / p.relativeWidth(), p.name()));
        }
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

  private static double finite(double v, String what) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("pyhf workspace: " + what + " must be finite, got " + v);
    }
    return v;
  }

  private static ArrayNode numbers(double[] v, String what) {
    ArrayNode a = MAPPER.createArrayNode();
    for (double x : v) {
      a.add(finite(x, what));
    }
    return a;
  }

  private static ObjectNode sampleNode(BinnedModel model, Sample s, double[] physics, String staterror) {
    ObjectNode sn = MAPPER.createObjectNode();
    double[] nominal = s.physics().isPresent() && physics.length > 0 ? s.physics().get().expected(physics)
        : s.expected();
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
          m.put("type", "histosys");
          m.put("__constrained_width", p.relativeWidth()); // replaced below, once fixedFactor is known
        }
        default -> throw new IllegalStateException("unknown norm kind " + p.kind());
      }
    }
    double[] t = new double[s.nBins()];
    for (int i = 0; i < t.length; i++) {
      t[i] = nominal[i] * fixedFactor;
    }
    for (var node : modifiers) {
      ObjectNode m = (ObjectNode) node;
      if (m.has("__constrained_width")) {
        double w = m.remove("__constrained_width").doubleValue();
        double[] hi = new double[t.length];
        double[] lo = new double[t.length];
        for (int i = 0; i < t.length; i++) {
          hi[i] = t[i] * (1 + w);
          lo[i] = t[i] * (1 - w);
        }
        ObjectNode d = m.putObject("data");
        d.set("hi_data", numbers(hi, m.get("name").textValue()));
        d.set("lo_data", numbers(lo, m.get("name").textValue()));
      }
    }
    for (Modifier mod : s.modifiers()) {
      ObjectNode m = modifiers.addObject();
      m.put("name", mod.parameter());
      ObjectNode d = m.putObject("data");
      if (mod.type() == Modifier.Type.NORMSYS) {
        m.put("type", "normsys");
        d.put("hi", finite(mod.kappaHi(), mod.parameter()));
        d.put("lo", finite(mod.kappaLo(), mod.parameter()));
      } else {
        m.put("type", "histosys");
        double[] dh = mod.deltaHi();
        double[] dl = mod.deltaLo();
        double[] hi = new double[t.length];
        double[] lo = new double[t.length];
        for (int i = 0; i < t.length; i++) {
          // a Gaussian normalisation: ±σ × the template at the physics values (its variation follows them)
          hi[i] = mod.isRelative() ? t[i] * (1 + mod.relativeWidth()) : t[i] + dh[i] * fixedFactor;
          lo[i] = mod.isRelative() ? t[i] * (1 - mod.relativeWidth()) : t[i] - dl[i] * fixedFactor;
        }
        d.set("hi_data", numbers(hi, mod.parameter()));
        d.set("lo_data", numbers(lo, mod.parameter()));
      }
    }
    if (staterror != null) {
      ObjectNode m = modifiers.addObject();
      m.put("name", staterror);
      m.put("type", "staterror");
      double[] e = s.statErrors().orElse(new double[t.length]);
      for (int i = 0; i < e.length; i++) {
        e[i] *= fixedFactor;
      }
      m.set("data", numbers(e, staterror));
    }
    sn.set("data", numbers(t, "sample " + s.name()));
    sn.set("modifiers", modifiers);
    return sn;
  }
}
