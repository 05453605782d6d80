package org.cevns.generator.sample;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Reference integrals for the tests, independent of the production code: composite Gauss–Legendre
 * (commons-math3 nodes) on uniform subdivisions of pieces whose edges the test supplies from its own knowledge
 * of the spectrum breakpoints and acceptance steps (not from {@code AcceptanceSteps}).
 */
final class ExactIntegrals {
  private static final GaussIntegrator GAUSS = new GaussIntegratorFactory().legendre(8);

  private final EnergySpectrum spectrum;
  private final RecoilCrossSection xs;
  private final double tLo;
  private final double tHi;
  private final double[] steps;
  private final double eLo;
  private final double eHi;

  /**
   * @param steps acceptance steps in MeV known to the test (empty if none)
   */
  ExactIntegrals(EnergySpectrum spectrum, RecoilCrossSection xs, double tLo, double tHi, double[] steps) {
    this.spectrum = spectrum;
    this.xs = xs;
    this.tLo = tLo;
    this.tHi = tHi;
    this.steps = steps.clone();
    this.eLo = tLo > 0 ? Math.max(spectrum.minEnergyMeV(), xs.minEnergyMeV(tLo)) : spectrum.minEnergyMeV();
    this.eHi = spectrum.maxEnergyMeV();
  }

  /** Composite Gauss–Legendre over the pieces of {@code edges}, each cut into {@code cells} equal cells. */
  static double composite(DoubleUnaryOperator f, double[] edges, int cells) {
    double sum = 0.0;
    for (int p = 0; p + 1 < edges.length; p++) {
      double h = (edges[p + 1] - edges[p]) / cells;
      for (int c = 0; c < cells; c++) {
        double a = edges[p] + c * h;
        sum += gauss(f, a, a + h);
      }
    }
    return sum;
  }

  static double gauss(DoubleUnaryOperator f, double a, double b) {
    double s = 0.0;
    for (int i = 0; i < GAUSS.getNumberOfPoints(); i++) {
      s += GAUSS.getWeight(i) * f.applyAsDouble(a + 0.5 * (b - a) * (1.0 + GAUSS.getPoint(i)));
    }
    return 0.5 * (b - a) * s;
  }

  private static final GaussIntegrator GAUSS4 = new GaussIntegratorFactory().legendre(4);

  static double gauss4(DoubleUnaryOperator f, double a, double b) {
    double s = 0.0;
    for (int i = 0; i < GAUSS4.getNumberOfPoints(); i++) {
      s += GAUSS4.getWeight(i) * f.applyAsDouble(a + 0.5 * (b - a) * (1.0 + GAUSS4.getPoint(i)));
    }
    return 0.5 * (b - a) * s;
  }

  /** Sorted edges: lo, the values strictly inside (lo, hi), hi. */
  static double[] edges(double lo, double hi, double... inside) {
    double[] v = Arrays.stream(inside).filter(x -> x > lo && x < hi).sorted().distinct().toArray();
    double[] out = new double[v.length + 2];
    out[0] = lo;
    System.arraycopy(v, 0, out, 1, v.length);
    out[out.length - 1] = hi;
    return out;
  }

  /** b(E) = min(T_hi, T_max(E)). */
  double upper(double e) {
    return Math.min(tHi, xs.maxRecoilMeV(e));
  }

  /** σ_W(E) by composite GL over T, split at the steps. */
  double sigmaWindow(double e, double tCap) {
    double hi = Math.min(upper(e), tCap);
    if (!(hi > tLo)) {
      return 0.0;
    }
    return composite(t -> xs.xsCm2PerMeV(e, t), edges(tLo, hi, steps), 6);
  }

  /** Energy edges where φσ_W may kink or jump. */
  double[] energyEdges() {
    double[] bps = spectrum.breakpointsMeV();
    double[] extra = new double[bps.length + steps.length + 1];
    System.arraycopy(bps, 0, extra, 0, bps.length);
    for (int i = 0; i < steps.length; i++) {
      extra[bps.length + i] = xs.minEnergyMeV(steps[i]);
    }
    extra[extra.length - 1] = Double.isInfinite(tHi) ? eLo : xs.minEnergyMeV(tHi);
    return edges(eLo, eHi, extra);
  }

  /** ⟨σ⟩ as ∫dE φ ∫dT dσ/dT. */
  double energyThenRecoil() {
    if (spectrum.isLine()) {
      return sigmaWindow(spectrum.minEnergyMeV(), Double.POSITIVE_INFINITY);
    }
    return composite(e -> spectrum.densityPerMeV(e) * sigmaWindow(e, Double.POSITIVE_INFINITY),
        energyEdges(), 64);
  }

  /** ⟨σ⟩ as ∫dT ∫dE φ dσ/dT (continuous spectra). */
  double recoilThenEnergy() {
    double tTop = upper(eHi);
    double[] bps = spectrum.breakpointsMeV();
    double[] inside = new double[steps.length + bps.length + 1];
    System.arraycopy(steps, 0, inside, 0, steps.length);
    for (int i = 0; i < bps.length; i++) {
      inside[steps.length + i] = xs.maxRecoilMeV(bps[i]);
    }
    inside[inside.length - 1] = xs.maxRecoilMeV(spectrum.minEnergyMeV());
    return composite(t -> {
      double lo = Math.max(spectrum.minEnergyMeV(), xs.minEnergyMeV(t));
      if (!(lo < eHi)) {
        return 0.0;
      }
      return composite(e -> spectrum.densityPerMeV(e) * xs.xsCm2PerMeV(e, t), edges(lo, eHi, bps), 16);
    }, edges(tLo, tTop, inside), 64);
  }

  /**
   * Exact CDF of the E marginal, tabulated on {@code cells} cells per piece and interpolated by cubic Hermite
   * polynomials with the exact one-sided densities at the cell ends (error ~h⁴).
   */
  DoubleUnaryOperator energyCdf(int cells) {
    double[] pieces = energyEdges();
    int total = (pieces.length - 1) * cells;
    double[] grid = new double[total + 1];
    double[] cum = new double[total + 1];
    double[] right = new double[total]; // density at the left end of cell k, from the right
    double[] left = new double[total];  // density at the right end of cell k, from the left
    DoubleUnaryOperator f = e -> spectrum.densityPerMeV(e) * sigmaWindow(e, Double.POSITIVE_INFINITY);
    int n = 0;
    grid[0] = pieces[0];
    for (int p = 0; p + 1 < pieces.length; p++) {
      double h = (pieces[p + 1] - pieces[p]) / cells;
      for (int c = 0; c < cells; c++) {
        double a = pieces[p] + c * h;
        double b = c == cells - 1 ? pieces[p + 1] : a + h;
        cum[n + 1] = cum[n] + gauss(f, a, b);
        right[n] = f.applyAsDouble(Math.nextUp(a));
        left[n] = f.applyAsDouble(Math.nextDown(b));
        grid[++n] = b;
      }
    }
    double norm = cum[total];
    return x -> {
      if (x <= grid[0]) {
        return 0.0;
      }
      if (x >= grid[total]) {
        return 1.0;
      }
      int k = Arrays.binarySearch(grid, x);
      if (k >= 0) {
        return cum[k] / norm;
      }
      int lo = -k - 2;
      double h = grid[lo + 1] - grid[lo];
      double t = (x - grid[lo]) / h;
      double t2 = t * t;
      double t3 = t2 * t;
      return (cum[lo] * (2 * t3 - 3 * t2 + 1) + right[lo] * h * (t3 - 2 * t2 + t)
          + cum[lo + 1] * (-2 * t3 + 3 * t2) + left[lo] * h * (t3 - t2)) / norm;
    };
  }

  /**
   * Exact CDF of T for E restricted to [e1, e2] (the whole support if e1 &ge; e2 is not given: pass NaN), on
   * a recoil grid of {@code cells} cells plus the steps.
   */
  DoubleUnaryOperator recoilCdf(double e1, double e2, int cells) {
    double lo = Double.isNaN(e1) ? eLo : Math.max(eLo, e1);
    double hi = Double.isNaN(e2) ? eHi : Math.min(eHi, e2);
    double tTop = upper(hi);
    double[] base = new double[cells + 1];
    for (int k = 0; k <= cells; k++) {
      base[k] = tLo + (tTop - tLo) * k / cells;
    }
    double[] grid = edges(tLo, tTop, concat(Arrays.copyOfRange(base, 1, cells), steps));
    double[] cum = new double[grid.length];
    if (spectrum.isLine()) {
      addRecoilCumulative(spectrum.minEnergyMeV(), 1.0, grid, cum);
    } else {
      double[] eEdges = edges(lo, hi, energyEdges());
      for (int p = 0; p + 1 < eEdges.length; p++) {
        int eCells = 24;
        double h = (eEdges[p + 1] - eEdges[p]) / eCells;
        for (int c = 0; c < eCells; c++) {
          double a = eEdges[p] + c * h;
          for (int i = 0; i < GAUSS.getNumberOfPoints(); i++) {
            double e = a + 0.5 * h * (1.0 + GAUSS.getPoint(i));
            addRecoilCumulative(e, 0.5 * h * GAUSS.getWeight(i) * spectrum.densityPerMeV(e), grid, cum);
          }
        }
      }
    }
    for (int k = 1; k < cum.length; k++) {
      cum[k] += cum[k - 1];
    }
    return interpolated(grid, cum);
  }

  /** Adds weight × ∫ over each grid cell (clipped at b(E)) of dσ/dT(E, ·) to cellSums[k + 1]. */
  private void addRecoilCumulative(double e, double weight, double[] grid, double[] cellSums) {
    if (weight == 0.0) {
      return;
    }
    double b = upper(e);
    for (int k = 0; k + 1 < grid.length && grid[k] < b; k++) {
      double hi = Math.min(grid[k + 1], b);
      cellSums[k + 1] += weight * gauss4(t -> xs.xsCm2PerMeV(e, t), grid[k], hi);
    }
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Normalised, linearly interpolated CDF through (grid, cumulative). */
  static DoubleUnaryOperator interpolated(double[] grid, double[] cumulative) {
    double total = cumulative[cumulative.length - 1];
    return x -> {
      if (x <= grid[0]) {
        return 0.0;
      }
      if (x >= grid[grid.length - 1]) {
        return 1.0;
      }
      int k = Arrays.binarySearch(grid, x);
      if (k >= 0) {
        return cumulative[k] / total;
      }
      int hi = -k - 1;
      int lo = hi - 1;
      double f = (x - grid[lo]) / (grid[hi] - grid[lo]);
      return (cumulative[lo] + f * (cumulative[hi] - cumulative[lo])) / total;
    };
  }
}
