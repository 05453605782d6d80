package org.cevns.detsim.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cevns.detsim.background.BackgroundSpectrum;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.detsim.setup.WindowsConfig;
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
 * the keys and what they hold are those of {@link DetectorMetadata}. The JSON values are {@link SimMetadataRecords}
 * written by Jackson.
 */
public final class SimMetadata {
  private SimMetadata() {}

  /** Adds the detsim entries to {@code metadata}. */
  public static void put(Map<String, String> metadata, ExperimentModel model, DetsimConfig config,
      BackgroundChannels backgrounds, String stage, boolean dropUndetected) {
    metadata.put(DetectorMetadata.RESPONSE, json(responses(model, config)));
    metadata.put(DetectorMetadata.BACKGROUNDS, json(backgrounds(model, backgrounds)));
    metadata.put(DetectorMetadata.WINDOWS, json(config.windows().map(SimMetadata::windows).orElse(null)));
    metadata.put(DetectorMetadata.STAGE, stage);
    metadata.put(DetectorMetadata.DROP_UNDETECTED, Boolean.toString(dropUndetected));
  }

  /** Compact JSON of a metadata record ({@code null} for null). */
  static String json(Object value) {
    try {
      return SimMetadataRecords.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise detector metadata: " + e.getMessage(), e);
    }
  }

  /** The responses of the detectors that have one. */
  static List<SimMetadataRecords.Response> responses(ExperimentModel model, DetsimConfig config) {
    List<SimMetadataRecords.Response> out = new ArrayList<>();
    for (int d = 0; d < model.detectors().size(); d++) {
      if (config.responses().get(d).isEmpty()) {
        continue;
      }
      DetectorResponse r = config.response(d);
      Map<String, Object> q = new LinkedHashMap<>();
      r.quenching().models().forEach((z, m) -> q.put(IsotopeTable.element(z).symbol(), quenching(m)));
      List<Object> stages = new ArrayList<>();
      for (DetectionStage s : r.stages()) {
        stages.add(efficiency(s.efficiency(), s.role()));
      }
      out.add(new SimMetadataRecords.Response(model.detectors().get(d).name(), q,
          IsotopeTable.element(r.backgroundZ()).symbol(), energy(r.energy()), stages));
    }
    return out;
  }

  static Object quenching(Quenching q) {
    if (q instanceof LindhardQuenching l) {
      return l.adiabaticXiKeVnr() > 0
          ? new SimMetadataRecords.LindhardAdiabatic("lindhard", l.z(), l.massNumber(), l.k(), l.adiabaticXiKeVnr())
          : new SimMetadataRecords.Lindhard("lindhard", l.z(), l.massNumber(), l.k());
    } else if (q instanceof ConstantQuenching c) {
      return new SimMetadataRecords.ConstantQf(c.value() == 1.0 ? "none" : "constant", c.value());
    } else if (q instanceof LinearQfQuenching l) {
      return new SimMetadataRecords.LinearQf("linear", l.intercept(), l.slopePerKeVnr());
    } else if (q instanceof PolynomialQuenching p) {
      return new SimMetadataRecords.Polynomial("polynomial", p.maxRecoilKeVnr(), p.coefficientsMeV());
    } else if (q instanceof TabulatedQuenching t) {
      return new SimMetadataRecords.TabulatedQf("tabulated", t.recoilTableKeVnr(), t.visibleTableKeVee());
    }
    return new SimMetadataRecords.Named(q.toString());
  }

  static Object energy(EnergyResponse e) {
    if (e instanceof IonisationResponse i) {
      return new SimMetadataRecords.Ionisation("ionisation", i.pairEnergyEV(), i.fano(), i.noiseSigmaEVee());
    } else if (e instanceof LightYieldResponse l) {
      return new SimMetadataRecords.LightYield("light-yield", l.lightYieldPePerKeVee(),
          l.smearing().name().toLowerCase(Locale.ROOT),
          l.smearing() == LightYieldResponse.Smearing.GAMMA ? l.shapePerKeVee() : null,
          "rounded to the nearest integer; observed_kevee = npe / light yield");
    } else if (e instanceof GaussianResponse g) {
      return new SimMetadataRecords.Gaussian("gaussian", g.sigma0KeVee(), g.aKeVee(), g.b());
    } else if (e instanceof IdealResponse) {
      return new SimMetadataRecords.Named("ideal");
    }
    return new SimMetadataRecords.Named(e.toString());
  }

  static Object efficiency(Efficiency e, String role) {
    if (e instanceof HardThreshold h) {
      return new SimMetadataRecords.Threshold("threshold", h.variable().configName(), h.threshold(), role);
    } else if (e instanceof ErfEfficiency f) {
      return new SimMetadataRecords.Erf("erf", f.variable().configName(), f.x50(), f.width(), f.plateau(), role);
    } else if (e instanceof LogisticEfficiency l) {
      double[] p = l.parameters();
      return new SimMetadataRecords.Logistic("logistic", l.variable().configName(), p[0], p[1], p[2], p[3], role);
    } else if (e instanceof TabulatedEfficiency t) {
      return new SimMetadataRecords.TabulatedEfficiency("tabulated", t.variable().configName(), t.values(),
          t.efficiencies(), role);
    } else if (e instanceof DeadTime d) {
      return new SimMetadataRecords.DeadTime("dead-time", d.deadFraction(), role);
    }
    return new SimMetadataRecords.NamedEfficiency(e.toString(), role);
  }

  /** The background channels. */
  static List<SimMetadataRecords.Background> backgrounds(ExperimentModel model, BackgroundChannels backgrounds) {
    List<SimMetadataRecords.Background> out = new ArrayList<>();
    for (BackgroundChannel c : backgrounds.channels()) {
      out.add(new SimMetadataRecords.Background(model.detectors().get(c.detectorIndex()).name(), c.name(),
          c.spec().component().getClass().getSimpleName(), model.exposures().get(c.exposureIndex()).sourceName(),
          c.period(), c.exposure().state().name().toLowerCase(Locale.ROOT),
          c.spec().component().energyScale().configName(), spectrum(c.spec().component().spectrum()),
          c.exposure().massKg(), c.exposure().liveSeconds(), c.exposure().protonsOnTarget(), c.frame().startNs(),
          c.frame().lengthNs(), c.expected()));
    }
    return out;
  }

  private static String spectrum(BackgroundSpectrum s) {
    return s.toString();
  }

  /** The windows. */
  static SimMetadataRecords.Windows windows(WindowsConfig w) {
    return new SimMetadataRecords.Windows(w.coincidenceStartNs(), w.coincidenceLengthNs(),
        w.placement().name().toLowerCase(Locale.ROOT), w.delayNs(), w.recordStartNs(),
        w.recordLengthNs().isPresent() ? w.recordLengthNs().getAsDouble() : null);
  }
}
