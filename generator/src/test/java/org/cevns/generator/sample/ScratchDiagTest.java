package org.cevns.generator.sample;

import org.cevns.generator.constants.Units;
import org.cevns.generator.source.EnergySpectrum;
import org.cevns.generator.xs.RecoilCrossSection;
import org.junit.jupiter.api.Test;

class ScratchDiagTest {
  static final double KEV = 1.0 / Units.KEV_PER_MEV;

  void diag(String name, EnergySpectrum sp, RecoilCrossSection xs, double lo, double hi, double[] steps) {
    ExactIntegrals ex = new ExactIntegrals(sp, xs, lo, hi, steps);
    double a = ex.energyThenRecoil();
    double b = sp.isLine() ? a : ex.recoilThenEnergy();
    long t0 = System.nanoTime();
    double v = FluxAveragedXs.inWindowCm2(sp, xs, lo, hi);
    long t1 = System.nanoTime();
    RecoilSampler s = RecoilSampler.of(sp, xs, 512, 256, lo, hi);
    long t2 = System.nanoTime();
    s = RecoilSampler.of(sp, xs, 512, 256, lo, hi);
    long t3 = System.nanoTime();
    System.out.printf("%s: v/eT-1=%.2e v/tE-1=%.2e  env/v-1=%.2e eff=%.4f  fluxavg %.1f ms build %.1f ms (2nd %.1f)%n",
        name, v / a - 1, v / b - 1, s.envelopeXsCm2() / v - 1, s.acceptanceEfficiency(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    if (!sp.isLine()) {
      var cdf = ex.energyCdf(400);
      double[] nodes = s.energyNodesMeV();
      double max = 0;
      double emin = nodes[0], emax = nodes[nodes.length - 1];
      for (int i = 0; i <= 20000; i++) {
        double e = emin + (emax - emin) * i / 20000.0;
        max = Math.max(max, Math.abs(s.modelEnergyCdf(e) - cdf.applyAsDouble(e)));
      }
      System.out.printf("   max |model E cdf - exact| = %.2e  nodes=%d%n", max, nodes.length);
    }
    double[] nodes = s.energyNodesMeV();
    double maxT = 0;
    for (int idx : new int[] {nodes.length / 3, nodes.length - 2, nodes.length / 2}) {
      if (idx < 0) idx = 0;
      double e = nodes[idx];
      ExactIntegrals exl = new ExactIntegrals(TestSpectra.line(e), xs, lo, hi, steps);
      var cdf = exl.recoilCdf(Double.NaN, Double.NaN, 4000);
      double top = Math.min(hi, xs.maxRecoilMeV(e));
      if (!(top > lo)) continue;
      for (int i = 0; i <= 20000; i++) {
        double t = lo + (top - lo) * i / 20000.0;
        // model conditional is of the envelope; compare with envelope-only cdf when there is acceptance
        maxT = Math.max(maxT, Math.abs(s.modelRecoilCdfAtNode(idx, t) - cdf.applyAsDouble(t)));
      }
    }
    System.out.printf("   max |model T|E cdf - exact| = %.2e%n", maxT);
    if (!sp.isLine()) {
      double maxMid = 0;
      for (int j = 1; j < nodes.length - 1; j += 37) {
        double e = 0.5 * (nodes[j] + nodes[j + 1]);
        double top = Math.min(hi, xs.maxRecoilMeV(e));
        if (!(top > lo)) continue;
        var cdf = new ExactIntegrals(TestSpectra.line(e), xs, lo, hi, steps).recoilCdf(Double.NaN, Double.NaN, 4000);
        for (int i = 0; i <= 2000; i++) {
          double t = lo + (top - lo) * i / 2000.0;
          double u = (t - lo) / (top - lo);
          double m = 0.5 * s.rowsForTest().cdfU(j, u) + 0.5 * s.rowsForTest().cdfU(j + 1, u);
          maxMid = Math.max(maxMid, Math.abs(m - cdf.applyAsDouble(t)));
        }
      }
      System.out.printf("   max |model T|E(mid-cell) cdf - exact| = %.2e%n", maxMid);
    }
  }

  @Test
  void run() {
    diag("michel-cevns", TestSpectra.michel(), CevnsLikeXs.cesium(true), 0, Double.POSITIVE_INFINITY, new double[0]);
    diag("michel-cevns-win", TestSpectra.michel(), CevnsLikeXs.cesium(true), 5 * KEV, 30 * KEV, new double[0]);
    diag("stepped-cevns", TestSpectra.stepped(), CevnsLikeXs.cesium(true), 0, Double.POSITIVE_INFINITY, new double[0]);
    diag("stepped-cevns-thr", TestSpectra.stepped(), CevnsLikeXs.cesium(true), 0.3 * KEV, Double.POSITIVE_INFINITY, new double[0]);
    diag("line-cevns", TestSpectra.line(29.79), CevnsLikeXs.cesium(true), 0, Double.POSITIVE_INFINITY, new double[0]);
    diag("michel-eves-noacc", TestSpectra.michel(), new CevnsLikeXs(1, 0, false), 0, Double.POSITIVE_INFINITY, new double[0]);
  }
}
