package org.cevns.events.io;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cevns.events.block.BlockSink;
import org.cevns.events.block.EventBlock;
import org.cevns.events.block.EventDictionary;

/**
 * Writes truth events ({@link TruthColumns}) to one Parquet file through the temporary-file-and-rename
 * protocol of {@link StagedParquetFile}: nothing appears under the final name before {@link #close()}, and
 * {@link #abort()} (or a failure) leaves nothing. An existing target is an error at {@link #open} unless
 * {@code options.overwrite()} is set.
 *
 * <p>Metadata: the map given to {@code open} is written to the footer; entries added with
 * {@link #putMetadata} before close are merged over it, and {@link TruthMetadata#EVENTS} is always set at
 * close to the number of rows written. Not thread-safe; blocks arrive in order from one thread.
 */
public final class TruthParquetSink extends StagedEventSink<EventBlock> implements BlockSink {
  private TruthParquetSink(StagedParquetFile<EventBlock> file) {
    super(file, EventBlock::size);
  }

  /**
   * Opens a sink writing {@code target}: a local path without Hadoop, or any Hadoop URI with default Hadoop
   * settings ({@link StagedParquetFile#create(String, String, java.util.List, Map, WriteOptions)}).
   */
  public static TruthParquetSink open(String target, EventDictionary dictionary, Map<String, String> metadata,
      WriteOptions options) throws IOException {
    Objects.requireNonNull(dictionary, "dictionary");
    return new TruthParquetSink(StagedParquetFile.create(target, TruthColumns.MESSAGE_NAME,
        TruthColumns.of(dictionary, TruthMetadata.weightScale(metadata), TruthMetadata.eventRecord(metadata)),
        FlatMetadata.withFlatKeys(metadata, units(metadata)), options));
  }

  /**
   * Opens a sink writing {@code target}.
   *
   * @param dictionary the names behind the codes of the blocks to come
   * @param metadata key-value metadata ({@link TruthMetadata} keys)
   * @param conf Hadoop configuration (e.g. for {@code hdfs://}); used through
   *     {@link HadoopFiles#configuration(Configuration)}
   */
  public static TruthParquetSink open(Path target, EventDictionary dictionary, Map<String, String> metadata,
      WriteOptions options, Configuration conf) throws IOException {
    Objects.requireNonNull(dictionary, "dictionary");
    return new TruthParquetSink(StagedParquetFile.create(target, TruthColumns.MESSAGE_NAME,
        TruthColumns.of(dictionary, TruthMetadata.weightScale(metadata), TruthMetadata.eventRecord(metadata)),
        FlatMetadata.withFlatKeys(metadata, units(metadata)), options, conf));
  }

  /** The units of the columns written. */
  private static Map<String, String> units(Map<String, String> metadata) {
    if (TruthMetadata.eventRecord(metadata)) {
      return TruthColumns.UNITS;
    }
    Map<String, String> u = new java.util.LinkedHashMap<>(TruthColumns.UNITS);
    u.keySet().removeAll(TruthColumns.EVENT_RECORD);
    return u;
  }
}
