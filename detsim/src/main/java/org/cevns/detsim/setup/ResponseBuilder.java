package org.cevns.detsim.setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.detsim.detector.DetectionStage;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.detsim.efficiency.DeadTime;
import org.cevns.detsim.efficiency.Efficiency;
import org.cevns.detsim.efficiency.EfficiencyVariable;
import org.cevns.detsim.efficiency.ErfEfficiency;
import org.cevns.detsim.efficiency.HardThreshold;
import org.cevns.detsim.efficiency.LogisticEfficiency;
import org.cevns.detsim.efficiency.TabulatedEfficiency;
import org.cevns.detsim.efficiency.WindowTimeEfficiency;
import org.cevns.detsim.quench.ConstantQuenching;
import org.cevns.detsim.quench.LindhardQuenching;
import org.cevns.detsim.quench.LinearQfQuenching;
import org.cevns.detsim.quench.PolynomialQuenching;
import org.cevns.detsim.quench.Quenching;
import org.cevns.detsim.quench.QuenchingByNucleus;
import org.cevns.detsim.quench.TabulatedQuenching;
import org.cevns.detsim.response.EnergyResponse;
import org.cevns.detsim.response.GaussianResponse;
import org.cevns.detsim.response.IdealResponse;
import org.cevns.detsim.response.IonisationResponse;
import org.cevns.detsim.response.LightYieldResponse;
import org.cevns.physics.nucleus.Target;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ResponseKeys;

/**
 * Builds a {@link DetectorResponse} from a bound {@code detectors[i].response} ({@link ResponseKeys}): checks the
 * quenching elements against the target and reads the table files (relative to the configuration's directory).
 * Errors are {@link ConfigException}s with the full key path.
 */
public final class ResponseBuilder {
  private ResponseBuilder() {}

  /**
   * @param keys the bound response
   * @param path its key path, e.g. {@code detectors[0].response}
   * @param target the detector's target (elements for per-element quenching and Lindhard defaults)
   * @param baseDir directory of the configuration file, for table files
   */
  public static DetectorResponse build(ResponseKeys keys, String path, Target target, Path baseDir) {
    QuenchingByNucleus quenching = quenching(keys.quenching(), ConfigException.join(path, "quenching"), target,
        baseDir);
    EnergyResponse energy = energy(keys.energy());
    List<DetectionStage> stages = new ArrayList<>();
    keys.thresholdKeVee().ifPresent(t -> stages.add(new DetectionStage("threshold", HardThreshold.keVee(t))));
    keys.thresholdPe().ifPresent(t -> stages.add(new DetectionStage("threshold",
        HardThreshold.of(EfficiencyVariable.PHOTOELECTRONS, t))));
    keys.efficiency().ifPresent(e -> stages.add(new DetectionStage("efficiency",
        efficiency(e, ConfigException.join(path, "efficiency"), baseDir))));
    keys.triggerEfficiency().ifPresent(e -> stages.add(new DetectionStage("trigger_efficiency",
        efficiency(e, ConfigException.join(path, "trigger_efficiency"), baseDir))));
    keys.deadTime().ifPresent(d -> stages.add(new DetectionStage("dead_time", d.fraction().isPresent()
        ? DeadTime.ofFraction(d.fraction().getAsDouble())
        : DeadTime.nonParalysable(d.perTriggerNs().getAsDouble(), d.triggerRateHz().getAsDouble()))));
    Optional<WindowTimeEfficiency> time = keys.timeEfficiency()
        .map(t -> WindowTimeEfficiency.of(t.flatNs(), t.decayPerUs()));
    return DetectorResponse.of(quenching, mainElement(target), energy, stages).withTimeEfficiency(time);
  }

  /** Element with the most atoms per formula unit (first in formula order on a tie): quenches keVnr backgrounds. */
  public static int mainElement(Target target) {
    int best = -1;
    double most = -1;
    for (int z : target.elementZs()) {
      double atoms = 0;
      for (int i = 0; i < target.size(); i++) {
        if (target.isotope(i).z() == z) {
          atoms += target.atomsPerFormulaUnit(i);
        }
      }
      if (atoms > most) {
        most = atoms;
        best = z;
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ quenching

  private static QuenchingByNucleus quenching(ResponseKeys.Quenching q, String path, Target target, Path baseDir) {
    Map<Integer, String> symbols = new LinkedHashMap<>();
    for (int z : target.elementZs()) {
      for (int i = 0; i < target.size(); i++) {
        if (target.isotope(i).z() == z) {
          symbols.put(z, target.isotope(i).symbol());
          break;
        }
      }
    }
    Map<Integer, Quenching> byZ = new LinkedHashMap<>();
    if (q instanceof ResponseKeys.ByElement byElement) {
      String at = ConfigException.join(path, "by_element");
      for (Map.Entry<String, ResponseKeys.QuenchingModel> e : byElement.byElement().entrySet()) {
        Integer z = symbols.entrySet().stream().filter(s -> s.getValue().equals(e.getKey())).map(Map.Entry::getKey)
            .findFirst().orElse(null);
        if (z == null) {
          throw new ConfigException(ConfigException.join(at, e.getKey()),
              "not an element of the target, allowed: " + String.join(", ", symbols.values()));
        }
        byZ.put(z, model(e.getValue(), ConfigException.join(at, e.getKey()), baseDir)
            .apply(z, meanAtomicMass(target, z)));
      }
      for (Map.Entry<Integer, String> s : symbols.entrySet()) {
        if (!byZ.containsKey(s.getKey())) {
          throw new ConfigException(ConfigException.join(at, s.getValue()),
              "required key is missing (every element of the target needs a quenching model)");
        }
      }
    } else {
      ElementQuenching one = model((ResponseKeys.QuenchingModel) q, path, baseDir);
      for (int z : symbols.keySet()) {
        byZ.put(z, one.apply(z, meanAtomicMass(target, z)));
      }
    }
    return QuenchingByNucleus.of(byZ);
  }

  /** A quenching model for an element (Z, mean atomic mass A); only Lindhard's default k depends on them. */
  @FunctionalInterface
  private interface ElementQuenching {
    Quenching apply(int z, double massNumber);
  }

  private static ElementQuenching model(ResponseKeys.QuenchingModel q, String path, Path baseDir) {
    if (q instanceof ResponseKeys.Lindhard l) {
      double xi = l.adiabaticXiKeVnr().orElse(0.0);
      return (z, a) -> (l.k().isPresent() ? LindhardQuenching.of(z, a, l.k().getAsDouble())
          : LindhardQuenching.withDefaultK(z, a)).withAdiabaticCorrection(xi);
    }
    Quenching one;
    if (q instanceof ResponseKeys.ConstantQuenching c) {
      one = ConstantQuenching.of(c.quenchingFactor());
    } else if (q instanceof ResponseKeys.Polynomial p) {
      double[] c = p.coefficientsMeV().stream().mapToDouble(Double::doubleValue).toArray();
      String at = ConfigException.join(path, "coefficients_mev");
      if (c.length > 0 && !(c[0] > 0)) {
        throw new ConfigException(at + "[0]", "must be > 0 (the linear term: E_ee rises from E_nr = 0)",
            Double.toString(c[0]));
      }
      try {
        one = PolynomialQuenching.ofMeV(c, p.maxKeVnr());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(at, e.getMessage());
      }
    } else if (q instanceof ResponseKeys.TabulatedQuenching t) {
      String at = ConfigException.join(path, "file");
      TableFile table = TableFile.read(t.file(), at, baseDir,
          List.of("recoil_kevnr,quenching_factor", "recoil_kevnr,visible_kevee"), 1);
      boolean qf = table.header().endsWith("quenching_factor");
      table.require(t.file(), at, false, v -> v > 0, "recoil_kevnr must be > 0");
      table.require(t.file(), at, true, qf ? v -> v > 0 && v <= 1 : v -> v > 0,
          qf ? "quenching_factor must be in (0, 1]" : "visible_kevee must be > 0");
      double[] ee = table.y();
      for (int i = 0; qf && i < ee.length; i++) {
        ee[i] *= table.x()[i];
      }
      table.requireIncreasing(t.file(), at, ee, qf ? "E_ee = quenching_factor x recoil_kevnr" : "visible_kevee");
      try {
        one = table.header().endsWith("quenching_factor")
            ? TabulatedQuenching.ofQuenchingFactors(table.x(), table.y())
            : TabulatedQuenching.ofEnergies(table.x(), table.y());
      } catch (IllegalArgumentException e) {
        throw TableFile.invalid(t.file(), at, e);
      }
    } else if (q instanceof ResponseKeys.LinearQuenching l) {
      one = LinearQfQuenching.of(l.intercept(), l.slopePerKeVnr());
    } else {
      one = ConstantQuenching.unquenched();
    }
    Quenching model = one;
    return (z, a) -> model;
  }

  /** Mean atomic mass (u) of element {@code z} in the target, weighted by atom counts: A of the Lindhard k. */
  static double meanAtomicMass(Target target, int z) {
    double atoms = 0;
    double mass = 0;
    for (int i = 0; i < target.size(); i++) {
      if (target.isotope(i).z() == z) {
        atoms += target.atomsPerFormulaUnit(i);
        mass += target.atomsPerFormulaUnit(i) * target.isotope(i).atomicMassU();
      }
    }
    return mass / atoms;
  }

  // ------------------------------------------------------------------ energy response and efficiencies

  private static EnergyResponse energy(ResponseKeys.Energy e) {
    if (e instanceof ResponseKeys.Ionisation i) {
      return IonisationResponse.of(i.pairEnergyEV(), i.fano(), i.noiseSigmaEVee());
    } else if (e instanceof ResponseKeys.LightYield l) {
      return l.smearing() == ResponseKeys.Smearing.POISSON ? LightYieldResponse.poisson(l.lightYieldPePerKeVee())
          : LightYieldResponse.gamma(l.lightYieldPePerKeVee(), l.gammaShapePerKeVee().getAsDouble());
    } else if (e instanceof ResponseKeys.GaussianEnergy g) {
      return GaussianResponse.of(g.sigma0KeVee().orElse(0.0), g.aKeVee().orElse(0.0), g.b().orElse(0.0));
    }
    return IdealResponse.of();
  }

  private static Efficiency efficiency(ResponseKeys.Efficiency e, String path, Path baseDir) {
    EfficiencyVariable variable = e.variable() == ResponseKeys.Variable.PE ? EfficiencyVariable.PHOTOELECTRONS
        : EfficiencyVariable.ENERGY_KEVEE;
    if (e instanceof ResponseKeys.Erf f) {
      return ErfEfficiency.of(variable, f.x50(), f.width(), f.plateau().orElse(1.0));
    } else if (e instanceof ResponseKeys.Logistic l) {
      return LogisticEfficiency.of(variable, l.a(), l.b(), l.c(), l.d().orElse(0.0));
    }
    ResponseKeys.TabulatedEfficiency t = (ResponseKeys.TabulatedEfficiency) e;
    String at = ConfigException.join(path, "file");
    String header = (e.variable() == ResponseKeys.Variable.PE ? "pe" : "kevee") + ",efficiency";
    TableFile table = TableFile.read(t.file(), at, baseDir, List.of(header), 1);
    table.require(t.file(), at, true, v -> v >= 0 && v <= 1, "efficiency must be in [0, 1]");
    try {
      return TabulatedEfficiency.of(variable, table.x(), table.y());
    } catch (IllegalArgumentException x) {
      throw TableFile.invalid(t.file(), at, x);
    }
  }
}
