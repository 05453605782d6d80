package org.cevns.events.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Fills blocks on worker threads and hands them to one consumer in block order. Memory is bounded: a pool of
 * at most {@code 2 × threads + 1} blocks circulates between workers and the consumer, whatever the number of
 * blocks (made by the workers when first needed). A worker takes a free block before it claims the next block
 * index, so the lowest unfinished index always has a block and the pool cannot deadlock.
 *
 * <p>Because each block's content depends only on its index ({@link BlockFiller}), the consumer sees the same
 * sequence for any thread count.
 */
public final class ParallelRunner {
  private ParallelRunner() {}

  /**
   * Runs blocks {@code firstBlock} .. {@code firstBlock + blockCount - 1}.
   *
   * @param firstBlock index of the first block
   * @param blockCount number of blocks, ≥ 0
   * @param threads worker threads, ≥ 1
   * @param newBlock creates an empty block for the pool (called on worker threads, at most 2 × threads + 1 times)
   * @param filler fills one block from its index
   * @param consumer receives blocks in order on the calling thread
   * @param progress called on the calling thread with the number of blocks consumed so far (may be null)
   * @throws Exception the first failure of a worker or of the consumer; workers are stopped
   */
  public static <B> void run(
      long firstBlock,
      long blockCount,
      int threads,
      Supplier<B> newBlock,
      BlockFiller<B> filler,
      BlockConsumer<B> consumer,
      LongConsumer progress)
      throws Exception {
    if (blockCount < 0) {
      throw new IllegalArgumentException("blockCount must be >= 0, got " + blockCount);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    int workers = (int) Math.min(threads, Math.max(1, blockCount));
    int poolSize = 2 * workers + 1;
    BlockingQueue<B> free = new ArrayBlockingQueue<>(poolSize);
    AtomicInteger created = new AtomicInteger();
    Map<Long, B> ready = new HashMap<>();
    Object lock = new Object();
    AtomicLong next = new AtomicLong(firstBlock);
    long end = firstBlock + blockCount;
    AtomicReference<Throwable> failure = new AtomicReference<>();

    List<Thread> pool = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  // (the first test only saves making a block for an index past the end)
                  while (failure.get() == null && next.get() < end) {
                    B block = take(free, created, poolSize, newBlock);
                    long k = next.getAndIncrement();
                    if (k >= end) {
                      free.add(block);
                      return;
                    }
                    filler.fill(k, block);
                    synchronized (lock) {
                      ready.put(k, block);
                      lock.notifyAll();
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                  synchronized (lock) {
                    lock.notifyAll();
                  }
                }
              },
              "cevns-worker-" + w);
      t.setDaemon(true);
      pool.add(t);
      t.start();
    }
    try {
      for (long k = firstBlock; k < end; k++) {
        B block;
        synchronized (lock) {
          while ((block = ready.remove(k)) == null && failure.get() == null) {
            lock.wait();
          }
        }
        if (block == null) {
          break;
        }
        consumer.accept(k, block);
        free.add(block);
        if (progress != null) {
          progress.accept(k - firstBlock + 1);
        }
      }
    } catch (Throwable e) {
      failure.compareAndSet(null, e);
    } finally {
      if (failure.get() != null) {
        pool.forEach(Thread::interrupt);
      }
      for (Thread t : pool) {
        t.join();
      }
    }
    Throwable f = failure.get();
    if (f instanceof Exception e) {
      throw e;
    } else if (f instanceof Error e) {
      throw e;
    }
  }

  /**
   * A free block: one handed back by the consumer, else a new one while fewer than {@code poolSize} exist, else the
   * next one handed back. Blocks are made on the worker threads and only when needed: a run of one block makes one
   * block, not the pool of 2 × threads + 1 (an event block is ~11 MB whose first touch, zeroing and page faults,
   * cost ~25 ms of CPU), and a long run only as many as were ever in use at once. The pool bound holds as before:
   * blocks not made yet count as free.
   */
  private static <B> B take(BlockingQueue<B> free, AtomicInteger created, int poolSize, Supplier<B> newBlock)
      throws InterruptedException {
    B block = free.poll();
    if (block != null) {
      return block;
    }
    for (int n = created.get(); n < poolSize; n = created.get()) {
      if (created.compareAndSet(n, n + 1)) {
        return newBlock.get();
      }
    }
    return free.take();
  }
}
