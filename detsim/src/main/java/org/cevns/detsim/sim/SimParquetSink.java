package org.cevns.detsim.sim;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cevns.generator.event.EventDictionary;
import org.cevns.generator.io.HadoopFiles;
import org.cevns.generator.io.StagedParquetFile;
import org.cevns.generator.io.TruthMetadata;
import org.cevns.generator.io.WriteOptions;

/**
 * Writes detector-level events ({@link SimColumns}) to one Parquet file through {@link StagedParquetFile}
 * (temporary name, renamed at {@link #close()}; nothing is left under the final name after {@link #abort()}
 * or a failure). {@link TruthMetadata#EVENTS} is set at close to the number of rows written. Not thread-safe.
 */
public final class SimParquetSink implements AutoCloseable {
  private final StagedParquetFile<SimBlock> file;
  private long events;
  private boolean closed;

  private SimParquetSink(StagedParquetFile<SimBlock> file) {
    this.file = file;
  }

  /** Opens {@code target} (local path or Hadoop URI). */
  public static SimParquetSink open(String target, EventDictionary dictionary, List<String> componentNames,
      Map<String, String> metadata, WriteOptions options) throws IOException {
    return open(HadoopFiles.path(target), dictionary, componentNames, metadata, options, HadoopFiles.configuration());
  }

  /** Opens {@code target} with a Hadoop configuration. */
  public static SimParquetSink open(Path target, EventDictionary dictionary, List<String> componentNames,
      Map<String, String> metadata, WriteOptions options, Configuration conf) throws IOException {
    return new SimParquetSink(StagedParquetFile.create(target, SimColumns.MESSAGE_NAME,
        SimColumns.of(dictionary, componentNames), metadata, options, conf));
  }

  /** Writes rows [0, size) of {@code block}. */
  public void accept(long blockIndex, SimBlock block) throws IOException {
    file.write(block, block.size());
    events += block.size();
  }

  /** Adds (or replaces) a metadata entry written at close. */
  public void putMetadata(String key, String value) {
    file.putFinalMetadata(key, value);
  }

  /** Rows written so far. */
  public long events() {
    return events;
  }

  /** The final path. */
  public Path target() {
    return file.target();
  }

  /** Writes the footer and renames to the final name; a second call does nothing. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    file.putFinalMetadata(TruthMetadata.EVENTS, Long.toString(events));
    file.commit();
    closed = true;
  }

  /** Deletes the temporary file. */
  public void abort() {
    file.abort();
  }
}
