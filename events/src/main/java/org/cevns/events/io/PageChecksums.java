package org.cevns.events.io;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Reads every page of a Parquet file and checks its CRC-32, which cevns' writers (and parquet-java's) write by
 * default: the pages are read as stored, not decompressed or decoded, so the cost is the read of the file (a footer
 * alone says nothing of a page damaged in a copy or on a failing disk). Pages without a CRC (other writers) pass
 * unchecked, as in every cevns reader ({@link FileSources#readOptions}).
 */
public final class PageChecksums {
  private PageChecksums() {}

  /**
   * Checks every page of {@code file} and returns its rows.
   *
   * @throws IllegalArgumentException for a damaged page, the input's fault, naming the file ("not a readable Parquet
   *     file: could not verify page integrity, CRC checksum verification failed")
   * @throws IOException for a failure of the file system itself (a disk, a lost HDFS block)
   */
  public static long verify(Path file, Configuration conf) throws IOException {
    Configuration c = HadoopFiles.configuration(conf);
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(file, c),
        FileSources.readOptions(c))) {
      long rows = 0;
      for (PageReadStore g = r.readNextRowGroup(); g != null; g = r.readNextRowGroup()) {
        rows += g.getRowCount();
      }
      return rows;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(HadoopFiles.unreadable(file, e).getMessage(), e);
    } catch (IOException e) {
      throw HadoopFiles.unreadable(file, e);
    }
  }
}
