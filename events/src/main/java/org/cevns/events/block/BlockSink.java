package org.cevns.events.block;

import java.io.IOException;

/**
 * Receives event blocks in block order. The block is only valid during the call: a sink that keeps data must
 * copy it.
 */
public interface BlockSink extends AutoCloseable {
  /**
   * Called on the worker thread that filled {@code block}, before {@link #accept} of the same index, for work a
   * sink can do in parallel (a Parquet sink encodes and compresses the block here). Thread-safe; must give the
   * same output whichever thread calls it. Does nothing by default.
   */
  default void prepare(long blockIndex, EventBlock block) {}

  /** Consumes one block; {@code blockIndex} increases by one from call to call. */
  void accept(long blockIndex, EventBlock block) throws IOException;

  /** Completes the output (for a file: renames it to its final name). Not called after a failure. */
  @Override
  void close() throws IOException;

  /** Abandons the output after a failure: nothing is left under the final name. */
  default void abort() {}
}
