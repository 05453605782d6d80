package org.cevns.analysis.fit;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSquareMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Box-constrained Newton minimisation of the deviance with its analytic gradient and Hessian: the projected
 * Newton method of Bertsekas (SIAM J. Control Optim. 20 (1982) 221) with an Armijo line search along the
 * projection arc. Each iteration
 *
 * <ol>
 *   <li>holds at their bound the parameters that sit on a bound with the gradient pointing outwards (the
 *       active set);
 *   <li>solves H_FF d_F = −g_F on the others with the observed Hessian (Cholesky); where H_FF is not positive
 *       definite (far from the minimum, or in the quadratic continuation of {@link PoissonLikelihood}), with the
 *       expected (Fisher) Hessian plus a small ridge instead, which is positive definite whenever every varied
 *       parameter moves some expected count;
 *   <li>backtracks t = 1, ½, ¼ … until x(t) = P(x + t·d) (P clips to the box) satisfies
 *       D(x(t)) &le; D(x) + 10⁻⁴·gᵀ(x(t) − x).
 * </ol>
 *
 * Converged when the Newton decrement ½ g_Fᵀ H_FF⁻¹ g_F (the predicted decrease of D) with the observed
 * Hessian is below {@value #DECREMENT}, or every varied parameter is held at a bound. The Hessian of a model
 * with profiled Barlow–Beeston terms, modifiers or physics shapes is analytic too ({@link PoissonLikelihood#hessian},
 * {@link ExpectedCurvature}; the physics shapes by central differences).
 *
 * <p>Why hand-written: commons-math3's gradient optimisers ({@code NonLinearConjugateGradientOptimizer}) reject
 * bounds, and Maven Central has no maintained Java L-BFGS-B; with an exact Hessian of a few parameters a Newton
 * method needs 3–6 iterations where a quasi-Newton method needs tens. The derivative-free BOBYQA path of
 * {@link Fitter} stays as the fallback when this one does not converge.
 *
 * <p>Not thread-safe (uses the likelihood's scratch buffers).
 */
final class ProjectedNewton {
  /** Converged when the predicted deviance decrease ½ gᵀH⁻¹g is below this (as the polish of {@link Fitter}). */
  static final double DECREMENT = 1e-12;
  /**
   * Stalled when a step that needed shortening lowered D by less than this, relative to max(1, |D|): Newton then sits
   * on a kink of the deviance (a sample content clipped at zero, {@link SampleTerms}), where its quadratic model
   * fails and further iterations only alternate around the kink with ever shorter steps (before this rule: up to
   * {@value #MAX_ITERATIONS} iterations of ~20 halvings each, then the fallback anyway). {@link Fitter} continues
   * a stalled run with {@link KinkNewton} (the kinks as an active set), derivative-free only where that fails.
   */
  static final double STALL = 1e-11;
  /**
   * A stall counts only where the quadratic model predicts a gain below this (the point is within ~0.03 σ of where
   * Newton leads): farther out a kink across the Newton direction only shortens the steps, and the iterations
   * continue (a kink far from the minimum, where stopping would leave D well above it).
   */
  static final double STALL_DECREMENT = 1e-3;
  /** Armijo sufficient-decrease constant. */
  private static final double ARMIJO = 1e-4;
  /** Ridge added to the expected Hessian's diagonal, relative to the diagonal element. */
  private static final double RIDGE = 1e-8;
  /** Iteration limit (a warm-started fit takes 1–4, a fit from the nominal point 3–8). */
  static final int MAX_ITERATIONS = 100;
  private static final int MAX_HALVINGS = 60;

  /**
   * The outcome: the best point, its deviance, whether it converged, the deviance evaluations used, and whether it
   * stopped on a kink ({@link #STALL}; not converged).
   */
  record Result(double[] x, double value, boolean converged, int evaluations, boolean stalled) {
    Result(double[] x, double value, boolean converged, int evaluations) {
      this(x, value, converged, evaluations, false);
    }
  }

  private final PoissonLikelihood likelihood;
  private final int maxIterations;
  /** The observed Hessian of the last converged run's final Newton iteration, and the point that run returned. */
  private double[][] lastHessian;
  private double[] lastX;

  ProjectedNewton(PoissonLikelihood likelihood) {
    this(likelihood, MAX_ITERATIONS);
  }

  /** With an iteration limit other than {@link #MAX_ITERATIONS} (tests of the non-converged path). */
  ProjectedNewton(PoissonLikelihood likelihood, int maxIterations) {
    this.likelihood = likelihood;
    this.maxIterations = maxIterations;
  }

  /**
   * True if the deviance of {@code model} is smooth in every parameter: every modifier's interpolation is
   * ({@link Modifier#isSmooth}: codes 4/4p); Barlow–Beeston-lite terms and physics shapes are smooth.
   */
  static boolean isSmooth(BinnedModel model) {
    return model.channels().stream().flatMap(c -> c.samples().stream()).flatMap(s -> s.modifiers().stream())
        .allMatch(Modifier::isSmooth);
  }

  /**
   * Minimises D over the parameters {@code free} within [lo, hi], the others held at their value in
   * {@code start} (clipped into the box first).
   */
  Result minimise(double[] start, int[] free, double[] lo, double[] hi) {
    lastHessian = null;
    lastX = null;
    double[] x = start.clone();
    for (int k : free) {
      x[k] = Math.min(Math.max(x[k], lo[k]), hi[k]);
    }
    double f = likelihood.deviance(x);
    int evaluations = 1;
    if (!Double.isFinite(f)) {
      return new Result(x, f, false, evaluations);
    }
    int n = free.length;
    int[] act = new int[n];
    double[] y = x.clone();
    for (int iter = 0; iter < maxIterations; iter++) {
      double[] g = likelihood.gradient(x);
      int m = 0;
      for (int k : free) {
        boolean held = x[k] <= lo[k] && g[k] > 0 || x[k] >= hi[k] && g[k] < 0;
        if (!held) {
          act[m++] = k;
        }
      }
      if (m == 0) {
        return new Result(x, f, true, evaluations);
      }
      double[][] h = likelihood.hessian(x, false);
      double[] d = solve(h, g, act, m);
      boolean observed = d != null;
      if (!observed) {
        d = solve(ridged(likelihood.hessian(x, true), act, m), g, act, m);
        if (d == null) {
          return new Result(x, f, false, evaluations);
        }
      }
      double decrement = 0;
      for (int a = 0; a < m; a++) {
        decrement -= 0.5 * g[act[a]] * d[a];
      }
      if (!(decrement >= 0)) {
        return new Result(x, f, false, evaluations);
      }
      if (observed && decrement < DECREMENT) {
        // take the last (tiny) Newton step too if it does not raise D beyond rounding: it zeroes the gradient
        System.arraycopy(x, 0, y, 0, x.length);
        for (int a = 0; a < m; a++) {
          int k = act[a];
          y[k] = Math.min(Math.max(x[k] + d[a], lo[k]), hi[k]);
        }
        double fy = likelihood.deviance(y);
        evaluations++;
        lastHessian = h;
        if (fy <= f + 1e-12 * Math.max(1.0, Math.abs(f))) {
          lastX = y.clone();
          return new Result(lastX, fy, true, evaluations);
        }
        lastX = x;
        return new Result(x, f, true, evaluations);
      }
      double t = 1.0;
      boolean accepted = false;
      for (int halving = 0; halving < MAX_HALVINGS; halving++) {
        System.arraycopy(x, 0, y, 0, x.length);
        double slope = 0;
        for (int a = 0; a < m; a++) {
          int k = act[a];
          y[k] = Math.min(Math.max(x[k] + t * d[a], lo[k]), hi[k]);
          slope += g[k] * (y[k] - x[k]);
        }
        double fy = likelihood.deviance(y);
        evaluations++;
        if (fy <= f + ARMIJO * slope) {
          if (halving > 0 && decrement < STALL_DECREMENT && f - fy <= STALL * Math.max(1.0, Math.abs(f))) {
            // a shortened step that gains nothing measurable: the quadratic model fails at a kink of the
            // deviance (a sample content clipped at zero); further iterations would only alternate around it
            return new Result(y.clone(), fy, false, evaluations, true);
          }
          accepted = true;
          double[] swap = x;
          x = y;
          y = swap;
          f = fy;
          break;
        }
        t *= 0.5;
      }
      if (!accepted) {
        // no decrease along the Newton arc: converged to rounding if the predicted decrease is tiny
        return new Result(x, f, decrement < 1e3 * DECREMENT, evaluations);
      }
    }
    return new Result(x, f, false, evaluations);
  }

  /**
   * The observed Hessian (all parameters) from the final iteration of the last run if that run converged by its
   * Newton decrement and returned {@code x} (within the last step, ~1e-6 σ, of where it was computed), else null.
   * Read only.
   */
  double[][] hessianAt(double[] x) {
    return lastX != null && java.util.Arrays.equals(lastX, x) ? lastHessian : null;
  }

  /** H with RIDGE·max(H_kk, 1e-300) added to the diagonal of the rows in {@code act}. */
  private static double[][] ridged(double[][] h, int[] act, int m) {
    for (int a = 0; a < m; a++) {
      int k = act[a];
      h[k][k] += RIDGE * Math.max(h[k][k], 1e-300);
    }
    return h;
  }

  /** The Newton direction −H_FF⁻¹ g_F on the indices act[0..m), or null if H_FF is not positive definite. */
  private static double[] solve(double[][] h, double[] g, int[] act, int m) {
    RealMatrix hf = MatrixUtils.createRealMatrix(m, m);
    double[] rhs = new double[m];
    for (int a = 0; a < m; a++) {
      rhs[a] = -g[act[a]];
      for (int b = 0; b < m; b++) {
        hf.setEntry(a, b, h[act[a]][act[b]]);
      }
    }
    try {
      double[] d = new CholeskyDecomposition(hf, 1e-10, 0.0).getSolver()
          .solve(MatrixUtils.createRealVector(rhs)).toArray();
      for (double v : d) {
        if (!Double.isFinite(v)) {
          return null;
        }
      }
      return d;
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException | NonSquareMatrixException e) {
      return null;
    }
  }
}
