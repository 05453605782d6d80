package org.cevns.generator.sample;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.generator.constants.PhysicalConstants;
import org.cevns.generator.constants.Units;
import org.cevns.generator.source.EnergySpectrum;
import org.cevns.generator.xs.RecoilCrossSection;

/**
 * JMH-free micro benchmark: table build time per channel and ns per (E, T) pair in batches of 65536, single
 * thread, default 512 × 256 tables. Reports the minimum and median over repetitions (the minimum is the least
 * disturbed by other load on the machine). Run after {@code mvn -o -pl generator test-compile}:
 * {@code java -cp generator/target/classes:generator/target/test-classes:$(cat cp.txt)
 * org.cevns.generator.sample.SamplerBench}.
 */
public final class SamplerBench {
  private static final int BATCH = 1 << 16;
  private static final double KEV = 1.0 / Units.KEV_PER_MEV;

  private SamplerBench() {}

  public static void main(String[] args) {
    CevnsLikeXs cevns = CevnsLikeXs.cesium(true);
    EvesLikeXs eves = new EvesLikeXs();
    EnergySpectrum michel = TestSpectra.michel();
    Object[][] channels = {
      {"CEvNS Cs x Michel nu_e", michel, cevns, 0.0},
      {"CEvNS Cs x prompt line", TestSpectra.line(PhysicalConstants.PROMPT_NUMU_ENERGY_MEV), cevns, 0.0},
      {"CEvNS Cs x reactor-like, T > 0.3 keV", TestSpectra.stepped(), cevns, 0.3 * KEV},
      {"EvES Ge x Michel (shell steps)", michel, eves, 0.0},
    };
    for (Object[] c : channels) {
      String name = (String) c[0];
      EnergySpectrum sp = (EnergySpectrum) c[1];
      RecoilCrossSection xs = (RecoilCrossSection) c[2];
      double lo = (Double) c[3];
      double[] build = new double[7];
      RecoilSampler s = null;
      for (int r = 0; r < build.length; r++) {
        long t0 = System.nanoTime();
        s = RecoilSampler.of(sp, xs, 512, 256, lo, Double.POSITIVE_INFINITY);
        build[r] = (System.nanoTime() - t0) / 1e6;
      }
      double[] unweighted = time(s, false);
      double[] weighted = time(s, true);
      System.out.printf("%-38s build %6.1f ms (median %6.1f) | unweighted %5.1f ns/pair (median %5.1f)"
          + " | weighted %5.1f ns/pair (median %5.1f)%n", name, min(build), median(build), unweighted[0],
          unweighted[1], weighted[0], weighted[1]);
    }
    UniformRandomProvider rng = RandomStreams.create(1, 0);
    double[] rngCost = new double[15];
    double sink = 0;
    for (int r = 0; r < rngCost.length; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < BATCH * 4; i++) {
        sink += rng.nextDouble();
      }
      rngCost[r] = (System.nanoTime() - t0) / (double) (BATCH * 4);
    }
    System.out.printf("reference: one nextDouble %.2f ns (min), sink %.1f%n", min(rngCost), sink);
  }

  private static double[] time(RecoilSampler s, boolean weighted) {
    double[] e = new double[BATCH];
    double[] t = new double[BATCH];
    double[] w = new double[BATCH];
    double[] perPair = new double[40];
    for (int r = 0; r < perPair.length; r++) {
      UniformRandomProvider rng = RandomStreams.create(7, r);
      long t0 = System.nanoTime();
      if (weighted) {
        s.sampleWeighted(rng, BATCH, e, t, w, 0);
      } else {
        s.sample(rng, BATCH, e, t, 0);
      }
      perPair[r] = (System.nanoTime() - t0) / (double) BATCH;
    }
    double[] warm = Arrays.copyOfRange(perPair, 10, perPair.length);
    return new double[] {min(warm), median(warm)};
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
