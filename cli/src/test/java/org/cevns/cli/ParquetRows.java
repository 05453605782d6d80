package org.cevns.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * Every row of a Parquet file, or of the {@code *.parquet} files of a directory in name order, as text, read
 * with Parquet's own record API (not cevns' reader): every column, nulls included.
 */
final class ParquetRows {
  private ParquetRows() {}

  static List<String> read(Path fileOrDirectory) throws IOException {
    List<Path> files;
    if (Files.isDirectory(fileOrDirectory)) {
      try (Stream<Path> s = Files.list(fileOrDirectory)) {
        files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")
            && !p.getFileName().toString().startsWith(".")).sorted().toList();
      }
    } else {
      files = List.of(fileOrDirectory);
    }
    List<String> rows = new ArrayList<>();
    for (Path f : files) {
      try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(),
          new org.apache.hadoop.fs.Path(f.toUri())).build()) {
        Group g;
        while ((g = r.read()) != null) {
          rows.add(g.toString().replace('\n', ' '));
        }
      }
    }
    return rows;
  }
}
