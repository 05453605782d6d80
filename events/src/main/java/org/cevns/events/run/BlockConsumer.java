package org.cevns.events.run;

/**
 * Receives filled blocks one at a time in increasing block order, on the thread that called
 * {@link ParallelRunner#run}. The block is recycled after the call returns.
 *
 * @param <B> block type
 */
@FunctionalInterface
public interface BlockConsumer<B> {
  /** Consumes block {@code blockIndex}. */
  void accept(long blockIndex, B block) throws Exception;
}
