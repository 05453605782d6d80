package org.cevns.analysis.hist;

/**
 * Two-dimensional weighted histogram, typically energy (x) × time (y), with Σw and Σw² per cell and
 * under/overflow on both axes. {@link #flatten()} turns the in-range cells into a 1D histogram for the binned
 * fit, which sees only a list of bins.
 *
 * <p>Flat ordering: cell (ix, iy) is flat bin {@code iy * nx + ix} ({@link #flatIndex}), i.e. the flattened
 * histogram is the sequence of energy spectra of the successive time bins.
 */
public final class Histogram2D {
  private final BinEdges xEdges;
  private final BinEdges yEdges;
  /** Cell (ix, iy) with ix, iy in −1..n (under/overflow) is at (ix + 1) * (ny + 2) + (iy + 1). */
  private final double[] sumW;
  private final double[] sumW2;
  private final int strideX;

  private Histogram2D(BinEdges xEdges, BinEdges yEdges, double[] sumW, double[] sumW2) {
    this.xEdges = xEdges;
    this.yEdges = yEdges;
    this.sumW = sumW;
    this.sumW2 = sumW2;
    this.strideX = yEdges.nBins() + 2;
  }

  /** An empty histogram over the given x (e.g. energy) and y (e.g. time) edges. */
  public static Histogram2D of(BinEdges xEdges, BinEdges yEdges) {
    if (xEdges == null || yEdges == null) {
      throw new IllegalArgumentException("xEdges and yEdges must not be null");
    }
    int n = (xEdges.nBins() + 2) * (yEdges.nBins() + 2);
    return new Histogram2D(xEdges, yEdges, new double[n], new double[n]);
  }

  /**
   * A histogram from accumulated sums including under/overflow: cell (ix, iy), ix in −1..nx and iy in −1..ny,
   * at index (ix + 1)·(ny + 2) + (iy + 1) of arrays of length (nx + 2)(ny + 2) (copied).
   *
   * @param sumW Σw per cell, finite
   * @param sumW2 Σw² per cell, finite and &ge; 0
   */
  public static Histogram2D ofSums(BinEdges xEdges, BinEdges yEdges, double[] sumW, double[] sumW2) {
    if (xEdges == null || yEdges == null) {
      throw new IllegalArgumentException("xEdges and yEdges must not be null");
    }
    int n = (xEdges.nBins() + 2) * (yEdges.nBins() + 2);
    if (sumW == null || sumW.length != n || sumW2 == null || sumW2.length != n) {
      throw new IllegalArgumentException("sumW and sumW2 must have length (nx + 2)(ny + 2) = " + n);
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(sumW[i]) || !(sumW2[i] >= 0) || Double.isInfinite(sumW2[i])) {
        throw new IllegalArgumentException("cell " + i + " must have finite sumW and finite sumW2 >= 0, got "
            + sumW[i] + " and " + sumW2[i]);
      }
    }
    return new Histogram2D(xEdges, yEdges, sumW.clone(), sumW2.clone());
  }

  /** Adds one entry of weight 1 at (x, y). */
  public void fill(double x, double y) {
    int k = cell(xEdges.findBin(x), yEdges.findBin(y));
    sumW[k] += 1.0;
    sumW2[k] += 1.0;
  }

  /** Adds one entry of weight {@code weight} (finite) at (x, y). */
  public void fill(double x, double y, double weight) {
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be finite, got " + weight);
    }
    int k = cell(xEdges.findBin(x), yEdges.findBin(y));
    sumW[k] += weight;
    sumW2[k] += weight * weight;
  }

  /** The x edges. */
  public BinEdges xEdges() {
    return xEdges;
  }

  /** The y edges. */
  public BinEdges yEdges() {
    return yEdges;
  }

  /** Σw of in-range cell (ix, iy). */
  public double content(int ix, int iy) {
    return sumW[inRangeCell(ix, iy)];
  }

  /** Σw² of in-range cell (ix, iy). */
  public double sumW2(int ix, int iy) {
    return sumW2[inRangeCell(ix, iy)];
  }

  /** √Σw² of in-range cell (ix, iy). */
  public double error(int ix, int iy) {
    return Math.sqrt(sumW2[inRangeCell(ix, iy)]);
  }

  /** Σw over the in-range cells. */
  public double integral() {
    double s = 0;
    for (int ix = 0; ix < xEdges.nBins(); ix++) {
      for (int iy = 0; iy < yEdges.nBins(); iy++) {
        s += sumW[cell(ix, iy)];
      }
    }
    return s;
  }

  /** Σw of every entry outside the in-range cells (under/overflow on either axis). */
  public double outOfRange() {
    double all = 0;
    for (double w : sumW) {
      all += w;
    }
    return all - integral();
  }

  /** Flat bin of in-range cell (ix, iy): {@code iy * nx + ix}. */
  public int flatIndex(int ix, int iy) {
    inRangeCell(ix, iy);
    return iy * xEdges.nBins() + ix;
  }

  /**
   * The in-range cells as a 1D histogram of nx·ny bins with edges 0, 1, …, nx·ny (the flat index, see
   * {@link #flatIndex}); Σw and Σw² carried over; under/overflow of the result are zero.
   */
  public Histogram1D flatten() {
    int nx = xEdges.nBins();
    int ny = yEdges.nBins();
    double[] c = new double[nx * ny];
    double[] e = new double[nx * ny];
    for (int iy = 0; iy < ny; iy++) {
      for (int ix = 0; ix < nx; ix++) {
        int k = cell(ix, iy);
        c[iy * nx + ix] = sumW[k];
        e[iy * nx + ix] = Math.sqrt(sumW2[k]);
      }
    }
    return Histogram1D.ofContents(BinEdges.uniform(nx * ny, 0, nx * ny), c, e);
  }

  /** Projection on x of the in-range y bins (x under/overflow kept as the result's under/overflow). */
  public Histogram1D projectionX() {
    int nx = xEdges.nBins();
    double[] w = new double[nx + 2];
    double[] w2 = new double[nx + 2];
    for (int ix = -1; ix <= nx; ix++) {
      for (int iy = 0; iy < yEdges.nBins(); iy++) {
        w[ix + 1] += sumW[cell(ix, iy)];
        w2[ix + 1] += sumW2[cell(ix, iy)];
      }
    }
    return Histogram1D.wrap(xEdges, w, w2);
  }

  /** Projection on y of the in-range x bins (y under/overflow kept as the result's under/overflow). */
  public Histogram1D projectionY() {
    int ny = yEdges.nBins();
    double[] w = new double[ny + 2];
    double[] w2 = new double[ny + 2];
    for (int iy = -1; iy <= ny; iy++) {
      for (int ix = 0; ix < xEdges.nBins(); ix++) {
        w[iy + 1] += sumW[cell(ix, iy)];
        w2[iy + 1] += sumW2[cell(ix, iy)];
      }
    }
    return Histogram1D.wrap(yEdges, w, w2);
  }

  /** c·this: Σw × c, Σw² × c² (c finite); a new histogram. */
  public Histogram2D scaled(double c) {
    if (!Double.isFinite(c)) {
      throw new IllegalArgumentException("scale factor c must be finite, got " + c);
    }
    double[] w = new double[sumW.length];
    double[] w2 = new double[sumW.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = c * sumW[i];
      w2[i] = c * c * sumW2[i];
    }
    return new Histogram2D(xEdges, yEdges, w, w2);
  }

  /** this + c·other (same edges): Σw add, Σw² add with c²; a new histogram. */
  public Histogram2D plusScaled(Histogram2D other, double c) {
    if (other == null || !xEdges.equals(other.xEdges) || !yEdges.equals(other.yEdges)) {
      throw new IllegalArgumentException("other histogram must have the same x and y edges as this");
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
    return new Histogram2D(xEdges, yEdges, w, w2);
  }

  private int cell(int ix, int iy) {
    return (ix + 1) * strideX + (iy + 1);
  }

  private int inRangeCell(int ix, int iy) {
    if (ix < 0 || ix >= xEdges.nBins() || iy < 0 || iy >= yEdges.nBins()) {
      throw new IllegalArgumentException("cell must be in [0, " + (xEdges.nBins() - 1) + "] x [0, "
          + (yEdges.nBins() - 1) + "], got (" + ix + ", " + iy + ")");
    }
    return cell(ix, iy);
  }
}
