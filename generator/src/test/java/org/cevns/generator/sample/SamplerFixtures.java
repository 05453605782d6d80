package org.cevns.generator.sample;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.cevns.physics.constants.Units;
import org.cevns.events.run.RandomStreams;

/** Shared test channels and helpers. */
final class SamplerFixtures {
  static final double KEV = 1.0 / Units.KEV_PER_MEV;
  /**
   * p-value threshold of every statistical test: a correct sampler fails one test with probability 1e-3 for
   * a random seed (the seeds are fixed, so the tests are deterministic).
   */
  static final double P_MIN = 1e-3;
  static final int ENERGY_NODES = 512;
  static final int RECOIL_NODES = 256;

  private SamplerFixtures() {}

  static double[] evesSteps() {
    double[] s = new double[EvesLikeXs.BINDING_KEV.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = EvesLikeXs.bindingMeV(i);
    }
    Arrays.sort(s);
    return s;
  }

  /** Sampled pairs. */
  record Pairs(double[] energyMeV, double[] recoilMeV) {}

  static Pairs draw(RecoilSampler sampler, long seed, int n) {
    UniformRandomProvider rng = RandomStreams.create(seed, 0);
    double[] e = new double[n];
    double[] t = new double[n];
    sampler.sample(rng, n, e, t, 0);
    return new Pairs(e, t);
  }

  /** Asymptotic one-sample Kolmogorov–Smirnov p-value. */
  static double ksPValue(double[] x, DoubleUnaryOperator cdf) {
    return KolmogorovSmirnovTest.withDefaults().with(PValueMethod.ASYMPTOTIC).test(x.clone(), cdf).getPValue();
  }
}
