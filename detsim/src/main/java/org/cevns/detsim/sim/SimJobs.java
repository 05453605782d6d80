package org.cevns.detsim.sim;

import java.util.function.LongConsumer;
import org.cevns.generator.event.EventBlock;
import org.cevns.generator.run.ParallelRunner;

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
    boolean done = false;
    try {
      long total = simulation.totalEvents();
      ParallelRunner.run(0, simulation.blockCount(), threads, SimBlock::new, simulation, sink::accept,
          progress == null ? null : blocks -> progress.accept(Math.min(total, blocks * EventBlock.CAPACITY)));
      sink.close();
      done = true;
    } finally {
      if (!done) {
        sink.abort();
      }
    }
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
