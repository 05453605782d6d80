package org.cevns.detsim.sim;

import java.util.Arrays;
import java.util.BitSet;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.cevns.detsim.efficiency.EfficiencyVariable;
import org.cevns.detsim.efficiency.ErfEfficiency;
import org.cevns.detsim.efficiency.HardThreshold;
import org.cevns.detsim.efficiency.LogisticEfficiency;
import org.cevns.detsim.efficiency.TabulatedEfficiency;
import org.cevns.detsim.response.LightYieldResponse;
import org.cevns.physics.xs.GaussLegendre;
import org.cevns.detsim.detector.DetectionStage;
import org.cevns.detsim.detector.DetectorResponse;

/**
 * Probability that an event of visible energy E_vis is detected, P(E_vis) = E[Π ε_k(observation)], computed
 * by numerical integration over the energy response (an independent check of the sampled simulation, and
 * the detection factor of {@code cevns rates}):
 *
 * <ul>
 *   <li>Gaussian responses (generic, ionisation): ∫ N(x; E_vis, σ(E_vis)) ε(x) dx over E_vis ± {@value #SIGMAS} σ,
 *       split at the efficiency curves' steps and turn-on points, composite 16-point Gauss–Legendre;
 *   <li>light yield, Poisson: Σ_k Pois(k; LY·E_vis) ε(k/LY, k);
 *   <li>light yield, Gamma: ∫ g(x) ε(x/LY, x) dx, g the Gamma density of the (real-valued) PE, split at the
 *       efficiencies' points, composite 16-point Gauss–Legendre;
 *   <li>ideal response: ε(E_vis).
 * </ul>
 *
 * Sums and integrals run over the mean ± {@value #SIGMAS} standard deviations (neglected tails below 1e-30). Where
 * ε is on its plateau for every PE count from some k on (every stage's {@code constantFrom}), the weight of those
 * counts is one CDF difference times that constant instead of a term-by-term sum or integral.
 *
 * <p>Except for the ideal response (whose P may have steps), P is smooth in E_vis and is memoised on a grid
 * of {@value #NODES_PER_DECADE} nodes per decade in E_vis ({@value #GRID_MIN_KEVEE}–{@value #GRID_MAX_KEVEE}
 * keVee, nodes computed when first needed) and interpolated linearly in ln E_vis (relative node spacing 0.9 %,
 * interpolation error below 10⁻⁴ for turn-ons wider than 0.1 keVee or 2 PE). Not thread-safe, except that
 * {@link #probability} at energies prefilled before ({@link #prefillOf}) only reads the memo (threads may share it then).
 */
final class DetectionCurve {
  /** Half-width of the integration range in standard deviations. */
  static final double SIGMAS = 12.0;
  private static final int PANELS = 2;

  static final int NODES_PER_DECADE = 256;
  /** Gauss–Legendre panels per interval between the efficiencies' points of the Gamma integral. */
  static final int GAMMA_PANELS = 4;
  /** Scale lengths added to the upper end of the Gamma integral (e⁻⁷⁰ ≈ 4e-31). */
  private static final double GAMMA_TAIL_SCALES = 70;
  static final double GRID_MIN_KEVEE = 1e-6;
  /**
   * Mean photoelectron counts below this are counted as no light (P(any PE) below 1e-30, as the neglected tails):
   * the Gamma density of a smaller mean overflowed (scale ~1e-300 PE: density 1e300 x 0 efficiency = NaN), and
   * {@code light_yield_pe_per_kevee: 1e-300} or a Lindhard {@code k: 1e-300} made {@code rates} print NaN.
   */
  static final double MIN_MEAN_PE = 1e-30;
  static final double GRID_MAX_KEVEE = 1e6;

  private final DetectorResponse response;
  private final double[] breakpointsKeVee;
  /** Those of the PE efficiencies and, times the light yield, of the keVee ones (light-yield responses only). */
  private final double[] breakpointsPe;
  private final boolean memoised;
  /** The Gamma integral's intervals between the PE points, their efficiencies kept (Gamma light yields only). */
  private final GammaFixedIntervals gammaIntervals;
  private final double[] memo;
  private final double lnMin = Math.log(GRID_MIN_KEVEE);
  private final double nodesPerLn = NODES_PER_DECADE / Math.log(10.0);

  DetectionCurve(DetectorResponse response) {
    this.response = response;
    this.breakpointsKeVee = breakpoints(response, EfficiencyVariable.ENERGY_KEVEE);
    this.breakpointsPe = response.energy() instanceof LightYieldResponse ly ? pePoints(response, ly) : new double[0];
    this.memoised = !(response.energy() instanceof org.cevns.detsim.response.IdealResponse);
    this.gammaIntervals = response.energy() instanceof LightYieldResponse ly
        && ly.smearing() == LightYieldResponse.Smearing.GAMMA
        ? new GammaFixedIntervals(response, ly.lightYieldPePerKeVee(), breakpointsPe, GAMMA_PANELS) : null;
    int nodes = (int) Math.round(Math.log10(GRID_MAX_KEVEE / GRID_MIN_KEVEE) * NODES_PER_DECADE) + 1;
    this.memo = new double[nodes];
    Arrays.fill(memo, Double.NaN);
  }

  /**
   * True when P may step in E_vis (the ideal response: P is the efficiencies themselves, e.g. a hard threshold), at
   * the points of {@link #stepsKeVee}; every other response smooths P over its resolution.
   */
  boolean stepwise() {
    return !memoised;
  }

  /** The efficiencies' steps, turn-on and clipping points in keVee (sorted; a copy). */
  double[] stepsKeVee() {
    return breakpointsKeVee.clone();
  }

  /** P(detected | E_vis = {@code visibleKeVee}), memoised (see class comment). */
  double probability(double visibleKeVee) {
    if (!memoised || !(visibleKeVee > GRID_MIN_KEVEE) || !(visibleKeVee < GRID_MAX_KEVEE)) {
      return exact(visibleKeVee);
    }
    double x = (Math.log(visibleKeVee) - lnMin) * nodesPerLn;
    int i = Math.min(memo.length - 2, (int) x);
    double f = x - i;
    return (1 - f) * node(i) + f * node(i + 1);
  }

  private double node(int i) {
    double p = memo[i];
    if (Double.isNaN(p)) {
      p = exact(nodeKeVee(i));
      memo[i] = p;
    }
    return p;
  }

  private double nodeKeVee(int i) {
    return Math.exp(lnMin + i / nodesPerLn);
  }

  /**
   * The grid cells [node i, node i + 1] that {@link #probability} interpolates in for these visible energies, as the
   * set of their lower nodes i (energies outside the grid, and NaN, have none). Reads only this curve's fixed grid, not
   * its memo: callable on any thread at any time, so that the cells of many channels are found on all cores
   * ({@link ExpectedDetected}) and merged with {@link BitSet#or}.
   */
  BitSet cellsOf(double[] visibleKeVee) {
    BitSet cells = new BitSet(memo.length);
    if (!memoised) {
      return cells;
    }
    for (double v : visibleKeVee) {
      if (v > GRID_MIN_KEVEE && v < GRID_MAX_KEVEE) {
        cells.set(Math.min(memo.length - 2, (int) ((Math.log(v) - lnMin) * nodesPerLn)));
      }
    }
    return cells;
  }

  /**
   * The grid nodes that {@link #probability} reads in these cells ({@link #cellsOf}: both ends of each) and has not
   * computed yet, as tasks, so that the nodes of several curves are computed in one {@link AllCores} run (the threads
   * finish together): run every task of {@link Prefill#tasks}, then {@link Prefill#commit}. The same values {@link
   * #probability} computes on first use, so later results do not change. Not to be used while another thread uses
   * this curve.
   */
  Prefill prefillOf(BitSet cells) {
    if (!memoised) {
      return new Prefill(new int[0]);
    }
    BitSet needed = new BitSet(memo.length);
    for (int i = cells.nextSetBit(0); i >= 0; i = cells.nextSetBit(i + 1)) {
      for (int k = i; k <= i + 1; k++) {
        if (Double.isNaN(memo[k])) {
          needed.set(k);
        }
      }
    }
    return new Prefill(needed.stream().toArray());
  }

  /** Grid nodes of this curve to compute ({@link #prefillOf}), and their values once computed. */
  final class Prefill {
    /** Nodes per task: a node costs one integral over the response (~10-100 µs warm). */
    private static final int NODES_PER_TASK = 8;
    private final int[] nodes;
    private final double[] values;

    private Prefill(int[] nodes) {
      this.nodes = nodes;
      this.values = new double[nodes.length];
    }

    /** Tasks computing the values (each writes its own entries; none reads or writes the memo). */
    java.util.List<Runnable> tasks() {
      java.util.List<Runnable> out = new java.util.ArrayList<>();
      for (int from = 0; from < nodes.length; from += NODES_PER_TASK) {
        int lo = from;
        int hi = Math.min(nodes.length, from + NODES_PER_TASK);
        out.add(() -> {
          for (int k = lo; k < hi; k++) {
            values[k] = exact(nodeKeVee(nodes[k]));
          }
        });
      }
      return out;
    }

    /** Writes the computed values into the memo (after every task has run, on one thread). */
    void commit() {
      for (int k = 0; k < nodes.length; k++) {
        memo[nodes[k]] = values[k];
      }
    }
  }

  /** Steps, turn-on and clipping points of the efficiencies in {@code variable}, sorted. */
  private static double[] breakpoints(DetectorResponse r, EfficiencyVariable variable) {
    double[] out = new double[0];
    for (DetectionStage s : r.stages()) {
      double[] add;
      if (s.efficiency() instanceof HardThreshold h && h.variable() == variable) {
        add = new double[] {h.threshold()};
      } else if (s.efficiency() instanceof ErfEfficiency e && e.variable() == variable) {
        double w = e.width();
        add = new double[] {e.x50() - 6 * w, e.x50() - 2 * w, e.x50(), e.x50() + 2 * w, e.x50() + 6 * w};
      } else if (s.efficiency() instanceof LogisticEfficiency l && l.variable() == variable) {
        add = logisticPoints(l.parameters());
      } else if (s.efficiency() instanceof TabulatedEfficiency t && t.variable() == variable) {
        add = t.values();
      } else {
        continue;
      }
      double[] merged = Arrays.copyOf(out, out.length + add.length);
      System.arraycopy(add, 0, merged, out.length, add.length);
      out = merged;
    }
    Arrays.sort(out);
    return out;
  }

  /**
   * The turn-on points of a logistic a/(1 + exp(−b(x − c))) + d and the kinks where its clipping to [0, 1] starts
   * or ends (x = c − ln(a/(y − d) − 1)/b for y = 0 and 1, where the curve reaches them; the COHERENT CsI[Na] 2021
   * curve is 0 below 7.07 PE).
   */
  private static double[] logisticPoints(double[] abcd) {
    double a = abcd[0];
    double b = abcd[1];
    double c = abcd[2];
    double d = abcd[3];
    double w = 1.0 / b;
    double[] out = {c - 30 * w, c - 6 * w, c - 2 * w, c, c + 2 * w, c + 6 * w, c + 30 * w, Double.NaN, Double.NaN};
    for (int k = 0; k < 2; k++) {
      double ratio = a / (k - d) - 1;   // exp(−b(x − c)) at the level y = k
      if (k - d > 0 && ratio > 0) {
        out[7 + k] = c - Math.log(ratio) / b;
      }
    }
    return Arrays.stream(out).filter(Double::isFinite).toArray();
  }

  private double[] pePoints(DetectorResponse r, LightYieldResponse ly) {
    double[] pe = breakpoints(r, EfficiencyVariable.PHOTOELECTRONS);
    double[] out = Arrays.copyOf(pe, pe.length + breakpointsKeVee.length);
    for (int k = 0; k < breakpointsKeVee.length; k++) {
      out[pe.length + k] = breakpointsKeVee[k] * ly.lightYieldPePerKeVee();
    }
    Arrays.sort(out);
    return out;
  }

  /** P(detected | E_vis = {@code visibleKeVee}) computed directly. */
  double exact(double visibleKeVee) {
    if (response.energy() instanceof LightYieldResponse ly) {
      return lightYield(ly, visibleKeVee);
    }
    double sigma = response.energy().sigmaKeVee(visibleKeVee);
    if (sigma == 0) {
      return response.detectionProbability(visibleKeVee, Double.NaN);
    }
    double lo = visibleKeVee - SIGMAS * sigma;
    double hi = visibleKeVee + SIGMAS * sigma;
    double norm = 1.0 / (Math.sqrt(2 * Math.PI) * sigma);
    // norm · exp(−z²/2) ≤ norm: where norm is finite, a point of efficiency 0 adds +0.0 without its exp
    boolean skipZeros = Double.isFinite(norm);
    double p = GaussLegendre.integrate(x -> {
      double eff = response.detectionProbability(x, Double.NaN);
      if (eff == 0 && skipZeros) {
        return 0.0;
      }
      double z = (x - visibleKeVee) / sigma;
      return norm * Math.exp(-0.5 * z * z) * eff;
    }, edges(lo, hi, breakpointsKeVee), PANELS);
    return Math.min(1.0, Math.max(0.0, p));
  }

  private double lightYield(LightYieldResponse ly, double visibleKeVee) {
    double yield = ly.lightYieldPePerKeVee();
    double mu = ly.meanPhotoelectrons(visibleKeVee);
    if (!(mu >= MIN_MEAN_PE)) {
      return response.detectionProbability(0.0, 0.0);
    }
    double sd = ly.smearing() == LightYieldResponse.Smearing.POISSON ? Math.sqrt(mu)
        : mu / Math.sqrt(ly.gammaShape(visibleKeVee));
    long kLo = Math.max(0, (long) Math.floor(mu - SIGMAS * sd - 5));
    long kHi = (long) Math.ceil(mu + SIGMAS * sd + 20);
    double p = 0;
    if (ly.smearing() == LightYieldResponse.Smearing.POISSON) {
      PoissonDistribution d = PoissonDistribution.of(mu);
      long kSat = plateauFrom(yield, kLo, kHi);
      for (long k = kLo; k < kSat; k++) {
        double w = d.probability((int) k);
        if (w > 0) {
          p += w * response.detectionProbability(k / yield, k);
        }
      }
      if (kSat <= kHi) {
        // P(kSat <= N <= kHi) = P(N > kSat - 1) - P(N > kHi)
        double tail = d.survivalProbability((int) kSat - 1) - d.survivalProbability((int) kHi);
        p += tail * response.detectionProbability(kSat / yield, kSat);
      }
    } else {
      p = gamma(ly, visibleKeVee, mu, sd);
    }
    return Math.min(1.0, Math.max(0.0, p));
  }

  /**
   * ∫ Gamma(x) ε(x/LY, x) dx over x = mean ± {@value #SIGMAS} sd (at least 0), split at the efficiencies' points;
   * from the first integer PE count on the plateau ({@link #plateauFrom}) on, one survival probability times
   * the plateau value.
   */
  private double gamma(LightYieldResponse ly, double visibleKeVee, double mu, double sd) {
    double yield = ly.lightYieldPePerKeVee();
    double shape = ly.gammaShape(visibleKeVee);
    double scale = mu / shape;
    GammaDistribution d = GammaDistribution.of(shape, scale);
    double lo = Math.max(0.0, mu - SIGMAS * sd);
    // a Gamma of small shape has an exponential tail of length scale: 70 of them leave below 1e-30
    double hi = mu + SIGMAS * sd + GAMMA_TAIL_SCALES * scale;
    long kLo = (long) Math.floor(lo);
    long kHi = (long) Math.ceil(hi);
    long kSat = plateauFrom(yield, kLo, kHi);
    double p = 0;
    double top = hi;
    if (kSat <= kHi) {
      top = Math.max(lo, Math.min(hi, kSat));
      p += d.survivalProbability(top) * response.detectionProbability(kSat / yield, kSat);
    }
    if (top > lo) {
      double logNorm = -org.apache.commons.numbers.gamma.LogGamma.value(shape) - shape * Math.log(scale);
      boolean skipZeros = densityFinite(shape, scale, logNorm);
      p += gammaIntervals.integrate(edges(lo, top, breakpointsPe), shape, scale, logNorm, skipZeros);
    }
    return p;
  }

  /**
   * True when exp((k − 1) ln x − x/θ + logNorm) is finite at every x &gt; 0, so that the Gamma integrand of a point of
   * efficiency 0 is +0.0 whether or not it is evaluated: for k &ge; 1 the exponent is at most its value at the mode
   * x = (k − 1)θ, (k − 1)(ln((k − 1)θ) − 1) + logNorm (logNorm at k = 1), here below 700 (e^709.78 overflows)
   * with k below 10¹² and terms below 10¹⁵ (rounding far below the margin). Always true for the shipped light-yield
   * responses (k = 1 + b·E_vis, mean PE at least {@value #MIN_MEAN_PE}); false (every point evaluated, as before)
   * for NaN or absurd parameters.
   */
  static boolean densityFinite(double shape, double scale, double logNorm) {
    if (!(shape >= 1 && shape < 1e12) || !(scale > 0) || !(Math.abs(logNorm) < 1e15)) {
      return false;
    }
    double atMode = shape == 1 ? 0.0 : (shape - 1) * (Math.log((shape - 1) * scale) - 1);
    return Math.abs(atMode) < 1e15 && atMode + logNorm < 700;
  }

  /** {@code lo}, the {@code points} strictly between {@code lo} and {@code hi} (sorted), {@code hi}. */
  private static double[] edges(double lo, double hi, double[] points) {
    double[] edges = new double[points.length + 2];
    int n = 0;
    edges[n++] = lo;
    for (double b : points) {
      if (b > lo && b < hi) {
        edges[n++] = b;
      }
    }
    edges[n++] = hi;
    return Arrays.copyOf(edges, n);
  }

  /**
   * The first PE count in [kLo, kHi] from which the detection probability is one constant
   * ({@link DetectorResponse#detectionConstantFrom}, monotone in k), or kHi + 1 if none. Bright events (an EvES
   * electron of tens of MeV gives ~10⁵ PE) then cost one CDF difference instead of ~10⁴ Gamma weights, which made
   * most of {@code rates}' time on the light-yield configs.
   */
  private long plateauFrom(double yield, long kLo, long kHi) {
    if (!response.detectionConstantFrom(kHi / yield, kHi)) {
      return kHi + 1;
    }
    long lo = kLo;
    long hi = kHi;
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      if (response.detectionConstantFrom(mid / yield, mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
