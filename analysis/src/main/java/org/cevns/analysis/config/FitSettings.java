package org.cevns.analysis.config;

import java.util.Map;
import org.cevns.analysis.fit.FitOptions;

/**
 * The {@code analysis.fit} section.
 *
 * @param observable what is binned: energy, or energy × time (beam mode)
 * @param timeBins time bins per beam window for {@link FitObservable#ENERGY_TIME}, &ge; 1
 * @param backgroundConstraints prior of each background component's normalisation, by component name
 * @param defaultConstraint prior of components not listed
 * @param signalWidth relative Gaussian width of a signal normalisation nuisance (e.g. the neutrino flux), 0 for
 *     none, &ge; 0
 * @param muNonNegative restrict μ to [0, ∞) (default: unbounded, see {@link FitOptions})
 * @param templateFactor statistics of the template simulation relative to the expected events, &ge; 1
 * @param templateNormalisation where the template totals come from
 * @param toys toys for the toy-based significance, 0 for the asymptotic one only
 * @param controlRegion fit the control region (anti-coincidence window, reactor OFF) beside the signal region;
 *     false: the signal region alone, backgrounds from their templates and priors
 * @param templateFiles binned templates read from files, replacing the simulated templates of their keys
 * @param minBackgroundTemplateEvents fewest template events of each background (detector, period, component),
 *     importance-sampled where {@code templateFactor} gives fewer ({@code org.cevns.analysis.sim.TemplateSizes});
 *     0 for none, &ge; 0
 */
public record FitSettings(FitObservable observable, int timeBins, Map<String, Constraint> backgroundConstraints,
    Constraint defaultConstraint, double signalWidth, boolean muNonNegative, double templateFactor,
    TemplateNormalisation templateNormalisation, int toys, boolean controlRegion,
    java.util.List<TemplateFile> templateFiles, long minBackgroundTemplateEvents) {
  /** Default time bins per window of the energy × time fit. */
  public static final int DEFAULT_TIME_BINS = 6;
  /** Default relative width of background normalisations not listed. */
  public static final double DEFAULT_BACKGROUND_WIDTH = 0.2;
  /** Default template statistics relative to the expected events. */
  public static final double DEFAULT_TEMPLATE_FACTOR = 20;

  public FitSettings {
    if (observable == null || backgroundConstraints == null || defaultConstraint == null
        || templateNormalisation == null) {
      throw new IllegalArgumentException("observable, constraints and templateNormalisation must not be null");
    }
    if (timeBins < 1) {
      throw new IllegalArgumentException("timeBins must be >= 1, got " + timeBins);
    }
    if (!(signalWidth >= 0) || Double.isInfinite(signalWidth)) {
      throw new IllegalArgumentException("signalWidth must be finite and >= 0, got " + signalWidth);
    }
    if (!(templateFactor >= 1) || Double.isInfinite(templateFactor)) {
      throw new IllegalArgumentException("templateFactor must be finite and >= 1, got " + templateFactor);
    }
    if (minBackgroundTemplateEvents < 0) {
      throw new IllegalArgumentException("minBackgroundTemplateEvents must be >= 0, got "
          + minBackgroundTemplateEvents);
    }
    if (toys < 0) {
      throw new IllegalArgumentException("toys must be >= 0, got " + toys);
    }
    templateFiles = java.util.List.copyOf(templateFiles);
    backgroundConstraints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(backgroundConstraints));
  }

  /** As the canonical constructor, without a background minimum (0). */
  public FitSettings(FitObservable observable, int timeBins, Map<String, Constraint> backgroundConstraints,
      Constraint defaultConstraint, double signalWidth, boolean muNonNegative, double templateFactor,
      TemplateNormalisation templateNormalisation, int toys, boolean controlRegion,
      java.util.List<TemplateFile> templateFiles) {
    this(observable, timeBins, backgroundConstraints, defaultConstraint, signalWidth, muNonNegative, templateFactor,
        templateNormalisation, toys, controlRegion, templateFiles, 0);
  }

  /** The defaults: energy fit, 20 % background widths, no signal nuisance, unbounded μ, 20× templates. */
  public static FitSettings defaults() {
    return new FitSettings(FitObservable.ENERGY, DEFAULT_TIME_BINS, Map.of(), Constraint.of(DEFAULT_BACKGROUND_WIDTH),
        0.0, false, DEFAULT_TEMPLATE_FACTOR, TemplateNormalisation.SIMULATION, 0, true, java.util.List.of());
  }

  /** True if a template file replaces the simulated signal template somewhere. */
  public boolean signalFromFile() {
    return templateFiles.stream().anyMatch(t -> t.component().equals("signal"));
  }

  /** The prior of background component {@code name}. */
  public Constraint constraint(String name) {
    return backgroundConstraints.getOrDefault(name, defaultConstraint);
  }

  /** The fit options (μ range). */
  public FitOptions fitOptions() {
    return muNonNegative ? FitOptions.nonNegativeMu() : FitOptions.unboundedMu();
  }

  /** These settings with {@code n} toys. */
  public FitSettings withToys(int n) {
    return new FitSettings(observable, timeBins, backgroundConstraints, defaultConstraint, signalWidth, muNonNegative,
        templateFactor, templateNormalisation, n, controlRegion, templateFiles, minBackgroundTemplateEvents);
  }

  /** These settings with {@code events} as {@link #minBackgroundTemplateEvents}. */
  public FitSettings withMinBackgroundTemplateEvents(long events) {
    return new FitSettings(observable, timeBins, backgroundConstraints, defaultConstraint, signalWidth, muNonNegative,
        templateFactor, templateNormalisation, toys, controlRegion, templateFiles, events);
  }
}
