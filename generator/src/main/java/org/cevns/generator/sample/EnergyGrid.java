package org.cevns.generator.sample;

import java.util.Arrays;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Places the neutrino-energy nodes of the sampling tables: every forced edge (support ends, spectrum
 * breakpoints, E_min of the window edges) is a node, and the remaining nodes equidistribute
 * G(E) = ½ (E − E_lo)/(E_hi − E_lo) + ½ M(E)/M(E_hi), M the integral of the monitor |f''|^{1/3} of the pilot
 * rate f(E) = φ(E)σ(E) (total cross section). With exact cell masses and a linear shape inside each cell, the
 * CDF error of cell j is ∝ h_j³ |f''|, which this monitor equalises (de Boor, "Good approximation by splines
 * with variable knots", 1973); the uniform half keeps cells narrow where the conditional recoil shapes change
 * but the rate is low. The placement affects only the size of the table error, never the exactness of the
 * sampling of the tabulated model.
 */
final class EnergyGrid {
  /** Pilot points per requested node. */
  private static final int PILOT_PER_NODE = 2;
  /** Smallest number of pilot intervals per segment. */
  private static final int MIN_PILOT = 8;

  private EnergyGrid() {}

  /**
   * Nodes in MeV, sorted, including all {@code edges}; {@code max(nodeCount, edges.length)} of them.
   *
   * @param edges sorted forced nodes, at least two
   */
  static double[] place(EnergySpectrum spectrum, RecoilCrossSection xs, double[] edges, int nodeCount) {
    int segments = edges.length - 1;
    int extra = nodeCount - edges.length;
    if (extra <= 0) {
      return edges.clone();
    }
    double range = edges[segments] - edges[0];
    int pilotTotal = PILOT_PER_NODE * nodeCount;
    double[][] pilotE = new double[segments][];
    double[][] pilotCum = new double[segments][];
    double[] weightMass = new double[segments];
    double weightTotal = 0.0;
    for (int s = 0; s < segments; s++) {
      double lo = edges[s];
      double hi = edges[s + 1];
      int m = Math.max(MIN_PILOT, (int) Math.ceil(pilotTotal * (hi - lo) / range));
      double[] e = new double[m + 1];
      double[] f = new double[m + 1];
      for (int p = 0; p <= m; p++) {
        e[p] = p == m ? hi : lo + (hi - lo) * p / m;
        f[p] = weight(spectrum, xs, p == 0 ? Math.nextUp(lo) : p == m ? Math.nextDown(hi) : e[p]);
      }
      // Monitor |f''|^(1/3) from second differences (one-sided at the segment ends).
      double h = (hi - lo) / m;
      double[] monitor = new double[m + 1];
      for (int p = 1; p < m; p++) {
        monitor[p] = Math.cbrt(Math.abs(f[p + 1] - 2.0 * f[p] + f[p - 1]) / (h * h));
      }
      monitor[0] = monitor[1];
      monitor[m] = monitor[m - 1];
      double[] cum = new double[m + 1];
      for (int p = 1; p <= m; p++) {
        cum[p] = cum[p - 1] + 0.5 * (monitor[p - 1] + monitor[p]) * h;
      }
      pilotE[s] = e;
      pilotCum[s] = cum;
      weightMass[s] = cum[m];
      weightTotal += cum[m];
    }
    double[] share = new double[segments];
    for (int s = 0; s < segments; s++) {
      double uniform = (edges[s + 1] - edges[s]) / range;
      share[s] = weightTotal > 0.0 ? 0.5 * uniform + 0.5 * weightMass[s] / weightTotal : uniform;
    }
    int[] interior = allocate(share, extra);
    double[] nodes = new double[edges.length + extra];
    int n = 0;
    for (int s = 0; s < segments; s++) {
      nodes[n++] = edges[s];
      double[] e = pilotE[s];
      double[] cum = pilotCum[s];
      double len = edges[s + 1] - edges[s];
      int m = e.length - 1;
      double segWeight = cum[m];
      // Mixture cumulative G at the pilot points, normalised to 1 over the segment.
      double[] g = new double[m + 1];
      for (int p = 0; p <= m; p++) {
        double uniform = (e[p] - edges[s]) / len;
        g[p] = segWeight > 0.0 ? 0.5 * uniform + 0.5 * cum[p] / segWeight : uniform;
      }
      int p = 0;
      for (int i = 1; i <= interior[s]; i++) {
        double target = (double) i / (interior[s] + 1);
        while (p < m - 1 && g[p + 1] < target) {
          p++;
        }
        double span = g[p + 1] - g[p];
        double x = span > 0.0 ? (target - g[p]) / span : 0.5;
        nodes[n++] = e[p] + Math.min(1.0, Math.max(0.0, x)) * (e[p + 1] - e[p]);
      }
    }
    nodes[n++] = edges[segments];
    double[] out = Arrays.copyOf(nodes, n);
    Arrays.sort(out);
    return out;
  }

  /** Pilot weight φ(E)·σ(E) (0 where either vanishes). */
  private static double weight(EnergySpectrum spectrum, RecoilCrossSection xs, double energyMeV) {
    double density = spectrum.densityPerMeV(energyMeV);
    return density > 0.0 ? density * Math.max(0.0, xs.totalXsCm2(energyMeV)) : 0.0;
  }

  /** Splits {@code count} items over shares (summing to 1) by largest remainder. */
  static int[] allocate(double[] share, int count) {
    int[] out = new int[share.length];
    double[] remainder = new double[share.length];
    int used = 0;
    for (int s = 0; s < share.length; s++) {
      double exact = share[s] * count;
      out[s] = (int) Math.floor(exact);
      remainder[s] = exact - out[s];
      used += out[s];
    }
    while (used > count) { // only if the shares sum to slightly more than 1 by rounding
      int worst = -1;
      for (int s = 0; s < share.length; s++) {
        if (out[s] > 0 && (worst < 0 || remainder[s] < remainder[worst])) {
          worst = s;
        }
      }
      out[worst]--;
      remainder[worst] = 2.0;
      used--;
    }
    while (used < count) {
      int best = 0;
      for (int s = 1; s < share.length; s++) {
        if (remainder[s] > remainder[best]) {
          best = s;
        }
      }
      out[best]++;
      remainder[best] = -1.0;
      used++;
    }
    return out;
  }
}
