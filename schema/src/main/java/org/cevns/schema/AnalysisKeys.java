package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code analysis} section as bound ({@link ConfigBinding}); every key optional. Each key is checked on its own
 * here; the analysis stage checks the keys against the rest of the configuration (detector, source and background
 * names, the mode against the sources) when it builds its settings.
 *
 * @param mode {@code mode}; absent: auto
 * @param energy {@code energy}: observed-energy axis (keVee)
 * @param detectors {@code detectors}: per-detector observed-energy axes, by detector name
 * @param pe {@code pe}: photoelectron axis
 * @param time {@code time}: time axis (ns)
 * @param fit {@code fit}
 * @param sensitivity {@code sensitivity}
 * @param systematics {@code systematics}
 * @param parameters {@code parameters}: physics parameters of interest, each once, matching {@link #PARAMETER_PATTERN}
 * @param parameterConstraints {@code parameter_constraints}: Gaussian constraint width (in the parameter's own unit)
 *     of physics parameters listed in {@code parameters}, by name: the parameter becomes a constrained nuisance,
 *     ((x − x₀)/σ)² added to the deviance, x₀ its configured value
 */
public record AnalysisKeys(
    @JsonProperty("mode") Optional<Mode> mode,
    @JsonProperty("energy") Optional<AxisKeys.Energy> energy,
    @JsonProperty("detectors") Optional<Map<String, AxisKeys.Energy>> detectors,
    @JsonProperty("pe") Optional<AxisKeys.Pe> pe,
    @JsonProperty("time") Optional<AxisKeys.Time> time,
    @JsonProperty("fit") Optional<FitKeys> fit,
    @JsonProperty("sensitivity") Optional<SensitivityKeys> sensitivity,
    @JsonProperty("systematics") Optional<SystematicsKeys> systematics,
    @JsonProperty("parameters") Optional<List<String>> parameters,
    @JsonProperty("parameter_constraints") Optional<Map<String, Double>> parameterConstraints) {
  /** Syntax of a physics parameter name. */
  public static final String PARAMETER_PATTERN = "mu|sin2_theta_w|(rn_fm|rp_fm)\\.[A-Z][a-z]?[0-9]{1,3}"
      + "|rn_fm\\.([A-Z][a-z]?[0-9]*)+"
      + "|nsi\\.[ude]\\.(ee|mumu|tautau|emu|etau|mutau)"
      + "|(magnetic_moment_mub|millicharge_e|charge_radius_cm2)\\.(nue|numu|nutau|all)"
      + "|magnetic_moment_mub\\.(emu|etau|mutau)"
      + "|mediator\\[[0-9]{1,3}]\\.(mass_mev|g|g_nu|g_u|g_d|g_e)"
      + "|sterile\\.(mass_mev|dipole_mub\\.(nue|numu|nutau|all))"
      + "|ngi\\.(scalar|vector|axial|tensor)\\.((nue|numu|nutau|emu|etau|mutau)\\.)?(p|n|e)"
      + "|ngi\\.pseudoscalar\\.((nue|numu|nutau|emu|etau|mutau)\\.)?e"
      + "|ngi\\.(scalar|vector|axial|tensor|pseudoscalar)\\.mass_mev";

  /** {@code analysis.mode}, spelled {@code auto}, {@code on-off}, {@code beam}, {@code single}. */
  public enum Mode {
    /** Chosen from the sources. */
    AUTO,
    /** Reactor ON − OFF. */
    ON_OFF,
    /** Pulsed beam: coincidence − anti-coincidence. */
    BEAM,
    /** One period, signal + background fit. */
    SINGLE
  }

  public AnalysisKeys {
    mode = Checks.optional(mode);
    energy = Checks.optional(energy);
    detectors = Checks.optional(detectors).map(Checks::orderedCopy);
    pe = Checks.optional(pe);
    time = Checks.optional(time);
    fit = Checks.optional(fit);
    sensitivity = Checks.optional(sensitivity);
    systematics = Checks.optional(systematics);
    parameters = Checks.optional(parameters).map(AnalysisKeys::checkParameters);
    parameterConstraints = Checks.optional(parameterConstraints).map(Checks::orderedCopy);
    List<String> listed = parameters.orElse(List.of());
    parameterConstraints.ifPresent(c -> c.forEach((name, sigma) -> {
      String key = "parameter_constraints." + name;
      if (!listed.contains(name)) {
        throw new ConfigException(key, "must be a parameter listed in analysis.parameters " + listed,
            ConfigException.quote(name));
      }
      if (sigma == null || !(sigma > 0) || Double.isInfinite(sigma)) {
        throw new ConfigException(key, "must be finite and > 0, got " + sigma);
      }
    }));
  }

  private static List<String> checkParameters(List<String> items) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String n = items.get(i);
      String key = "parameters[" + i + "]";
      if (!n.matches(PARAMETER_PATTERN)) {
        throw new ConfigException(key, "must be mu, sin2_theta_w, rn_fm.<Element><A>, rp_fm.<Element><A>"
            + " (e.g. rn_fm.Cs133), rn_fm.<target formula> (e.g. rn_fm.CsI) or a new-physics parameter (nsi.u.ee, magnetic_moment_mub.nue, mediator[0].g,"
            + " ngi.tensor.n, ...)",
            ConfigException.quote(n));
      }
      if (names.contains(n)) {
        throw new ConfigException(key, "'" + n + "' is listed twice");
      }
      names.add(n);
    }
    return List.copyOf(names);
  }

  /** Binds an {@code analysis} section kept for the analysis stage ({@link StageSection}). */
  public static AnalysisKeys of(StageSection section) {
    return ConfigBinding.bind(section.node(), section.keyPath(), AnalysisKeys.class);
  }
}
