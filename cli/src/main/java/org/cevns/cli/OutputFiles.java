package org.cevns.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.cevns.events.io.SimParquetSink;
import org.cevns.events.block.EventDictionary;
import org.cevns.events.io.TruthParquetSink;
import org.cevns.events.io.WriteOptions;

/** Opening output files with user-facing errors (exit 2) for the mistakes a user makes. */
final class OutputFiles {
  private OutputFiles() {}

  private static UserException exists(String output, IOException e) {
    String m = String.valueOf(e.getMessage());
    return new UserException(output + (m.contains("is a directory") ? ": is a directory"
        : ": exists; use --overwrite to replace it"));
  }

  static TruthParquetSink openTruth(String output, EventDictionary dictionary, Map<String, String> metadata,
      WriteOptions options) throws IOException {
    try {
      return TruthParquetSink.open(output, dictionary, metadata, options);
    } catch (FileAlreadyExistsException e) {
      throw exists(output, e);
    } catch (IllegalArgumentException e) {
      throw new UserException(output + ": " + e.getMessage(), e);
    }
  }

  static SimParquetSink openEvents(String output, EventDictionary dictionary, List<String> components,
      Map<String, String> metadata, WriteOptions options) throws IOException {
    return openEvents(output, dictionary, components, metadata, options,
        org.cevns.events.io.TruthMetadata.weightScale(metadata));
  }

  /** As above, with every weight multiplied by {@code weightScale}. */
  static SimParquetSink openEvents(String output, EventDictionary dictionary, List<String> components,
      Map<String, String> metadata, WriteOptions options, double weightScale) throws IOException {
    try {
      return SimParquetSink.open(org.cevns.events.io.HadoopFiles.path(output), dictionary, components, metadata,
          options, org.cevns.events.io.HadoopFiles.configuration(), weightScale);
    } catch (FileAlreadyExistsException e) {
      throw exists(output, e);
    } catch (IllegalArgumentException e) {
      throw new UserException(output + ": " + e.getMessage(), e);
    }
  }
}
