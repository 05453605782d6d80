package org.cevns.analysis.fit;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BracketFinder;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * The derivative-free path of {@link Fitter}: commons-math3's {@link BOBYQAOptimizer} (bounded, derivative-free) for
 * two or more floating parameters, {@link BracketFinder} + {@link BrentOptimizer} for one, on the deviance of the
 * likelihood through a {@link DevianceTracker} (which keeps the best point seen). The parameters are standardised
 * first, u_k = (p_k − p0_k)/s_k with s_k the expected-information (analytic Hessian) error at the start point
 * ({@link #scales}), so the trust region works in units of the parameter uncertainties; a second BOBYQA pass,
 * re-centred and re-scaled, follows if the first moved far from the start. Not thread-safe (the likelihood's
 * scratch buffers).
 */
final class DerivativeFreeSearch {
  /** BOBYQA initial trust-region radius, in standardised units. */
  static final double INITIAL_RADIUS = 0.5;
  /**
   * BOBYQA final trust-region radius of the first attempt, in standardised units; the Newton polish then
   * converges quadratically from there to full precision.
   */
  static final double LOOSE_STOPPING_RADIUS = 1e-3;
  /** BOBYQA final trust-region radius used if the Newton polish does not converge. */
  static final double TIGHT_STOPPING_RADIUS = 1e-7;
  /** A second BOBYQA pass is run if the first moved a parameter by more than this many start-point σ. */
  private static final double RESCALE_DISTANCE = 2.0;
  private static final double MIN_SCALE = 1e-9;
  private static final double MAX_SCALE = 1e4;

  private final PoissonLikelihood likelihood;
  private final FitOptions options;

  DerivativeFreeSearch(PoissonLikelihood likelihood, FitOptions options) {
    this.likelihood = likelihood;
    this.options = options;
  }

  /** Brent's method on the one free parameter k from the best point so far (bracketed first). */
  boolean minimise1d(DevianceTracker tracker, int k, double[] lo, double[] hi) {
    double[] base = tracker.bestX.clone();
    double[] s = scales(base, new int[] {k});
    double x0 = base[k];
    double scale = s[0];
    org.apache.commons.math3.analysis.UnivariateFunction f = u -> {
      double[] x = base.clone();
      x[k] = x0 + scale * u;
      return tracker.value(x);
    };
    double uLo = (lo[k] - x0) / scale;
    double uHi = (hi[k] - x0) / scale;
    try {
      BracketFinder bracket = new BracketFinder(100, 2000);
      bracket.search(f, GoalType.MINIMIZE, 0.0, 1.0);
      double a = Math.max(Math.min(bracket.getLo(), bracket.getHi()), uLo);
      double b = Math.min(Math.max(bracket.getLo(), bracket.getHi()), uHi);
      if (a < b) {
        double mid = Math.min(Math.max(bracket.getMid(), a), b);
        BrentOptimizer brent = new BrentOptimizer(1e-10, 1e-9);
        brent.optimize(new MaxEval(options.maxEvaluations()), new UnivariateObjectiveFunction(f),
            GoalType.MINIMIZE, new SearchInterval(a, b, mid));
      }
      // the minimum may sit on a bound: compare with the bound values
      if (Double.isFinite(uLo)) {
        f.value(uLo);
      }
      if (Double.isFinite(uHi)) {
        f.value(uHi);
      }
      return true;
    } catch (MathIllegalStateException e) {
      return false;
    }
  }

  /**
   * BOBYQA from the best point so far (initial radius {@link #INITIAL_RADIUS}, down to {@code stoppingRadius}),
   * re-centred and re-scaled once more if it moved far.
   */
  boolean bobyqa(DevianceTracker tracker, int[] free, double[] lo, double[] hi, double stoppingRadius) {
    double[] before = tracker.bestX.clone();
    double[] s = scales(before, free);
    boolean ok = minimiseBobyqa(tracker, free, lo, hi, before, s, Math.max(INITIAL_RADIUS, stoppingRadius),
        stoppingRadius);
    double moved = 0;
    for (int a = 0; a < free.length; a++) {
      moved = Math.max(moved, Math.abs(tracker.bestX[free[a]] - before[free[a]]) / s[a]);
    }
    if (moved > RESCALE_DISTANCE) {
      double[] again = tracker.bestX.clone();
      ok = minimiseBobyqa(tracker, free, lo, hi, again, scales(again, free), INITIAL_RADIUS, stoppingRadius);
    }
    return ok;
  }

  private boolean minimiseBobyqa(DevianceTracker tracker, int[] free, double[] lo, double[] hi, double[] base,
      double[] s, double initialRadius, double stoppingRadius) {
    int n = free.length;
    double[] uLo = new double[n];
    double[] uHi = new double[n];
    for (int a = 0; a < n; a++) {
      int k = free[a];
      uLo[a] = (lo[k] - base[k]) / s[a];
      uHi[a] = (hi[k] - base[k]) / s[a];
    }
    ObjectiveFunction f = new ObjectiveFunction(u -> {
      double[] x = base.clone();
      for (int a = 0; a < n; a++) {
        x[free[a]] = base[free[a]] + s[a] * u[a];
      }
      // BOBYQA may probe just outside a bound by rounding: clip
      for (int a = 0; a < n; a++) {
        int k = free[a];
        x[k] = Math.min(Math.max(x[k], lo[k]), hi[k]);
      }
      return tracker.value(x);
    });
    try {
      BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * n + 1, initialRadius, stoppingRadius);
      bobyqa.optimize(new MaxEval(options.maxEvaluations()), f, GoalType.MINIMIZE,
          new InitialGuess(new double[n]), new SimpleBounds(uLo, uHi));
      return true;
    } catch (MathIllegalStateException e) {
      return false;
    }
  }

  /** Standardisation scales: 1/√(I_kk) with I the expected information (½ Hessian of D), clipped. */
  double[] scales(double[] x, int[] free) {
    double[][] h = likelihood.hessian(x, true);
    double[] s = new double[free.length];
    for (int a = 0; a < free.length; a++) {
      double hk = h[free[a]][free[a]];
      double v = hk > 0 ? Math.sqrt(2.0 / hk) : 1.0;
      s[a] = Math.min(Math.max(v, MIN_SCALE), MAX_SCALE);
    }
    return s;
  }
}
