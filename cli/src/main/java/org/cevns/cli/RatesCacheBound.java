package org.cevns.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bound of the {@link RatesCache} directory: least recently used entries (oldest modification time; a hit
 * touches its entry) are deleted beyond a number of entries or of bytes, and temporary files of interrupted
 * stores older than {@value #STALE_TMP_MILLIS} ms. Every failure is silent: the cache is an optimisation only.
 */
final class RatesCacheBound {
  /** Temporary files of interrupted stores older than this (ms, one hour) are deleted by a store. */
  static final long STALE_TMP_MILLIS = 3_600_000;

  private RatesCacheBound() {}

  /** One entry of the directory: its file, modification time (ms) and size (bytes). */
  private record Entry(Path file, long modifiedMillis, long bytes) {}

  /** Marks an entry as used now (its modification time), so that {@link #prune} keeps it longest; silent. */
  static void touch(Path entry) {
    try {
      Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException | RuntimeException e) {
      // an entry that cannot be touched is only pruned earlier
    }
  }

  /**
   * Bounds the cache directory {@code dir}: deletes the least recently used entries until at most {@code
   * maxEntries} entries of at most {@code maxBytes} bytes in total are left, and temporary files older than
   * {@value #STALE_TMP_MILLIS} ms before {@code nowMillis}. Run after each store (one listing of the directory,
   * ~1 ms for {@value RatesCache#MAX_ENTRIES} entries); a file another run deletes meanwhile is skipped.
   */
  static void prune(Path dir, int maxEntries, long maxBytes, long nowMillis) {
    List<Entry> entries = new ArrayList<>();
    long total = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        try {
          BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
          long modified = a.lastModifiedTime().toMillis();
          if (name.endsWith(".rates") && a.isRegularFile()) {
            entries.add(new Entry(f, modified, a.size()));
            total += a.size();
          } else if (name.startsWith(".rates-") && name.endsWith(".tmp") && modified < nowMillis - STALE_TMP_MILLIS) {
            Files.deleteIfExists(f);
          }
        } catch (IOException | RuntimeException e) {
          // gone meanwhile, or unreadable: skipped
        }
      }
    } catch (IOException | RuntimeException e) {
      return;
    }
    if (entries.size() <= maxEntries && total <= maxBytes) {
      return; // the usual case: no sort, no comparator to link
    }
    entries.sort(Comparator.comparingLong(Entry::modifiedMillis));
    int left = entries.size();
    for (Entry e : entries) {
      if (left <= maxEntries && total <= maxBytes) {
        break;
      }
      try {
        Files.deleteIfExists(e.file());
      } catch (IOException | RuntimeException x) {
        // another run's; counted as gone
      }
      left--;
      total -= e.bytes();
    }
  }
}
