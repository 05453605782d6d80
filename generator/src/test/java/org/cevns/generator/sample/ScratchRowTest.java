package org.cevns.generator.sample;

import org.junit.jupiter.api.Test;

class ScratchRowTest {
  @Test
  void run() {
    CevnsLikeXs xs = CevnsLikeXs.cesium(true);
    RecoilSampler s = RecoilSampler.of(TestSpectra.michel(), xs, 512, 256);
    double[] nodes = s.energyNodesMeV();
    for (int idx : new int[] {100, 300, 500, 510, 511}) {
      double e = nodes[idx];
      var cdf = new ExactIntegrals(TestSpectra.line(e), xs, 0, Double.POSITIVE_INFINITY, new double[0])
          .recoilCdf(Double.NaN, Double.NaN, 4000);
      double top = xs.maxRecoilMeV(e);
      double max = 0; double at = 0;
      for (int i = 0; i <= 20000; i++) {
        double t = top * i / 20000.0;
        double d = Math.abs(s.modelRecoilCdfAtNode(idx, t) - cdf.applyAsDouble(t));
        if (d > max) { max = d; at = t / top; }
      }
      System.out.printf("node %d E=%.3f max %.2e at u=%.4f%n", idx, e, max, at);
    }
  }
}
