package org.cevns.events.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count}: a contiguous range of the blocks of a run, so that the {@code count}
 * shards of a run (same configuration and seed) together hold exactly the events of the unsharded run, in the
 * same order and with the same event ids. Shard I of a run of B blocks gets blocks
 * [⌊I·B/N⌋, ⌊(I+1)·B/N⌋); the shard sizes differ by at most one block, and a shard may be empty when N &gt; B.
 * The event total of the run is fixed by (seed, configuration) and is the same in every shard (the Poisson
 * draw comes from the reserved stream −1), so each shard can be made on its own machine.
 *
 * @param index shard index I, 0 ≤ I &lt; N
 * @param count number of shards N ≥ 1
 */
public record Shard(int index, int count) {
  /** The whole run as a single shard, 0/1. */
  public static final Shard WHOLE = new Shard(0, 1);

  private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard must be I/N with 0 <= I < N, got " + index + "/" + count);
    }
  }

  /**
   * Parses {@code I/N} (e.g. {@code 3/8}).
   *
   * @throws IllegalArgumentException with the message {@code must be I/N with 0 <= I < N, got TEXT}
   */
  public static Shard parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text);
    if (m.matches()) {
      int i = Integer.parseInt(m.group(1));
      int n = Integer.parseInt(m.group(2));
      if (n >= 1 && i < n) {
        return new Shard(i, n);
      }
    }
    throw new IllegalArgumentException("must be I/N with 0 <= I < N (shards are numbered from 0"
        + (m.matches() && m.group(2).length() < 10 && Integer.parseInt(m.group(2)) >= 1
            ? ": 0.." + (Integer.parseInt(m.group(2)) - 1) + " for N = " + m.group(2) : "") + "), got " + text);
  }

  /** True for the whole run (0/1). */
  public boolean isWhole() {
    return count == 1;
  }

  /** First block ⌊I·B/N⌋ of this shard in a run of {@code runBlocks} blocks (≥ 0). */
  public long firstBlock(long runBlocks) {
    return boundary(index, runBlocks);
  }

  /** End block ⌊(I+1)·B/N⌋ (exclusive). */
  public long endBlock(long runBlocks) {
    return boundary(index + 1, runBlocks);
  }

  /** Number of blocks of this shard. */
  public long blockCount(long runBlocks) {
    return endBlock(runBlocks) - firstBlock(runBlocks);
  }

  /**
   * Number of events of this shard in a run of {@code runEvents} events cut into blocks of
   * {@code blockCapacity} events (the last block of the run may be partial).
   */
  public long events(long runEvents, int blockCapacity) {
    if (runEvents < 0 || blockCapacity < 1) {
      throw new IllegalArgumentException("runEvents must be >= 0 and blockCapacity >= 1, got " + runEvents
          + " and " + blockCapacity);
    }
    long blocks = (runEvents + blockCapacity - 1) / blockCapacity;
    long first = Math.min(runEvents, firstBlock(blocks) * blockCapacity);
    long end = Math.min(runEvents, endBlock(blocks) * blockCapacity);
    return end - first;
  }

  private long boundary(int i, long runBlocks) {
    if (runBlocks < 0) {
      throw new IllegalArgumentException("runBlocks must be >= 0, got " + runBlocks);
    }
    // i·B/N without overflow: B < 2^63 and i ≤ N < 2^31.
    long q = runBlocks / count;
    long r = runBlocks % count;
    return q * i + (r * i) / count;
  }

  /** {@code I/N}. */
  @Override
  public String toString() {
    return index + "/" + count;
  }
}
