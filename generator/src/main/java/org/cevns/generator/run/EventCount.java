package org.cevns.generator.run;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.cevns.events.run.RandomStreams;

/**
 * How many events a run makes.
 *
 * @param events number of events
 * @param expected expected events of the configured exposure (the Poisson mean)
 * @param mode how {@code events} was chosen
 */
public record EventCount(long events, double expected, Mode mode) {
  /** How the number of events was chosen. */
  public enum Mode {
    /** Fixed by the user ({@code --events N}). */
    FIXED,
    /** Poisson-distributed around the expectation of the exposure: one toy experiment. */
    POISSON,
    /** The expectation, rounded to the nearest integer ({@code --mean}). */
    MEAN;

    /** The value of the file metadata {@code cevns.event_count_mode}: the name in lower case ({@code fixed}). */
    public String metadataValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Largest Poisson mean drawn exactly; above it a Gaussian of the same mean and variance is used. */
  public static final double MAX_EXACT_POISSON_MEAN = 1.0e9;

  /**
   * Most events of one run, 10¹²: about 6 h of generation at the measured 4.4e7 events/s on 2 cores and some
   * 10 TB of Parquet (docs/performance-history.md, "Generation (issue 2)"). A larger request is refused before any work instead of running
   * until it is killed; a larger sample is several runs with different seeds.
   */
  public static final long MAX_EVENTS = 1_000_000_000_000L;

  public EventCount {
    if (events < 0) {
      throw new IllegalArgumentException("events must be >= 0, got " + events);
    }
    if (events > MAX_EVENTS) {
      throw new IllegalArgumentException("a run makes at most " + MAX_EVENTS + " events (10^12), got " + events
          + "; split a larger sample into runs with different seeds");
    }
  }

  /**
   * Checks an expectation before it is drawn or rounded: finite, ≥ 0 and at most {@link #MAX_EVENTS}.
   *
   * @throws IllegalArgumentException naming the limit
   */
  public static void checkExpected(double expected) {
    if (!(expected >= 0) || Double.isInfinite(expected)) {
      throw new IllegalArgumentException("expected events must be finite and >= 0, got " + expected);
    }
    if (expected > MAX_EVENTS) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the configured exposure expects"
          + " %.4g events, more than the %d (10^12) a run can make; use a smaller exposure or --events N",
          expected, MAX_EVENTS));
    }
  }

  /** A fixed count. */
  public static EventCount fixed(long events, double expected) {
    return new EventCount(events, expected, Mode.FIXED);
  }

  /** The rounded expectation. */
  public static EventCount mean(double expected) {
    checkExpected(expected);
    return new EventCount(Math.round(expected), expected, Mode.MEAN);
  }

  /**
   * A Poisson draw around {@code expected} from the run's reserved stream (seed, {@link
   * RandomStreams#EVENT_COUNT_STREAM}), so the count depends only on the seed. Means above {@link
   * #MAX_EXACT_POISSON_MEAN} use the Gaussian approximation (relative error of the shape below 1e-4.5).
   */
  public static EventCount poisson(double expected, long seed) {
    checkExpected(expected);
    if (expected == 0) {
      return new EventCount(0, 0, Mode.POISSON);
    }
    UniformRandomProvider rng = RandomStreams.create(seed, RandomStreams.EVENT_COUNT_STREAM);
    long n;
    if (expected <= MAX_EXACT_POISSON_MEAN) {
      n = PoissonSampler.of(rng, expected).sample();
    } else {
      double g = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), expected, Math.sqrt(expected))
          .sample();
      n = Math.max(0, Math.round(g));
    }
    return new EventCount(n, expected, Mode.POISSON);
  }
}
