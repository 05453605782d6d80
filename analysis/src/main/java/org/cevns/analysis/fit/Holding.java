package org.cevns.analysis.fit;

import java.util.Arrays;

/**
 * The parameters a {@link ProfileLikelihood} holds in every one of its fits besides μ (when μ is held at 1): the
 * "holding view" of a profile likelihood in which a group of nuisances is fixed at its best-fit values
 * ({@link ProfileLikelihood#holding}, used by {@link GroupImpacts}). The global fit of such a view starts at the
 * full global fit and stays there (that point is also the minimum with the group held).
 *
 * @param indices parameter indices held in every fit (besides μ when μ is held)
 */
record Holding(int[] indices) {
  /** Nothing held. */
  static final Holding NONE = new Holding(new int[0]);

  Holding {
    indices = indices.clone();
  }

  @Override
  public int[] indices() {
    return indices.clone();
  }

  /** {@code extra}, then the held indices, then 0 (μ) if {@code holdMu}: the {@code fixed} argument of a fit. */
  int[] merge(int[] extra, boolean holdMu) {
    int[] h = Arrays.copyOf(extra, extra.length + indices.length + (holdMu ? 1 : 0));
    System.arraycopy(indices, 0, h, extra.length, indices.length);
    if (holdMu) {
      h[h.length - 1] = 0;
    }
    return h;
  }
}
