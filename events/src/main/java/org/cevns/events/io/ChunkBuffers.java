package org.cevns.events.io;

import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * Heap buffers for the column chunks Parquet reads (its {@link ByteBufferAllocator}), reused across row groups and
 * readers of the process: {@link #allocate} hands out the smallest free buffer that holds the request (limited to
 * the requested size) or a new one, {@link #release} takes a buffer back once Parquet closes its row group. A
 * projected row group of {@code analyze} is ~70 MB of chunks in pieces of up to 8 MiB (Parquet's
 * {@code parquet.read.allocation.size}); new arrays of that size are humongous for G1 and were zeroed and
 * page-faulted in anew for every row group. At most {@link #MAX_FREE_BYTES} are kept, behind soft references so
 * that the collector may take them back under memory pressure. Thread-safe.
 */
final class ChunkBuffers implements ByteBufferAllocator {
  /** Free bytes kept at most (two readers' row groups of the analysis). */
  static final long MAX_FREE_BYTES = 192L << 20;

  /**
   * Largest buffer Parquet asks for (its {@code maxAllocationSize}): a run of adjacent column chunks of a row group
   * is read into one buffer up to this size.
   */
  static final int MAX_PIECE_BYTES = 1 << 30;

  /** Capacities are rounded up to a multiple of this (large buffers), so that chunks of similar size share buffers. */
  static final int ROUND_BYTES = 1 << 20;

  /** The allocator shared by the page readers of the process. */
  static final ChunkBuffers SHARED = new ChunkBuffers(MAX_FREE_BYTES);

  private final long maxFreeBytes;
  private final List<Free> free = new ArrayList<>();
  private long freeBytes;

  ChunkBuffers(long maxFreeBytes) {
    this.maxFreeBytes = maxFreeBytes;
  }

  @Override
  public synchronized ByteBuffer allocate(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("buffer size must be >= 0, got " + size);
    }
    int best = -1;
    int bestCapacity = Integer.MAX_VALUE;
    for (int i = free.size() - 1; i >= 0; i--) {
      ByteBuffer b = free.get(i).buffer().get();
      if (b == null) { // taken back by the collector
        freeBytes -= free.remove(i).capacity();
        continue;
      }
      if (b.capacity() >= size && b.capacity() < bestCapacity) {
        best = i;
        bestCapacity = b.capacity();
      }
    }
    if (best < 0) {
      return newBuffer(size);
    }
    Free f = free.remove(best);
    freeBytes -= f.capacity();
    ByteBuffer b = f.buffer().get();
    if (b == null) {
      return newBuffer(size);
    }
    b.clear().limit(size);
    return b;
  }

  /** A new buffer limited to {@code size}, its capacity rounded up (see {@link #ROUND_BYTES}). */
  private static ByteBuffer newBuffer(int size) {
    int capacity = size < ROUND_BYTES ? size
        : (int) Math.min(Integer.MAX_VALUE - 8, ((long) size + ROUND_BYTES - 1) / ROUND_BYTES * ROUND_BYTES);
    return ByteBuffer.allocate(capacity).limit(size);
  }

  @Override
  public synchronized void release(ByteBuffer b) {
    if (b == null || !b.hasArray() || b.isReadOnly()) {
      return;
    }
    for (Free f : free) {
      if (f.buffer().get() == b) {
        return; // released twice: keep it once
      }
    }
    if (freeBytes + b.capacity() > maxFreeBytes) {
      return;
    }
    free.add(new Free(new SoftReference<>(b), b.capacity()));
    freeBytes += b.capacity();
  }

  @Override
  public boolean isDirect() {
    return false;
  }

  /** Free buffers kept (for tests). */
  synchronized int freeCount() {
    int n = 0;
    for (Free f : free) {
      n += f.buffer().get() == null ? 0 : 1;
    }
    return n;
  }

  /** A free buffer and its capacity (still counted when the collector has cleared the reference). */
  private record Free(SoftReference<ByteBuffer> buffer, int capacity) {}
}
