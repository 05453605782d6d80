package org.cevns.analysis.fit;

/**
 * The Poisson part of the deviance's gradient and Hessian for a plain model ({@link BinnedModel#isPlain}: templates ×
 * norms, no modifiers, physics shapes or statistical errors), where ν_i = Σ_s (Π_{f ∈ F_s} p_f)·T_s,i: ∂ν_i/∂p_f is the
 * product of the sample's other factors times its template, ∂²ν_i/∂p_f∂p_g the product without both. The constraint
 * terms are added by {@link PoissonLikelihood}. Stateless.
 */
final class PlainDerivatives {
  private PlainDerivatives() {}

  /** ∂D/∂p_k of the Poisson part, given dD/dν_i of every bin ({@code dnu}). */
  static double[] gradient(BinnedModel model, double[] p, double[] dnu) {
    int np = p.length;
    double[] g = new double[np];
    for (int s = 0; s < model.nSamples(); s++) {
      int[] f = model.sampleFactors(s);
      double[] t = model.template(s);
      int o = model.sampleOffset(s);
      double tdot = 0;
      for (int i = 0; i < t.length; i++) {
        tdot += t[i] * dnu[o + i];
      }
      for (int a = 0; a < f.length; a++) {
        g[f[a]] += tdot * productExcept(p, f, a, -1);
      }
    }
    return g;
  }

  /**
   * ∂²D/∂p_k∂p_l of the Poisson part at {@code p} with expected counts {@code nu} and counts {@code n}; with
   * {@code expected} the Fisher form (n replaced by ν).
   */
  static double[][] hessian(BinnedModel model, double[] p, double[] nu, double[] n, boolean expected) {
    int np = p.length;
    double[][] h = new double[np][np];
    int nb = nu.length;
    // dν_i/dp_k
    double[][] jac = new double[np][nb];
    for (int s = 0; s < model.nSamples(); s++) {
      int[] f = model.sampleFactors(s);
      double[] t = model.template(s);
      int o = model.sampleOffset(s);
      for (int a = 0; a < f.length; a++) {
        double m = productExcept(p, f, a, -1);
        if (m == 0) {
          continue;
        }
        double[] row = jac[f[a]];
        for (int i = 0; i < t.length; i++) {
          row[o + i] += m * t[i];
        }
      }
    }
    double[] w2 = new double[nb];
    double[] w1 = new double[nb];
    for (int i = 0; i < nb; i++) {
      double ni = expected ? Math.max(nu[i], 0) : n[i];
      if (expected) {
        w2[i] = nu[i] > 0 ? 2.0 / nu[i] : 0.0;
      } else {
        w2[i] = PoissonLikelihood.binSecondDerivative(nu[i], ni);
        w1[i] = PoissonLikelihood.binDerivative(nu[i], ni);
      }
    }
    for (int k = 0; k < np; k++) {
      for (int l = k; l < np; l++) {
        double s = 0;
        double[] rk = jac[k];
        double[] rl = jac[l];
        for (int i = 0; i < nb; i++) {
          s += w2[i] * rk[i] * rl[i];
        }
        h[k][l] = s;
      }
    }
    if (!expected) {
      // second derivatives of ν: samples containing both factors k != l
      for (int s = 0; s < model.nSamples(); s++) {
        int[] f = model.sampleFactors(s);
        if (f.length < 2) {
          continue;
        }
        double[] t = model.template(s);
        int o = model.sampleOffset(s);
        double tdot = 0;
        for (int i = 0; i < t.length; i++) {
          tdot += t[i] * w1[o + i];
        }
        for (int a = 0; a < f.length; a++) {
          for (int b = a + 1; b < f.length; b++) {
            int k = Math.min(f[a], f[b]);
            int l = Math.max(f[a], f[b]);
            h[k][l] += tdot * productExcept(p, f, a, b);
          }
        }
      }
    }
    for (int k = 0; k < np; k++) {
      for (int l = 0; l < k; l++) {
        h[k][l] = h[l][k];
      }
    }
    return h;
  }

  private static double productExcept(double[] p, int[] f, int skipA, int skipB) {
    double m = 1.0;
    for (int c = 0; c < f.length; c++) {
      if (c != skipA && c != skipB) {
        m *= p[f[c]];
      }
    }
    return m;
  }
}
