package org.cevns.events.io;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Reads the key-value metadata of a Parquet file's footer (no data pages are read). */
public final class ParquetMetadataReader {
  private ParquetMetadataReader() {}

  /** The metadata of a file, or of the first shard of a directory ({@link HadoopFiles#parquetFiles}); sorted by key. */
  public static Map<String, String> read(String pathOrDirectory) throws IOException {
    return read(HadoopFiles.path(pathOrDirectory), HadoopFiles.configuration());
  }

  /** As {@link #read(String)}, with a Hadoop path and configuration. */
  public static Map<String, String> read(Path pathOrDirectory, Configuration conf) throws IOException {
    Configuration c = HadoopFiles.configuration(conf);
    Path file = HadoopFiles.parquetFiles(pathOrDirectory, c).get(0);
    try (ParquetFileReader r =
        ParquetFileReader.open(HadoopInputFile.fromPath(file, c), HadoopReadOptions.builder(c).build())) {
      return Collections.unmodifiableMap(new TreeMap<>(r.getFooter().getFileMetaData().getKeyValueMetaData()));
    } catch (RuntimeException e) {
      throw HadoopFiles.unreadable(file, e);
    } catch (IOException e) {
      throw HadoopFiles.unreadable(file, e);
    }
  }
}
