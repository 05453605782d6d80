package org.cevns.analysis.pipeline;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.fit.GroupImpacts;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.Multimodality;
import org.cevns.analysis.fit.ProfileLikelihood;
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
    var f = s.family().get();
    for (Grid g : grids) {
      f = f.withRange(g.name(), g.lower(), g.upper());
    }
    return new TemplateSystematics(s.config(), s.up(), s.down(), s.events(), Optional.of(f), s.periodSource());
  }

  /** The model for {@code pois}: physics POIs floating. */
  static FitModelBuilder.Built model(AnalysisConfig config, SpectrumSet templates, SpectrumSet data,
      TemplateSystematics s, List<String> pois) {
    // physics parameters float in the reweighted signal; other names (nuisances) are already in the model
    List<String> physics = pois.stream().filter(p -> !p.equals(BinnedModel.POI_NAME))
        .filter(p -> s.family().isEmpty() || s.family().get().parameters().stream().anyMatch(x -> x.name().equals(p))
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
    if (toys.isPresent() && grids.isEmpty()) {
      throw new IllegalArgumentException("--toys needs a scan grid");
    }
    if (pois.isEmpty() || pois.size() > 2 || pois.stream().distinct().count() != pois.size()) {
      throw new IllegalArgumentException("--poi: give one or two distinct parameters, got " + pois);
    }
    FitModelBuilder.Built b = model(config, templates, data, withGridRanges(s, grids), pois);
    BinnedModel m = b.model();
    Observations obs = data == null ? Asimov.dataset(m, m.nominalParameters(1.0))
        : b.observations(data, config.fit().observable());
    boolean floatMu = pois.contains(BinnedModel.POI_NAME);
    ProfileLikelihood pl = ProfileLikelihood.of(m, obs, config.fit().fitOptions(), pois.get(0), floatMu)
        .withGlobalSearch();
    int[] idx = pois.stream().mapToInt(m::parameterIndex).toArray();
    for (int k : idx) {
      PoiFits.seedNewPhysics(pl, m, k, config.fit().fitOptions());
    }
    FitResult best = pl.bestFit();
    List<Optional<Interval[]>> intervals = new ArrayList<>();
    List<GroupImpacts> impacts = new ArrayList<>();
    java.util.Map<String, List<String>> groups = ImpactGroups.of(b, s.config());
    List<Optional<Multimodality>> intervalMinima = new ArrayList<>();
    if (withIntervals) {
      for (String p : pois) {
        ProfileLikelihood one = ProfileLikelihood.of(m, obs, config.fit().fitOptions(), p, floatMu)
            .withGlobalSearch();
        try {
          PoiFits.seedNewPhysics(one, m, m.parameterIndex(p), config.fit().fitOptions());
          Interval i68 = one.interval68();
          intervals.add(Optional.of(new Interval[] {i68, one.interval90()}));
          impacts.add(GroupImpacts.of(one, i68, groups, pois));
          intervalMinima.add(one.multimodality());
        } catch (RuntimeException e) {
          intervals.add(Optional.empty());
        }
      }
    }
    best = pl.bestFit();
    double[] deltas = new double[0];
    List<double[]> points = new ArrayList<>();
    List<double[]> conditional = new ArrayList<>();
    if (!grids.isEmpty()) {
      if (grids.size() != pois.size()) {
        throw new IllegalArgumentException("one grid per POI needed");
      }
      double[] x = grids.get(0).points();
      if (grids.size() == 1) {
        deltas = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          points.add(new double[] {x[i]});
          FitResult r = pl.fixedFit(idx, new double[] {x[i]});
          conditional.add(r.parameters());
          deltas[i] = r.deviance();
        }
      } else {
        double[] y = grids.get(1).points();
        deltas = new double[x.length * y.length];
        double[][] cond = new double[deltas.length][];
        for (int i = 0; i < x.length; i++) {
          // serpentine order: neighbouring points warm-start each other
          for (int jj = 0; jj < y.length; jj++) {
            int j = i % 2 == 0 ? jj : y.length - 1 - jj;
            FitResult r = pl.fixedFit(idx, new double[] {x[i], y[j]});
            cond[i * y.length + j] = r.parameters();
            deltas[i * y.length + j] = r.deviance();
          }
        }
        for (int i = 0; i < x.length; i++) {
          for (int j = 0; j < y.length; j++) {
            points.add(new double[] {x[i], y[j]});
            conditional.add(cond[i * y.length + j]);
          }
        }
      }
      best = pl.bestFit(); // a scan point may have found a lower minimum
      for (int i = 0; i < deltas.length; i++) {
        deltas[i] = Math.max(deltas[i] - best.deviance(), 0.0);
      }
    }
    double[] bv = new double[idx.length];
    for (int a = 0; a < idx.length; a++) {
      bv[a] = best.parameters()[idx[a]];
    }
    List<double[]> g = grids.stream().map(Grid::points).toList();
    Optional<Multimodality> multimodal = pl.multimodality(); // of the best fit reported
    for (Optional<Multimodality> o : intervalMinima) {
      multimodal = multimodal.isPresent() ? multimodal : o;
    }
    NuisanceReport nr = floatMu ? NuisanceReport.of(pl) : new NuisanceReport(List.of());
    double[] observed = deltas;
    Optional<ToyCalibration.Result> calibration = toys.map(t -> ToyCalibration.run(m, obs, config.fit().fitOptions(), pois,
        floatMu, points, conditional, observed, t));
    return new PoiScan(List.copyOf(pois), data == null, best, bv, g, deltas, intervals, nr, calibration,
        List.copyOf(impacts), grids.stream().map(Grid::log).toList(), data == null
        ? TemplateStatistics.asimovWarning(templates) : TemplateStatistics.warning(templates, data), multimodal);
  }
}
