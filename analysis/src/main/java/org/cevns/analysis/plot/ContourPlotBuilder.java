package org.cevns.analysis.plot;

import java.util.ArrayList;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two-parameter profile-likelihood contours: the iso-lines of −2Δln L on a regular grid at the given levels
 * (marching squares with linear interpolation along the cell edges, segments chained into polylines), and the
 * best-fit point.
 */
public final class ContourPlotBuilder {
  private String title = "";
  private String provenance = "";
  private String xLabel;
  private String yLabel;
  private double[] x;
  private double[] y;
  private double[] z;
  private final List<double[]> levels = new ArrayList<>();
  private final List<String> levelNames = new ArrayList<>();
  private final List<double[]> criticalFields = new ArrayList<>();
  private final List<String> criticalNames = new ArrayList<>();
  private double bestX = Double.NaN;
  private double bestY = Double.NaN;
  private boolean logX;
  private boolean logY;

  ContourPlotBuilder() {}

  /** New builder. */
  public static ContourPlotBuilder create() {
    return new ContourPlotBuilder();
  }

  public ContourPlotBuilder title(String text) {
    this.title = Checks.notNull("contour title", text);
    return this;
  }

  /**
   * @param label provenance label under the title ({@link Provenance#label()}); "" for none
   * @return this builder
   */
  public ContourPlotBuilder provenance(String label) {
    this.provenance = Checks.notNull("contour provenance", label);
    return this;
  }

  public ContourPlotBuilder labels(String xLabel, String yLabel) {
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    return this;
  }

  /**
   * The grid values: {@code values[i * y.length + j]} at (x[i], y[j]).
   *
   * @return this builder
   */
  public ContourPlotBuilder grid(double[] xs, double[] ys, double[] values) {
    if (values.length != xs.length * ys.length || xs.length < 2 || ys.length < 2) {
      throw new IllegalArgumentException("contour grid: need x, y of length >= 2 and x.length * y.length values");
    }
    this.x = xs.clone();
    this.y = ys.clone();
    this.z = values.clone();
    return this;
  }

  /** Adds a contour at −2Δln L = {@code delta}, named (e.g. "68.27 % CL"). */
  public ContourPlotBuilder level(String name, double delta) {
    levels.add(new double[] {delta});
    levelNames.add(name);
    return this;
  }

  /**
   * Adds a contour where the grid values equal point-wise critical values (e.g. toy-calibrated ones,
   * {@code cevns scan --toys}), drawn dashed in the colour of the level of the same index.
   *
   * @param name legend entry
   * @param critical c at every grid point ({@code critical[i * y.length + j]}; NaN: no contour through that cell)
   * @return this builder
   */
  public ContourPlotBuilder criticalLevel(String name, double[] critical) {
    criticalNames.add(Checks.notNull("critical level name", name));
    criticalFields.add(critical.clone());
    return this;
  }

  /** The best-fit point. */
  public ContourPlotBuilder bestFit(double bx, double by) {
    this.bestX = bx;
    this.bestY = by;
    return this;
  }

  /**
   * Log axes (grids evenly spaced in log: the crossings along a cell edge are then interpolated in log too).
   *
   * @return this builder
   */
  public ContourPlotBuilder log(boolean x, boolean y) {
    this.logX = x;
    this.logY = y;
    return this;
  }

  /** @return the chart */
  public JFreeChart build() {
    if (x == null || xLabel == null || yLabel == null) {
      throw new IllegalArgumentException("contour plot needs the grid and both labels");
    }
    if (logX && !(x[0] > 0) || logY && !(y[0] > 0)) {
      throw new IllegalArgumentException("contour plot: a log axis needs positive grid values");
    }
    Range xr = new Range(x[0], x[x.length - 1]);
    Range yr = new Range(y[0], y[y.length - 1]);
    XYPlot plot = HepTheme.plot(logX ? HepTheme.logParameter(xLabel, xr) : HepTheme.linearX(xLabel, xr),
        logY ? HepTheme.logParameter(yLabel, yr) : HepTheme.linear(yLabel, yr));
    Layers layers = new Layers(plot);
    for (int l = 0; l < levels.size(); l++) {
      boolean first = true;
      for (double[][] line : contour(levels.get(l)[0])) {
        layers.line(first ? levelNames.get(l) : "", line[0], line[1], HepTheme.cycle(l), HepTheme.solid(2.0));
        first = false;
      }
    }
    for (int l = 0; l < criticalFields.size(); l++) {
      double[] c = criticalFields.get(l);
      if (c.length != z.length) {
        throw new IllegalArgumentException("contour critical values: need " + z.length + " values, got " + c.length);
      }
      double[] f = new double[z.length];
      for (int k = 0; k < f.length; k++) {
        f[k] = z[k] - c[k];
      }
      boolean first = true;
      for (double[][] line : contour(f, 0.0)) {
        layers.line(first ? criticalNames.get(l) : "", line[0], line[1], HepTheme.cycle(l), HepTheme.dashed(2.0));
        first = false;
      }
    }
    if (Double.isFinite(bestX) && Double.isFinite(bestY)) {
      layers.points("best fit", new double[] {bestX}, null, null, new double[] {bestY}, new double[] {bestY},
          new double[] {bestY}, HepTheme.BLACK, true);
    }
    HepTheme.legend(plot, layers.legend(), true);
    return HepTheme.chart(title, plot, provenance);
  }

  /** Iso-lines of the grid values at {@code level}: polylines {x[], y[]}. */
  List<double[][]> contour(double level) {
    return contour(z, level);
  }

  /** Iso-lines of {@code field} (values on the grid) at {@code level}: polylines {x[], y[]}. */
  private List<double[][]> contour(double[] field, double level) {
    int nx = x.length;
    int ny = y.length;
    // edge points keyed by edge id: horizontal edge (i,j)-(i+1,j): 2*(i*ny+j); vertical (i,j)-(i,j+1): 2*(i*ny+j)+1
    Map<Integer, double[]> points = new HashMap<>();
    Map<Integer, List<Integer>> links = new HashMap<>();
    for (int i = 0; i < nx - 1; i++) {
      for (int j = 0; j < ny - 1; j++) {
        int[] edges = {2 * (i * ny + j), 2 * ((i + 1) * ny + j) + 1, 2 * (i * ny + j + 1), 2 * (i * ny + j) + 1};
        List<Integer> cut = new ArrayList<>();
        for (int e : edges) {
          double[] p = crossing(field, e, level, ny);
          if (p != null) {
            points.put(e, p);
            cut.add(e);
          }
        }
        for (int k = 0; k + 1 < cut.size(); k += 2) {
          links.computeIfAbsent(cut.get(k), q -> new ArrayList<>()).add(cut.get(k + 1));
          links.computeIfAbsent(cut.get(k + 1), q -> new ArrayList<>()).add(cut.get(k));
        }
      }
    }
    List<double[][]> out = new ArrayList<>();
    java.util.Set<Integer> used = new java.util.HashSet<>();
    for (Integer start : links.keySet().stream().sorted().toList()) {
      if (used.contains(start)) {
        continue;
      }
      // walk to one end, then collect
      Integer a = start;
      Integer prev = null;
      java.util.Set<Integer> seen = new java.util.HashSet<>();
      while (true) {
        seen.add(a);
        Integer next = null;
        for (Integer n : links.get(a)) {
          if (!n.equals(prev) && !seen.contains(n)) {
            next = n;
            break;
          }
        }
        if (next == null || links.get(a).size() < 2 && prev != null) {
          break;
        }
        prev = a;
        a = next;
        if (links.get(a).size() < 2) {
          break;
        }
      }
      List<double[]> pts = new ArrayList<>();
      Integer cur = a;
      Integer before = null;
      while (cur != null && used.add(cur)) {
        pts.add(points.get(cur));
        Integer next = null;
        for (Integer n : links.get(cur)) {
          if (!n.equals(before) && !used.contains(n)) {
            next = n;
            break;
          }
        }
        before = cur;
        cur = next;
      }
      if (pts.size() >= 2) {
        double[] lx = new double[pts.size()];
        double[] ly = new double[pts.size()];
        for (int k = 0; k < lx.length; k++) {
          lx[k] = pts.get(k)[0];
          ly[k] = pts.get(k)[1];
        }
        out.add(new double[][] {lx, ly});
      }
    }
    return out;
  }

  private double[] crossing(double[] field, int edge, double level, int ny) {
    int cell = edge / 2;
    int i = cell / ny;
    int j = cell % ny;
    boolean vertical = edge % 2 == 1;
    int i2 = vertical ? i : i + 1;
    int j2 = vertical ? j + 1 : j;
    if (i2 >= x.length || j2 >= y.length) {
      return null;
    }
    double a = field[i * ny + j] - level;
    double b = field[i2 * ny + j2] - level;
    if (Double.isNaN(a) || Double.isNaN(b) || (a < 0) == (b < 0)) {
      return null;
    }
    double t = a / (a - b);
    return new double[] {between(x[i], x[i2], t, logX), between(y[j], y[j2], t, logY)};
  }

  /** The point a fraction t from u to v, in log on a log axis. */
  private static double between(double u, double v, double t, boolean log) {
    return log ? u * Math.pow(v / u, t) : u + t * (v - u);
  }
}
