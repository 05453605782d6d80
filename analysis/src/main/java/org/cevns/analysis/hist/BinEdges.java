package org.cevns.analysis.hist;

import java.util.Arrays;

/**
 * Immutable bin edges of a histogram axis: either uniform ({@link #uniform}) or variable ({@link #of}).
 * Bin {@code i} is the half-open interval [edge(i), edge(i + 1)); values below the first edge are underflow,
 * values at or above the last edge are overflow. The axis carries no unit: the caller names it (e.g. a
 * histogram of {@code recoilKeV}).
 *
 * <p>Uniform edges find a bin by arithmetic (one multiplication and at most two comparisons that make the
 * result agree exactly with {@link #edge(int)}); variable edges use a binary search.
 */
public final class BinEdges {
  /** Returned by {@link #findBin} for values below the first edge. */
  public static final int UNDERFLOW = -1;

  private final double[] edges;
  private final boolean uniform;
  private final double low;
  private final double high;
  private final double binsPerUnit;

  private BinEdges(double[] edges, boolean uniform) {
    this.edges = edges;
    this.uniform = uniform;
    this.low = edges[0];
    this.high = edges[edges.length - 1];
    this.binsPerUnit = (edges.length - 1) / (high - low);
  }

  /**
   * {@code nBins} equal bins over [low, high).
   *
   * @param nBins &ge; 1
   * @param low finite
   * @param high finite, &gt; low
   */
  public static BinEdges uniform(int nBins, double low, double high) {
    if (nBins < 1) {
      throw new IllegalArgumentException("nBins must be >= 1, got " + nBins);
    }
    if (!Double.isFinite(low) || !Double.isFinite(high) || !(high > low)) {
      throw new IllegalArgumentException(
          "uniform bin range must be finite with high > low, got low=" + low + ", high=" + high);
    }
    double[] e = new double[nBins + 1];
    double width = (high - low) / nBins;
    for (int i = 0; i < nBins; i++) {
      e[i] = low + i * width;
    }
    e[nBins] = high;
    return new BinEdges(e, true);
  }

  /**
   * Variable bins with the given edges (at least two, finite, strictly increasing).
   *
   * @param edges the bin edges; copied
   */
  public static BinEdges of(double... edges) {
    if (edges == null || edges.length < 2) {
      throw new IllegalArgumentException(
          "edges must hold at least 2 values, got " + (edges == null ? "null" : edges.length));
    }
    for (int i = 0; i < edges.length; i++) {
      if (!Double.isFinite(edges[i])) {
        throw new IllegalArgumentException("edges[" + i + "] must be finite, got " + edges[i]);
      }
      if (i > 0 && !(edges[i] > edges[i - 1])) {
        throw new IllegalArgumentException("edges must be strictly increasing, got edges[" + (i - 1) + "]="
            + edges[i - 1] + " and edges[" + i + "]=" + edges[i]);
      }
    }
    return new BinEdges(edges.clone(), false);
  }

  /** Number of bins. */
  public int nBins() {
    return edges.length - 1;
  }

  /** Lower edge of the first bin. */
  public double low() {
    return low;
  }

  /** Upper edge of the last bin. */
  public double high() {
    return high;
  }

  /** Edge {@code i}, 0 &le; i &le; nBins. */
  public double edge(int i) {
    return edges[i];
  }

  /** Lower edge of bin {@code i}. */
  public double lowEdge(int bin) {
    return edges[bin];
  }

  /** Upper edge of bin {@code i}. */
  public double highEdge(int bin) {
    return edges[bin + 1];
  }

  /** Centre of bin {@code i}. */
  public double center(int bin) {
    return 0.5 * (edges[bin] + edges[bin + 1]);
  }

  /** Width of bin {@code i}. */
  public double width(int bin) {
    return edges[bin + 1] - edges[bin];
  }

  /** A copy of the nBins + 1 edges. */
  public double[] edges() {
    return edges.clone();
  }

  /** True if made by {@link #uniform} (fast arithmetic bin lookup). */
  public boolean isUniform() {
    return uniform;
  }

  /**
   * The bin holding {@code x}: 0..nBins−1 in range, {@link #UNDERFLOW} (−1) below, {@code nBins()} at or
   * above the last edge. NaN is rejected.
   */
  public int findBin(double x) {
    if (!(x >= low)) { // below the first edge, or NaN: one comparison for both on the way of every value in range
      if (Double.isNaN(x)) {
        throw new IllegalArgumentException("x must not be NaN");
      }
      return UNDERFLOW;
    }
    if (x >= high) {
      return edges.length - 1;
    }
    if (uniform) {
      int i = (int) ((x - low) * binsPerUnit);
      if (i >= edges.length - 1) {
        i = edges.length - 2;
      }
      // make the arithmetic agree exactly with the stored edges at bin boundaries
      if (x < edges[i]) {
        i--;
      } else if (x >= edges[i + 1]) {
        i++;
      }
      return i;
    }
    int k = Arrays.binarySearch(edges, x);
    return k >= 0 ? k : -k - 2;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinEdges b && Arrays.equals(edges, b.edges);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(edges);
  }

  @Override
  public String toString() {
    return uniform
        ? "BinEdges.uniform(" + nBins() + ", " + low + ", " + high + ")"
        : "BinEdges.of(" + Arrays.toString(edges) + ")";
  }
}
