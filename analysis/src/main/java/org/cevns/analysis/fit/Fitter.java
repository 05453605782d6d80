package org.cevns.analysis.fit;

import java.util.Arrays;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Minimises the deviance over the floating parameters. A model whose deviance is smooth
 * ({@link ProjectedNewton#isSmooth}: every model cevns builds, since modifiers interpolate with codes 4/4p, see
 * {@link Interpolation}) is minimised first with {@link ProjectedNewton} (bounded Newton with the analytic gradient
 * and Hessian, a few iterations from a warm start; a run that stalls on a kink continues with {@link KinkNewton},
 * whose end point is taken, polished, also where it is not verified). Only if Newton fails otherwise does the fit take
 * the derivative-free path ({@link DerivativeFreeSearch}: BOBYQA for two or more floating parameters, Brent for one,
 * on standardised parameters), restarted from the warm start: where an unfinished Newton run stopped can be a corner
 * (norms at 0, α at a bound) whose scales make BOBYQA crawl. A model with a kink always takes that path, and
 * {@link Method#BOBYQA} forces it alone, to compare the two. Newton steps with the analytic gradient and Hessian then
 * polish its minimum to full precision; the best point seen is kept. Bounds: μ within {@link FitOptions}, the others
 * from {@link BinnedModel#lowerBound}/{@link BinnedModel#upperBound} (norms θ &ge; 0, α within ±5, physics
 * parameters within their range).
 */
final class Fitter {
  /** The minimiser: projected Newton with the derivative-free fallback (default), or the fallback alone. */
  enum Method { NEWTON, BOBYQA }

  /** Newton converged when the predicted deviance decrease ½ gᵀH⁻¹g is below this. */
  private static final double NEWTON_DECREMENT = 1e-12;
  private static final int MAX_NEWTON_STEPS = 6;

  private final PoissonLikelihood likelihood;
  private final FitOptions options;
  private final BinnedModel model;
  private final Method method;
  private final ProjectedNewton newton;
  private final boolean smooth;
  private final DerivativeFreeSearch derivativeFree;
  private int derivativeFreeFits;

  Fitter(PoissonLikelihood likelihood, FitOptions options) {
    this(likelihood, options, Method.NEWTON);
  }

  Fitter(PoissonLikelihood likelihood, FitOptions options, Method method) {
    this(likelihood, options, method, new ProjectedNewton(likelihood));
  }

  /** With a given Newton minimiser (tests: an iteration limit that forces the fallback). */
  Fitter(PoissonLikelihood likelihood, FitOptions options, Method method, ProjectedNewton newton) {
    this.likelihood = likelihood;
    this.options = options;
    this.model = likelihood.model();
    this.method = method;
    this.newton = newton;
    this.smooth = ProjectedNewton.isSmooth(model);
    this.derivativeFree = new DerivativeFreeSearch(likelihood, options);
  }

  /** How many fits of this fitter took the derivative-free path (BOBYQA or Brent), in part or whole. */
  int derivativeFreeFits() {
    return derivativeFreeFits;
  }

  /** Minimum over the floating parameters, μ floating unless {@code fixMu} (then μ = start[0]). */
  FitResult fit(double[] start, boolean fixMu) {
    return fit(start, fixMu ? new int[] {0} : new int[0]);
  }

  /** Minimum over the floating parameters except those with index in {@code fixed} (held at their start value). */
  FitResult fit(double[] start, int[] fixed) {
    return fit(start, fixed, true);
  }

  /**
   * As {@link #fit(double[], int[])}; without {@code errors} the Hesse errors are left NaN (no Hessian and no
   * inverse at the minimum: the conditional fits of an interval search report only their deviance).
   */
  FitResult fit(double[] start, int[] fixed, boolean errors) {
    int np = model.nParameters();
    boolean[] floating = new boolean[np];
    for (int k = 0; k < np; k++) {
      floating[k] = model.floats(k);
    }
    for (int k : fixed) {
      floating[k] = false;
    }
    int[] free = indicesOf(floating);
    double[] lo = new double[np];
    double[] hi = new double[np];
    lo[0] = options.muLower();
    hi[0] = options.muUpper();
    double[] x0 = start.clone();
    for (int k = 1; k < np; k++) {
      lo[k] = model.lowerBound(k);
      hi[k] = model.upperBound(k);
      if (!model.floats(k)) {
        x0[k] = model.norm(k).value();
      }
    }
    for (int k : free) {
      x0[k] = Math.min(Math.max(x0[k], lo[k]), hi[k]);
    }
    DevianceTracker tracker = new DevianceTracker(likelihood, x0);
    ProjectedNewton.Result unfinished = null;
    if (method == Method.NEWTON && smooth && free.length >= 1) {
      ProjectedNewton.Result r = newton.minimise(x0, free, lo, hi);
      tracker.evaluations += r.evaluations();
      if (r.converged()) {
        tracker.offer(r.x(), r.value());
        return result(errors, tracker.bestX, floating, free, true, tracker.evaluations);
      }
      if (r.stalled() && free.length >= 2) {
        // Newton stopped on a kink (a sample content clipped at zero) near the minimum: Newton with the kinks as an
        // active set ends at a verified minimum, or the derivative-free path searches from here (small trust region)
        tracker.offer(r.x(), r.value());
        KinkNewton.Result k = new KinkNewton(likelihood).minimise(r.x(), free, lo, hi);
        tracker.evaluations += k.evaluations();
        tracker.offer(k.x(), k.value());
        if (!k.converged()) {
          // not verified on the kinks: taken as the minimum after a polish. BOBYQA from here (trust region 0.05 σ
          // down to 1e-5 σ, until 2026-12-05) never failed, and on 1000 CsI toys (seed 1) it lowered D in under a
          // quarter of these 151 fits, by at most 6e-7 (moving no parameter by more than 5e-4 σ), for ~65 deviance
          // evaluations each and the C2 compilations of its large methods (docs/performance-history.md, twelfth session)
          polish(tracker, free, lo, hi);
        }
        return result(errors, tracker.bestX, floating, free, true, tracker.evaluations);
      }
      // the derivative-free path starts from the warm start, not from where Newton stopped: an unfinished run
      // can end in a corner (norms at 0, α at a bound) where BOBYQA's scales make it crawl (10⁵ evaluations)
      unfinished = r;
    }
    boolean converged = true;
    derivativeFreeFits += free.length >= 1 ? 1 : 0;
    if (free.length == 1) {
      converged = derivativeFree.minimise1d(tracker, free[0], lo, hi);
    } else if (free.length >= 2) {
      converged = derivativeFree.bobyqa(tracker, free, lo, hi, DerivativeFreeSearch.LOOSE_STOPPING_RADIUS);
      if (!polish(tracker, free, lo, hi)) {
        converged = derivativeFree.bobyqa(tracker, free, lo, hi, DerivativeFreeSearch.TIGHT_STOPPING_RADIUS);
        polish(tracker, free, lo, hi);
      }
    } else {
      tracker.value(x0);
    }
    if (free.length == 1) {
      polish(tracker, free, lo, hi);
    }
    if (unfinished != null) {
      tracker.offer(unfinished.x(), unfinished.value());
    }
    return result(errors, tracker.bestX, floating, free, converged, tracker.evaluations);
  }

  /**
   * Newton steps δ = −H⁻¹g with the analytic gradient and observed Hessian on the parameters not held at a
   * bound: a value-only optimiser locates the minimum only to ~√(machine ε) of the parameter scale (or to
   * its stopping radius); the analytic steps restore full precision. A step is kept only if it stays inside
   * the bounds, shrinks the gradient and does not raise the deviance beyond rounding (1e-9).
   *
   * @return true if converged: predicted decrease ½ gᵀH⁻¹g &lt; {@value #NEWTON_DECREMENT}, or every floating
   *     parameter held at a bound
   */
  private boolean polish(DevianceTracker tracker, int[] free, double[] lo, double[] hi) {
    for (int iter = 0; iter < MAX_NEWTON_STEPS; iter++) {
      double[] x = tracker.bestX.clone();
      double[] g = likelihood.gradient(x);
      double[][] h = likelihood.hessian(x, false);
      int[] act = Arrays.stream(free)
          .filter(k -> !((x[k] <= lo[k] && g[k] > 0) || (x[k] >= hi[k] && g[k] < 0)))
          .toArray();
      if (act.length == 0) {
        return true;
      }
      RealMatrix m = MatrixUtils.createRealMatrix(act.length, act.length);
      double[] rhs = new double[act.length];
      for (int a = 0; a < act.length; a++) {
        rhs[a] = -g[act[a]];
        for (int b = 0; b < act.length; b++) {
          m.setEntry(a, b, h[act[a]][act[b]]);
        }
      }
      double[] step;
      try {
        step = new LUDecomposition(m).getSolver().solve(MatrixUtils.createRealVector(rhs)).toArray();
      } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
        return false;
      }
      double decrement = 0;
      for (int a = 0; a < act.length; a++) {
        decrement += 0.5 * rhs[a] * step[a]; // ½ gᵀH⁻¹g
      }
      if (!(decrement >= 0)) {
        return false; // not a descent direction: H not positive definite here
      }
      double[] y = x.clone();
      for (int a = 0; a < act.length; a++) {
        int k = act[a];
        y[k] = x[k] + step[a];
        if (!(y[k] >= lo[k] && y[k] <= hi[k])) {
          return false;
        }
      }
      double before = likelihood.deviance(x);
      double after = tracker.value(y);
      double[] gy = likelihood.gradient(y);
      double gx = 0;
      double gyMax = 0;
      for (int k : act) {
        gx = Math.max(gx, Math.abs(g[k]));
        gyMax = Math.max(gyMax, Math.abs(gy[k]));
      }
      // accept when the deviance is not worse beyond rounding and the gradient shrank
      if (after <= before + 1e-9 * Math.max(1.0, Math.abs(before)) && gyMax < gx) {
        tracker.accept(y, after);
      } else {
        return decrement < NEWTON_DECREMENT;
      }
      if (decrement < NEWTON_DECREMENT) {
        return true;
      }
    }
    return false;
  }

  private FitResult result(boolean withErrors, double[] x, boolean[] floating, int[] free, boolean converged,
      int evaluations) {
    double poisson = likelihood.poissonDeviance(x);
    double dev = poisson + likelihood.constraintDeviance(x); // = deviance(x), one pass over the bins
    double[] errors = new double[x.length];
    Arrays.fill(errors, Double.NaN);
    if (withErrors && free.length > 0) {
      double[][] h = likelihood.hessian(x, false);
      RealMatrix m = MatrixUtils.createRealMatrix(free.length, free.length);
      for (int a = 0; a < free.length; a++) {
        for (int b = 0; b < free.length; b++) {
          m.setEntry(a, b, h[free[a]][free[b]]);
        }
      }
      try {
        RealMatrix inv = new LUDecomposition(m).getSolver().getInverse();
        for (int a = 0; a < free.length; a++) {
          double v = 2.0 * inv.getEntry(a, a);
          errors[free[a]] = v > 0 ? Math.sqrt(v) : Double.NaN;
        }
      } catch (MathIllegalStateException | org.apache.commons.math3.linear.SingularMatrixException e) {
        // errors stay NaN
      }
    }
    int nUnconstrained = 0;
    for (int k = 0; k < x.length; k++) {
      boolean constrained = k >= model.alphaOffset() && k < model.physicsOffset()
          || k > 0 && k < model.alphaOffset() && model.norm(k).kind() == NormParameter.Kind.CONSTRAINED
          || k >= model.physicsOffset() && model.physics().get(k - model.physicsOffset()).sigma() > 0;
      if (floating[k] && !constrained) {
        nUnconstrained++;
      }
    }
    int ndf = model.nUsedBins() - nUnconstrained;
    return new FitResult(model.parameterNames(), x, errors, floating, dev, poisson, ndf, converged,
        evaluations);
  }

  private static int[] indicesOf(boolean[] flags) {
    return java.util.stream.IntStream.range(0, flags.length).filter(k -> flags[k]).toArray();
  }

}
