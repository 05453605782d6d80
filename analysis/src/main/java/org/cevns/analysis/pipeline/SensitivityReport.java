package org.cevns.analysis.pipeline;

import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.simple.RandomSource;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.AnalysisMode;
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.ProfileLikelihood;
import org.cevns.analysis.stat.Asimov;
import org.cevns.analysis.stat.CoverageRunner;
import org.cevns.analysis.stat.SensitivityScan;
import org.cevns.physics.constants.Units;

/**
 * Median expected sensitivity of the configured experiment as a function of exposure, from the fit model built
 * on the templates (Asimov datasets, Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554): for each exposure
 * factor the median discovery significance Z_A and the median μ uncertainty σ_μ (half-width of the Asimov
 * 68.27 % interval) at μ = 1; optionally the toy coverage of the 68.27 % interval at the configured exposure.
 *
 * @param built the fit model at the configured exposure
 * @param rows one row per exposure factor
 * @param nominalExposure the configured exposure in {@code exposureUnit}
 * @param exposureUnit {@code POT} (pulsed sources) or {@code kg·d} (live time × mass of the signal region)
 * @param coverage the toy coverage, if requested
 * @param expected expected precision of each parameter of interest at the configured exposure (μ first, then
 *     {@code analysis.parameters}; Asimov, systematics included)
 * @param precisionVsExposure expected 68.27 % CL interval of each {@code analysis.parameters} entry at each
 *     exposure factor (Asimov of the scaled model, systematics included; template Monte Carlo uncertainties keep
 *     their relative size)
 * @param templateWarning {@link TemplateStatistics#asimovWarning} of the templates at the configured exposure (the
 *     Asimov datasets and coverage toys are drawn from them), if they hold too few simulated events, else
 *     {@link TemplateStatistics#impactWarning}, if their Monte Carlo statistics carry too much of an expected
 *     variance, else {@link TemplateStatistics#significanceWarning}, if they lower the median significance at the
 *     configured exposure by more than {@link TemplateStatistics#MAX_SIGNIFICANCE_LOSS}
 */
public record SensitivityReport(FitModelBuilder.Built built, List<SensitivityScan.Row> rows, double nominalExposure,
    String exposureUnit, Optional<CoverageRunner.Result> coverage, List<PoiFit> expected,
    List<Precision> precisionVsExposure, Optional<String> templateWarning) {

  /**
   * Expected precision of a physics parameter at an exposure: its nominal value and the distances of the Asimov
   * 68.27 % CL interval's ends from it (NaN, with {@code problem}, when the interval could not be found).
   */
  public record Precision(String name, double exposureFactor, double nominal, double minus, double plus,
      Optional<String> problem) {}

  /**
   * Runs the scan.
   *
   * @param templates expected counts at μ = 1 for {@code exposure}
   * @param exposure the configured exposure
   * @param seed seed of the coverage toys
   */
  public static SensitivityReport run(AnalysisConfig config, SpectrumSet templates, RunExposure exposure, long seed) {
    return run(config, templates, exposure, seed, TemplateSystematics.of(config.systematics()));
  }

  /** Runs the scan with the systematics' varied templates (same exposure as {@code templates}). */
  public static SensitivityReport run(AnalysisConfig config, SpectrumSet templates, RunExposure exposure, long seed,
      TemplateSystematics systematics) {
    return run(config, templates, exposure, seed, systematics, TemplateStatistics.Remedy.MAX_EVENTS_OR_TEMPLATE_FILE);
  }

  /** As above; the template-statistics warning names the options of {@code remedy}. */
  public static SensitivityReport run(AnalysisConfig config, SpectrumSet templates, RunExposure exposure, long seed,
      TemplateSystematics systematics, TemplateStatistics.Remedy remedy) {
    FitModelBuilder.Built built = FitModelBuilder.build(config.mode(), config.fit(), templates, templates,
        systematics, List.of());
    FitOptions options = config.fit().fitOptions();
    List<SensitivityScan.Row> rows = SensitivityScan.run(built.model(), config.sensitivity().exposureFactors(), 1.0,
        options);
    Optional<CoverageRunner.Result> cov = Optional.empty();
    int toys = config.sensitivity().coverageToys();
    if (toys > 0) {
      cov = Optional.of(CoverageRunner.run(built.model(), built.model().nominalParameters(1.0), toys,
          ProfileLikelihood.CL_68, options, RandomSource.XO_RO_SHI_RO_128_PP.create(seed)));
    }
    boolean beam = config.mode() == AnalysisMode.BEAM || exposure.detectors().stream()
        .anyMatch(d -> exposure.protonsOnTarget(d) > 0);
    double nominal = 0;
    for (String d : exposure.detectors()) {
      if (beam) {
        nominal = Math.max(nominal, exposure.protonsOnTarget(d));
      } else {
        String period = Regions.signalRegion(config.mode(), Regions.fitRegions(config.mode(), templates, templates))
            .period();
        nominal += exposure.massKg(d) * exposure.liveSeconds(d, period) / Units.S_PER_DAY;
      }
    }
    List<PoiFit> expected = new java.util.ArrayList<>();
    expected.add(PoiFits.fit(built, org.cevns.analysis.stat.Asimov.dataset(built.model(), 1.0), options,
        org.cevns.analysis.fit.BinnedModel.POI_NAME, ImpactGroups.of(built, systematics.config())));
    List<Precision> vsExposure = new java.util.ArrayList<>();
    for (String name : config.parameters()) {
      if (!name.equals(org.cevns.analysis.fit.BinnedModel.POI_NAME)) {
        FitModelBuilder.Built b = PoiFits.model(config, templates, templates, systematics, List.of(name));
        expected.add(PoiFits.expected(b, config, systematics, name));
        for (double f : config.sensitivity().exposureFactors()) {
          vsExposure.add(PoiFits.expectedPrecision(b, f, options, name));
        }
      }
    }
    return new SensitivityReport(built, rows, nominal, beam ? "POT" : "kg\u00b7d", cov, expected,
        List.copyOf(vsExposure), TemplateStatistics.asimovWarning(templates, remedy)
        .or(() -> TemplateStatistics.impactWarning(expected, remedy))
        .or(() -> significanceWarning(config, templates, systematics, built, rows, remedy)));
  }

  /**
   * {@link TemplateStatistics#significanceWarning} of the configured exposure (factor 1): the median
   * significance of the model with the template-statistics terms against the same model without them (one more
   * Asimov fit pair); empty without those terms.
   */
  private static Optional<String> significanceWarning(AnalysisConfig config, SpectrumSet templates,
      TemplateSystematics systematics, FitModelBuilder.Built built, List<SensitivityScan.Row> rows,
      TemplateStatistics.Remedy remedy) {
    if (!systematics.config().templateStatistics()) {
      return Optional.empty();
    }
    FitOptions options = config.fit().fitOptions();
    double zWith = rows.stream().filter(r -> r.exposureFactor() == 1.0).mapToDouble(SensitivityScan.Row::zMedian)
        .findFirst().orElseGet(() -> Asimov.medianSignificance(built.model(), 1.0, options));
    TemplateSystematics without = systematics.withConfig(systematics.config().withoutTemplateStatistics());
    FitModelBuilder.Built b = FitModelBuilder.build(config.mode(), config.fit(), templates, templates, without,
        List.of());
    double zWithout = Asimov.medianSignificance(b.model(), 1.0, options);
    return TemplateStatistics.significanceWarning(zWith, zWithout, remedy);
  }

  /**
   * {@code base} (its rows, coverage and μ, from templates simulated at the configured point) with the expected
   * precision of the physics parameters of {@code parameters} (a report of the same configuration whose templates
   * were simulated at another new-physics point and reweighted to the configured one: importance sampling of a
   * magnetic moment, millicharge or non-interfering coupling, {@code CevnsFamily#simulationPoint}). μ's rows must
   * not come from such templates: without the physics parameter in its model nothing reweights them back. The
   * template-statistics warning is {@code base}'s: the other's counts are those of its simulation point (a
   * CONUS+ μ_ν of 1e-9 μ_B has 300 times the Standard-Model EvES), not of the configured one.
   */
  public static SensitivityReport withParameters(SensitivityReport base, SensitivityReport parameters) {
    List<PoiFit> expected = new java.util.ArrayList<>();
    base.expected().stream().filter(p -> p.name().equals(org.cevns.analysis.fit.BinnedModel.POI_NAME))
        .forEach(expected::add);
    parameters.expected().stream().filter(p -> !p.name().equals(org.cevns.analysis.fit.BinnedModel.POI_NAME))
        .forEach(expected::add);
    return new SensitivityReport(base.built(), base.rows(), base.nominalExposure(), base.exposureUnit(),
        base.coverage(), List.copyOf(expected), parameters.precisionVsExposure(),
        base.templateWarning());
  }

  /** Median significance at the configured exposure (factor 1), directly from the Asimov dataset. */
  public double nominalSignificance(FitOptions options) {
    return Asimov.medianSignificance(built.model(), 1.0, options);
  }
}
