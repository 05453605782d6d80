package org.cevns.generator.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.Channel;
import org.cevns.physics.constants.Units;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.GaussLegendre;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * The statistics shared by the generator's harness tests ({@link GeneratorHarnessTest},
 * {@link NewPhysicsHarnessTest}): events of a generator split by channel, the Kolmogorov–Smirnov test of E_ν
 * against ∫ φ σ, and the χ² of binned counts with sparse bins merged.
 */
final class HarnessStats {
  private HarnessStats() {}

  /** χ² of binned counts, its degrees of freedom and its p-value. */
  record ChiSquare(double chi2, int dof, double p) {}

  /**
   * Every event of {@code gen} as {E_ν [MeV], T [MeV], time [ns]}, one list per channel of
   * {@code gen.channels()}.
   */
  static List<List<double[]>> eventsByChannel(TruthGenerator gen) {
    List<Channel> channels = gen.channels();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < channels.size(); i++) {
      Channel c = channels.get(i);
      index.put(key(c.parentIndex(), c.process().ordinal(), c.isotope().z(), c.isotope().a(),
          c.component().flavor().ordinal()), i);
    }
    List<List<double[]>> perChannel = new ArrayList<>();
    channels.forEach(c -> perChannel.add(new ArrayList<>()));
    EventBlock block = new EventBlock();
    for (long k = 0; k < gen.blockCount(); k++) {
      gen.fill(k, block);
      for (int i = 0; i < block.size(); i++) {
        perChannel.get(index.get(key(block.parent[i], block.process[i], block.targetZ[i], block.targetA[i],
            block.flavor[i]))).add(new double[] {block.enuMeV[i], block.recoilKeV[i] / Units.KEV_PER_MEV,
            block.timeNs[i]});
      }
    }
    return perChannel;
  }

  /**
   * Kolmogorov–Smirnov p-value of the channel's E_ν against F(E) = ∫^E φσ / ∫ φσ, tabulated on {@code cells}
   * equal cells (Gauss–Legendre of {@code order} per piece, split at the spectrum's breakpoints) and
   * interpolated linearly within a cell (accurate to ~1e-7: the integrand is smooth there).
   */
  static double energyKsP(Channel ch, List<double[]> ev, int cells, int order) {
    EnergySpectrum s = ch.component().spectrum();
    RecoilCrossSection xs = ch.xs();
    double lo = s.minEnergyMeV();
    double hi = s.maxEnergyMeV();
    double[] cum = new double[cells + 1];
    for (int j = 1; j <= cells; j++) {
      double a = lo + (hi - lo) * (j - 1) / cells;
      double b = lo + (hi - lo) * j / cells;
      cum[j] = cum[j - 1] + GaussLegendre.integrate(x -> s.densityPerMeV(x) * xs.totalXsCm2(x),
          splitAt(a, b, s.breakpointsMeV()), order);
    }
    double[] e = ev.stream().mapToDouble(x -> x[0]).toArray();
    return KolmogorovSmirnovTest.withDefaults().test(e, x -> {
      if (x <= lo) {
        return 0;
      }
      if (x >= hi) {
        return 1;
      }
      double f = (x - lo) / (hi - lo) * cells;
      int j = Math.min(cells - 1, (int) f);
      return (cum[j] + (f - j) * (cum[j + 1] - cum[j])) / cum[cells];
    }).getPValue();
  }

  /** Counts of {@code values} in the bins of {@code edges} (below the first edge: bin 0; above: the last). */
  static long[] histogram(List<double[]> ev, int column, double[] edges) {
    int bins = edges.length - 1;
    long[] observed = new long[bins];
    for (double[] x : ev) {
      int b = 0;
      while (b < bins - 1 && x[column] >= edges[b + 1]) {
        b++;
      }
      observed[b]++;
    }
    return observed;
  }

  /**
   * χ² of observed against expected counts, bins merged from the bottom until each merged expected count is
   * &ge; 5 (the last merged bin takes the rest); the degrees of freedom are the merged bins less one.
   */
  static ChiSquare mergedChi2(long[] observed, double[] expected) {
    double chi2 = 0;
    int dof = -1;
    double accE = 0;
    long accO = 0;
    for (int b = 0; b < observed.length; b++) {
      accE += expected[b];
      accO += observed[b];
      if (accE >= 5 || b == observed.length - 1) {
        if (accE > 0) {
          chi2 += (accO - accE) * (accO - accE) / accE;
          dof++;
        }
        accE = 0;
        accO = 0;
      }
    }
    double p = dof >= 1 ? ChiSquaredDistribution.of(dof).survivalProbability(chi2) : Double.NaN;
    return new ChiSquare(chi2, dof, p);
  }

  /** [lo, hi] split at the breakpoints inside it. */
  static double[] splitAt(double lo, double hi, double[] breaks) {
    List<Double> c = new ArrayList<>();
    c.add(lo);
    for (double b : breaks) {
      if (b > lo && b < hi) {
        c.add(b);
      }
    }
    c.add(hi);
    return c.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  private static String key(int parent, int process, int z, int a, int flavor) {
    return parent + "/" + process + "/" + z + "/" + a + "/" + flavor;
  }
}
