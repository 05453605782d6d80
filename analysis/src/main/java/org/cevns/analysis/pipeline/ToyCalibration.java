package org.cevns.analysis.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.ProfileLikelihood;
import org.cevns.analysis.fit.ToyGenerator;
import org.cevns.events.run.RandomStreams;

/**
 * Toy-calibrated critical values of a profile-likelihood scan ({@code cevns scan --toys N}; the Neyman construction
 * with the profile-likelihood ratio as ordering, nuisances at their conditional best fit: Feldman &amp; Cousins, PRD 57
 * (1998) 3873; the "profile construction" of Cranmer, PHYSTAT 2003, and of the LHC Higgs combination, ATL-PHYS-PUB-2011-11).
 * At every grid point x (POIs fixed there): N toys are drawn ({@link ToyGenerator}: Poisson counts, every auxiliary
 * measurement fluctuated, the template-statistics factors at their fit to the data too) from the model at the
 * conditional fit θ̂̂(x) of the data; each toy is fitted twice (global
 * and at x) and gives t = −2Δln L(x); the 68.27 %, 90 % and 95 % quantiles of t are the critical values c(x), and
 * x is inside the toy-calibrated region of CL where the data's −2Δln L(x) &le; c_CL(x). Where Wilks' theorem holds
 * c is the χ² quantile (1 dof: 1.00, 2.71, 3.84; 2 dof: 2.30, 4.61, 5.99).
 *
 * <p>Toys of point i draw from the random stream (seed XOR {@link #STREAM}, i) of {@link RandomStreams}, one after
 * the other, so the result depends only on the model, the data, the seed and N, never on the thread count. Toys
 * whose fits do not converge are left out (counted in {@link Point#used}).
 */
public final class ToyCalibration {
  /** Mixed into the seed so the toys do not share streams with the template simulation of the same seed. */
  public static final long STREAM = 0x746f792d63616c69L; // "toy-cali"
  /** The confidence levels of the critical values: 68.27 %, 90 %, 95 %. */
  public static final double[] CLS = {ProfileLikelihood.CL_68, 0.90, 0.95};

  /**
   * The request: {@code toys} per grid point, the seed, worker threads.
   */
  public record Settings(int toys, long seed, int threads) {
    public Settings {
      if (toys < 10 || toys > 1_000_000) {
        throw new IllegalArgumentException("--toys: must be in 10..1000000, got " + toys);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("--threads: must be >= 1, got " + threads);
      }
    }
  }

  /**
   * The toy distribution of −2Δln L at one grid point.
   *
   * @param critical the 68.27 %, 90 %, 95 % quantiles ({@link #CLS}; NaN without toys)
   * @param errors their statistical errors: half the distance between the order statistics at N·p ± √(N·p(1 − p))
   * @param pValue fraction of the toys with t &ge; the data's −2Δln L at this point
   * @param used toys whose two fits converged
   */
  public record Point(double[] critical, double[] errors, double pValue, int used) {}

  /**
   * The result: one {@link Point} per grid point (row-major like {@link PoiScan#deltaChi2()}).
   *
   * @param settings the request
   * @param points per grid point
   */
  public record Result(Settings settings, List<Point> points) {
    /** Critical values of level {@code l} (index into {@link #CLS}) at every point. */
    public double[] critical(int l) {
      return points.stream().mapToDouble(p -> p.critical()[l]).toArray();
    }
  }

  private ToyCalibration() {}

  /**
   * Runs the toys.
   *
   * @param model the fit model (POIs floating)
   * @param data the data (or Asimov dataset) the scan was fitted to
   * @param options fit options
   * @param pois names of the POIs (the first is the profile likelihood's parameter)
   * @param floatMu whether μ floats (else held at 1)
   * @param points the POI values of every grid point
   * @param conditional the conditional fit θ̂̂(x) of the data at every grid point (all parameters)
   * @param observed the data's −2Δln L at every grid point
   */
  static Result run(BinnedModel model, Observations data, FitOptions options, List<String> pois, boolean floatMu, List<double[]> points,
      List<double[]> conditional, double[] observed, Settings settings) {
    int[] idx = pois.stream().mapToInt(model::parameterIndex).toArray();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.threads(), points.size()));
    try {
      List<Future<Point>> futures = new ArrayList<>();
      for (int i = 0; i < points.size(); i++) {
        final int point = i;
        futures.add(pool.submit(() -> point(model, data, options, pois, floatMu, idx, points.get(point),
            conditional.get(point), observed[point], settings, point)));
      }
      List<Point> out = new ArrayList<>();
      for (Future<Point> f : futures) {
        out.add(f.get());
      }
      return new Result(settings, List.copyOf(out));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("toy calibration interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The toys of one grid point. */
  static Point point(BinnedModel model, Observations data, FitOptions options, List<String> pois, boolean floatMu, int[] idx,
      double[] x, double[] truth, double observed, Settings settings, long stream) {
    UniformRandomProvider rng = RandomStreams.create(settings.seed() ^ STREAM, stream);
    double[] t = new double[settings.toys()];
    int n = 0;
    int atLeast = 0;
    for (int k = 0; k < settings.toys(); k++) {
      Observations toy = ToyGenerator.generate(model, data, truth, rng);
      double q = statistic(model, toy, options, pois, floatMu, idx, x);
      if (Double.isNaN(q)) {
        continue;
      }
      t[n++] = q;
      if (q >= observed) {
        atLeast++;
      }
    }
    double[] sorted = Arrays.copyOf(t, n);
    Arrays.sort(sorted);
    double[] c = new double[CLS.length];
    double[] e = new double[CLS.length];
    for (int l = 0; l < CLS.length; l++) {
      c[l] = quantile(sorted, CLS[l]);
      double s = Math.sqrt(n * CLS[l] * (1 - CLS[l]));
      e[l] = 0.5 * (order(sorted, n * CLS[l] + s) - order(sorted, n * CLS[l] - s));
    }
    return new Point(c, e, n > 0 ? (double) atLeast / n : Double.NaN, n);
  }

  /** −2Δln L of the toy at x (global fit, then the fit at x); NaN if a fit did not converge. */
  private static double statistic(BinnedModel model, Observations toy, FitOptions options, List<String> pois,
      boolean floatMu, int[] idx, double[] x) {
    ProfileLikelihood pl = ProfileLikelihood.of(model, toy, options, pois.get(0), floatMu);
    for (int k : idx) {
      PoiFits.seedNewPhysics(pl, model, k, options);
    }
    if (!pl.bestFit().converged()) {
      return Double.NaN;
    }
    FitResult r = pl.fixedFit(idx, x.clone());
    if (!r.converged()) {
      return Double.NaN;
    }
    return Math.max(r.deviance() - pl.bestFit().deviance(), 0.0);
  }

  /** The p-quantile of sorted values (linear interpolation between order statistics, Hyndman–Fan type 7). */
  static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return order(sorted, p * (sorted.length - 1) + 1);
  }

  /** The order statistic at 1-based fractional rank {@code r}, clipped to [1, n], interpolated linearly. */
  private static double order(double[] sorted, double r) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = Math.min(Math.max(r, 1.0), sorted.length) - 1;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * The toy-calibrated 1D interval from the grid: going outward from the grid point nearest the best fit, the first
   * crossing on each side of f = Δχ² − c (c the critical values of one level; linear between grid points); a side
   * where f stays &le; 0 to the grid's end gives that end (NaN if f &gt; 0 at the best fit).
   */
  public static double[] interval1d(double[] x, double[] deltaChi2, double[] critical, double best) {
    int n = x.length;
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      f[i] = deltaChi2[i] - critical[i];
    }
    int centre = 0;
    for (int i = 1; i < n; i++) {
      if (Math.abs(x[i] - best) < Math.abs(x[centre] - best)) {
        centre = i;
      }
    }
    if (!(f[centre] <= 0)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double lower = x[0];
    for (int i = centre; i > 0; i--) {
      if (!(f[i - 1] <= 0)) {
        lower = Double.isNaN(f[i - 1]) ? x[i] : x[i] + (x[i - 1] - x[i]) * f[i] / (f[i] - f[i - 1]);
        break;
      }
    }
    double upper = x[n - 1];
    for (int i = centre; i < n - 1; i++) {
      if (!(f[i + 1] <= 0)) {
        upper = Double.isNaN(f[i + 1]) ? x[i] : x[i] + (x[i + 1] - x[i]) * f[i] / (f[i] - f[i + 1]);
        break;
      }
    }
    return new double[] {lower, upper};
  }
}
