package org.cevns.generator.run;

import java.util.function.LongConsumer;
import org.cevns.generator.event.BlockSink;
import org.cevns.generator.event.EventBlock;

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
    boolean done = false;
    try {
      long total = generator.totalEvents();
      ParallelRunner.run(0, generator.blockCount(), threads, EventBlock::new, generator, sink::accept,
          progress == null ? null : blocks -> progress.accept(Math.min(total, blocks * EventBlock.CAPACITY)));
      sink.close();
      done = true;
    } finally {
      if (!done) {
        sink.abort();
      }
    }
  }
}
