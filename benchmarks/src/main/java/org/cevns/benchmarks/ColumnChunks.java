package org.cevns.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;

/**
 * What a Parquet file's column chunks are, from its footer: per column path its physical type, codecs and encodings
 * over all row groups. {@link GenerateBench} compares the generated file's with the bare write's, so that the bare
 * write is a ceiling for writing the same columns the same way.
 */
final class ColumnChunks {
  private ColumnChunks() {}

  /** Column path → "TYPE CODECS ENCODINGS" of {@code file}, sorted by path. */
  static Map<String, String> of(Path file) throws IOException {
    Map<String, TreeSet<String>> codecs = new TreeMap<>();
    Map<String, TreeSet<String>> encodings = new TreeMap<>();
    Map<String, String> types = new TreeMap<>();
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      for (BlockMetaData block : r.getFooter().getBlocks()) {
        for (ColumnChunkMetaData c : block.getColumns()) {
          String path = c.getPath().toDotString();
          types.put(path, c.getPrimitiveType().getPrimitiveTypeName().name());
          codecs.computeIfAbsent(path, k -> new TreeSet<>()).add(c.getCodec().name());
          encodings.computeIfAbsent(path, k -> new TreeSet<>()).addAll(c.getEncodings().stream().map(Enum::name)
              .toList());
        }
      }
    }
    Map<String, String> out = new TreeMap<>();
    types.forEach((path, type) -> out.put(path, type + " " + codecs.get(path) + " " + encodings.get(path)));
    return out;
  }
}
