package org.cevns.analysis.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global fit (x̂, θ̂) of a {@link ProfileLikelihood}: the fit from the nominal start (μ = 1, constrained
 * parameters at their global observables), then, for the profile likelihoods that ask for it
 * ({@link ProfileLikelihood#withGlobalSearch}), fits from a few more starts of the parameter of interest x, at
 * x̂ ± {@link #SIGMA_MULTIPLES} Hesse errors of the first fit (clipped to x's bounds): at each, the conditional fit
 * with x held there from the nominal start, then the fit free in x from that conditional fit; then from the lowest
 * of these with each nuisance α moved by ±{@link #ALPHA_STEP} ({@link #nuisanceStarts}: two minima in a nuisance
 * at about the same x, which no start in x reaches). The lowest minimum is
 * kept; every distinct
 * minimum found is remembered ({@link #minima}) so that conditional fits also start from each of them (the profile
 * is the lowest over the nuisances: with two minima, a fit warm-started in one basin stays in it). Deterministic:
 * fixed starts, fitted in a fixed order on the calling thread.
 *
 * <p>Why: a binned likelihood whose signal may go negative (μ &lt; 0 with an unbounded μ range) and whose response
 * has a shape nuisance can have two minima in μ (Cowan et al., EPJC 71 (2011) 1554 assume one): CONNIE's reactor
 * spectrum at 2 % of its exposure has μ = 3.65 (deviance 17.7, the fit from the nominal start) and μ = −7.44
 * (deviance 13.9, a negative signal emptying the 25–35 eV bin with the quenching pulled by −1.25σ);
 * docs/validation.md. Cost for a likelihood with one minimum: eight fits, each a few Newton steps
 * (docs/performance-history.md, "Global fit from several starts"), and two more per nuisance α, each from next to a
 * minimum (docs/performance-history.md, "Starts in the nuisances of the global fit").
 */
final class GlobalFit {
  /** The starts of the parameter of interest: x̂ plus these multiples of its Hesse error. */
  static final double[] SIGMA_MULTIPLES = {-4, -2, 2, 4};
  /**
   * The move of each nuisance α (in units of its prior width) from the lowest minimum at which a further fit
   * starts ({@link #nuisanceStarts}): reduced coherent-cryocsi has two minima in its quenching nuisance at μ near 1,
   * α = +0.57 (deviance 10.30, found from the nominal start and from every start in μ) and α = −0.74 (10.12), with a
   * barrier of 0.6 at α = 0 between them.
   */
  static final double ALPHA_STEP = 2;
  /** The smallest move tried where a larger one makes an expected count negative: ALPHA_STEP / this. */
  static final double MAX_HALVING = 8;
  /** A minimum replaces another as the global one when its deviance is lower by more than this. */
  static final double DEVIANCE_TOLERANCE = 1e-6;
  /** Two minima are distinct when their deviances differ by more than this (or their x, see below). */
  static final double DISTINCT_DEVIANCE = 1e-3;
  /** ... or their values of the parameter of interest by more than this fraction of its Hesse error. */
  static final double DISTINCT_SIGMA = 0.01;

  /** Points on the segment between two minima at which {@link #sameBasin} looks for a barrier. */
  private static final double[] SEGMENT = {0.25, 0.5, 0.75};

  private final PoissonLikelihood likelihood;
  private final FitResult nominal;
  /** Newton's Hessian at the nominal fit, taken before the other starts replace it ({@link #nominalHessian}). */
  private double[][] nominalHessian;
  /** Newton's Hessian at {@link #lowest} when the search ended (null if Newton's last point was another). */
  private double[][] bestHessian;
  private final List<FitResult> minima = new ArrayList<>();
  /** The lowest minimum offered. */
  private FitResult lowest;
  private final int poi;
  private final double sigma;
  /** The fitter and the parameters held in every fit (set by {@link #run}), for {@link #onProfile}. */
  private Fitter fitter;
  private int[] held;
  /** {@link #onProfile}'s answers for {@link #checkedBest} (a new best fit asks again). */
  private final Map<FitResult, Boolean> onProfile = new IdentityHashMap<>();
  private FitResult checkedBest;

  private GlobalFit(PoissonLikelihood likelihood, FitResult nominal, int poi) {
    this.likelihood = likelihood;
    this.nominal = nominal;
    this.poi = poi;
    double s = nominal.hesseErrors()[poi];
    this.sigma = s > 0 && Double.isFinite(s) ? s : Math.max(1.0, Math.abs(nominal.parameters()[poi]));
    minima.add(nominal);
    lowest = nominal;
  }

  /** The nominal start: μ = 1, constrained norms and α at their global observables, physics parameters nominal. */
  static double[] nominalStart(BinnedModel model, Observations data, PoissonLikelihood likelihood) {
    double[] start = model.nominalParameters(1.0);
    for (int k = 1; k < model.alphaOffset(); k++) {
      if (model.norm(k).kind() == NormParameter.Kind.CONSTRAINED) {
        start[k] = Math.max(data.globalObservable(k - 1), 0.0);
      }
    }
    for (int k = model.alphaOffset(); k < model.physicsOffset(); k++) {
      start[k] = Math.max(Math.min(data.globalObservable(k - 1), BinnedModel.ALPHA_BOUND), -BinnedModel.ALPHA_BOUND);
    }
    if (!likelihood.isPhysical(start)) {
      // fluctuated global observables far out (a histosys extrapolated to a negative count): start the α at 0,
      // where the deviance is the Poisson one, not its steep continuation (where Newton's line search fails and
      // the derivative-free fallback needs thousands of evaluations; both end at the same minimum)
      Arrays.fill(start, model.alphaOffset(), model.physicsOffset(), 0.0);
    }
    return start;
  }

  /**
   * The fit from {@code start} with {@code held} fixed, then, if {@code search}, from the further starts of the
   * parameter of interest {@code poi} within [{@code lower}, {@code upper}] (class comment).
   */
  static GlobalFit run(Fitter fitter, ProjectedNewton newton, PoissonLikelihood likelihood, double[] start,
      int[] held, int poi, double lower, double upper, boolean search) {
    GlobalFit g = new GlobalFit(likelihood, fitter.fit(start, held), poi);
    g.fitter = fitter;
    g.held = held.clone();
    g.nominalHessian = newton.hessianAt(g.nominal.parameters());
    if (!search) {
      g.bestHessian = g.nominalHessian;
      return g;
    }
    double xHat = g.nominal.parameters()[poi];
    double previous = Double.NaN;
    for (double multiple : SIGMA_MULTIPLES) {
      double x = Math.min(Math.max(xHat + multiple * g.sigma, lower), upper);
      if (x == xHat || x == previous) {
        continue;
      }
      previous = x;
      double[] s = start.clone();
      s[poi] = x;
      // the conditional fit at x first: from the nominal start with x far from x̂ some expected counts can be
      // negative, and a fit free in x from there slides back to x̂; the conditional fit moves the nuisances into
      // x's own basin (connie: quenching −1.4σ at μ = −6.3), from which the free fit finds that basin's minimum
      FitResult conditional = fitter.fit(s, heldWith(held, poi), false);
      g.offer(fitter.fit(conditional.parameters(), held));
    }
    g.nuisanceStarts();
    g.bestHessian = newton.hessianAt(g.lowest.parameters());
    return g;
  }

  /**
   * A copy of this search's outcome (its minima, best fit and Hessians) for another profile likelihood of the same
   * model, data, options and parameter of interest, which fits with {@code otherLikelihood} and {@code otherFitter}:
   * the same state that profile likelihood's own search would reach (fixed starts in a fixed order), without its fits.
   */
  GlobalFit copyFor(PoissonLikelihood otherLikelihood, Fitter otherFitter) {
    GlobalFit g = new GlobalFit(otherLikelihood, nominal, poi);
    g.minima.clear();
    g.minima.addAll(minima);
    g.lowest = lowest;
    g.nominalHessian = nominalHessian;
    g.bestHessian = bestHessian;
    g.fitter = fitter == null ? null : otherFitter;
    g.held = held == null ? null : held.clone();
    return g;
  }

  /** The observed Hessian at {@link #best} as Newton left it at the end of the search (null if unknown). */
  double[][] bestHessian() {
    return bestHessian;
  }

  /**
   * The fits from the lowest minimum found with one nuisance α moved by ±{@link #ALPHA_STEP} (within its bounds), in index order, each from the lowest minimum so far; a minimum lower
   * than it by more than {@link #DEVIANCE_TOLERANCE} replaces it (and joins {@link #minima}), any other end point is
   * dropped, so that a likelihood without a lower minimum keeps its digits. Where the move makes an expected count
   * negative it is halved, down to ALPHA_STEP / {@link #MAX_HALVING}, and then skipped.
   */
  private void nuisanceStarts() {
    BinnedModel model = likelihood.model();
    for (int k = model.alphaOffset(); k < model.physicsOffset(); k++) {
      if (k == poi || isHeld(k) || !model.floats(k)) {
        continue;
      }
      for (double step : new double[] {-ALPHA_STEP, ALPHA_STEP}) {
        double[] s = lowest.parameters().clone();
        double from = s[k];
        // where an expected count would be negative, the move is halved (down to ALPHA_STEP / 8)
        for (double t = step; Math.abs(t) >= ALPHA_STEP / MAX_HALVING; t /= 2) {
          s[k] = Math.min(Math.max(from + t, model.lowerBound(k)), model.upperBound(k));
          if (likelihood.isPhysical(s)) {
            break;
          }
        }
        if (s[k] == from || !likelihood.isPhysical(s)) {
          continue;
        }
        FitResult r = fitter.fit(s, held);
        if (r.deviance() < lowest.deviance() - DEVIANCE_TOLERANCE) {
          offer(r);
        }
      }
    }
  }

  private boolean isHeld(int k) {
    for (int h : held) {
      if (h == k) {
        return true;
      }
    }
    return false;
  }

  /** {@code held} and {@code poi}. */
  private static int[] heldWith(int[] held, int poi) {
    int[] h = Arrays.copyOf(held, held.length + 1);
    h[held.length] = poi;
    return h;
  }

  /**
   * Adds {@code r} to the minima unless it is one of them or in the basin of one (then keeps the lower of the two,
   * the nominal fit's entry excepted).
   */
  void offer(FitResult r) {
    if (r.deviance() < lowest.deviance() - DEVIANCE_TOLERANCE) {
      lowest = r;
    }
    for (int i = 0; i < minima.size(); i++) {
      if (sameMinimum(minima.get(i), r) || sameBasin(minima.get(i), r)) {
        if (r.deviance() < minima.get(i).deviance() - DEVIANCE_TOLERANCE && i > 0) {
          minima.set(i, r);
        }
        return;
      }
    }
    minima.add(r);
  }

  private boolean sameMinimum(FitResult a, FitResult b) {
    return Math.abs(a.deviance() - b.deviance()) <= DISTINCT_DEVIANCE
        && Math.abs(a.parameters()[poi] - b.parameters()[poi]) <= DISTINCT_SIGMA * sigma;
  }

  /**
   * True if the deviance on the straight segment between {@code a} and {@code b} nowhere rises above the higher of
   * the two by more than {@link #DISTINCT_DEVIANCE}: two end points of one valley (a minimum on a kink, where a sample
   * content reaches zero, is located only to the fitter's precision there: connie's μ = −7.66 and −7.43, deviances
   * 13.927 and 13.934, from two starts), not two minima.
   */
  private boolean sameBasin(FitResult a, FitResult b) {
    double[] x = a.parameters();
    double[] y = b.parameters();
    double top = Math.max(a.deviance(), b.deviance()) + DISTINCT_DEVIANCE;
    double[] p = new double[x.length];
    for (double t : SEGMENT) {
      for (int k = 0; k < p.length; k++) {
        p[k] = x[k] + t * (y[k] - x[k]);
      }
      if (!(likelihood.deviance(p) <= top)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The observed Hessian at the nominal fit as Newton left it (null if unknown), from which the first conditional
   * fit of an interval search predicts its start: a likelihood with one minimum then searches exactly as with one
   * start (the other starts' fits leave Newton's Hessian at their own end points).
   */
  double[][] nominalHessian() {
    return nominalHessian;
  }

  /** The fit from the nominal start. */
  FitResult nominal() {
    return nominal;
  }

  /**
   * The lowest minimum found: the nominal fit unless another start's minimum is lower by more than
   * {@link #DEVIANCE_TOLERANCE} (so that a likelihood with one minimum keeps the nominal fit's digits).
   */
  FitResult best() {
    return lowest;
  }

  /**
   * The minima found that are neither {@code best} nor in its basin ({@link #sameBasin}) and that are minima of the
   * profile in the parameter of interest ({@link #onProfile}), the nominal fit first.
   */
  List<FitResult> othersThan(FitResult best) {
    List<FitResult> out = new ArrayList<>();
    for (FitResult m : minima) {
      if (!sameMinimum(m, best) && !sameBasin(m, best) && onProfile(m, best)) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * False if the conditional fit at {@code m}'s value of the parameter of interest, started from {@code best}'s
   * nuisances, ends lower than {@code m} by more than {@link #DISTINCT_DEVIANCE}: {@code m} is then a local minimum
   * in the nuisances only (or where the fitter stopped on a kink), not a minimum of the profile in that parameter,
   * which is what a physicist reads from "2 minima in mu". coherent-csi (seed 1, 2e5 template events, with the
   * integer PE of before 2026-12-06): the free fit
   * from μ̂ − 2σ stops at μ = 0.7227 with deviance 200.1, while the profile there is 199.2 and falls monotonically
   * to μ̂ = 0.7612 (199.1; `cevns scan --poi mu=0.70:0.78:17`). {@code m} stays a start of later conditional fits
   * ({@link #minima}). One conditional fit per such minimum, remembered per best fit.
   */
  private boolean onProfile(FitResult m, FitResult best) {
    if (fitter == null) {
      return true;
    }
    if (best != checkedBest) {
      onProfile.clear();
      checkedBest = best;
    }
    Boolean known = onProfile.get(m);
    if (known == null) {
      double[] s = best.parameters().clone();
      s[poi] = m.parameters()[poi];
      FitResult c = fitter.fit(s, heldWith(held, poi), false);
      known = !(c.deviance() < m.deviance() - DISTINCT_DEVIANCE);
      onProfile.put(m, known);
    }
    return known;
  }

  /** The distinct minima found, the nominal fit first. */
  List<FitResult> minima() {
    return List.copyOf(minima);
  }

}
