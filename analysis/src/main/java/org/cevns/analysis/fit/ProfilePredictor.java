package org.cevns.analysis.fit;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The start of a conditional fit at a new value x of one held parameter, predicted from the previous conditional
 * fit θ̂̂(x₀) and its observed Hessian H: along the profile the stationarity ∂D/∂θ = 0 gives
 * dθ̂̂/dx = −H_θθ⁻¹ H_θx (implicit-function theorem), so θ(x) ≈ θ̂̂(x₀) + (x − x₀)·dθ̂̂/dx, the first-order predictor of
 * a continuation method (Allgower &amp; Georg, <i>Introduction to Numerical Continuation Methods</i>, SIAM 2003,
 * ch. 2). Newton then starts within O((x − x₀)²) of the new minimum instead of O(x − x₀) and needs about one
 * iteration fewer per conditional fit of an interval search. Parameters at a bound at x₀ stay there (their profile
 * derivative is 0 while the bound is active). Stateless.
 */
final class ProfilePredictor {
  private ProfilePredictor() {}

  /**
   * {@link #start(double[], double[][], int, double, boolean[], double[], double[])} for a conditional fit of the
   * likelihood's model with the parameters {@code fixed} held (μ bounded by the options), or null (then the fit
   * starts from {@code warm}): no Hessian known, or the prediction has an unphysical expected count (where the
   * deviance is its steep continuation). On 600 CsI toys, predicting the μ = 0 fit of q0 from the last interval end
   * moved q0 of 33 toys by 1e-3 to 0.07, both ways (other local minima across kinks): only the interval searches,
   * whose steps are short, use it.
   */
  static double[] start(PoissonLikelihood likelihood, FitOptions options, double[] warm, double[][] h, int k,
      double x, int[] fixed) {
    if (h == null) {
      return null;
    }
    BinnedModel model = likelihood.model();
    int np = model.nParameters();
    boolean[] moves = new boolean[np];
    double[] lo = new double[np];
    double[] hi = new double[np];
    for (int j = 0; j < np; j++) {
      moves[j] = model.floats(j);
      lo[j] = j == 0 ? options.muLower() : model.lowerBound(j);
      hi[j] = j == 0 ? options.muUpper() : model.upperBound(j);
    }
    for (int j : fixed) {
      moves[j] = false;
    }
    double[] s = start(warm, h, k, x, moves, lo, hi);
    return s != null && likelihood.isPhysical(s) ? s : null;
  }

  /**
   * The predicted start, or null where there is nothing to predict from (no Hessian, x = x₀) or H_θθ of the
   * moving parameters is not positive definite.
   *
   * @param warm the previous conditional fit θ̂̂(x₀) (all parameters; x₀ = warm[k])
   * @param h the observed Hessian at {@code warm} (all parameters)
   * @param k the held parameter that moves to {@code x}
   * @param moves which parameters the fit varies (floating and not held); those at a bound in {@code warm} stay
   * @param lo lower bounds of all parameters
   * @param hi upper bounds of all parameters
   */
  static double[] start(double[] warm, double[][] h, int k, double x, boolean[] moves, double[] lo, double[] hi) {
    double dx = x - warm[k];
    if (h == null || dx == 0 || !Double.isFinite(dx)) {
      return null;
    }
    int[] f = new int[warm.length];
    int m = 0;
    for (int j = 0; j < warm.length; j++) {
      if (j != k && moves[j] && warm[j] > lo[j] && warm[j] < hi[j]) {
        f[m++] = j;
      }
    }
    if (m == 0) {
      return null;
    }
    RealMatrix hff = MatrixUtils.createRealMatrix(m, m);
    double[] rhs = new double[m];
    for (int a = 0; a < m; a++) {
      rhs[a] = -h[f[a]][k];
      for (int b = 0; b < m; b++) {
        hff.setEntry(a, b, h[f[a]][f[b]]);
      }
    }
    double[] v;
    try {
      v = new CholeskyDecomposition(hff, 1e-10, 0.0).getSolver().solve(MatrixUtils.createRealVector(rhs)).toArray();
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
      return null;
    }
    double[] s = warm.clone();
    s[k] = x;
    for (int a = 0; a < m; a++) {
      int j = f[a];
      double y = warm[j] + v[a] * dx;
      if (!Double.isFinite(y)) {
        return null;
      }
      s[j] = Math.min(Math.max(y, lo[j]), hi[j]);
    }
    return s;
  }
}
