package org.cevns.generator.run;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.cevns.physics.source.PulseShape;
import org.cevns.physics.source.PulseTimeProfile;
import org.cevns.physics.source.TimeProfile;

/**
 * Fills the {@code timeNs} column of one channel's rows: row by row the same draws from the block's stream, in
 * the same order and with the same arithmetic, as {@code profile.sampler(rng).sample()} (the bits are equal;
 * TimeColumnTest). For a {@link PulseTimeProfile} one loop per pulse shape and number of decays calls the
 * Commons RNG Ziggurat samplers directly: the per-row calls are monomorphic and inlined, where the loop over
 * {@code sampler(rng).sample()} saw one lambda class per number of decays at one call site and a second call
 * per row inside it. Other profiles (steady sources' uniform times, detsim's) keep their own samplers.
 * Immutable; one per channel.
 */
abstract class TimeColumn {
  /** Fills {@code timeNs[from, to)} drawing from {@code rng}. */
  abstract void fill(UniformRandomProvider rng, double[] timeNs, int from, int to);

  /** The filler of {@code profile}. */
  static TimeColumn of(TimeProfile profile) {
    if (profile instanceof PulseTimeProfile pulse) {
      double[] lifetimesNs = pulse.lifetimesNs();
      if (pulse.shape() == PulseShape.GAUSSIAN) {
        return new GaussianPulse(PulseTimeProfile.TRUNCATION_SIGMAS * pulse.sigmaNs(), pulse.sigmaNs(), lifetimesNs);
      }
      if (pulse.shape() == PulseShape.FLAT) {
        return new FlatPulse(pulse.widthNs(), lifetimesNs);
      }
    }
    return new Generic(profile);
  }

  /** Any profile: its own sampler, one call per row. */
  private static final class Generic extends TimeColumn {
    private final TimeProfile profile;

    Generic(TimeProfile profile) {
      this.profile = profile;
    }

    @Override
    void fill(UniformRandomProvider rng, double[] timeNs, int from, int to) {
      ContinuousSampler time = profile.sampler(rng);
      for (int i = from; i < to; i++) {
        timeNs[i] = time.sample();
      }
    }
  }

  /**
   * Gaussian proton pulse centred at 3σ, truncated to |x| ≤ 3 by redrawing, then 0, 1 or 2 exponential decays
   * (as {@link PulseTimeProfile#sampler}: pulse, then the decays in order).
   */
  private static final class GaussianPulse extends TimeColumn {
    private final double centreNs;
    private final double sigmaNs;
    private final double[] lifetimesNs;

    GaussianPulse(double centreNs, double sigmaNs, double[] lifetimesNs) {
      this.centreNs = centreNs;
      this.sigmaNs = sigmaNs;
      this.lifetimesNs = lifetimesNs;
    }

    @Override
    void fill(UniformRandomProvider rng, double[] timeNs, int from, int to) {
      ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
      double c = centreNs;
      double s = sigmaNs;
      switch (lifetimesNs.length) {
        case 0 -> {
          for (int i = from; i < to; i++) {
            timeNs[i] = c + s * truncated(z);
          }
        }
        case 1 -> {
          ZigguratSampler.Exponential d0 = ZigguratSampler.Exponential.of(rng, lifetimesNs[0]);
          for (int i = from; i < to; i++) {
            timeNs[i] = c + s * truncated(z) + d0.sample();
          }
        }
        default -> {
          ZigguratSampler.Exponential d0 = ZigguratSampler.Exponential.of(rng, lifetimesNs[0]);
          ZigguratSampler.Exponential d1 = ZigguratSampler.Exponential.of(rng, lifetimesNs[1]);
          for (int i = from; i < to; i++) {
            timeNs[i] = c + s * truncated(z) + d0.sample() + d1.sample();
          }
        }
      }
    }

    private static double truncated(ZigguratSampler.NormalizedGaussian z) {
      double x;
      do {
        x = z.sample();
      } while (Math.abs(x) > PulseTimeProfile.TRUNCATION_SIGMAS);
      return x;
    }
  }

  /** Flat proton pulse of length L, then 0, 1 or 2 exponential decays. */
  private static final class FlatPulse extends TimeColumn {
    private final double lengthNs;
    private final double[] lifetimesNs;

    FlatPulse(double lengthNs, double[] lifetimesNs) {
      this.lengthNs = lengthNs;
      this.lifetimesNs = lifetimesNs;
    }

    @Override
    void fill(UniformRandomProvider rng, double[] timeNs, int from, int to) {
      double length = lengthNs;
      switch (lifetimesNs.length) {
        case 0 -> {
          for (int i = from; i < to; i++) {
            timeNs[i] = length * rng.nextDouble();
          }
        }
        case 1 -> {
          ZigguratSampler.Exponential d0 = ZigguratSampler.Exponential.of(rng, lifetimesNs[0]);
          for (int i = from; i < to; i++) {
            timeNs[i] = length * rng.nextDouble() + d0.sample();
          }
        }
        default -> {
          ZigguratSampler.Exponential d0 = ZigguratSampler.Exponential.of(rng, lifetimesNs[0]);
          ZigguratSampler.Exponential d1 = ZigguratSampler.Exponential.of(rng, lifetimesNs[1]);
          for (int i = from; i < to; i++) {
            timeNs[i] = length * rng.nextDouble() + d0.sample() + d1.sample();
          }
        }
      }
    }
  }
}
