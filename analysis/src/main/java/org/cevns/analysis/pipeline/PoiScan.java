package org.cevns.analysis.pipeline;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.fit.GroupImpacts;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.Multimodality;
import org.cevns.analysis.stat.Asimov;

/**
 * Profile-likelihood scans of one or two parameters of interest ({@code cevns scan}, {@code cevns fit}): the model
 * with the physics POIs floating (μ held at 1 unless it is a POI), the data (or the Asimov dataset of the nominal
 * parameters), the global fit, and −2Δln L = D(x, θ̂̂(x)) − D(x̂, θ̂) on the grid (every other parameter
 * profiled). Intervals and contours are Wilks: Δ = 1, 2.71 (1 dof; 68.27 %, 90 %), and 2.30, 4.61, 5.99 (2 dof;
 * 68.27 %, 90 %, 95 %); on request ({@code --toys N}) also toy-calibrated critical values at every grid point
 * ({@link ToyCalibration}).
 *
 * @param names the POIs
 * @param asimov true if fitted to the Asimov dataset
 * @param best the global fit
 * @param bestValues the POIs at the global fit
 * @param grids the grid of each POI
 * @param deltaChi2 −2Δln L per point: row-major over (first POI, second POI) for 2D
 * @param intervals per POI: {68 %, 90 %} Wilks intervals of the 1D profile (each POI profiled alone)
 * @param nuisances pulls and constraints at the global fit
 * @param toys the toy-calibrated critical values at every grid point ({@code --toys}), if requested
 * @param impacts the impact breakdown of each POI's 68.27 % interval whose interval was found ({@link GroupImpacts};
 *     the other POI of a two-POI fit profiled in every row)
 * @param logGrids per grid: log-spaced ({@link Grid#log}), so plotted on a log axis
 * @param templateWarning {@link TemplateStatistics#warning(SpectrumSet, SpectrumSet)} with data, else
 *     {@link TemplateStatistics#asimovWarning}, if the templates hold too few simulated events
 * @param multimodality the other local minima the global fit found (of the first POI's fit, else of an interval's)
 */
public record PoiScan(List<String> names, boolean asimov, FitResult best, double[] bestValues, List<double[]> grids,
    double[] deltaChi2, List<Optional<Interval[]>> intervals, NuisanceReport nuisances,
    Optional<ToyCalibration.Result> toys, List<GroupImpacts> impacts, List<Boolean> logGrids,
    Optional<String> templateWarning, Optional<Multimodality> multimodality) {
  /** Wilks thresholds of 2 dof: 68.27 %, 90 %, 95 %. */
  public static final double[] DELTA_2D = {2.2957489288986, 4.6051701859881, 5.9914645471080};

  /**
   * One POI's grid: {@code n} points from {@code lower} to {@code upper}, evenly spaced, or with {@code log} evenly
   * spaced in log(x) (both bounds &gt; 0; e.g. a mediator mass over decades).
   */
  public record Grid(String name, double lower, double upper, int n, boolean log) {
    public Grid {
      if (name == null || !(upper > lower) || n < 2 || !Double.isFinite(lower) || !Double.isFinite(upper)) {
        throw new IllegalArgumentException("grid of " + name + ": need finite lower < upper and n >= 2");
      }
      if (log && !(lower > 0)) {
        throw new IllegalArgumentException("log grid of " + name + ": need lower > 0, got " + lower);
      }
    }

    /** An evenly spaced grid. */
    public Grid(String name, double lower, double upper, int n) {
      this(name, lower, upper, n, false);
    }

    /**
     * The grid points, computed in decimal from the bounds as written ({@link Double#toString}) and rounded once
     * to the nearest double, so that {@code 0.6:1.4:5} gives 0.8 and not 0.6 + 0.2 = 0.7999999999999999 (the
     * CSV and the plots print the points); the end points are the bounds exactly. A log grid's points are
     * lower·(upper/lower)^(i/(n−1)) rounded to {@value #LOG_DIGITS} significant digits ({@code 1:1000:4}: 1, 10,
     * 100, 1000).
     */
    double[] points() {
      double[] x = new double[n];
      if (log) {
        MathContext digits = new MathContext(LOG_DIGITS);
        for (int i = 0; i < n; i++) {
          double v = lower * Math.pow(upper / lower, (double) i / (n - 1));
          x[i] = new BigDecimal(v).round(digits).doubleValue();
        }
        x[0] = lower;
      } else {
        BigDecimal lo = new BigDecimal(Double.toString(lower));
        BigDecimal step = new BigDecimal(Double.toString(upper)).subtract(lo)
            .divide(BigDecimal.valueOf(n - 1L), MathContext.DECIMAL128);
        for (int i = 0; i < n; i++) {
          x[i] = lo.add(step.multiply(BigDecimal.valueOf(i)), MathContext.DECIMAL64).doubleValue();
        }
      }
      x[n - 1] = upper;
      return x;
    }
  }

  /** Significant digits of a log grid's points. */
  static final int LOG_DIGITS = 12;

  /**
   * {@code s} with the cross-section family's range of each scanned parameter spanning its grid (new-physics
   * parameters: the reweighted templates are then tabulated where the scan looks, see
   * {@link org.cevns.analysis.reweight.CrossSectionFamily#withRange}).
   */
  static TemplateSystematics withGridRanges(TemplateSystematics s, List<Grid> grids) {
    if (s.family().isEmpty() || grids.isEmpty()) {
      return s;
    }
    return s.withFamily(f -> {
      for (Grid g : grids) {
        f = f.withRange(g.name(), g.lower(), g.upper());
      }
      return f;
    });
  }

  /** The model for {@code pois}: physics POIs floating. */
  static FitModelBuilder.Built model(AnalysisConfig config, SpectrumSet templates, SpectrumSet data,
      TemplateSystematics s, List<String> pois) {
    // physics parameters float in the reweighted signal; other names (nuisances) are already in the model
    List<String> physics = pois.stream().filter(p -> !p.equals(BinnedModel.POI_NAME))
        .filter(p -> s.family().map(f -> f.parameters().stream().anyMatch(x -> x.name().equals(p))).orElse(false)
            || org.cevns.analysis.reweight.CevnsFamily.looksLikePhysicsParameter(p))
        .toList();
    return FitModelBuilder.build(config.mode(), config.fit(), templates, data == null ? templates : data, s, physics);
  }

  /**
   * The fit of {@code pois} (best fit, 1D intervals of each, nuisances) and, if {@code grids} is non-empty, the scan
   * on their grid.
   *
   * @param data the data, or null for the Asimov dataset at the nominal parameters
   */
  public static PoiScan run(AnalysisConfig config, SpectrumSet templates, SpectrumSet data, TemplateSystematics s,
      List<String> pois, List<Grid> grids, boolean withIntervals) {
    return run(config, templates, data, s, pois, grids, withIntervals, Optional.empty());
  }

  /**
   * As {@link #run(AnalysisConfig, SpectrumSet, SpectrumSet, TemplateSystematics, List, List, boolean)}, with the
   * toy-calibrated critical values of every grid point ({@link ToyCalibration}) if {@code toys} is given.
   */
  public static PoiScan run(AnalysisConfig config, SpectrumSet templates, SpectrumSet data, TemplateSystematics s,
      List<String> pois, List<Grid> grids, boolean withIntervals, Optional<ToyCalibration.Settings> toys) {
    return run(config, templates, data, s, pois, grids, withIntervals, toys, TemplateStatistics.Remedy.MAX_EVENTS);
  }

  /**
   * As {@link #run(AnalysisConfig, SpectrumSet, SpectrumSet, TemplateSystematics, List, List, boolean, Optional)};
   * the template-statistics warning names the options of {@code remedy} (those of the command: {@code fit} and
   * {@code scan} have no {@code --templates}).
   */
  public static PoiScan run(AnalysisConfig config, SpectrumSet templates, SpectrumSet data, TemplateSystematics s,
      List<String> pois, List<Grid> grids, boolean withIntervals, Optional<ToyCalibration.Settings> toys,
      TemplateStatistics.Remedy remedy) {
    if (toys.isPresent() && grids.isEmpty()) {
      throw new IllegalArgumentException("--toys needs a scan grid");
    }
    if (pois.isEmpty() || pois.size() > 2 || pois.stream().distinct().count() != pois.size()) {
      throw new IllegalArgumentException("--poi: give one or two distinct parameters, got " + pois);
    }
    FitModelBuilder.Built b = model(config, templates, data, withGridRanges(s, grids), pois);
    BinnedModel m = b.model();
    for (String p : pois) {
      if (!m.parameterNames().contains(p)) {
        // a background component's normalisation exists only where its templates have events in the fit range
        throw new IllegalArgumentException("--poi: '" + p + "' is not a parameter of this fit (its component has no"
            + " events in the fit range, or it is not one); the fit's parameters: " + m.parameterNames());
      }
    }
    Observations obs = data == null ? Asimov.dataset(m, m.nominalParameters(1.0))
        : b.observations(data, config.fit().observable());
    return fit(m, obs, config.fit().fitOptions(), pois, grids, withIntervals, ImpactGroups.of(b, s.config()), toys,
        data == null, data == null ? TemplateStatistics.asimovWarning(templates, remedy)
            : TemplateStatistics.warning(templates, data, remedy));
  }

  /**
   * The fits of {@link #run} in model {@code m} to {@code obs}: redone from a lower best fit that a later fit found
   * ({@link PoiScanFits}), so that every output describes one best fit.
   *
   * @param groups the nuisance groups of the impacts ({@link ImpactGroups})
   * @param asimov true if {@code obs} is the Asimov dataset
   * @param templateWarning the template-statistics warning, if any
   */
  static PoiScan fit(BinnedModel m, Observations obs, FitOptions options, List<String> pois, List<Grid> grids,
      boolean withIntervals, java.util.Map<String, List<String>> groups, Optional<ToyCalibration.Settings> toys,
      boolean asimov, Optional<String> templateWarning) {
    boolean floatMu = pois.contains(BinnedModel.POI_NAME);
    PoiScanFits fits = new PoiScanFits(m, obs, options, pois, floatMu, groups);
    PoiScanFits.Pass p = fits.run(grids, withIntervals);
    FitResult best = p.best();
    double[] deltas = p.deviances().clone();
    for (int i = 0; i < deltas.length; i++) {
      deltas[i] = Math.max(deltas[i] - best.deviance(), 0.0);
    }
    int[] idx = fits.indices();
    double[] bv = new double[idx.length];
    for (int a = 0; a < idx.length; a++) {
      bv[a] = best.parameters()[idx[a]];
    }
    List<double[]> g = grids.stream().map(Grid::points).toList();
    double[] observed = deltas;
    Optional<ToyCalibration.Result> calibration = toys.map(t -> ToyCalibration.run(m, obs, options, pois, floatMu,
        p.points(), p.conditional(), observed, t));
    return new PoiScan(List.copyOf(pois), asimov, best, bv, g, deltas, p.intervals(), p.nuisances(), calibration,
        List.copyOf(p.impacts()), grids.stream().map(Grid::log).toList(), templateWarning, p.multimodality());
  }
}
