package org.cevns.analysis.events;

import java.util.function.IntFunction;

/**
 * Maps string codes to accumulator keys through a dense table indexed by the codes (bit fields that widen when a
 * code outgrows them); a slot holds key + 1, 0 when not yet resolved. The process code (−1 for null) only
 * matters for signal rows: EvES signal gets the component {@link EventColumns#EVES_COMPONENT} (processes are
 * read only when EvES is a background, {@link SignalProcess#evesIsBackground}).
 */
final class KeyCache {
  private static final int MAX_BITS = 26;
  private final SpectrumAccumulator acc;
  private final IntFunction<String> det;
  private final IntFunction<String> per;
  private final IntFunction<String> win;
  private final IntFunction<String> comp;
  private final IntFunction<String> proc;
  private int bitsP = 2;
  private int bitsW = 2;
  private int bitsC = 3;
  private int bitsD = 2;
  private int bitsX = 2;
  private int[] table = new int[1 << (bitsD + bitsP + bitsW + bitsC + bitsX)];

  KeyCache(SpectrumAccumulator acc, IntFunction<String> det, IntFunction<String> per, IntFunction<String> win,
      IntFunction<String> comp, IntFunction<String> proc) {
    this.acc = acc;
    this.det = det;
    this.per = per;
    this.win = win;
    this.comp = comp;
    this.proc = proc;
  }

  int key(int d, int p, int w, int c, int x) {
    int xs = x + 1;
    if ((d >>> bitsD | p >>> bitsP | w >>> bitsW | c >>> bitsC | xs >>> bitsX) == 0) {
      int slot = ((((d << bitsP | p) << bitsW | w) << bitsC | c) << bitsX) | xs;
      int k = table[slot] - 1;
      return k >= 0 ? k : resolve(slot, d, p, w, c, x);
    }
    return widen(d, p, w, c, x);
  }

  private int resolve(int slot, int d, int p, int w, int c, int x) {
    String component = comp.apply(c);
    if (proc != null && EventColumns.SIGNAL.equals(component) && EventColumns.EVES.equals(proc.apply(x))) {
      component = EventColumns.EVES_COMPONENT;
    }
    int k = acc.key(det.apply(d), per.apply(p), win.apply(w), component);
    table[slot] = k + 1;
    return k;
  }

  private int widen(int d, int p, int w, int c, int x) {
    if (d < 0 || p < 0 || w < 0 || c < 0 || x < -1) {
      throw new IllegalArgumentException("null value in detector, period, window or component");
    }
    bitsD = Math.max(bitsD, bits(d));
    bitsP = Math.max(bitsP, bits(p));
    bitsW = Math.max(bitsW, bits(w));
    bitsC = Math.max(bitsC, bits(c));
    bitsX = Math.max(bitsX, bits(x + 1));
    if (bitsD + bitsP + bitsW + bitsC + bitsX > MAX_BITS) {
      throw new IllegalArgumentException("too many distinct detector, period, window, component and process values");
    }
    table = new int[1 << (bitsD + bitsP + bitsW + bitsC + bitsX)];
    return key(d, p, w, c, x);
  }

  private static int bits(int code) {
    return 32 - Integer.numberOfLeadingZeros(code);
  }
}
