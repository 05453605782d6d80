package org.cevns.generator.sample;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Chooses a channel with probability proportional to its expected event count, by Walker's alias method
 * (Commons RNG {@link AliasMethodDiscreteSampler}: one {@code nextLong} per choice, O(1)). Channels with
 * expected count 0 are never chosen. Immutable and shareable; {@link #sampler} binds it to a generator.
 */
public final class ChannelMixture {
  private static final UniformRandomProvider UNBOUND = () -> {
    throw new IllegalStateException("channel mixture prototype used without binding a generator");
  };

  private final double[] probability;
  private final double totalExpected;
  private final SharedStateDiscreteSampler prototype;

  private ChannelMixture(double[] probability, double totalExpected) {
    this.probability = probability;
    this.totalExpected = totalExpected;
    this.prototype = AliasMethodDiscreteSampler.of(UNBOUND, probability);
  }

  /**
   * @param expectedCounts expected events per channel, each finite and &ge; 0, at least one &gt; 0
   */
  public static ChannelMixture of(double[] expectedCounts) {
    Objects.requireNonNull(expectedCounts, "expectedCounts");
    if (expectedCounts.length == 0) {
      throw new IllegalArgumentException("expectedCounts must not be empty");
    }
    double total = 0.0;
    for (int i = 0; i < expectedCounts.length; i++) {
      double c = expectedCounts[i];
      if (!(c >= 0.0) || Double.isInfinite(c)) {
        throw new IllegalArgumentException(
            "expectedCounts[" + i + "] must be finite and >= 0, got " + c);
      }
      total += c;
    }
    if (!(total > 0.0)) {
      throw new IllegalArgumentException("expectedCounts must have a positive sum, got " + total);
    }
    double[] p = new double[expectedCounts.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = expectedCounts[i] / total;
    }
    return new ChannelMixture(p, total);
  }

  /** Number of channels. */
  public int size() {
    return probability.length;
  }

  /** Probability of channel {@code index}. */
  public double probability(int index) {
    return probability[index];
  }

  /** Sum of the expected counts. */
  public double totalExpected() {
    return totalExpected;
  }

  /** A sampler of channel indices drawing from {@code rng}; cheap (shares the tables). */
  public SharedStateDiscreteSampler sampler(UniformRandomProvider rng) {
    return prototype.withUniformRandomProvider(Objects.requireNonNull(rng, "rng"));
  }

  /**
   * Multinomial split of {@code events} events over the channels into {@code countsOut} (overwritten, length
   * {@link #size()}), by drawing each event's channel: exact, O(events).
   */
  public void counts(UniformRandomProvider rng, int events, int[] countsOut) {
    if (events < 0) {
      throw new IllegalArgumentException("events must be >= 0, got " + events);
    }
    if (countsOut.length != probability.length) {
      throw new IllegalArgumentException(
          "countsOut must have length " + probability.length + ", got " + countsOut.length);
    }
    Arrays.fill(countsOut, 0);
    SharedStateDiscreteSampler s = sampler(rng);
    for (int i = 0; i < events; i++) {
      countsOut[s.sample()]++;
    }
  }
}
