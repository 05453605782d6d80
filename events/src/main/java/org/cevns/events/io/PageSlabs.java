package org.cevns.events.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * The heap buffers in which parquet-java's page store ({@code ColumnChunkPageWriteStore}, through its
 * {@code ConcatenatingByteBufferCollector}) keeps the compressed pages of one row group until the writer appends it:
 * one buffer per page, page header and compressed bytes. One set serves one row group at a time and is then
 * {@link #reset} for the next: the n-th buffer asked for reuses the n-th array of the row group before when it is
 * large enough (a row group asks for its pages in the same column order each time), else a new array with
 * {@value #HEADROOM_DIVISOR}-th more room takes its place. So the arrays are at most one per page of the largest
 * row group seen, and their number of sets is the number of row groups alive at once (bounded by the block pool of
 * {@code ParallelRunner}).
 *
 * <p>Before, every page was a new array (~6 MB per row group of 65,536 truth events) that lived until the writer
 * reached its row group: it outlived young collections, was promoted and died in the old generation, which grew
 * with the length of the run until a concurrent cycle (docs/performance-history.md, "Peak RSS flat in the number of events
 * (seventeenth session)"). A buffer's position is 0 and its limit the size asked for, as a new one's; the bytes
 * written are the same. Not thread-safe: one row group on one thread at a time.
 */
final class PageSlabs implements ByteBufferAllocator {
  /** A new array has {@code size + size / HEADROOM_DIVISOR} bytes, so that the next pages of its column fit. */
  static final int HEADROOM_DIVISOR = 8;

  private final List<byte[]> arrays = new ArrayList<>();
  private int next;

  @Override
  public ByteBuffer allocate(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("buffer size must be >= 0, got " + size);
    }
    byte[] a = next < arrays.size() ? arrays.get(next) : null;
    if (a == null || a.length < size) {
      a = new byte[Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, size + (long) size / HEADROOM_DIVISOR))];
      if (next < arrays.size()) {
        arrays.set(next, a);
      } else {
        arrays.add(a);
      }
    }
    next++;
    return ByteBuffer.wrap(a, 0, size);
  }

  /** Nothing: the arrays stay with this set until {@link #reset}. */
  @Override
  public void release(ByteBuffer b) {
    // kept for the next row group
  }

  @Override
  public boolean isDirect() {
    return false;
  }

  /** Hands out the arrays again from the first; every buffer handed out before must no longer be in use. */
  void reset() {
    next = 0;
  }

  /** Bytes held (the arrays' lengths), for tests. */
  long heldBytes() {
    long bytes = 0;
    for (byte[] a : arrays) {
      bytes += a.length;
    }
    return bytes;
  }
}
