package org.cevns.analysis.hist;

import java.util.Arrays;

/**
 * One-dimensional weighted histogram: per bin the sum of weights Σw (the content) and the sum of squared
 * weights Σw² (the variance, so the error is √Σw²), plus underflow and overflow. For unit weights Σw² = Σw
 * is the Poisson variance of the count.
 *
 * <p>Filling mutates the histogram (not thread-safe: fill one per thread and {@link #plus} them). The
 * arithmetic ({@link #plus}, {@link #minus}, {@link #scaled}, {@link #plusScaled}) returns a new histogram and
 * propagates errors for independent histograms: Σw² adds for sums and differences and scales with c² — the
 * standard propagation for uncorrelated weighted sums.
 */
public final class Histogram1D {
  private final BinEdges edges;
  /** Index 0 = underflow, 1..n = bins, n + 1 = overflow. */
  private final double[] sumW;
  private final double[] sumW2;

  private Histogram1D(BinEdges edges, double[] sumW, double[] sumW2) {
    this.edges = edges;
    this.sumW = sumW;
    this.sumW2 = sumW2;
  }

  /** Package-private: wraps arrays of length nBins + 2 (index 0 underflow, nBins + 1 overflow). */
  static Histogram1D wrap(BinEdges edges, double[] sumW, double[] sumW2) {
    return new Histogram1D(edges, sumW, sumW2);
  }

  /** An empty histogram with the given edges. */
  public static Histogram1D of(BinEdges edges) {
    if (edges == null) {
      throw new IllegalArgumentException("edges must not be null");
    }
    int n = edges.nBins() + 2;
    return new Histogram1D(edges, new double[n], new double[n]);
  }

  /**
   * A histogram from accumulated sums, including under- and overflow: arrays of length nBins + 2 with index 0
   * the underflow, 1..nBins the bins and nBins + 1 the overflow (copied).
   *
   * @param sumW Σw per slot, finite
   * @param sumW2 Σw² per slot, finite and &ge; 0
   */
  public static Histogram1D ofSums(BinEdges edges, double[] sumW, double[] sumW2) {
    if (edges == null) {
      throw new IllegalArgumentException("edges must not be null");
    }
    int n = edges.nBins() + 2;
    if (sumW == null || sumW.length != n || sumW2 == null || sumW2.length != n) {
      throw new IllegalArgumentException("sumW and sumW2 must have length nBins + 2 = " + n + ", got "
          + (sumW == null ? "null" : sumW.length) + " and " + (sumW2 == null ? "null" : sumW2.length));
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(sumW[i]) || !(sumW2[i] >= 0) || Double.isInfinite(sumW2[i])) {
        throw new IllegalArgumentException("slot " + i + " must have finite sumW and finite sumW2 >= 0, got "
            + sumW[i] + " and " + sumW2[i]);
      }
    }
    return new Histogram1D(edges, sumW.clone(), sumW2.clone());
  }

  /** An empty histogram with {@code nBins} equal bins over [low, high). */
  public static Histogram1D uniform(int nBins, double low, double high) {
    return of(BinEdges.uniform(nBins, low, high));
  }

  /**
   * A histogram with given in-range contents and errors (under/overflow zero).
   *
   * @param contents per-bin content, length nBins, finite
   * @param errors per-bin error (√Σw²), length nBins, finite and &ge; 0
   */
  public static Histogram1D ofContents(BinEdges edges, double[] contents, double[] errors) {
    Histogram1D h = of(edges);
    int n = edges.nBins();
    if (contents == null || contents.length != n || errors == null || errors.length != n) {
      throw new IllegalArgumentException("contents and errors must have length nBins=" + n + ", got "
          + (contents == null ? "null" : contents.length) + " and " + (errors == null ? "null" : errors.length));
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(contents[i])) {
        throw new IllegalArgumentException("contents[" + i + "] must be finite, got " + contents[i]);
      }
      if (!(errors[i] >= 0) || Double.isInfinite(errors[i])) {
        throw new IllegalArgumentException("errors[" + i + "] must be finite and >= 0, got " + errors[i]);
      }
      h.sumW[i + 1] = contents[i];
      h.sumW2[i + 1] = errors[i] * errors[i];
    }
    return h;
  }

  /** A histogram of observed counts (finite, &ge; 0) with Poisson variance equal to the count. */
  public static Histogram1D ofCounts(BinEdges edges, double[] counts) {
    int n = edges.nBins();
    if (counts == null || counts.length != n) {
      throw new IllegalArgumentException(
          "counts must have length nBins=" + n + ", got " + (counts == null ? "null" : counts.length));
    }
    Histogram1D h = of(edges);
    for (int i = 0; i < n; i++) {
      if (!(counts[i] >= 0) || Double.isInfinite(counts[i])) {
        throw new IllegalArgumentException("counts[" + i + "] must be finite and >= 0, got " + counts[i]);
      }
      h.sumW[i + 1] = counts[i];
      h.sumW2[i + 1] = counts[i];
    }
    return h;
  }

  /** Adds one entry of weight 1 at {@code x} (NaN rejected). */
  public void fill(double x) {
    int k = edges.findBin(x) + 1;
    sumW[k] += 1.0;
    sumW2[k] += 1.0;
  }

  /** Adds one entry of weight {@code weight} (finite) at {@code x} (NaN rejected). */
  public void fill(double x, double weight) {
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be finite, got " + weight);
    }
    int k = edges.findBin(x) + 1;
    sumW[k] += weight;
    sumW2[k] += weight * weight;
  }

  /** The bin edges. */
  public BinEdges edges() {
    return edges;
  }

  /** Number of in-range bins. */
  public int nBins() {
    return edges.nBins();
  }

  /** Σw of bin {@code bin} (0-based, in range). */
  public double content(int bin) {
    return sumW[checkBin(bin) + 1];
  }

  /** Σw² of bin {@code bin}. */
  public double sumW2(int bin) {
    return sumW2[checkBin(bin) + 1];
  }

  /** √Σw² of bin {@code bin}. */
  public double error(int bin) {
    return Math.sqrt(sumW2[checkBin(bin) + 1]);
  }

  /** Σw below the first edge. */
  public double underflow() {
    return sumW[0];
  }

  /** Σw at or above the last edge. */
  public double overflow() {
    return sumW[sumW.length - 1];
  }

  /** Σw² below the first edge. */
  public double underflowSumW2() {
    return sumW2[0];
  }

  /** Σw² at or above the last edge. */
  public double overflowSumW2() {
    return sumW2[sumW2.length - 1];
  }

  /** In-range contents, a new array of length nBins. */
  public double[] contents() {
    return Arrays.copyOfRange(sumW, 1, sumW.length - 1);
  }

  /** In-range Σw², a new array of length nBins. */
  public double[] sumW2s() {
    return Arrays.copyOfRange(sumW2, 1, sumW2.length - 1);
  }

  /** In-range errors √Σw², a new array of length nBins. */
  public double[] errors() {
    double[] e = new double[nBins()];
    for (int i = 0; i < e.length; i++) {
      e[i] = Math.sqrt(sumW2[i + 1]);
    }
    return e;
  }

  /** Σw over the in-range bins (under/overflow excluded). */
  public double integral() {
    double s = 0;
    for (int i = 1; i < sumW.length - 1; i++) {
      s += sumW[i];
    }
    return s;
  }

  /** √(Σ Σw²) over the in-range bins: the error of {@link #integral()}. */
  public double integralError() {
    double s = 0;
    for (int i = 1; i < sumW2.length - 1; i++) {
      s += sumW2[i];
    }
    return Math.sqrt(s);
  }

  /** A deep copy. */
  public Histogram1D copy() {
    return new Histogram1D(edges, sumW.clone(), sumW2.clone());
  }

  /** this + other (same edges): contents add, Σw² add. */
  public Histogram1D plus(Histogram1D other) {
    return plusScaled(other, 1.0);
  }

  /** this − other (same edges): contents subtract, Σw² add. */
  public Histogram1D minus(Histogram1D other) {
    return plusScaled(other, -1.0);
  }

  /** this + c·other (same edges): contents a + c b, Σw² a + c² b. */
  public Histogram1D plusScaled(Histogram1D other, double c) {
    if (other == null || !edges.equals(other.edges)) {
      throw new IllegalArgumentException("other histogram must have the same edges as this (" + edges
          + "), got " + (other == null ? "null" : other.edges));
    }
    if (!Double.isFinite(c)) {
      throw new IllegalArgumentException("scale factor c must be finite, got " + c);
    }
    double[] w = new double[sumW.length];
    double[] w2 = new double[sumW.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = sumW[i] + c * other.sumW[i];
      w2[i] = sumW2[i] + c * c * other.sumW2[i];
    }
    return new Histogram1D(edges, w, w2);
  }

  /** c·this: contents × c, Σw² × c² (c finite). */
  public Histogram1D scaled(double c) {
    if (!Double.isFinite(c)) {
      throw new IllegalArgumentException("scale factor c must be finite, got " + c);
    }
    double[] w = new double[sumW.length];
    double[] w2 = new double[sumW.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = c * sumW[i];
      w2[i] = c * c * sumW2[i];
    }
    return new Histogram1D(edges, w, w2);
  }

  /** CSV text with header {@code bin_low,bin_high,content,error}, one row per in-range bin. */
  public String toCsv() {
    return HistogramCsv.toCsv(this);
  }

  private int checkBin(int bin) {
    if (bin < 0 || bin >= edges.nBins()) {
      throw new IllegalArgumentException("bin must be in [0, " + (edges.nBins() - 1) + "], got " + bin);
    }
    return bin;
  }

  @Override
  public String toString() {
    return "Histogram1D(" + edges + ", integral=" + integral() + ")";
  }
}
