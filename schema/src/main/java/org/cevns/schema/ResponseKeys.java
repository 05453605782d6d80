package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code detectors[i].response} as bound ({@link ConfigBinding}); see {@code configs/reference.yaml} for every key.
 * Each key is checked here, the PE keys against the energy model too; detsim checks the quenching elements against
 * the target, reads the table files and builds the response.
 *
 * @param quenching {@code quenching}: one model for every element, or {@code by_element}; required
 * @param energy {@code energy}: the energy response; required
 * @param thresholdKeVee {@code threshold_kevee}: a hard threshold in observed keVee (at most one threshold)
 * @param thresholdPe {@code threshold_pe}: a hard threshold in photoelectrons (light-yield responses only)
 * @param efficiency {@code efficiency}: an efficiency curve
 * @param triggerEfficiency {@code trigger_efficiency}: a trigger efficiency curve
 * @param deadTime {@code dead_time}
 * @param timeEfficiency {@code time_efficiency}: efficiency in the time since the window start
 */
public record ResponseKeys(
    @JsonProperty(value = "quenching", required = true) Quenching quenching,
    @JsonProperty(value = "energy", required = true) Energy energy,
    @JsonProperty("threshold_kevee") OptionalDouble thresholdKeVee,
    @JsonProperty("threshold_pe") OptionalDouble thresholdPe,
    @JsonProperty("efficiency") Optional<Efficiency> efficiency,
    @JsonProperty("trigger_efficiency") Optional<Efficiency> triggerEfficiency,
    @JsonProperty("dead_time") Optional<DeadTime> deadTime,
    @JsonProperty("time_efficiency") Optional<TimeEfficiency> timeEfficiency) {
  private static final String NEEDS_LIGHT_YIELD = "a threshold or efficiency in PE needs a light-yield energy response";
  private static final DoubleRange UP_TO_1E6 = DoubleRange.openClosed(0, 1e6).because("up to 1e6");

  public ResponseKeys {
    Checks.present("quenching", quenching);
    Checks.present("energy", energy);
    thresholdKeVee = thresholdKeVee == null ? OptionalDouble.empty() : thresholdKeVee;
    thresholdPe = thresholdPe == null ? OptionalDouble.empty() : thresholdPe;
    if (thresholdKeVee.isPresent() && thresholdPe.isPresent()) {
      throw new ConfigException("", "must give at most one of threshold_kevee, threshold_pe",
          "threshold_kevee, threshold_pe");
    }
    Checks.optional("threshold_kevee", thresholdKeVee, PhysicalRanges.SIGNED_ENERGY_KEV);
    Checks.optional("threshold_pe", thresholdPe, PhysicalRanges.PHOTOELECTRONS_OR_ZERO);
    boolean pe = energy instanceof LightYield;
    if (thresholdPe.isPresent() && !pe) {
      throw new ConfigException("threshold_pe", NEEDS_LIGHT_YIELD);
    }
    efficiency = checked(efficiency, "efficiency", pe);
    triggerEfficiency = checked(triggerEfficiency, "trigger_efficiency", pe);
    deadTime = Checks.optional(deadTime);
    timeEfficiency = Checks.optional(timeEfficiency);
  }

  private static Optional<Efficiency> checked(Optional<Efficiency> e, String key, boolean pe) {
    Optional<Efficiency> out = Checks.optional(e);
    if (out.isPresent() && out.get().variable() == Variable.PE && !pe) {
      throw new ConfigException(key + ".variable", NEEDS_LIGHT_YIELD);
    }
    return out;
  }

  /** Binds a response tree found at {@code path} (a {@code detectors[i].response}, or a merged variant of one). */
  public static ResponseKeys of(JsonNode node, String path) {
    return ConfigBinding.bind(node, path, ResponseKeys.class);
  }

  // ------------------------------------------------------------------ quenching

  /** {@code quenching}: {@code {by_element: {SYMBOL: MODEL}}} or one model for every element. */
  @ChosenBy(ifPresent = "by_element", then = ByElement.class, otherwise = QuenchingModel.class)
  public sealed interface Quenching permits ByElement, QuenchingModel { }

  /** {@code quenching.model}. */
  public enum QuenchingKind { LINDHARD, CONSTANT, POLYNOMIAL, TABULATED, LINEAR, NONE }

  /** One quenching model, chosen by {@code model}. */
  @ChosenBy(key = "model", kinds = QuenchingKind.class, types = {Lindhard.class, ConstantQuenching.class,
      Polynomial.class, TabulatedQuenching.class, LinearQuenching.class, NoQuenching.class})
  public sealed interface QuenchingModel extends Quenching
      permits Lindhard, ConstantQuenching, Polynomial, TabulatedQuenching, LinearQuenching, NoQuenching { }

  /** @param byElement {@code by_element}: per element symbol of the target, its model */
  public record ByElement(@JsonProperty(value = "by_element", required = true)
      java.util.Map<String, QuenchingModel> byElement) implements Quenching {
    public ByElement {
      byElement = Checks.orderedCopy(Checks.present("by_element", byElement));
    }
  }

  /** Lindhard: {@code k} in (0, 10] (absent: the element's), {@code adiabatic_xi_kevnr} in [0, 10] (absent: 0). */
  public record Lindhard(@JsonProperty(value = "model", required = true) QuenchingKind model,
      @JsonProperty("k") OptionalDouble k,
      @JsonProperty("adiabatic_xi_kevnr") OptionalDouble adiabaticXiKeVnr) implements QuenchingModel {
    public Lindhard {
      k = Checks.optional("k", k, DoubleRange.openClosed(0, 10).because("up to 10"));
      adiabaticXiKeVnr = Checks.optional("adiabatic_xi_kevnr", adiabaticXiKeVnr,
          DoubleRange.closed(0, 10).because("up to 10 keVnr"));
    }
  }

  /** @param quenchingFactor {@code quenching_factor} in (0, 1] */
  public record ConstantQuenching(@JsonProperty(value = "model", required = true) QuenchingKind model,
      @JsonProperty(value = "quenching_factor", required = true) double quenchingFactor) implements QuenchingModel {
    public ConstantQuenching {
      DoubleRange.openClosed(0, 1).check("quenching_factor", quenchingFactor);
    }
  }

  /** {@code coefficients_mev}: E_ee (MeV) as a polynomial in E_nr (MeV), valid up to {@code max_kevnr}. */
  public record Polynomial(@JsonProperty(value = "model", required = true) QuenchingKind model,
      @JsonProperty(value = "coefficients_mev", required = true) java.util.List<Double> coefficientsMeV,
      @JsonProperty(value = "max_kevnr", required = true) double maxKeVnr) implements QuenchingModel {
    public Polynomial {
      Checks.present("coefficients_mev", coefficientsMeV);
      if (coefficientsMeV.isEmpty()) {
        throw new ConfigException("coefficients_mev", "must be a non-empty list of numbers", "[]");
      }
      for (int i = 0; i < coefficientsMeV.size(); i++) {
        PhysicalRanges.SIGNED_MODEL_PARAMETER.check("coefficients_mev[" + i + "]", coefficientsMeV.get(i));
      }
      coefficientsMeV = java.util.List.copyOf(coefficientsMeV);
      PhysicalRanges.ENERGY_KEV.check("max_kevnr", maxKeVnr);
    }
  }

  /** @param file {@code file}: a table recoil_kevnr,quenching_factor or recoil_kevnr,visible_kevee */
  public record TabulatedQuenching(@JsonProperty(value = "model", required = true) QuenchingKind model,
      @JsonProperty(value = "file", required = true) String file) implements QuenchingModel {
    public TabulatedQuenching {
      Checks.present("file", file);
    }
  }

  /** A quenching factor linear in E_nr: {@code intercept} in (0, 1], {@code slope_per_kevnr} &ge; 0. */
  public record LinearQuenching(@JsonProperty(value = "model", required = true) QuenchingKind model,
      @JsonProperty(value = "intercept", required = true) double intercept,
      @JsonProperty(value = "slope_per_kevnr", required = true) double slopePerKeVnr) implements QuenchingModel {
    public LinearQuenching {
      DoubleRange.openClosed(0, 1).check("intercept", intercept);
      PhysicalRanges.MODEL_PARAMETER.check("slope_per_kevnr", slopePerKeVnr);
    }
  }

  /** {@code model: none}: not quenched. */
  public record NoQuenching(@JsonProperty(value = "model", required = true) QuenchingKind model)
      implements QuenchingModel { }

  // ------------------------------------------------------------------ energy response

  /** {@code energy.model}. */
  public enum EnergyKind { IONISATION, LIGHT_YIELD, GAUSSIAN, IDEAL }

  /** {@code energy}: the energy response, chosen by {@code model}. */
  @ChosenBy(key = "model", kinds = EnergyKind.class, types = {Ionisation.class, LightYield.class,
      GaussianEnergy.class, IdealEnergy.class})
  public sealed interface Energy permits Ionisation, LightYield, GaussianEnergy, IdealEnergy { }

  /** Ionisation: {@code pair_energy_ev} in (0, 1 MeV], {@code fano} &ge; 0, {@code noise_sigma_evee}. */
  public record Ionisation(@JsonProperty(value = "model", required = true) EnergyKind model,
      @JsonProperty(value = "pair_energy_ev", required = true) double pairEnergyEV,
      @JsonProperty(value = "fano", required = true) double fano,
      @JsonProperty(value = "noise_sigma_evee", required = true) double noiseSigmaEVee) implements Energy {
    public Ionisation {
      DoubleRange.openClosed(0, 1e6).because("up to 1 MeV").check("pair_energy_ev", pairEnergyEV);
      PhysicalRanges.MODEL_PARAMETER.check("fano", fano);
      PhysicalRanges.ENERGY_EV.check("noise_sigma_evee", noiseSigmaEVee);
    }
  }

  /** {@code energy.smearing} of a light-yield response. */
  public enum Smearing { POISSON, GAMMA }

  /** Light yield: {@code light_yield_pe_per_kevee}, {@code smearing}, {@code gamma_shape_per_kevee} (gamma only). */
  public record LightYield(@JsonProperty(value = "model", required = true) EnergyKind model,
      @JsonProperty(value = "light_yield_pe_per_kevee", required = true) double lightYieldPePerKeVee,
      @JsonProperty(value = "smearing", required = true) Smearing smearing,
      @JsonProperty("gamma_shape_per_kevee") OptionalDouble gammaShapePerKeVee) implements Energy {
    public LightYield {
      PhysicalRanges.LIGHT_YIELD_PE_PER_KEVEE.check("light_yield_pe_per_kevee", lightYieldPePerKeVee);
      Checks.present("smearing", smearing);
      gammaShapePerKeVee = gammaShapePerKeVee == null ? OptionalDouble.empty() : gammaShapePerKeVee;
      if (smearing == Smearing.POISSON && gammaShapePerKeVee.isPresent()) {
        throw new ConfigException("gamma_shape_per_kevee", "only allowed with smearing: gamma");
      }
      if (smearing == Smearing.GAMMA) {
        if (gammaShapePerKeVee.isEmpty()) {
          throw new ConfigException("gamma_shape_per_kevee", "required key is missing");
        }
        UP_TO_1E6.check("gamma_shape_per_kevee", gammaShapePerKeVee.getAsDouble());
      }
    }
  }

  /** {@code model: gaussian}: the resolution terms {@code sigma0_kevee}, {@code a_kevee}, {@code b}; absent: 0. */
  public record GaussianEnergy(@JsonProperty(value = "model", required = true) EnergyKind model,
      @JsonProperty("sigma0_kevee") OptionalDouble sigma0KeVee, @JsonProperty("a_kevee") OptionalDouble aKeVee,
      @JsonProperty("b") OptionalDouble b) implements Energy {
    public GaussianEnergy {
      sigma0KeVee = Checks.optional("sigma0_kevee", sigma0KeVee, PhysicalRanges.ENERGY_KEV_OR_ZERO);
      aKeVee = Checks.optional("a_kevee", aKeVee, PhysicalRanges.ENERGY_KEV_OR_ZERO);
      b = Checks.optional("b", b, PhysicalRanges.MODEL_PARAMETER);
    }
  }

  /** {@code model: ideal}: observed = quenched energy. */
  public record IdealEnergy(@JsonProperty(value = "model", required = true) EnergyKind model) implements Energy { }

  // ------------------------------------------------------------------ efficiencies

  /** {@code efficiency.model}. */
  public enum EfficiencyKind { ERF, LOGISTIC, TABULATED }

  /** {@code variable} of an efficiency: observed keVee or photoelectrons. */
  public enum Variable { KEVEE, PE }

  /** An efficiency curve, chosen by {@code model}. */
  @ChosenBy(key = "model", kinds = EfficiencyKind.class, types = {Erf.class, Logistic.class,
      TabulatedEfficiency.class})
  public sealed interface Efficiency permits Erf, Logistic, TabulatedEfficiency {
    /** The variable of the curve. */
    Variable variable();
  }

  /** Erf curve: plateau · (1 + erf((x − x50)/width))/2; {@code plateau} absent: 1. */
  public record Erf(@JsonProperty(value = "model", required = true) EfficiencyKind model,
      @JsonProperty(value = "variable", required = true) Variable variable,
      @JsonProperty(value = "x50", required = true) double x50,
      @JsonProperty(value = "width", required = true) double width,
      @JsonProperty("plateau") OptionalDouble plateau) implements Efficiency {
    public Erf {
      Checks.present("variable", variable);
      PhysicalRanges.SIGNED_ENERGY_KEV.check("x50", x50);
      UP_TO_1E6.check("width", width);
      plateau = Checks.optional("plateau", plateau, DoubleRange.openClosed(0, 1));
    }
  }

  /** Logistic curve a / (1 + exp(−b (x − c))) + d; {@code d} absent: 0. */
  public record Logistic(@JsonProperty(value = "model", required = true) EfficiencyKind model,
      @JsonProperty(value = "variable", required = true) Variable variable,
      @JsonProperty(value = "a", required = true) double a, @JsonProperty(value = "b", required = true) double b,
      @JsonProperty(value = "c", required = true) double c, @JsonProperty("d") OptionalDouble d)
      implements Efficiency {
    public Logistic {
      Checks.present("variable", variable);
      PhysicalRanges.SIGNED_MODEL_PARAMETER.check("a", a);
      DoubleRange.openClosed(0, 1e9).because("up to 1e9").check("b", b);
      PhysicalRanges.SIGNED_MODEL_PARAMETER.check("c", c);
      d = Checks.optional("d", d, PhysicalRanges.SIGNED_MODEL_PARAMETER);
    }
  }

  /** @param file {@code file}: a table kevee,efficiency or pe,efficiency (by the variable) */
  public record TabulatedEfficiency(@JsonProperty(value = "model", required = true) EfficiencyKind model,
      @JsonProperty(value = "variable", required = true) Variable variable,
      @JsonProperty(value = "file", required = true) String file) implements Efficiency {
    public TabulatedEfficiency {
      Checks.present("variable", variable);
      Checks.present("file", file);
    }
  }

  /** {@code dead_time}: {@code fraction} in [0, 1), or {@code per_trigger_ns} with {@code trigger_rate_hz}. */
  public record DeadTime(@JsonProperty("fraction") OptionalDouble fraction,
      @JsonProperty("per_trigger_ns") OptionalDouble perTriggerNs,
      @JsonProperty("trigger_rate_hz") OptionalDouble triggerRateHz) {
    public DeadTime {
      fraction = fraction == null ? OptionalDouble.empty() : fraction;
      perTriggerNs = perTriggerNs == null ? OptionalDouble.empty() : perTriggerNs;
      triggerRateHz = triggerRateHz == null ? OptionalDouble.empty() : triggerRateHz;
      if (fraction.isPresent()) {
        if (perTriggerNs.isPresent() || triggerRateHz.isPresent()) {
          throw new ConfigException("", "must give either fraction or per_trigger_ns with trigger_rate_hz",
              "fraction and per_trigger_ns");
        }
        DoubleRange.closed(0, 1).check("fraction", fraction.getAsDouble());
        if (fraction.getAsDouble() == 1) {
          throw new ConfigException("fraction", "must be in [0, 1)", ConfigException.render(1.0));
        }
      } else {
        PhysicalRanges.TIME_NS.check("per_trigger_ns", Checks.present("per_trigger_ns", value(perTriggerNs)));
        PhysicalRanges.RATE_HZ.check("trigger_rate_hz", Checks.present("trigger_rate_hz", value(triggerRateHz)));
      }
    }

    private static Double value(OptionalDouble d) {
      return d.isPresent() ? d.getAsDouble() : null;
    }
  }

  /** {@code time_efficiency}: flat for {@code flat_ns} after the window start, then falling by {@code decay_per_us}. */
  public record TimeEfficiency(@JsonProperty(value = "flat_ns", required = true) double flatNs,
      @JsonProperty(value = "decay_per_us", required = true) double decayPerUs) {
    public TimeEfficiency {
      PhysicalRanges.TIME_NS.check("flat_ns", flatNs);
      PhysicalRanges.MODEL_PARAMETER.check("decay_per_us", decayPerUs);
    }
  }
}
