package org.cevns.events.run;

/**
 * Fills block number {@code blockIndex} of a run. Must depend only on the block index (and immutable
 * state), never on which thread calls it or in which order, so that output is identical for any thread
 * count. Called concurrently from several threads, each with its own block.
 *
 * @param <B> block type
 */
@FunctionalInterface
public interface BlockFiller<B> {
  /** Fills {@code block} with the events of block {@code blockIndex}. */
  void fill(long blockIndex, B block) throws Exception;
}
