package org.cevns.analysis.config;

import java.util.List;
import java.util.Map;
import org.cevns.schema.ExperimentConfig;

/**
 * The validated {@code analysis} section of a configuration (all keys optional; see
 * {@code configs/reference.yaml}). Parse with {@link #of(ExperimentConfig)}; errors are
 * {@link org.cevns.schema.ConfigException}s with the key path.
 *
 * @param modeAsWritten {@code analysis.mode} as configured (default {@link AnalysisMode#AUTO})
 * @param mode the mode in effect: {@code auto} resolved from the sources
 * @param energy observed-energy binning (keVee) of every detector without an override
 * @param energyByDetector per-detector observed-energy binning, by detector name
 * @param pe photoelectron binning (detectors that count PE)
 * @param time time binning (ns): since the pulse start for pulsed sources, since the period start otherwise
 * @param fit fit settings
 * @param sensitivity sensitivity settings
 * @param systematics systematic uncertainties of the fit ({@code analysis.systematics})
 * @param parameters physics parameters of interest reported by {@code run} and {@code sensitivity}
 *     ({@code analysis.parameters}: {@code sin2_theta_w}, {@code rn_fm.Cs133}, …), besides μ
 * @param recoilScaleDetectors detectors whose response has {@code quenching: {model: none}}: their observed energy
 *     (the {@code observed_kevee} column) is on the recoil scale, keVnr for nuclear recoils, and the spectrum plots
 *     label it so
 */
public record AnalysisConfig(AnalysisMode modeAsWritten, AnalysisMode mode, AxisSpec energy,
    Map<String, AxisSpec> energyByDetector, AxisSpec pe, AxisSpec time, FitSettings fit,
    SensitivitySettings sensitivity, Systematics systematics, List<String> parameters,
    java.util.Set<String> recoilScaleDetectors) {
  /** Default number of energy bins. */
  public static final int DEFAULT_ENERGY_BINS = 20;
  /** Default number of time bins. */
  public static final int DEFAULT_TIME_BINS = 60;

  public AnalysisConfig {
    if (modeAsWritten == null || mode == null || energy == null || energyByDetector == null || pe == null
        || time == null || fit == null || sensitivity == null || systematics == null || parameters == null
        || recoilScaleDetectors == null) {
      throw new IllegalArgumentException("every analysis setting must be given (none null)");
    }
    if (mode == AnalysisMode.AUTO) {
      throw new IllegalArgumentException("mode must be resolved (not auto)");
    }
    if (fit.observable() == FitObservable.ENERGY_TIME && mode != AnalysisMode.BEAM) {
      throw new IllegalArgumentException("the energy-time fit needs mode beam, got " + mode);
    }
    energyByDetector = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(energyByDetector));
    parameters = List.copyOf(parameters);
    recoilScaleDetectors = java.util.Set.copyOf(recoilScaleDetectors);
  }

  /** Parses and validates the {@code analysis} section of {@code config} (absent: every default). */
  public static AnalysisConfig of(ExperimentConfig config) {
    return AnalysisConfigParser.parse(config);
  }

  /** The energy binning of detector {@code name}. */
  public AxisSpec energyOf(String detector) {
    return energyByDetector.getOrDefault(detector, energy);
  }

  /** This configuration with other fit settings. */
  public AnalysisConfig withFit(FitSettings f) {
    return new AnalysisConfig(modeAsWritten, mode, energy, energyByDetector, pe, time, f, sensitivity, systematics,
        parameters, recoilScaleDetectors);
  }

  /** This configuration with other sensitivity settings. */
  public AnalysisConfig withSensitivity(SensitivitySettings s) {
    return new AnalysisConfig(modeAsWritten, mode, energy, energyByDetector, pe, time, fit, s, systematics,
        parameters, recoilScaleDetectors);
  }

  /** This configuration with other systematics (e.g. {@link Systematics#none()}). */
  public AnalysisConfig withSystematics(Systematics s) {
    return new AnalysisConfig(modeAsWritten, mode, energy, energyByDetector, pe, time, fit, sensitivity, s,
        parameters, recoilScaleDetectors);
  }

  /** This configuration with other physics parameters of interest (e.g. none). */
  public AnalysisConfig withParameters(List<String> names) {
    return new AnalysisConfig(modeAsWritten, mode, energy, energyByDetector, pe, time, fit, sensitivity, systematics,
        names, recoilScaleDetectors);
  }
}
