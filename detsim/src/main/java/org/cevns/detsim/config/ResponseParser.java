package org.cevns.detsim.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cevns.detsim.efficiency.DeadTime;
import org.cevns.detsim.efficiency.Efficiency;
import org.cevns.detsim.efficiency.EfficiencyVariable;
import org.cevns.detsim.efficiency.ErfEfficiency;
import org.cevns.detsim.efficiency.HardThreshold;
import org.cevns.detsim.efficiency.LogisticEfficiency;
import org.cevns.detsim.efficiency.TabulatedEfficiency;
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
import org.cevns.detsim.detector.DetectionStage;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigNode;
import org.cevns.schema.DoubleRange;
import org.cevns.schema.PhysicalRanges;
import org.cevns.physics.nucleus.Target;

/**
 * Parses {@code detectors[i].response} into a {@link DetectorResponse}. Keys (see {@code configs/reference.yaml}):
 * {@code quenching} (required: one model for every element, or {@code by_element}), {@code energy}
 * (required), at most one of {@code threshold_kevee} / {@code threshold_pe}, and the optional
 * {@code efficiency}, {@code trigger_efficiency} and {@code dead_time}.
 */
public final class ResponseParser {
  /** Keys of the response section, in documentation order. */
  public static final List<String> KEYS = List.of("quenching", "energy", "threshold_kevee", "threshold_pe",
      "efficiency", "trigger_efficiency", "dead_time", "time_efficiency");

  /** Quenching models ({@code model} key). */
  enum QuenchingModel { LINDHARD, CONSTANT, POLYNOMIAL, TABULATED, LINEAR, NONE }

  /** Energy response models. */
  enum EnergyModel { IONISATION, LIGHT_YIELD, GAUSSIAN, IDEAL }

  /** Efficiency curve models. */
  enum EfficiencyModel { ERF, LOGISTIC, TABULATED }

  /** Efficiency variables: observed keVee or PE. */
  enum Variable { KEVEE, PE }

  /** PE smearing of light-yield responses. */
  enum Smearing { POISSON, GAMMA }

  private ResponseParser() {}

  /**
   * @param r the response map
   * @param target the detector's target (elements for per-element quenching and Lindhard defaults)
   * @param baseDir directory of the configuration file, for table files
   */
  public static DetectorResponse parse(ConfigNode r, Target target, Path baseDir) {
    r.allowKeys(KEYS.toArray(new String[0]));
    QuenchingByNucleus quenching = quenching(r.required("quenching").requireMap(), target, baseDir);
    EnergyResponse energy = energy(r.required("energy").requireMap());
    boolean pe = energy.countsPhotoelectrons();
    List<DetectionStage> stages = new ArrayList<>();
    String threshold = Rules.atMostOne(r, "threshold_kevee", "threshold_pe");
    if ("threshold_kevee".equals(threshold)) {
      double t = r.requiredDouble("threshold_kevee", PhysicalRanges.SIGNED_ENERGY_KEV);
      stages.add(new DetectionStage("threshold", HardThreshold.keVee(t)));
    } else if ("threshold_pe".equals(threshold)) {
      ConfigNode n = r.required("threshold_pe");
      double t = n.asDouble(PhysicalRanges.ENERGY_KEV_OR_ZERO);
      requirePe(n, pe);
      stages.add(new DetectionStage("threshold", HardThreshold.of(EfficiencyVariable.PHOTOELECTRONS, t)));
    }
    r.optional("efficiency").ifPresent(n -> stages.add(new DetectionStage("efficiency", efficiency(n, pe, baseDir))));
    r.optional("trigger_efficiency")
        .ifPresent(n -> stages.add(new DetectionStage("trigger_efficiency", efficiency(n, pe, baseDir))));
    r.optional("dead_time").ifPresent(n -> stages.add(new DetectionStage("dead_time", deadTime(n))));
    java.util.Optional<org.cevns.detsim.efficiency.WindowTimeEfficiency> time = r.optional("time_efficiency")
        .map(ResponseParser::timeEfficiency);
    r.requireAllConsumed();
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

  private static QuenchingByNucleus quenching(ConfigNode q, Target target, Path baseDir) {
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
    if (q.keys().contains("by_element")) {
      q.allowKeys("by_element");
      ConfigNode m = q.required("by_element").requireMap();
      for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
        Integer z = symbols.entrySet().stream().filter(s -> s.getValue().equals(e.getKey())).map(Map.Entry::getKey)
            .findFirst().orElse(null);
        if (z == null) {
          throw new ConfigException(e.getValue().path(),
              "not an element of the target, allowed: " + String.join(", ", symbols.values()));
        }
        byZ.put(z, model(e.getValue().requireMap(), baseDir).apply(z, meanAtomicMass(target, z)));
      }
      for (Map.Entry<Integer, String> s : symbols.entrySet()) {
        if (!byZ.containsKey(s.getKey())) {
          throw new ConfigException(m.pathOf(s.getValue()),
              "required key is missing (every element of the target needs a quenching model)");
        }
      }
    } else {
      ElementQuenching one = model(q, baseDir);
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

  private static ElementQuenching model(ConfigNode q, Path baseDir) {
    QuenchingModel model = q.requiredEnum("model", QuenchingModel.class);
    switch (model) {
      case LINDHARD -> {
        q.allowKeys("model", "k", "adiabatic_xi_kevnr");
        var k = q.optionalDouble("k", DoubleRange.openClosed(0, 10).because("up to 10"));
        double xi = q.optionalDouble("adiabatic_xi_kevnr", DoubleRange.closed(0, 10).because("up to 10 keVnr"))
            .orElse(0.0);
        return (z, a) -> (k.isPresent() ? LindhardQuenching.of(z, a, k.getAsDouble())
            : LindhardQuenching.withDefaultK(z, a)).withAdiabaticCorrection(xi);
      }
      case CONSTANT -> {
        q.allowKeys("model", "quenching_factor");
        Quenching c = ConstantQuenching.of(q.requiredDouble("quenching_factor", DoubleRange.openClosed(0, 1)));
        return (z, a) -> c;
      }
      case POLYNOMIAL -> {
        q.allowKeys("model", "coefficients_mev", "max_kevnr");
        ConfigNode list = q.required("coefficients_mev");
        List<ConfigNode> cs = list.elements();
        if (cs.isEmpty()) {
          throw list.error("must be a non-empty list of numbers");
        }
        double[] c = new double[cs.size()];
        for (int i = 0; i < c.length; i++) {
          c[i] = cs.get(i).asDouble(PhysicalRanges.SIGNED_MODEL_PARAMETER);
        }
        double max = q.requiredDouble("max_kevnr", PhysicalRanges.ENERGY_KEV);
        Quenching p = Rules.model(list, () -> PolynomialQuenching.ofMeV(c, max));
        return (z, a) -> p;
      }
      case TABULATED -> {
        q.allowKeys("model", "file");
        ConfigNode f = q.required("file");
        TableFile t = TableFile.read(f, baseDir,
            List.of("recoil_kevnr,quenching_factor", "recoil_kevnr,visible_kevee"), 1);
        Quenching tq;
        try {
          tq = t.header().endsWith("quenching_factor")
              ? TabulatedQuenching.ofQuenchingFactors(t.x(), t.y())
              : TabulatedQuenching.ofEnergies(t.x(), t.y());
        } catch (IllegalArgumentException e) {
          throw TableFile.invalid(f, e);
        }
        return (z, a) -> tq;
      }
      case LINEAR -> {
        q.allowKeys("model", "intercept", "slope_per_kevnr");
        double q0 = q.requiredDouble("intercept", DoubleRange.openClosed(0, 1));
        double q1 = q.requiredDouble("slope_per_kevnr", PhysicalRanges.MODEL_PARAMETER);
        Quenching l = LinearQfQuenching.of(q0, q1);
        return (z, a) -> l;
      }
      case NONE -> {
        q.allowKeys("model");
        return (z, a) -> ConstantQuenching.unquenched();
      }
      default -> throw new IllegalStateException(model.name());
    }
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

  // ------------------------------------------------------------------ energy response

  private static EnergyResponse energy(ConfigNode e) {
    EnergyModel model = e.requiredEnum("model", EnergyModel.class);
    switch (model) {
      case IONISATION -> {
        e.allowKeys("model", "pair_energy_ev", "fano", "noise_sigma_evee");
        double w = e.requiredDouble("pair_energy_ev", DoubleRange.openClosed(0, 1e6).because("up to 1 MeV"));
        double f = e.requiredDouble("fano", PhysicalRanges.MODEL_PARAMETER);
        double noise = e.requiredDouble("noise_sigma_evee", PhysicalRanges.ENERGY_EV);
        return IonisationResponse.of(w, f, noise);
      }
      case LIGHT_YIELD -> {
        e.allowKeys("model", "light_yield_pe_per_kevee", "smearing", "gamma_shape_per_kevee");
        double ly = e.requiredDouble("light_yield_pe_per_kevee", PhysicalRanges.LIGHT_YIELD_PE_PER_KEVEE);
        Smearing s = e.requiredEnum("smearing", Smearing.class);
        if (s == Smearing.POISSON) {
          if (e.has("gamma_shape_per_kevee")) {
            throw e.required("gamma_shape_per_kevee").problem("only allowed with smearing: gamma");
          }
          return LightYieldResponse.poisson(ly);
        }
        return LightYieldResponse.gamma(ly, e.requiredDouble("gamma_shape_per_kevee", DoubleRange.openClosed(0, 1e6).because("up to 1e6")));
      }
      case GAUSSIAN -> {
        e.allowKeys("model", "sigma0_kevee", "a_kevee", "b");
        double s0 = e.optionalDouble("sigma0_kevee", PhysicalRanges.ENERGY_KEV_OR_ZERO, 0.0);
        double a = e.optionalDouble("a_kevee", PhysicalRanges.ENERGY_KEV_OR_ZERO, 0.0);
        double b = e.optionalDouble("b", PhysicalRanges.MODEL_PARAMETER, 0.0);
        return GaussianResponse.of(s0, a, b);
      }
      case IDEAL -> {
        e.allowKeys("model");
        return IdealResponse.of();
      }
      default -> throw new IllegalStateException(model.name());
    }
  }

  // ------------------------------------------------------------------ efficiencies

  private static void requirePe(ConfigNode n, boolean pe) {
    if (!pe) {
      throw n.problem("a threshold or efficiency in PE needs a light-yield energy response");
    }
  }

  private static Efficiency efficiency(ConfigNode n, boolean pe, Path baseDir) {
    n.requireMap();
    EfficiencyModel model = n.requiredEnum("model", EfficiencyModel.class);
    Variable v = n.requiredEnum("variable", Variable.class);
    if (v == Variable.PE) {
      requirePe(n.required("variable"), pe);
    }
    EfficiencyVariable variable = v == Variable.PE ? EfficiencyVariable.PHOTOELECTRONS : EfficiencyVariable.ENERGY_KEVEE;
    switch (model) {
      case ERF -> {
        n.allowKeys("model", "variable", "x50", "width", "plateau");
        double x50 = n.requiredDouble("x50", PhysicalRanges.SIGNED_ENERGY_KEV);
        double width = n.requiredDouble("width", DoubleRange.openClosed(0, 1e6).because("up to 1e6"));
        double plateau = n.optionalDouble("plateau", DoubleRange.openClosed(0, 1), 1.0);
        return ErfEfficiency.of(variable, x50, width, plateau);
      }
      case LOGISTIC -> {
        n.allowKeys("model", "variable", "a", "b", "c", "d");
        double a = n.requiredDouble("a", PhysicalRanges.SIGNED_MODEL_PARAMETER);
        double b = n.requiredDouble("b", DoubleRange.openClosed(0, 1e9).because("up to 1e9"));
        double c = n.requiredDouble("c", PhysicalRanges.SIGNED_MODEL_PARAMETER);
        double d = n.optionalDouble("d", PhysicalRanges.SIGNED_MODEL_PARAMETER, 0.0);
        return LogisticEfficiency.of(variable, a, b, c, d);
      }
      case TABULATED -> {
        n.allowKeys("model", "variable", "file");
        ConfigNode f = n.required("file");
        String header = (v == Variable.PE ? "pe" : "kevee") + ",efficiency";
        TableFile t = TableFile.read(f, baseDir, List.of(header), 1);
        try {
          return TabulatedEfficiency.of(variable, t.x(), t.y());
        } catch (IllegalArgumentException e) {
          throw TableFile.invalid(f, e);
        }
      }
      default -> throw new IllegalStateException(model.name());
    }
  }

  /** {@code time_efficiency: {flat_ns: >= 0, decay_per_us: >= 0}}: efficiency in the time since the window start. */
  private static org.cevns.detsim.efficiency.WindowTimeEfficiency timeEfficiency(ConfigNode n) {
    n.requireMap().allowKeys("flat_ns", "decay_per_us");
    double flat = n.requiredDouble("flat_ns", PhysicalRanges.TIME_NS);
    double decay = n.requiredDouble("decay_per_us", PhysicalRanges.MODEL_PARAMETER);
    return org.cevns.detsim.efficiency.WindowTimeEfficiency.of(flat, decay);
  }

  private static Efficiency deadTime(ConfigNode n) {
    n.requireMap().allowKeys("fraction", "per_trigger_ns", "trigger_rate_hz");
    if (n.has("fraction")) {
      if (n.has("per_trigger_ns") || n.has("trigger_rate_hz")) {
        throw new ConfigException(n.path(),
            "must give either fraction or per_trigger_ns with trigger_rate_hz", "fraction and per_trigger_ns");
      }
      ConfigNode f = n.required("fraction");
      double fraction = f.asDouble(DoubleRange.closed(0, 1));
      if (fraction == 1) {
        throw f.error("must be in [0, 1)");
      }
      return DeadTime.ofFraction(fraction);
    }
    double tau = n.requiredDouble("per_trigger_ns", PhysicalRanges.TIME_NS);
    double rate = n.requiredDouble("trigger_rate_hz", PhysicalRanges.RATE_HZ);
    return DeadTime.nonParalysable(tau, rate);
  }
}
