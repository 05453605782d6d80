package org.cevns.detsim.sim;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;
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
 *   <li>light yield, Gamma: Σ_k [G(k + ½) − G(k − ½)] ε(k/LY, k), G the Gamma CDF (the simulation rounds the
 *       drawn PE to the nearest integer);
 *   <li>ideal response: ε(E_vis).
 * </ul>
 *
 * Sums run over the mean ± {@value #SIGMAS} standard deviations (neglected tails below 1e-30). Where ε is on its
 * plateau for every PE count from some k on (every stage's {@code constantFrom}), the weight of those counts is
 * one CDF difference times that constant instead of a term-by-term sum: the same number to rounding (~1e-13).
 *
 * <p>Except for the ideal response (whose P may have steps), P is smooth in E_vis and is memoised on a grid
 * of {@value #NODES_PER_DECADE} nodes per decade in E_vis ({@value #GRID_MIN_KEVEE}–{@value #GRID_MAX_KEVEE}
 * keVee, nodes computed when first needed) and interpolated linearly in ln E_vis (relative node spacing 0.9 %,
 * interpolation error below 10⁻⁴ for turn-ons wider than 0.1 keVee or 2 PE). Not thread-safe, except that
 * {@link #probability} at energies given to {@link #prefill} before only reads the memo (threads may share it then).
 */
final class DetectionCurve {
  /** Half-width of the integration range in standard deviations. */
  static final double SIGMAS = 12.0;
  private static final int PANELS = 2;

  static final int NODES_PER_DECADE = 256;
  /**
   * Above this PE standard deviation the probability of each integer PE count is the Gamma density integrated
   * over [k − ½, k + ½] by 4-point Gauss–Legendre (the density is then nearly polynomial on a unit interval;
   * relative error below 1e-6), below it the difference of CDFs.
   */
  static final double MIN_SD_FOR_DENSITY = 3.0;
  private static final double[] GL4_NODES = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563,
      0.8611363115940526};
  private static final double[] GL4_WEIGHTS = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
      0.3478548451374538};
  static final double GRID_MIN_KEVEE = 1e-6;
  static final double GRID_MAX_KEVEE = 1e6;

  private final DetectorResponse response;
  private final double[] breakpointsKeVee;
  private final boolean memoised;
  private final double[] memo;
  private final double lnMin = Math.log(GRID_MIN_KEVEE);
  private final double nodesPerLn = NODES_PER_DECADE / Math.log(10.0);

  DetectionCurve(DetectorResponse response) {
    this.response = response;
    this.breakpointsKeVee = breakpoints(response);
    this.memoised = !(response.energy() instanceof org.cevns.detsim.response.IdealResponse);
    int nodes = (int) Math.round(Math.log10(GRID_MAX_KEVEE / GRID_MIN_KEVEE) * NODES_PER_DECADE) + 1;
    this.memo = new double[nodes];
    Arrays.fill(memo, Double.NaN);
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
   * Computes on all cores the grid nodes that {@link #probability} reads for these visible energies and has not
   * computed yet: the same values it computes on first use, so later results do not change. Not to be called
   * while another thread uses this curve.
   */
  void prefill(double[] visibleKeVee) {
    if (!memoised) {
      return;
    }
    BitSet needed = new BitSet(memo.length);
    for (double v : visibleKeVee) {
      if (v > GRID_MIN_KEVEE && v < GRID_MAX_KEVEE) {
        int i = Math.min(memo.length - 2, (int) ((Math.log(v) - lnMin) * nodesPerLn));
        for (int k = i; k <= i + 1; k++) {
          if (Double.isNaN(memo[k])) {
            needed.set(k);
          }
        }
      }
    }
    int[] nodes = needed.stream().toArray();
    double[] values = new double[nodes.length];
    IntStream.range(0, nodes.length).parallel().forEach(k -> values[k] = exact(nodeKeVee(nodes[k])));
    for (int k = 0; k < nodes.length; k++) {
      memo[nodes[k]] = values[k];
    }
  }

  /** Steps and turn-on points of the keVee efficiencies, sorted. */
  private static double[] breakpoints(DetectorResponse r) {
    double[] out = new double[0];
    for (DetectionStage s : r.stages()) {
      double[] add;
      if (s.efficiency() instanceof HardThreshold h && h.variable() == EfficiencyVariable.ENERGY_KEVEE) {
        add = new double[] {h.threshold()};
      } else if (s.efficiency() instanceof ErfEfficiency e && e.variable() == EfficiencyVariable.ENERGY_KEVEE) {
        double w = e.width();
        add = new double[] {e.x50() - 6 * w, e.x50() - 2 * w, e.x50(), e.x50() + 2 * w, e.x50() + 6 * w};
      } else if (s.efficiency() instanceof LogisticEfficiency l && l.variable() == EfficiencyVariable.ENERGY_KEVEE) {
        double c = l.parameters()[2];
        double w = 1.0 / l.parameters()[1];
        add = new double[] {c - 30 * w, c - 6 * w, c - 2 * w, c, c + 2 * w, c + 6 * w, c + 30 * w};
      } else if (s.efficiency() instanceof TabulatedEfficiency t && t.variable() == EfficiencyVariable.ENERGY_KEVEE) {
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
    double[] edges = new double[breakpointsKeVee.length + 2];
    int n = 0;
    edges[n++] = lo;
    for (double b : breakpointsKeVee) {
      if (b > lo && b < hi) {
        edges[n++] = b;
      }
    }
    edges[n++] = hi;
    double norm = 1.0 / (Math.sqrt(2 * Math.PI) * sigma);
    double p = GaussLegendre.integrate(x -> {
      double z = (x - visibleKeVee) / sigma;
      return norm * Math.exp(-0.5 * z * z) * response.detectionProbability(x, Double.NaN);
    }, Arrays.copyOf(edges, n), PANELS);
    return Math.min(1.0, Math.max(0.0, p));
  }

  private double lightYield(LightYieldResponse ly, double visibleKeVee) {
    double yield = ly.lightYieldPePerKeVee();
    double mu = ly.meanPhotoelectrons(visibleKeVee);
    if (mu == 0) {
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
      double shape = ly.gammaShape(visibleKeVee);
      GammaDistribution d = GammaDistribution.of(shape, mu / shape);
      if (sd < MIN_SD_FOR_DENSITY) {
        double below = kLo == 0 ? 0.0 : d.cumulativeProbability(kLo - 0.5);
        for (long k = kLo; k <= kHi; k++) {
          double upto = d.cumulativeProbability(k + 0.5);
          double w = upto - below;
          below = upto;
          if (w > 0) {
            p += w * response.detectionProbability(k / yield, k);
          }
        }
      } else {
        double scale = mu / shape;
        double logNorm = -org.apache.commons.numbers.gamma.LogGamma.value(shape) - shape * Math.log(scale);
        long kSat = plateauFrom(yield, kLo, kHi);
        if (kSat <= kHi) {
          // the PE counts kSat..kHi, whose detection probability is one constant: their Gamma weight at once
          double tail = d.survivalProbability(Math.max(0.0, kSat - 0.5)) - d.survivalProbability(kHi + 0.5);
          p += tail * response.detectionProbability(kSat / yield, kSat);
        }
        for (long k = kLo; k < kSat; k++) {
          double a = Math.max(0.0, k - 0.5);
          double half = 0.5 * (k + 0.5 - a);
          double mid = a + half;
          double w = 0;
          for (int g = 0; g < GL4_NODES.length; g++) {
            double x = mid + half * GL4_NODES[g];
            w += GL4_WEIGHTS[g] * Math.exp((shape - 1) * Math.log(x) - x / scale + logNorm);
          }
          w *= half;
          if (w > 0) {
            p += w * response.detectionProbability(k / yield, k);
          }
        }
      }
    }
    return Math.min(1.0, Math.max(0.0, p));
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
