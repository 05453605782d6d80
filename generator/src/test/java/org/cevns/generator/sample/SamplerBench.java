package org.cevns.generator.sample;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.constants.Units;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.RecoilCrossSection;
import org.cevns.events.run.RandomStreams;

/**
 * JMH-free micro benchmark: table build time per channel and ns per (E, T) pair in batches of 65536, single
 * thread, default 512 × 256 tables, test-only cross sections (Helm form factor evaluated per call). Two rounds;
 * the second runs after JIT warm-up. Reports the minimum and median over repetitions (the minimum is the least
 * disturbed by other load on the machine). Run after {@code mvn -o -pl generator test-compile}:
 * {@code java -cp generator/target/classes:generator/target/test-classes:DEPENDENCIES
 * org.cevns.generator.sample.SamplerBench}, DEPENDENCIES from {@code mvn dependency:build-classpath}.
 */
public final class SamplerBench {
  private static final int BATCH = 1 << 16;
  private static final double KEV = 1.0 / Units.KEV_PER_MEV;

  private SamplerBench() {}

  private record Channel(String name, EnergySpectrum spectrum, RecoilCrossSection xs, double minRecoilMeV) {}

  public static void main(String[] args) {
    CevnsLikeXs cevns = CevnsLikeXs.cesium(true);
    EnergySpectrum michel = TestSpectra.michel();
    Channel[] channels = {
      new Channel("CEvNS Cs x Michel nu_e", michel, cevns, 0.0),
      new Channel("CEvNS Cs x prompt line", TestSpectra.line(PhysicalConstants.PROMPT_NUMU_ENERGY_MEV), cevns,
          0.0),
      new Channel("CEvNS Cs x reactor-like, T > 0.3 keV", TestSpectra.stepped(), cevns, 0.3 * KEV),
      new Channel("EvES Ge x Michel (shell steps)", michel, new EvesLikeXs(), 0.0),
    };
    for (int round = 1; round <= 2; round++) {
      System.out.println("round " + round);
      for (Channel c : channels) {
        run(c);
      }
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
    System.out.printf("reference: one nextDouble %.2f ns (min)%s%n", min(rngCost), sink > 0 ? "" : " ");
  }

  private static void run(Channel c) {
    double[] build = new double[9];
    RecoilSampler s = null;
    for (int r = 0; r < build.length; r++) {
      long t0 = System.nanoTime();
      s = RecoilSampler.of(c.spectrum(), c.xs(), 512, 256, c.minRecoilMeV(), Double.POSITIVE_INFINITY);
      build[r] = (System.nanoTime() - t0) / 1e6;
    }
    double[] unweighted = time(s, false);
    double[] weighted = time(s, true);
    System.out.printf("  %-38s build %6.1f ms (median %6.1f) | unweighted %5.1f ns/pair (median %5.1f)"
        + " | weighted %5.1f ns/pair (median %5.1f)%n", c.name(), min(build), median(build), unweighted[0],
        unweighted[1], weighted[0], weighted[1]);
  }

  private static double[] time(RecoilSampler s, boolean weighted) {
    double[] e = new double[BATCH];
    double[] t = new double[BATCH];
    double[] w = new double[BATCH];
    double[] perPair = new double[60];
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
    double[] warm = Arrays.copyOfRange(perPair, 20, perPair.length);
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
