package org.cevns.analysis.pipeline;

import java.util.Locale;
import java.util.Optional;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;

/**
 * Whether the simulated templates hold at least as many events as the data they are fitted to. A template key
 * with expectation ΣT made of events of weights w holds (Σw)²/Σw² effective events (Barlow &amp; Beeston, CPC 77
 * (1993) 219), so ΣT/Σw² = Σw/Σw² of them per expected data event. Below one, the templates fluctuate more than
 * the data: bins where the data have counts hold no template event, the Barlow–Beeston terms dominate the
 * likelihood and the fitted μ and χ² follow the templates' fluctuations (a reduced {@code --max-template-events}
 * does this). Templates read from files (Σw² = 0: no Monte Carlo statistics) are not checked.
 */
public final class TemplateStatistics {
  /** Fewest template events per expected data event accepted without a warning. */
  public static final double MIN_EVENTS_PER_EXPECTED = 1.0;
  /**
   * Largest share of a parameter's expected variance that the templates' Monte Carlo statistics (the
   * {@code template_statistics} impact, squared, over the total half-width, squared) may carry without a warning.
   */
  public static final double MAX_VARIANCE_SHARE = 0.1;
  /** The share {@link #impactWarning} asks more template events to bring the template statistics down to. */
  static final double TARGET_VARIANCE_SHARE = 0.05;

  /**
   * The relative loss of median significance to the template-statistics terms above which
   * {@link #significanceWarning} speaks. Templates of 20 × the expectation cost a background-dominated fit about
   * 1 − 1/√1.05 = 2.4 %.
   */
  static final double MAX_SIGNIFICANCE_LOSS = 0.10;

  private TemplateStatistics() {}

  /**
   * One line when the templates' Monte Carlo statistics lower the Asimov median significance at the configured
   * exposure by more than {@link #MAX_SIGNIFICANCE_LOSS} ({@code zWith} with the template-statistics terms,
   * {@code zWithout} without them). {@link #impactWarning} measures σ_μ, which a background template of few
   * simulated events hardly moves; the discovery test it can: a projected detector with little background (the
   * coherent-cryocsi projection: 7 steady events in each beam window, 147 template events in 13 bins per window) has
   * Barlow–Beeston-lite factors of ±30–100 % in the control window, so that the background-only fit lets them absorb
   * the control region's measurement, and Z_median was 13.6–22σ for seeds 1–3 against 34σ without the terms
   * (walkdesign, twenty-fifth session, docs/physics.md). The cure it names first,
   * {@code analysis.fit.min_background_template_events} ({@code org.cevns.analysis.sim.TemplateSizes}), gives the small
   * backgrounds' templates more events without multiplying the signal's simulation (tmplsizes, twenty-sixth session).
   */
  public static Optional<String> significanceWarning(double zWith, double zWithout, Remedy remedy) {
    if (!(zWithout > 0) || !Double.isFinite(zWithout) || !(zWith < (1 - MAX_SIGNIFICANCE_LOSS) * zWithout)) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "the templates' Monte Carlo statistics lower the median"
        + " significance at the configured exposure from %.3g (without template-statistics terms) to %.3g, so Z"
        + " reflects the simulation as much as the experiment; simulate more template events of the small"
        + " backgrounds (analysis.fit.min_background_template_events, e.g. 100000: cheap, the signal keeps its size)"
        + " or of every component (analysis.fit.template_factor, default 20; %s)", zWithout, zWith,
        remedy.options()));
  }

  /**
   * The options that the warning asks for more template events with: those the command giving it has. Commands
   * that also take a template file ({@code --templates}: analyze, sensitivity, toys) name both; the others (run,
   * fit, scan, mapreduce toys) only {@code --max-template-events}.
   */
  public enum Remedy {
    /** {@code --max-template-events}, or a larger {@code --templates} run. */
    MAX_EVENTS_OR_TEMPLATE_FILE("--max-template-events, or a larger --templates run"),
    /** {@code --max-template-events} (a command without {@code --templates}). */
    MAX_EVENTS("--max-template-events");

    private final String options;

    Remedy(String options) {
      this.options = options;
    }

    /** The options as the warning names them. */
    public String options() {
      return options;
    }

    /** The remedy of a command that has ({@code true}) or lacks a {@code --templates} option. */
    public static Remedy of(boolean templateFileOption) {
      return templateFileOption ? MAX_EVENTS_OR_TEMPLATE_FILE : MAX_EVENTS;
    }
  }

  /** The warning for these inputs, if a simulated template holds fewer events than the data expects. */
  public static Optional<String> warning(AnalysisInputs in) {
    return warning(in, Remedy.MAX_EVENTS_OR_TEMPLATE_FILE);
  }

  /** As {@link #warning(AnalysisInputs)}, naming the options of {@code remedy}. */
  public static Optional<String> warning(AnalysisInputs in, Remedy remedy) {
    return warning(in.templates(), in.data(), remedy);
  }

  /**
   * One line naming the simulated template key with the fewest events per expected event, if that is below
   * {@link #MIN_EVENTS_PER_EXPECTED}, and the data's events.
   */
  public static Optional<String> warning(SpectrumSet templates, SpectrumSet data) {
    return warning(templates, data, Remedy.MAX_EVENTS_OR_TEMPLATE_FILE);
  }

  /** As {@link #warning(SpectrumSet, SpectrumSet)}, naming the options of {@code remedy}. */
  public static Optional<String> warning(SpectrumSet templates, SpectrumSet data, Remedy remedy) {
    return warning(templates, String.format(Locale.ROOT, "%.0f observed events", total(data)),
        "the fit follows the templates' fluctuations (mu, chi2 unreliable)", remedy);
  }

  /**
   * The warning of {@link #warning(SpectrumSet, SpectrumSet)} when there are no data but the Asimov dataset or
   * toy experiments drawn from the templates themselves ({@code cevns sensitivity}, {@code cevns toys},
   * {@code cevns scan} without {@code -i}): the expectations of μ = 1 are the templates, so a template key below
   * one effective event per expected event puts its fluctuations into every Asimov dataset and toy, and the
   * sensitivity (Z, σ_μ, coverage) is biased.
   *
   * @param templates the templates at the configured exposure
   */
  public static Optional<String> asimovWarning(SpectrumSet templates) {
    return asimovWarning(templates, Remedy.MAX_EVENTS_OR_TEMPLATE_FILE);
  }

  /** As {@link #asimovWarning(SpectrumSet)}, naming the options of {@code remedy}. */
  public static Optional<String> asimovWarning(SpectrumSet templates, Remedy remedy) {
    return warning(templates, String.format(Locale.ROOT, "%.0f expected events at the configured exposure",
        total(templates)), "the Asimov and toy expectations follow the templates' fluctuations (sensitivity biased)",
        remedy);
  }

  /**
   * One line when the templates' Monte Carlo statistics carry more than {@link #MAX_VARIANCE_SHARE} of a
   * parameter's expected variance (its {@code template_statistics} impact from the Asimov fit, quadrature
   * subtraction), naming the worst parameter. The {@link #asimovWarning} counts events per key; this one measures
   * what the fit makes of them: NEON's templates hold 4 × its expectation (the 1e7-event cap on 2.5e6 expected
   * recoils, nearly all below threshold), and the template statistics carried 23 % of σ_μ² (±7.0 of ±14.5).
   * Their variance falls as 1/N with N template events, so the factor asked for brings the share to
   * {@link #TARGET_VARIANCE_SHARE}.
   */
  public static Optional<String> impactWarning(java.util.List<PoiFit> expected, Remedy remedy) {
    PoiFit worst = null;
    double worstShare = MAX_VARIANCE_SHARE;
    for (PoiFit p : expected) {
      var total = p.impacts().flatMap(i -> i.row(org.cevns.analysis.fit.GroupImpacts.TOTAL));
      var mc = p.impacts().flatMap(i -> i.row(org.cevns.analysis.fit.GroupImpacts.TEMPLATE_STATISTICS));
      if (total.isEmpty() || mc.isEmpty() || !(total.get().size() > 0)) {
        continue;
      }
      double share = Math.pow(mc.get().size() / total.get().size(), 2);
      if (share > worstShare && share < 1) {
        worstShare = share;
        worst = p;
      }
    }
    if (worst == null) {
      return Optional.empty();
    }
    var i = worst.impacts().orElseThrow();
    double factor = Math.ceil(worstShare / (1 - worstShare) / (TARGET_VARIANCE_SHARE / (1 - TARGET_VARIANCE_SHARE)));
    return Optional.of(String.format(Locale.ROOT, "the templates' Monte Carlo statistics carry %.0f %% of the"
        + " expected variance of %s (template_statistics impact +-%.3g of +-%.3g at the configured exposure), so"
        + " the sensitivity reflects the simulation as much as the experiment; simulate about %.0f times more"
        + " template events (%s)", 100 * worstShare, worst.name(),
        i.row(org.cevns.analysis.fit.GroupImpacts.TEMPLATE_STATISTICS).orElseThrow().size(),
        i.row(org.cevns.analysis.fit.GroupImpacts.TOTAL).orElseThrow().size(), factor, remedy.options()));
  }

  private static double total(SpectrumSet s) {
    double events = 0;
    for (SpectrumKey k : s.keys()) {
      events += s.get(k).orElseThrow().sumW();
    }
    return events;
  }

  private static Optional<String> warning(SpectrumSet templates, String dataEvents, String consequence,
      Remedy remedy) {
    SpectrumKey worst = null;
    double worstRatio = Double.POSITIVE_INFINITY;
    for (SpectrumKey k : templates.keys()) {
      KeySpectra s = templates.get(k).orElseThrow();
      if (!(s.sumW() > 0) || !(s.sumW2() > 0)) {
        continue;
      }
      double ratio = s.sumW() / s.sumW2();
      if (ratio < worstRatio) {
        worstRatio = ratio;
        worst = k;
      }
    }
    if (worst == null || worstRatio >= MIN_EVENTS_PER_EXPECTED) {
      return Optional.empty();
    }
    KeySpectra s = templates.get(worst).orElseThrow();
    return Optional.of(String.format(Locale.ROOT, "the templates hold fewer simulated events than the data"
        + " (%s): %s %s %s %s has %.0f effective template events for %.4g expected (%.3g per"
        + " expected event), so %s; simulate at least %.0f times more template events (%s)", dataEvents,
        worst.detector(), worst.period(), worst.window(), worst.component(), s.sumW() * s.sumW() / s.sumW2(),
        s.sumW(), worstRatio, consequence, Math.ceil(MIN_EVENTS_PER_EXPECTED / worstRatio), remedy.options()));
  }
}
