package org.cevns.events.io;

import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;

/**
 * The dictionary ids of one data page being built by {@link PageValues}: kept as runs (id, count), RLE/bit-packed a
 * run at a time ({@link HybridEncoder}), and the ids of strings seen, whose min and max are taken from the
 * dictionary when the page is written ({@link #foldSeen}). Not thread-safe.
 */
final class PageIds {
  /** The runs: {@code counts[r]} times {@code ids[r]}, {@code runs} of them. */
  private int[] ids = new int[16];
  private int[] counts = new int[16];
  private int runs;
  private final HybridEncoder encoder = new HybridEncoder();
  private boolean[] seen = new boolean[16];
  private boolean anySeen;

  /** Adds {@code count} times the id {@code id}. */
  void add(int id, int count) {
    if (runs > 0 && ids[runs - 1] == id) {
      counts[runs - 1] += count;
      return;
    }
    if (runs == ids.length) {
      ids = Arrays.copyOf(ids, 2 * runs);
      counts = Arrays.copyOf(counts, 2 * runs);
    }
    ids[runs] = id;
    counts[runs++] = count;
  }

  /** Notes that the string of id {@code id} is on the page (for its min and max). */
  void seen(int id) {
    if (id >= seen.length) {
      seen = Arrays.copyOf(seen, Math.max(id + 1, 2 * seen.length));
    }
    seen[id] = true;
    anySeen = true;
  }

  int runs() {
    return runs;
  }

  int id(int run) {
    return ids[run];
  }

  int count(int run) {
    return counts[run];
  }

  /** The bit width byte, then the ids RLE/bit-packed; valid until the next call. */
  BytesInput encode(int bitWidth) {
    encoder.reset(bitWidth, 1);
    encoder.setPrefix(0, (byte) bitWidth);
    for (int r = 0; r < runs; r++) {
      encoder.writeRun(ids[r], counts[r]);
    }
    return encoder.finish();
  }

  /** Takes the strings of the ids seen into {@code minMax} (before the dictionary may be cleared). */
  void foldSeen(ChunkDictionary dictionary, PageMinMax minMax) {
    if (anySeen) {
      for (int id = 0; id < seen.length; id++) {
        if (seen[id]) {
          minMax.binaryValue(dictionary.binary(id));
          seen[id] = false;
        }
      }
      anySeen = false;
    }
  }

  /** Drops the runs (they were written again as PLAIN values); the ids seen stay. */
  void clearRuns() {
    runs = 0;
  }

  /** Empties the page's ids. */
  void reset() {
    runs = 0;
    if (anySeen) {
      Arrays.fill(seen, false);
      anySeen = false;
    }
  }
}
