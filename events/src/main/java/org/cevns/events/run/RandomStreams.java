package org.cevns.events.run;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Deterministic, mutually independent random streams identified by (seed, stream index).
 *
 * <p>Event block k of a run draws from {@code create(seed, k)}; the event count of an exposure run draws from
 * {@code create(seed, EVENT_COUNT_STREAM)}. The content of a run therefore does not depend on the number of
 * threads.
 *
 * <p><b>Generator.</b> xoshiro256++ (Commons RNG {@link RandomSource#XO_SHI_RO_256_PP}; Blackman &amp; Vigna,
 * "Scrambled linear pseudorandom number generators", ACM TOMS 47 (2021) 36): 256-bit state, a single cycle of
 * length 2<sup>256</sup> − 1 through all non-zero states, passes BigCrush and PractRand.
 *
 * <p><b>Why streams are independent.</b> The 256-bit starting state is a function of (seed, index) that is
 * (a) <i>injective</i>: words 0 and 1 are a four-round Feistel network over (seed, index) whose round function
 * is the SplitMix64 finaliser (Steele, Lea &amp; Flood, OOPSLA 2014); a Feistel network is a bijection of the
 * 128-bit input whatever its round function, so distinct (seed, index) pairs give distinct states; words 2 and
 * 3 are further SplitMix64 outputs of words 0 and 1 (and word 2 is never 0 when words 0 and 1 are, so the
 * state is never all-zero); and (b) <i>well mixed</i>: every state bit depends on every input bit through the
 * avalanche of the finaliser, so neighbouring indices give unrelated states and the known short-range
 * correlation of linear generators started from similar states does not arise. The starting points then
 * behave as independent random points on the single 2<sup>256</sup> − 1 cycle; the probability that any two
 * of K streams, each using L outputs, overlap is at most K² L / 2<sup>256</sup> (for K = 2<sup>32</sup> blocks
 * of L = 2<sup>40</sup> outputs: below 2<sup>−150</sup>). Tests check reproducibility, that different streams
 * differ, and that neighbouring streams are uncorrelated.
 */
public final class RandomStreams {
  /** Stream index reserved for drawing the event count of an exposure run. */
  public static final long EVENT_COUNT_STREAM = -1L;

  /** SplitMix64 increment (golden ratio × 2⁶⁴, odd). */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  /** Number of state words of xoshiro256++. */
  private static final int STATE_WORDS = 4;
  /** Feistel rounds; four rounds make every output word depend on both input words twice. */
  private static final int FEISTEL_ROUNDS = 4;

  private RandomStreams() {}

  /**
   * A new generator for stream {@code streamIndex} of run {@code seed}. The same pair always gives the same
   * sequence; different pairs give independent sequences (see the class comment).
   *
   * @param seed run seed, any value
   * @param streamIndex block index (&ge; 0) or {@link #EVENT_COUNT_STREAM}
   * @return a fresh, unshared generator
   */
  public static UniformRandomProvider create(long seed, long streamIndex) {
    if (streamIndex < EVENT_COUNT_STREAM) {
      throw new IllegalArgumentException(
          "streamIndex must be >= 0 (event blocks) or -1 (event count), got " + streamIndex);
    }
    return RandomSource.XO_SHI_RO_256_PP.create(state(seed, streamIndex));
  }

  /**
   * The 256-bit xoshiro256++ starting state for (seed, streamIndex); package-private for tests.
   *
   * @return four state words, never all zero
   */
  static long[] state(long seed, long streamIndex) {
    long left = seed;
    long right = streamIndex;
    for (int round = 0; round < FEISTEL_ROUNDS; round++) {
      long next = left ^ mix64(right + (round + 1) * GOLDEN_GAMMA);
      left = right;
      right = next;
    }
    long[] state = new long[STATE_WORDS];
    state[0] = left;
    state[1] = right;
    state[2] = mix64(left + GOLDEN_GAMMA);
    state[3] = mix64(right + 2 * GOLDEN_GAMMA);
    return state;
  }

  /**
   * SplitMix64 finaliser (variant 13 of Stafford's mixers, as used by SplitMix64, Steele et al. 2014):
   * a bijection of 64-bit words with full avalanche.
   */
  static long mix64(long z) {
    long x = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }
}
