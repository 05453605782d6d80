package org.cevns.detsim.sim;

import java.util.function.LongConsumer;
import org.cevns.events.block.EventBlock;
import org.cevns.events.run.BlockConsumer;
import org.cevns.events.run.ParallelRunner;
import org.cevns.events.run.Shard;
import org.cevns.events.block.SimBlock;
import org.cevns.events.io.SimParquetSink;

/** Runs a simulation into a file with worker threads; nothing is left under the final name on failure. */
public final class SimJobs {
  private SimJobs() {}

  /**
   * {@code simulate}: every block of {@code simulation} into {@code sink}, then closes it; on failure aborts the
   * sink and rethrows.
   *
   * @param progress called with the number of events generated so far (may be null)
   */
  public static void simulate(DetectorSimulation simulation, int threads, SimParquetSink sink,
      LongConsumer progress) throws Exception {
    simulate(simulation, Shard.WHOLE, threads, sink, progress);
  }

  /**
   * {@code simulate --shard I/N}: the blocks of {@code shard} into {@code sink}, then closes it; on failure
   * aborts the sink and rethrows. The N shards together hold exactly the events of the unsharded run.
   *
   * @param progress called with the number of events of this shard generated so far (may be null)
   */
  public static void simulate(DetectorSimulation simulation, Shard shard, int threads, SimParquetSink sink,
      LongConsumer progress) throws Exception {
    boolean done = false;
    try {
      simulateBlocks(simulation, shard, threads, sink::accept, progress);
      sink.close();
      done = true;
    } finally {
      if (!done) {
        sink.abort();
      }
    }
  }

  /**
   * The blocks of {@code shard} into {@code consumer}, in order on the calling thread (for callers that own the
   * output, e.g. a MapReduce task).
   *
   * @param progress called with the number of events of this shard generated so far (may be null)
   */
  public static void simulateBlocks(DetectorSimulation simulation, Shard shard, int threads,
      BlockConsumer<SimBlock> consumer, LongConsumer progress) throws Exception {
    long blocks = simulation.blockCount();
    long first = shard.firstBlock(blocks);
    long firstEvent = first * EventBlock.CAPACITY;
    long end = Math.min(simulation.totalEvents(), shard.endBlock(blocks) * EventBlock.CAPACITY);
    ParallelRunner.run(first, shard.blockCount(blocks), threads, SimBlock::new, simulation, consumer,
        progress == null ? null
            : k -> progress.accept(Math.min(end, firstEvent + k * EventBlock.CAPACITY) - firstEvent));
  }

  /** {@code detsim}: as {@link #simulate} for a truth file. */
  public static void detsim(TruthFileSimulation simulation, int threads, SimParquetSink sink, LongConsumer progress)
      throws Exception {
    boolean done = false;
    try {
      simulation.run(threads, sink::accept, progress);
      sink.close();
      done = true;
    } finally {
      if (!done) {
        sink.abort();
      }
    }
  }
}
