package org.cevns.detsim.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.cevns.detsim.background.BackgroundSpectrum;
import org.cevns.detsim.config.DetsimConfig;
import org.cevns.detsim.config.WindowsConfig;
import org.cevns.detsim.efficiency.DeadTime;
import org.cevns.detsim.efficiency.Efficiency;
import org.cevns.detsim.efficiency.ErfEfficiency;
import org.cevns.detsim.efficiency.HardThreshold;
import org.cevns.detsim.efficiency.LogisticEfficiency;
import org.cevns.detsim.efficiency.TabulatedEfficiency;
import org.cevns.detsim.quench.ConstantQuenching;
import org.cevns.detsim.quench.LindhardQuenching;
import org.cevns.detsim.quench.LinearQfQuenching;
import org.cevns.detsim.quench.PolynomialQuenching;
import org.cevns.detsim.quench.Quenching;
import org.cevns.detsim.quench.TabulatedQuenching;
import org.cevns.detsim.response.EnergyResponse;
import org.cevns.detsim.response.GaussianResponse;
import org.cevns.detsim.response.IdealResponse;
import org.cevns.detsim.response.IonisationResponse;
import org.cevns.detsim.response.LightYieldResponse;
import org.cevns.events.io.DetectorMetadata;
import org.cevns.events.io.TruthMetadata;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.detsim.detector.DetectionStage;
import org.cevns.detsim.detector.DetectorResponse;

/**
 * Builds the key-value metadata that detector-level files add to the truth metadata ({@link TruthMetadata});
 * the keys and what they hold are those of {@link DetectorMetadata}.
 */
public final class SimMetadata {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SimMetadata() {}

  /** Adds the detsim entries to {@code metadata}. */
  public static void put(Map<String, String> metadata, ExperimentModel model, DetsimConfig config,
      BackgroundChannels backgrounds, String stage, boolean dropUndetected) {
    metadata.put(DetectorMetadata.RESPONSE, responses(model, config).toString());
    metadata.put(DetectorMetadata.BACKGROUNDS, backgrounds(model, backgrounds).toString());
    metadata.put(DetectorMetadata.WINDOWS, config.windows().map(SimMetadata::windows).map(Object::toString).orElse("null"));
    metadata.put(DetectorMetadata.STAGE, stage);
    metadata.put(DetectorMetadata.DROP_UNDETECTED, Boolean.toString(dropUndetected));
  }

  /** The responses as a JSON list. */
  public static ArrayNode responses(ExperimentModel model, DetsimConfig config) {
    ArrayNode out = JSON.createArrayNode();
    for (int d = 0; d < model.detectors().size(); d++) {
      if (config.responses().get(d).isEmpty()) {
        continue;
      }
      DetectorResponse r = config.response(d);
      ObjectNode o = out.addObject();
      o.put("detector", model.detectors().get(d).name());
      ObjectNode q = o.putObject("quenching");
      r.quenching().models().forEach((z, m) -> q.set(IsotopeTable.element(z).symbol(), quenching(m)));
      o.put("background_quenching_element", IsotopeTable.element(r.backgroundZ()).symbol());
      o.set("energy", energy(r.energy()));
      ArrayNode stages = o.putArray("detection");
      for (DetectionStage s : r.stages()) {
        ObjectNode e = efficiency(s.efficiency());
        e.put("role", s.role());
        stages.add(e);
      }
    }
    return out;
  }

  static ObjectNode quenching(Quenching q) {
    ObjectNode o = JSON.createObjectNode();
    if (q instanceof LindhardQuenching l) {
      o.put("model", "lindhard").put("z", l.z()).put("a", l.massNumber()).put("k", l.k());
    } else if (q instanceof ConstantQuenching c) {
      o.put("model", c.value() == 1.0 ? "none" : "constant").put("quenching_factor", c.value());
    } else if (q instanceof LinearQfQuenching l) {
      o.put("model", "linear").put("intercept", l.intercept()).put("slope_per_kevnr", l.slopePerKeVnr());
    } else if (q instanceof PolynomialQuenching p) {
      o.put("model", "polynomial").put("max_kevnr", p.maxRecoilKeVnr());
      ArrayNode c = o.putArray("coefficients_mev");
      for (double v : p.coefficientsMeV()) {
        c.add(v);
      }
    } else if (q instanceof TabulatedQuenching t) {
      o.put("model", "tabulated");
      ArrayNode nr = o.putArray("recoil_kevnr");
      ArrayNode ee = o.putArray("visible_kevee");
      double[] x = t.recoilTableKeVnr();
      double[] y = t.visibleTableKeVee();
      for (int i = 0; i < x.length; i++) {
        nr.add(x[i]);
        ee.add(y[i]);
      }
    } else {
      o.put("model", q.toString());
    }
    return o;
  }

  static ObjectNode energy(EnergyResponse e) {
    ObjectNode o = JSON.createObjectNode();
    if (e instanceof IonisationResponse i) {
      o.put("model", "ionisation").put("pair_energy_ev", i.pairEnergyEV()).put("fano", i.fano())
          .put("noise_sigma_evee", i.noiseSigmaEVee());
    } else if (e instanceof LightYieldResponse l) {
      o.put("model", "light-yield").put("light_yield_pe_per_kevee", l.lightYieldPePerKeVee())
          .put("smearing", l.smearing().name().toLowerCase(java.util.Locale.ROOT));
      if (l.smearing() == LightYieldResponse.Smearing.GAMMA) {
        o.put("gamma_shape_per_kevee", l.shapePerKeVee());
      }
      o.put("npe", "rounded to the nearest integer; observed_kevee = npe / light yield");
    } else if (e instanceof GaussianResponse g) {
      o.put("model", "gaussian").put("sigma0_kevee", g.sigma0KeVee()).put("a_kevee", g.aKeVee()).put("b", g.b());
    } else if (e instanceof IdealResponse) {
      o.put("model", "ideal");
    } else {
      o.put("model", e.toString());
    }
    return o;
  }

  static ObjectNode efficiency(Efficiency e) {
    ObjectNode o = JSON.createObjectNode();
    if (e instanceof HardThreshold h) {
      o.put("model", "threshold").put("variable", h.variable().configName()).put("value", h.threshold());
    } else if (e instanceof ErfEfficiency f) {
      o.put("model", "erf").put("variable", f.variable().configName()).put("x50", f.x50()).put("width", f.width())
          .put("plateau", f.plateau());
    } else if (e instanceof LogisticEfficiency l) {
      double[] p = l.parameters();
      o.put("model", "logistic").put("variable", l.variable().configName()).put("a", p[0]).put("b", p[1])
          .put("c", p[2]).put("d", p[3]);
    } else if (e instanceof TabulatedEfficiency t) {
      o.put("model", "tabulated").put("variable", t.variable().configName());
      ArrayNode x = o.putArray("values");
      ArrayNode y = o.putArray("efficiencies");
      for (double v : t.values()) {
        x.add(v);
      }
      for (double v : t.efficiencies()) {
        y.add(v);
      }
    } else if (e instanceof DeadTime d) {
      o.put("model", "dead-time").put("fraction", d.deadFraction());
    } else {
      o.put("model", e.toString());
    }
    return o;
  }

  /** The background channels as a JSON list. */
  public static ArrayNode backgrounds(ExperimentModel model, BackgroundChannels backgrounds) {
    ArrayNode out = JSON.createArrayNode();
    for (BackgroundChannel c : backgrounds.channels()) {
      ObjectNode o = out.addObject();
      o.put("detector", model.detectors().get(c.detectorIndex()).name());
      o.put("component", c.name());
      o.put("model", c.spec().component().getClass().getSimpleName());
      o.put("source", model.exposures().get(c.exposureIndex()).sourceName());
      o.put("period", c.period());
      o.put("state", c.exposure().state().name().toLowerCase(java.util.Locale.ROOT));
      o.put("energy_scale", c.spec().component().energyScale().configName());
      o.put("spectrum", spectrum(c.spec().component().spectrum()));
      o.put("mass_kg", c.exposure().massKg());
      o.put("live_seconds", c.exposure().liveSeconds());
      o.put("protons_on_target", c.exposure().protonsOnTarget());
      o.put("frame_start_ns", c.frame().startNs());
      o.put("frame_length_ns", c.frame().lengthNs());
      o.put("expected_events", c.expected());
    }
    return out;
  }

  private static String spectrum(BackgroundSpectrum s) {
    return s.toString();
  }

  /** The windows as JSON. */
  public static ObjectNode windows(WindowsConfig w) {
    ObjectNode o = JSON.createObjectNode();
    o.put("coincidence_start_ns", w.coincidenceStartNs());
    o.put("coincidence_length_ns", w.coincidenceLengthNs());
    o.put("anticoincidence", w.placement().name().toLowerCase(java.util.Locale.ROOT));
    o.put("anticoincidence_delay_ns", w.delayNs());
    o.put("record_start_ns", w.recordStartNs());
    if (w.recordLengthNs().isPresent()) {
      o.put("record_length_ns", w.recordLengthNs().getAsDouble());
    } else {
      o.putNull("record_length_ns");
    }
    return o;
  }
}
