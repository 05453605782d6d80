package org.cevns.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.HadoopSmallFiles;
import org.cevns.events.io.PageChecksums;
import org.cevns.events.io.ParquetMetadataReader;

/**
 * The file work of {@code cevns merge}, through Hadoop's FileSystem (local or hdfs://). Kept out of
 * {@link MergeCommand} so that loading the command class loads no Hadoop class.
 */
final class MergeFiles {
  private MergeFiles() {}

  /**
   * Reads the shards' metadata in {@code dir}, checks them as one run and, unless {@code footersOnly}, every page's
   * CRC-32 ({@link PageChecksums}), then writes {@link MergeCommand#RUN_FILE}.
   */
  static ShardSet checkAndWrite(String dir, boolean footersOnly) throws IOException {
    Configuration conf = HadoopFiles.configuration();
    Path path = HadoopFiles.path(dir);
    List<Path> files;
    try {
      files = HadoopFiles.parquetFiles(path, conf);
    } catch (FileNotFoundException e) {
      throw new UserException(dir + ": " + (e.getMessage() == null ? "not found" : e.getMessage()), e);
    }
    FileSystem fs = HadoopFiles.fileSystem(path, conf);
    if (!fs.getFileStatus(path).isDirectory()) {
      throw new UserException(dir + ": not a directory of shards");
    }
    Map<String, Map<String, String>> metadata = new LinkedHashMap<>();
    for (Path f : files) {
      try {
        metadata.put(f.getName(), ParquetMetadataReader.read(f, conf));
      } catch (IOException e) {
        // the reader's messages name the file (HadoopFiles#unreadable): not twice ("part-00002.parquet: /d/part-...")
        String m = String.valueOf(e.getMessage());
        throw new UserException(m.contains(f.getName()) ? m : f.getName() + ": " + m, e);
      }
    }
    ShardSet set = ShardSet.check(dir, metadata);
    if (!footersOnly) {
      for (Path f : files) {
        try {
          PageChecksums.verify(f, conf);
        } catch (IllegalArgumentException e) {
          // a damaged page is the input's fault, a user error naming the shard; the file system's own failure (an
          // IOException) is exit 1 as any I/O failure
          throw new UserException(e.getMessage(), e);
        }
      }
    }
    write(fs, new Path(path, MergeCommand.RUN_FILE), MergeCommand.json(set));
    return set;
  }

  /**
   * Writes under a temporary name unique to the run and renames, replacing an earlier merge's file; a failure (a full
   * disk) leaves no temporary file ({@link HadoopSmallFiles}).
   */
  private static void write(FileSystem fs, Path target, String text) throws IOException {
    HadoopSmallFiles.write(fs, target, true, tmp -> {
      try (OutputStream out = fs.create(tmp, false)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    });
  }
}
