package org.cevns.analysis.fit;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/** The linear algebra of {@link KinkNewton}'s steps: H_FF factorised, the equality-constrained Newton step. */
final class KktSteps {
  private static final double RIDGE = 1e-8;

  private KktSteps() {}

  /**
   * The step d minimising gᵀd + ½dᵀHd subject to rows_j·d = −v_j: λ from (A H⁻¹ Aᵀ) λ = v − A H⁻¹ g, then
   * d = −H⁻¹(g + Aᵀλ); {@code lambda} receives λ. Null if A H⁻¹ Aᵀ is singular.
   */
  static double[] constrainedStep(DecompositionSolver hInv, double[] g, double[][] rows, double[] v,
      double[] lambda) {
    int m = g.length;
    int nk = rows.length;
    double[] hg = solve(hInv, g, 1.0);
    if (nk > 0) {
      double[][] hInvA = new double[nk][];
      RealMatrix s = MatrixUtils.createRealMatrix(nk, nk);
      double[] rhs = new double[nk];
      for (int j = 0; j < nk; j++) {
        hInvA[j] = solve(hInv, rows[j], 1.0);
      }
      for (int j = 0; j < nk; j++) {
        rhs[j] = v[j] - dot(rows[j], hg);
        for (int l = 0; l < nk; l++) {
          s.setEntry(j, l, dot(rows[j], hInvA[l]));
        }
      }
      double[] sol;
      try {
        sol = new org.apache.commons.math3.linear.LUDecomposition(s).getSolver()
            .solve(MatrixUtils.createRealVector(rhs)).toArray();
      } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
        return null;
      }
      System.arraycopy(sol, 0, lambda, 0, nk);
      for (int j = 0; j < nk; j++) {
        for (int a = 0; a < m; a++) {
          hg[a] += sol[j] * hInvA[j][a];
        }
      }
    }
    double[] d = new double[m];
    for (int a = 0; a < m; a++) {
      d[a] = -hg[a];
      if (!Double.isFinite(d[a])) {
        return null;
      }
    }
    return d;
  }

  static DecompositionSolver factor(double[][] h, int[] act) {
    int m = act.length;
    RealMatrix hf = MatrixUtils.createRealMatrix(m, m);
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        hf.setEntry(a, b, h[act[a]][act[b]]);
      }
    }
    try {
      return new CholeskyDecomposition(hf, 1e-10, 0.0).getSolver();
    } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
      return null;
    }
  }

  static double[][] ridged(double[][] h, int[] act) {
    for (int k : act) {
      h[k][k] += RIDGE * Math.max(h[k][k], 1e-300);
    }
    return h;
  }

  /** scale·H⁻¹b. */
  static double[] solve(DecompositionSolver hInv, double[] b, double scale) {
    double[] r = hInv.solve(MatrixUtils.createRealVector(b)).toArray();
    for (int a = 0; a < r.length; a++) {
      r[a] *= scale;
    }
    return r;
  }

  /** H⁻¹b. */
  static double[] solveInverse(DecompositionSolver hInv, double[] b) {
    return solve(hInv, b, 1.0);
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int q = 0; q < a.length; q++) {
      s += a[q] * b[q];
    }
    return s;
  }
}
