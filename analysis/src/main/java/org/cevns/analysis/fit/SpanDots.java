package org.cevns.analysis.fit;

/**
 * Dot products of one vector with rows of the Jacobian ∂ν_i/∂p_k, each summed only over its row's nonzero span
 * [first, end) (a norm's or α's row is zero outside its samples' bins) and in ascending bin order, so each sum is the
 * one a plain loop over the span gives, bit for bit. Four rows are summed in one pass where their spans overlap: four
 * independent additions per bin instead of one chain of dependent ones, whose latency bounded the loop (the observed
 * Hessian and the gradient of {@link PoissonLikelihood}, ~20 % of the toy fits' time, docs/performance-history.md). Stateless.
 */
final class SpanDots {
  private SpanDots() {}

  /** The nonzero span [first[k], end[k]) of each row of {@code rows} (empty, first = end, for a zero row). */
  static void spans(double[][] rows, int[] first, int[] end) {
    for (int k = 0; k < rows.length; k++) {
      double[] r = rows[k];
      int a = 0;
      int b = r.length;
      while (a < b && r[a] == 0) {
        a++;
      }
      while (b > a && r[b - 1] == 0) {
        b--;
      }
      first[k] = a;
      end[k] = b;
    }
  }

  /**
   * out[l] = Σ u[i]·rows[l][i] over i in [max(from, first[l]), min(to, end[l])), ascending, for l in [l0, l1).
   */
  static void dots(double[] u, int from, int to, double[][] rows, int[] first, int[] end, int l0, int l1,
      double[] out) {
    int l = l0;
    for (; l + 3 < l1; l += 4) {
      int a0 = Math.max(from, first[l]);
      int a1 = Math.max(from, first[l + 1]);
      int a2 = Math.max(from, first[l + 2]);
      int a3 = Math.max(from, first[l + 3]);
      int b0 = Math.min(to, end[l]);
      int b1 = Math.min(to, end[l + 1]);
      int b2 = Math.min(to, end[l + 2]);
      int b3 = Math.min(to, end[l + 3]);
      double[] r0 = rows[l];
      double[] r1 = rows[l + 1];
      double[] r2 = rows[l + 2];
      double[] r3 = rows[l + 3];
      int lo = Math.max(Math.max(a0, a1), Math.max(a2, a3));
      int hi = Math.min(Math.min(b0, b1), Math.min(b2, b3));
      if (lo >= hi) {
        out[l] = sum(0.0, u, r0, a0, b0);
        out[l + 1] = sum(0.0, u, r1, a1, b1);
        out[l + 2] = sum(0.0, u, r2, a2, b2);
        out[l + 3] = sum(0.0, u, r3, a3, b3);
        continue;
      }
      // each sum: its own bins before the common span, the common span (all four at once), its own bins after
      double s0 = sum(0.0, u, r0, a0, lo);
      double s1 = sum(0.0, u, r1, a1, lo);
      double s2 = sum(0.0, u, r2, a2, lo);
      double s3 = sum(0.0, u, r3, a3, lo);
      for (int i = lo; i < hi; i++) {
        double x = u[i];
        s0 += x * r0[i];
        s1 += x * r1[i];
        s2 += x * r2[i];
        s3 += x * r3[i];
      }
      out[l] = sum(s0, u, r0, hi, b0);
      out[l + 1] = sum(s1, u, r1, hi, b1);
      out[l + 2] = sum(s2, u, r2, hi, b2);
      out[l + 3] = sum(s3, u, r3, hi, b3);
    }
    for (; l < l1; l++) {
      out[l] = sum(0.0, u, rows[l], Math.max(from, first[l]), Math.min(to, end[l]));
    }
  }

  /** s + Σ u[i]·r[i] for i in [a, b), ascending (nothing if b &le; a). */
  private static double sum(double s, double[] u, double[] r, int a, int b) {
    for (int i = a; i < b; i++) {
      s += u[i] * r[i];
    }
    return s;
  }
}
