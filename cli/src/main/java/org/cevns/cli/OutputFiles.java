package org.cevns.cli;

import java.io.IOException;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import java.util.Map;
import org.cevns.generator.event.EventDictionary;
import org.cevns.generator.io.TruthParquetSink;
import org.cevns.generator.io.WriteOptions;

/** Opening output files with user-facing errors (exit 2) for the mistakes a user makes. */
final class OutputFiles {
  private OutputFiles() {}

  static TruthParquetSink openTruth(String output, EventDictionary dictionary, Map<String, String> metadata,
      WriteOptions options) throws IOException {
    try {
      return TruthParquetSink.open(output, dictionary, metadata, options);
    } catch (FileAlreadyExistsException e) {
      String msg = e.getMessage() != null && e.getMessage().contains("is a directory")
          ? "is a directory" : "exists; use --overwrite to replace it";
      throw new UserException(output + ": " + msg);
    } catch (IllegalArgumentException e) {
      throw new UserException(output + ": " + e.getMessage(), e);
    }
  }
}
