package org.cevns.generator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.cevns.events.run.RandomStreams;
import org.cevns.physics.source.PulseShape;
import org.cevns.physics.source.PulseTimeProfile;
import org.cevns.physics.source.TimeProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The time column of a channel has the bits of the profile's own sampler and leaves the stream where it does. */
class TimeColumnTest {
  private static final int ROWS = 20_000;

  @ParameterizedTest
  @CsvSource({"GAUSSIAN, 0", "GAUSSIAN, 1", "GAUSSIAN, 2", "FLAT, 0", "FLAT, 1", "FLAT, 2"})
  void pulseProfilesGiveTheSamplersBits(PulseShape shape, int decays) {
    double[] lifetimes = {26.03, 2196.98};
    double[] used = new double[decays];
    System.arraycopy(lifetimes, 0, used, 0, decays);
    assertSameBits(PulseTimeProfile.of(shape, shape == PulseShape.GAUSSIAN ? 380.0 : 695.0, used));
  }

  @Test
  void otherProfilesUseTheirOwnSampler() {
    TimeProfile uniform = new TimeProfile() {
      @Override
      public ContinuousSampler sampler(UniformRandomProvider rng) {
        return () -> 1e9 * rng.nextDouble();
      }

      @Override
      public double cdf(double timeNs) {
        return Math.min(1, Math.max(0, timeNs / 1e9));
      }

      @Override
      public double minTimeNs() {
        return 0;
      }

      @Override
      public double maxTimeNs() {
        return 1e9;
      }
    };
    assertSameBits(uniform);
  }

  private static void assertSameBits(TimeProfile profile) {
    UniformRandomProvider a = RandomStreams.create(11, 3);
    UniformRandomProvider b = RandomStreams.create(11, 3);
    double[] expected = new double[ROWS + 7];
    ContinuousSampler s = profile.sampler(a);
    for (int i = 7; i < expected.length; i++) {
      expected[i] = s.sample();
    }
    double[] actual = new double[ROWS + 7];
    TimeColumn.of(profile).fill(b, actual, 7, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "row " + i);
    }
    assertEquals(a.nextLong(), b.nextLong(), "the stream continues at the same place");
  }
}
