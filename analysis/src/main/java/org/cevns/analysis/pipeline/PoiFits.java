package org.cevns.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.fit.GroupImpacts;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.NewPhysicsSeeds;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.PhysicsParameter;
import org.cevns.analysis.fit.ProfileLikelihood;
import org.cevns.analysis.fit.ScanPoint;
import org.cevns.analysis.stat.Asimov;

/**
 * Fits of physics parameters of interest: the model is rebuilt with the parameter floating (the signal
 * reweighted event by event, μ held at 1, every systematic profiled) and its profile likelihood gives the best
 * fit and the 68.27 %/90 % intervals; on the Asimov dataset of the nominal parameters, the expected precision.
 */
public final class PoiFits {
  /** Points of the profile scan of a physics parameter. */
  public static final int SCAN_POINTS = 31;

  private PoiFits() {}

  /** The model with physics parameter {@code name} floating. */
  public static FitModelBuilder.Built model(AnalysisConfig config, SpectrumSet templates, SpectrumSet data,
      TemplateSystematics systematics, List<String> names) {
    return FitModelBuilder.build(config.mode(), config.fit(), templates, data, systematics, names);
  }

  /** The fit of {@code name} to {@code data}. */
  public static PoiFit fit(AnalysisConfig config, SpectrumSet templates, SpectrumSet data,
      TemplateSystematics systematics, String name) {
    FitModelBuilder.Built b = model(config, templates, data, systematics, List.of(name));
    return fit(b, b.observations(data, config.fit().observable()), config.fit().fitOptions(), name,
        ImpactGroups.of(b, systematics.config()));
  }

  /** The fit of {@code name} in model {@code b} to {@code obs}, without impacts. */
  public static PoiFit fit(FitModelBuilder.Built b, Observations obs, FitOptions options, String name) {
    return fit(b, obs, options, name, null);
  }

  /**
   * The fit of {@code name} in model {@code b} to {@code obs}, with the impacts of the nuisance groups
   * {@code groups} ({@link ImpactGroups}) on its 68.27 % interval unless {@code groups} is null.
   */
  public static PoiFit fit(FitModelBuilder.Built b, Observations obs, FitOptions options, String name,
      Map<String, List<String>> groups) {
    ProfileLikelihood pl = ProfileLikelihood.of(b.model(), obs, options, name).withGlobalSearch();
    int k = b.model().parameterIndex(name);
    seedNewPhysics(pl, b.model(), k, options);
    Range range = Range.of(b.model(), k, options);
    // the scan's conditional fits can find a lower best fit: the fit is then redone from it (OneBestFit)
    return OneBestFit.redo(() -> once(pl, k, range, name, groups), r -> pl.bestFit() != r.best()).fit();
  }

  /** A fit and the best fit it describes. */
  private record Pass(PoiFit fit, FitResult best) {}

  /** The fit from {@code pl}'s current best fit. */
  private static Pass once(ProfileLikelihood pl, int k, Range range, String name, Map<String, List<String>> groups) {
    double nominal = range.nominal();
    double lower = range.lower();
    double upper = range.upper();
    Optional<Interval> i68 = Optional.empty();
    Optional<Interval> i90 = Optional.empty();
    Optional<String> problem = Optional.empty();
    try {
      i68 = Optional.of(pl.interval68());
      i90 = Optional.of(pl.interval90());
    } catch (RuntimeException e) {
      problem = Optional.of(e.getMessage());
    }
    FitResult best = pl.bestFit();
    double x = best.parameters()[k];
    double s = Double.isFinite(best.hesseErrors()[k]) ? best.hesseErrors()[k] : 0.1 * Math.max(1, Math.abs(x));
    double lo = i90.map(i -> i.lower() - 0.5 * (i.upper() - i.lower())).orElse(Math.max(lower, x - 4 * s));
    double hi = i90.map(i -> i.upper() + 0.5 * (i.upper() - i.lower())).orElse(Math.min(upper, x + 4 * s));
    lo = Math.max(lo, lower);
    hi = Math.min(hi, upper);
    double[] grid = new double[SCAN_POINTS];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = lo + (hi - lo) * i / (grid.length - 1);
    }
    List<ScanPoint> scan = new ArrayList<>(pl.scan(grid));
    Optional<GroupImpacts> impacts = groups == null || i68.isEmpty() ? Optional.empty()
        : Optional.of(GroupImpacts.of(pl, i68.get(), groups));
    return new Pass(new PoiFit(name, nominal, x, i68, i90, problem, scan, impacts), best);
  }

  /**
   * Expected precision of {@code name}: the fit of the Asimov dataset at the nominal parameters (μ = 1, every
   * nuisance nominal), systematics included.
   */
  public static PoiFit expected(AnalysisConfig config, SpectrumSet templates, TemplateSystematics systematics,
      String name) {
    return expected(model(config, templates, templates, systematics, List.of(name)), config, systematics, name);
  }

  /**
   * {@link #expected(AnalysisConfig, SpectrumSet, TemplateSystematics, String)} in model {@code b}, that of
   * {@link #model} with {@code name} floating on the templates (built once for the expected precision and its
   * exposure scan: each build reweights every template event at every node of the signal's table).
   */
  public static PoiFit expected(FitModelBuilder.Built b, AnalysisConfig config, TemplateSystematics systematics,
      String name) {
    Observations asimov = Asimov.dataset(b.model(), b.model().nominalParameters(1.0));
    return fit(b, asimov, config.fit().fitOptions(), name, ImpactGroups.of(b, systematics.config()));
  }

  /**
   * Expected 68.27 % CL interval of {@code name} at {@code factor} × the exposure of model {@code b}: the profile
   * likelihood of the Asimov dataset of the scaled model at the nominal parameters (no scan, interval only).
   */
  public static SensitivityReport.Precision expectedPrecision(FitModelBuilder.Built b, double factor,
      FitOptions options, String name) {
    org.cevns.analysis.fit.BinnedModel scaled = b.model().scaled(factor);
    int k = scaled.parameterIndex(name);
    Range range = Range.of(scaled, k, options);
    double nominal = range.nominal();
    Observations asimov = Asimov.dataset(scaled, scaled.nominalParameters(1.0));
    try {
      ProfileLikelihood pl = ProfileLikelihood.of(scaled, asimov, options, name);
      seedNewPhysics(pl, scaled, k, options);
      double best = pl.bestFit().parameters()[k];
      Interval i = pl.interval68();
      double lower = range.lower();
      double upper = range.upper();
      double eps = 1e-9 * Math.max(1, Math.abs(nominal));
      Optional<String> truncated = i.lower() <= lower + eps || i.upper() >= upper - eps
          ? Optional.of("the interval reaches the parameter's range [" + lower + ", " + upper + "]: the precision"
              + " is no better than this")
          : Optional.empty();
      return new SensitivityReport.Precision(name, factor, nominal, best - i.lower(), i.upper() - best, truncated);
    } catch (RuntimeException e) {
      return new SensitivityReport.Precision(name, factor, nominal, Double.NaN, Double.NaN,
          Optional.of(String.valueOf(e.getMessage())));
    }
  }

  /** Seeds a new-physics parameter's global fit across its range ({@link NewPhysicsSeeds}). */
  static void seedNewPhysics(ProfileLikelihood pl, org.cevns.analysis.fit.BinnedModel model, int k,
      FitOptions options) {
    NewPhysicsSeeds.seed(pl, model, k);
  }

  /** Nominal value and allowed range of fit parameter {@code k} (μ: 1 and the fit options' bounds). */
  private record Range(double nominal, double lower, double upper) {
    static Range of(org.cevns.analysis.fit.BinnedModel model, int k, FitOptions options) {
      if (k == 0) {
        return new Range(1.0, options.muLower(), options.muUpper());
      }
      PhysicsParameter p = model.physics().get(k - model.physicsOffset());
      return new Range(p.nominal(), p.lower(), p.upper());
    }
  }
}
