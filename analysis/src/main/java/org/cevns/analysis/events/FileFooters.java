package org.cevns.analysis.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.cevns.events.io.ColumnarFileReader;

/**
 * The footers of the files {@link EventFileHistogrammer} reads: each file's footer is read and parsed once, by the
 * first of its units (row groups), and shared by its other units; a file of six row groups was parsed six times,
 * and the Thrift and metadata conversion code this runs kept the JIT compiler busy into later rounds
 * (docs/performance-history.md, "analyze3 (thirty-second session)"). A footer is dropped once its file's last unit
 * is read ({@link #drop}), so that only the files in flight hold one. Thread-safe.
 */
final class FileFooters {
  private final List<EventFile> files;
  private final Configuration conf;
  private final ConcurrentHashMap<Integer, ParquetMetadata> open = new ConcurrentHashMap<>();

  FileFooters(List<EventFile> files, Configuration conf) {
    this.files = files;
    this.conf = conf;
  }

  /** The footer of file {@code index} of the list, read on first use. */
  ParquetMetadata of(int index) throws IOException {
    try {
      return open.computeIfAbsent(index, i -> {
        try {
          return ColumnarFileReader.readFooter(files.get(i).path(), conf);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Forgets the footer of file {@code index} (its last unit is read). */
  void drop(int index) {
    open.remove(index);
  }
}
