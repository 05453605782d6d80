package org.cevns.events.io;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cevns.events.block.EventDictionary;
import org.cevns.events.block.SimBlock;

/**
 * Writes detector-level events ({@link SimColumns}) to one Parquet file: a {@link StagedEventSink} (temporary
 * name, renamed at {@link #close()}; nothing is left under the final name after {@link #abort()} or a failure;
 * {@code cevns.events} set at close). Not thread-safe.
 */
public final class SimParquetSink extends StagedEventSink<SimBlock> {
  private SimParquetSink(StagedParquetFile<SimBlock> file) {
    super(file, SimBlock::size);
  }

  /** Opens {@code target} (a local path without Hadoop, or a Hadoop URI). */
  public static SimParquetSink open(String target, EventDictionary dictionary, List<String> componentNames,
      Map<String, String> metadata, WriteOptions options) throws IOException {
    return open(target, dictionary, componentNames, metadata, options, TruthMetadata.weightScale(metadata));
  }

  /** As above, multiplying every weight by {@code weightScale} (1 for weights read from a file). */
  public static SimParquetSink open(String target, EventDictionary dictionary, List<String> componentNames,
      Map<String, String> metadata, WriteOptions options, double weightScale) throws IOException {
    return new SimParquetSink(StagedParquetFile.create(target, SimColumns.MESSAGE_NAME,
        SimColumns.of(dictionary, componentNames, weightScale),
        FlatMetadata.withFlatKeys(metadata, SimColumns.UNITS), options));
  }

  /**
   * Opens {@code target} with a Hadoop configuration; weights are scaled by
   * {@link TruthMetadata#weightScale}{@code (metadata)}.
   */
  public static SimParquetSink open(Path target, EventDictionary dictionary, List<String> componentNames,
      Map<String, String> metadata, WriteOptions options, Configuration conf) throws IOException {
    return open(target, dictionary, componentNames, metadata, options, conf, TruthMetadata.weightScale(metadata));
  }

  /** Opens {@code target}, multiplying every weight by {@code weightScale} (1 for weights read from a file). */
  public static SimParquetSink open(Path target, EventDictionary dictionary, List<String> componentNames,
      Map<String, String> metadata, WriteOptions options, Configuration conf, double weightScale) throws IOException {
    return new SimParquetSink(StagedParquetFile.create(target, SimColumns.MESSAGE_NAME,
        SimColumns.of(dictionary, componentNames, weightScale),
        FlatMetadata.withFlatKeys(metadata, SimColumns.UNITS), options, conf));
  }
}
