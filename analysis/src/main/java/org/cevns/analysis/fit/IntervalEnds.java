package org.cevns.analysis.fit;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The ends of a profile-likelihood interval {x : q(x) &le; Δ} of a {@link ProfileLikelihood}'s parameter of
 * interest, searched outwards from the best fit x̂ with its Hesse error σ: first by Newton's method on √q (a few
 * conditional fits), else by bracketing and commons-math3 {@link BrentSolver}. Each returns {value, 1 if the end is
 * the parameter's bound else 0}. Stateless (the conditional fits are the profile likelihood's, warm-started there).
 */
final class IntervalEnds {
  private IntervalEnds() {}

  /** Relative accuracy of an interval end, in units of the Hesse error (also Brent's absolute accuracy). */
  static final double ACCURACY = 1e-7;
  /**
   * A Newton step shorter than {@link #ACCURACY} σ ends the search only where |√q − √Δ| is at most this (at a root
   * the step is ~|√q − √Δ| σ, so the accepted ends have |√q − √Δ| ~ 1e-7).
   */
  private static final double NEAR_ROOT = 1e-3;
  /** Newton iterations per interval end before the bracketing search takes over. */
  private static final int ITERATIONS = 30;

  /**
   * The two-sided interval {x : q(x) &le; Δ} of {@code pl}'s parameter of interest, Δ = χ²₁ quantile of {@code cl}.
   * Each end is found by Newton's method on √q from the Hesse estimate ({@link #byNewton}), or else bracketed by
   * stepping out from x̂ in doubling steps of the Hesse error and solved with Brent's method ({@link #byBracketing};
   * accuracy {@link #ACCURACY} of the Hesse error). Ends that reach a bound are reported at the bound and flagged.
   * A conditional fit may find a lower global minimum ({@link ProfileLikelihood#fixedMuFit}): the search is then
   * redone once from it, warm-started there.
   *
   * @param cl confidence level in (0, 1)
   */
  static Interval interval(ProfileLikelihood pl, double cl) {
    if (!(cl > 0 && cl < 1)) {
      throw new IllegalArgumentException("cl must be in (0, 1), got " + cl);
    }
    double delta = ChiSquaredDistribution.of(1).inverseCumulativeProbability(cl);
    int poi = pl.poiIndex();
    for (int attempt = 0; ; attempt++) {
      FitResult b = pl.bestFit();
      double xHat = b.parameters()[poi];
      double sigma = searchStep(b.hesseErrors()[poi], xHat, pl.poiLower(), pl.poiUpper());
      double[] up = end(pl, xHat, sigma, delta, +1, attempt == 1);
      double[] down = end(pl, xHat, sigma, delta, -1, attempt == 1);
      if (pl.bestFit() == b || attempt == 1) {
        return new Interval(cl, delta, xHat, down[0], up[0], down[1] != 0, up[1] != 0);
      }
    }
  }

  /** Largest search step (and scale of the end tolerance), as a fraction of a finite parameter range. */
  static final double MAX_RANGE_FRACTION = 0.5;

  /**
   * The search step σ (the Hesse error, else 0.1 max(|x̂|, 1)), at most {@link #MAX_RANGE_FRACTION} of a finite
   * range [lower, upper]. A profile flat at x̂ (q ∝ x⁴ of a parameter entering the rates as x², e.g. μ_ν or a light
   * mediator's coupling at 0) has a Hesse error that is undefined or far larger than the range (600 for a Z′
   * coupling of range ±1e-4); the end tolerance {@link #ACCURACY} σ then exceeded the range, and the first Newton or
   * bisection point inside [x̂, bound] was returned as the end, unchecked (±5e-10 μ_B, half the range, for μ_ν at
   * CONUS+; 2.69e-5 with q = 37 there for the Z′: FlatProfileIntervalTest).
   */
  static double searchStep(double hesse, double xHat, double lower, double upper) {
    double step = hesse > 0 && !Double.isInfinite(hesse) ? hesse : Math.max(Math.abs(xHat), 1.0) * 0.1;
    double span = upper - lower;
    return span > 0 && Double.isFinite(span) ? Math.min(step, MAX_RANGE_FRACTION * span) : step;
  }

  /** One end of the interval: {value, 1 if at the bound else 0}; {@code fromBest}: see {@link FitState#startSearch}. */
  private static double[] end(ProfileLikelihood pl, double xHat, double sigma, double delta, int direction,
      boolean fromBest) {
    pl.state().startSearch(fromBest);
    try {
      double[] e = pl.state().isBracketingOnly() ? null : byNewton(pl, xHat, sigma, delta, direction);
      return e != null ? e : byBracketing(pl, xHat, sigma, delta, direction);
    } finally {
      pl.state().endSearch();
    }
  }

  /**
   * One end by Newton's method on r(x) = √q(x) − √Δ, which is nearly linear in x where the profile is nearly
   * parabolic, with dq/dx = ∂D/∂x at the conditional fit (envelope theorem: the profiled parameters sit at their
   * minimum, so the total derivative of the profiled deviance is the partial one, which the analytic gradient
   * gives). Starts at the Hesse estimate x̂ ± σ√Δ; once a point with q &ge; Δ is known, every step stays inside the
   * bracket (bisection where Newton would leave it). Stops when the step is below {@link #ACCURACY} σ.
   * Typically 2–4 conditional fits per end, where bracketing by doubling steps and Brent's method took 6–12.
   *
   * @return {value, 1 if at the bound else 0}, or null if it did not settle (the caller then brackets)
   */
  static double[] byNewton(ProfileLikelihood pl, double xHat, double sigma, double delta, int direction) {
    double bound = direction > 0 ? pl.poiUpper() : pl.poiLower();
    double rootDelta = Math.sqrt(delta);
    double tolerance = ACCURACY * sigma;
    double inside = xHat;
    double outside = Double.NaN;
    double x = clipTo(xHat + direction * sigma * rootDelta, bound, direction);
    for (int iter = 0; iter < ITERATIONS; iter++) {
      FitResult r = pl.conditionalAt(x);
      double q = Math.max(r.deviance() - pl.bestDeviance(), 0.0);
      if (q == delta) {
        return new double[] {x, 0};
      }
      if (q < delta) {
        if (x == bound) {
          return new double[] {bound, 1};
        }
        inside = x;
      } else {
        outside = x;
      }
      // dq/ds along the search direction s = direction·(x − x̂)
      double slope = direction * pl.likelihood().gradient(r.parameters())[pl.poiIndex()];
      double next;
      if (q > 0 && slope > 0) {
        double rootQ = Math.sqrt(q);
        next = x - direction * (rootQ - rootDelta) * 2 * rootQ / slope;
      } else {
        next = Double.NaN; // flat or turning profile: no Newton step
      }
      boolean bracketed = !Double.isNaN(outside);
      if (bracketed) {
        double a = Math.min(inside, outside);
        double b = Math.max(inside, outside);
        if (!(next > a && next < b)) {
          next = 0.5 * (a + b);
        }
        if (b - a < tolerance) {
          return new double[] {next, 0};
        }
      } else if (!(direction * (next - x) > 0)) {
        next = x + (x - xHat); // no point beyond the end yet and no usable step: double the distance
      }
      next = clipTo(next, bound, direction);
      if (Math.abs(next - x) < tolerance) {
        if (Math.abs(Math.sqrt(q) - rootDelta) <= NEAR_ROOT) {
          return new double[] {next, 0};
        }
        // a tiny step far from the root: the profile is a wall here (an expected count with data reaching zero,
        // where q rises to +∞ and its slope with it), so Newton crawls; bisect the bracket, or bracket from scratch
        // (before 2026-12-05 such a point was returned as the end, unflagged: IntervalBoundFlagTest, q = 39 there)
        if (!bracketed) {
          return null;
        }
        next = 0.5 * (inside + outside);
      }
      x = next;
    }
    return null;
  }

  /** {@code x}, or the bound if it lies beyond it in {@code direction}. */
  private static double clipTo(double x, double bound, int direction) {
    return direction > 0 ? Math.min(x, bound) : Math.max(x, bound);
  }

  /**
   * One end by stepping out from x̂ in doubling steps of the Hesse error until q &ge; Δ, then Brent's method on the
   * bracket: {value, 1 if at the bound (or open: still below delta after 60 doublings) else 0}.
   */
  static double[] byBracketing(ProfileLikelihood pl, double muHat, double sigma, double delta, int direction) {
    double bound = direction > 0 ? pl.poiUpper() : pl.poiLower();
    double a = muHat;
    double qa = 0.0;
    double step = sigma * Math.sqrt(delta);
    for (int iter = 0; iter < 60; iter++) {
      double b = a + direction * step;
      boolean atBound = direction > 0 ? b >= bound : b <= bound;
      if (atBound) {
        b = bound;
      }
      double qb = pl.q(b);
      if (qb >= delta) {
        if (qb == delta) {
          return new double[] {b, 0};
        }
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        // the bracket's end values are the ones that established it: a conditional fit re-run from another warm
        // start may land in another local minimum of a model with kinks (asymmetric modifiers) and unbracket it
        double xa = a;
        double fa = qa - delta;
        double xb = b;
        double fb = qb - delta;
        BrentSolver solver = new BrentSolver(1e-12, ACCURACY * sigma, 1e-10);
        double root = solver.solve(1000, mu -> mu == xa ? fa : mu == xb ? fb : pl.q(mu) - delta, lo, hi);
        return new double[] {root, 0};
      }
      if (atBound) {
        return new double[] {bound, 1};
      }
      a = b;
      qa = qb;
      step *= 2;
    }
    // the profile stays below delta out to muHat + 2^60 sigma (e.g. a signal that a nuisance can switch off, with
    // an unbounded parameter): the interval is open on this side; reported as the last point tried, flagged like
    // an end at the range bound (before 2026-12-04 an IllegalStateException: ShippedConfigsRunTest, neon at 2 % of
    // its exposure)
    return new double[] {a, 1};
  }
}
