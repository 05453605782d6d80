package org.cevns.detsim.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.events.run.RandomStreams;

/**
 * Random streams of the detector simulation, all from {@link RandomStreams} so that output does not depend
 * on the thread count:
 *
 * <ul>
 *   <li>truth (and, in {@code simulate}, background truth) of block k: the generator's stream (seed, k);
 *   <li>detector response of block k: (seed ⊕ {@link #RESPONSE_SALT}, k), in {@code simulate} and in
 *       {@code detsim} alike, so {@code detsim} of a {@code generate} output equals {@code simulate} for a
 *       configuration without backgrounds;
 *   <li>backgrounds added by {@code detsim} to a truth file: count from (seed ⊕ {@link #BACKGROUND_SALT}, −1),
 *       background block j from (seed ⊕ {@link #BACKGROUND_SALT}, j).
 * </ul>
 *
 * The salts are non-zero, so every (seed, index) pair above is distinct from every other and the streams are
 * independent (see {@link RandomStreams}).
 */
public final class SimStreams {
  /** "detsim.r" in ASCII: salt of the response streams. */
  public static final long RESPONSE_SALT = 0x64657473696d2e72L;
  /** "detsim.b" in ASCII: salt of the background streams of {@code detsim}. */
  public static final long BACKGROUND_SALT = 0x64657473696d2e62L;

  private SimStreams() {}

  /** The response stream of block {@code blockIndex}. */
  public static UniformRandomProvider response(long seed, long blockIndex) {
    return RandomStreams.create(seed ^ RESPONSE_SALT, blockIndex);
  }

  /** Seed of the background-only run that {@code detsim} appends to a truth file. */
  public static long backgroundSeed(long seed) {
    return seed ^ BACKGROUND_SALT;
  }
}
