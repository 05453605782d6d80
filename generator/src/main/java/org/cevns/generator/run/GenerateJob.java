package org.cevns.generator.run;

import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.cevns.events.block.BlockSink;
import org.cevns.events.block.EventBlock;
import org.cevns.events.run.ParallelRunner;
import org.cevns.events.run.Shard;

/** Runs a truth generation into a sink with worker threads; the sink sees blocks in order on this thread. */
public final class GenerateJob {
  private GenerateJob() {}

  /**
   * Generates every block of {@code generator} into {@code sink}, then closes it; on failure aborts the sink
   * (nothing is left under the final name) and rethrows.
   *
   * @param progress called with the number of events delivered so far (may be null)
   */
  public static void run(TruthGenerator generator, int threads, BlockSink sink, LongConsumer progress)
      throws Exception {
    run(generator, Shard.WHOLE, threads, sink, progress);
  }

  /**
   * Generates the blocks of {@code shard} ({@link Shard#firstBlock} .. {@link Shard#endBlock} of the run's
   * {@link TruthGenerator#blockCount()}) into {@code sink}, then closes it; on failure aborts the sink and
   * rethrows. Event ids are those of the unsharded run.
   *
   * @param progress called with the number of events of this shard delivered so far (may be null)
   */
  public static void run(TruthGenerator generator, Shard shard, int threads, BlockSink sink,
      LongConsumer progress) throws Exception {
    run(generator, shard, threads, sink, progress, EventBlock::new);
  }

  /**
   * As {@link #run(TruthGenerator, Shard, int, BlockSink, LongConsumer)}, the blocks of the pool made by
   * {@code newBlock} (called on the worker threads, at most 2 &times; threads + 1 times; each call must return a
   * distinct, unshared block), e.g. the first one made before the run (the content of a block does not depend on
   * what it held: every row is filled).
   */
  public static void run(TruthGenerator generator, Shard shard, int threads, BlockSink sink,
      LongConsumer progress, Supplier<EventBlock> newBlock) throws Exception {
    boolean done = false;
    try {
      runBlocks(generator, shard, threads, sink, progress, newBlock);
      sink.close();
      done = true;
    } finally {
      if (!done) {
        sink.abort();
      }
    }
  }

  /**
   * Generates the blocks of {@code shard} into {@code sink} without closing or aborting it (for callers that
   * own the sink's life cycle, e.g. a MapReduce record writer).
   */
  public static void runBlocks(TruthGenerator generator, Shard shard, int threads, BlockSink sink,
      LongConsumer progress) throws Exception {
    runBlocks(generator, shard, threads, sink, progress, EventBlock::new);
  }

  private static void runBlocks(TruthGenerator generator, Shard shard, int threads, BlockSink sink,
      LongConsumer progress, Supplier<EventBlock> newBlock) throws Exception {
    long blocks = generator.blockCount();
    long first = shard.firstBlock(blocks);
    long firstEvent = first * EventBlock.CAPACITY;
    long end = Math.min(generator.totalEvents(), shard.endBlock(blocks) * EventBlock.CAPACITY);
    ParallelRunner.run(first, shard.blockCount(blocks), threads, newBlock, (k, block) -> {
      generator.fill(k, block);
      sink.prepare(k, block); // e.g. Parquet encoding and compression, in parallel
    }, sink::accept,
        progress == null ? null
            : k -> progress.accept(Math.min(end, firstEvent + k * EventBlock.CAPACITY) - firstEvent));
  }
}
