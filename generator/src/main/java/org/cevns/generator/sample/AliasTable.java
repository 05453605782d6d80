package org.cevns.generator.sample;

/**
 * Walker's alias method with Vose's stable construction (M. D. Vose, IEEE TSE 17 (1991) 972): slot k of n is
 * kept with probability threshold[k] and otherwise replaced by alias[k], so one uniform r ∈ [0, 1) chooses a
 * cell in O(1): slot = ⌊rn⌋, keep when rn − slot &lt; threshold[slot]. Commons RNG's
 * {@code AliasMethodDiscreteSampler} binds each table to one generator object; the samplers here share flat,
 * immutable tables between threads and take their uniforms from pre-filled buffers, hence this small builder.
 */
final class AliasTable {
  private AliasTable() {}

  /**
   * Fills {@code threshold} and {@code alias} (length n) for the non-negative weights {@code mass} (length n,
   * positive sum). {@code mass} is left unchanged.
   */
  static void build(double[] mass, double[] threshold, int[] alias) {
    int n = mass.length;
    build(mass, threshold, alias, new double[n], new int[n], new int[n]);
  }

  /** As {@link #build(double[], double[], int[])} with caller-supplied scratch arrays of length n. */
  static void build(double[] mass, double[] threshold, int[] alias, double[] scaled, int[] small, int[] large) {
    int n = mass.length;
    double sum = 0.0;
    for (double m : mass) {
      sum += m;
    }
    int nSmall = 0;
    int nLarge = 0;
    for (int k = 0; k < n; k++) {
      scaled[k] = mass[k] * n / sum;
      threshold[k] = 1.0;
      alias[k] = k;
      if (scaled[k] < 1.0) {
        small[nSmall++] = k;
      } else {
        large[nLarge++] = k;
      }
    }
    while (nSmall > 0 && nLarge > 0) {
      int s = small[--nSmall];
      int l = large[--nLarge];
      threshold[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1.0;
      if (scaled[l] < 1.0) {
        small[nSmall++] = l;
      } else {
        large[nLarge++] = l;
      }
    }
    // Slots left in either list have probability 1 up to rounding: threshold 1, alias to themselves.
  }

  /** The cell chosen by uniform {@code r} ∈ [0, 1). */
  static int choose(double r, double[] threshold, int[] alias) {
    int n = threshold.length;
    double q = r * n;
    int slot = Math.min((int) q, n - 1);
    // Branch-free "frac < threshold ? slot : alias": the sign bit of frac − threshold (the branch would be
    // mispredicted for a large share of draws).
    int keep = (int) (Double.doubleToRawLongBits((q - slot) - threshold[slot]) >>> 63);
    int other = alias[slot];
    return other + keep * (slot - other);
  }
}
