package org.cevns.analysis.fit;

/**
 * The Poisson part of the deviance's Hessian for models with modifiers, Barlow–Beeston-lite terms or physics
 * shapes ({@link PoissonLikelihood#hessian}; the constraint terms are added there):
 *
 * <pre>
 *   H_kl = Σ_i D_i''(ν_i) ∂ν_i/∂p_k ∂ν_i/∂p_l + Σ_i D_i'(ν_i) ∂²ν_i/∂p_k∂p_l
 * </pre>
 *
 * with D_i the bin's deviance (profiled over γ_i for a Barlow–Beeston-lite bin: D_i' = γ̂ D'(γ̂ν), as the gradient,
 * and D_i'' its derivative, with dγ̂/dν = −δ²γ̂/√(b² + 4c) from the quadratic of {@link BarlowBeeston#gammaHat}; in the
 * no-event regime of {@link BarlowBeeston#profiledBin} D_i' = −2γ̂/w and D_i'' = −2δ²/w²)
 * and the second term from {@link ExpectedCurvature}. Replaces the central differences of the analytic gradient
 * (2 n_par gradients per Hessian) that dominated the toy fits (docs/performance-history.md). Stateless.
 */
final class ModelHessian {
  private ModelHessian() {}

  /** The observed Hessian's Poisson part at {@code p}, given the Jacobian and ν at p (γ = 1) and the counts. */
  static double[][] observed(BinnedModel model, double[] p, double[][] jac, double[] nu, double[] n,
      double[] delta2, double[] statAux, double[] emptyWeight, double[] emptyAux) {
    int np = p.length;
    double[][] h = new double[np][np];
    double[] w1 = new double[nu.length];
    double[] w2 = new double[nu.length];
    for (int i = 0; i < nu.length; i++) {
      if (emptyAux[i] > 0 && emptyWeight[i] > 0) {
        toyEmptyBinWeights(nu[i], n[i], delta2[i], statAux[i], emptyWeight[i], emptyAux[i], w1, w2, i);
      } else {
        binWeights(nu[i], n[i], delta2[i], statAux[i], emptyWeight[i], w1, w2, i);
      }
    }
    // each row's nonzero span [first, end): a norm's or α's row is zero outside its samples' bins (the CsI model:
    // 32-192 of 192 bins), and terms outside the overlap of two spans are zero (same sum, same order); the terms
    // w2_i·∂_k ν_i·∂_l ν_i as (w2_i·∂_k ν_i)·∂_l ν_i, the order of evaluation of the product, so u = w2·∂_k ν once per k
    int[] first = new int[np];
    int[] end = new int[np];
    SpanDots.spans(jac, first, end);
    double[] u = new double[nu.length];
    double[] row = new double[np];
    for (int k = 0; k < np; k++) {
      double[] rk = jac[k];
      for (int i = first[k]; i < end[k]; i++) {
        u[i] = w2[i] * rk[i];
      }
      SpanDots.dots(u, first[k], end[k], jac, first, end, k, np, row);
      for (int l = k; l < np; l++) {
        h[k][l] = row[l];
        h[l][k] = row[l];
      }
    }
    ExpectedCurvature.add(model.terms, p, w1, h);
    return h;
  }

  /** The expected (Fisher) form Σ_i 2/ν_i ∂ν_i/∂p_k ∂ν_i/∂p_l (bins with ν_i &gt; 0). */
  static double[][] expected(double[][] jac, double[] nu) {
    int np = jac.length;
    double[][] h = new double[np][np];
    for (int k = 0; k < np; k++) {
      for (int l = k; l < np; l++) {
        double s = 0;
        for (int i = 0; i < nu.length; i++) {
          if (nu[i] > 0) {
            s += 2.0 / nu[i] * jac[k][i] * jac[l][i];
          }
        }
        h[k][l] = s;
        h[l][k] = s;
      }
    }
    return h;
  }

  /**
   * dD_i/dν and d²D_i/dν² of a bin whose empty template saw m &gt; 0 events in a toy
   * ({@link BarlowBeeston#profiledBin(double, double, double, double, double, double, double[])}): the first analytic,
   * the second by a central difference of it (such bins occur only in toys drawn with content there).
   */
  static void toyEmptyBinWeights(double v, double ni, double d2, double aux, double w, double m, double[] w1,
      double[] w2, int i) {
    double[] t = new double[2];
    BarlowBeeston.profiledBin(v, ni, d2, aux, w, m, t);
    w1[i] = t[1];
    double h = 1e-6 * Math.max(1.0, Math.abs(v));
    double[] up = new double[2];
    double[] dn = new double[2];
    BarlowBeeston.profiledBin(v + h, ni, d2, aux, w, m, up);
    BarlowBeeston.profiledBin(v - h, ni, d2, aux, w, m, dn);
    w2[i] = (up[1] - dn[1]) / (2 * h);
  }

  /**
   * dD_i/dν and d²D_i/dν² of a bin with expectation v, count ni, relative error² d2 (0: none) and auxiliary
   * measurement aux, empty-bin weight w (0: none), into w1[i] and w2[i].
   */
  static void binWeights(double v, double ni, double d2, double aux, double w, double[] w1, double[] w2, int i) {
    double floor = w > 0 && ni > 0 ? ni * w / (1 + w) : 0.0;
    double g0 = d2 > 0 ? BarlowBeeston.gammaHat(v, ni, d2, aux) : 1.0;
    if (floor > 0 && g0 * v < floor) {
      double g = d2 > 0 ? aux + v * d2 / w : 1.0;
      w1[i] = -2.0 * Math.max(g, 0.0) / w;
      w2[i] = d2 > 0 && g > 0 ? -2.0 * d2 / (w * w) : 0.0;
      return;
    }
    if (d2 > 0) {
      double gm = g0;
      double dgm = 0;
      if (v > 0 && gm > 0) {
        double b = v * d2 - aux;
        dgm = -d2 * gm / Math.sqrt(b * b + 4 * ni * d2);
      }
      double x = gm * v;
      double d1 = PoissonLikelihood.binDerivative(x, ni);
      w1[i] = gm * d1;
      w2[i] = dgm * d1 + gm * PoissonLikelihood.binSecondDerivative(x, ni) * (dgm * v + gm);
    } else {
      w1[i] = PoissonLikelihood.binDerivative(v, ni);
      w2[i] = PoissonLikelihood.binSecondDerivative(v, ni);
    }
  }
}
