package org.cevns.mapreduce;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.cevns.analysis.report.ToyTable;
import org.cevns.analysis.stat.ToyStudy;
import org.cevns.events.io.HadoopFiles;

/**
 * Writes a toy task's rows as one Parquet toy table ({@link ToyTable}) in the task attempt's work directory,
 * {@code part-m-IIIII.parquet}; the committer moves it into the output directory at job commit.
 */
public final class ToysOutputFormat extends FileOutputFormat<NullWritable, ToysOutputFormat.Batch> {
  /** The toys of a task, with the table's columns and metadata. */
  public record Batch(List<String> columns, List<ToyStudy.Row> rows, Map<String, String> metadata) {}

  @Override
  public RecordWriter<NullWritable, Batch> getRecordWriter(TaskAttemptContext context) throws IOException {
    Path file = getDefaultWorkFile(context, HadoopFiles.PARQUET_SUFFIX);
    boolean localFile = "file".equals(file.getFileSystem(context.getConfiguration()).getScheme());
    org.apache.hadoop.conf.Configuration conf = localFile ? HadoopFiles.configuration(context.getConfiguration())
        : context.getConfiguration();
    return new RecordWriter<>() {
      @Override
      public void write(NullWritable key, Batch batch) throws IOException {
        try {
          ToyTable.write(HadoopOutputFile.fromPath(file, conf), conf, batch.columns(), batch.rows(),
              batch.metadata());
          // the same rows give the same bytes in any JVM (apache/parquet-java#3215; local file systems only)
          HadoopFiles.sortFooterEncodings(file.getFileSystem(conf), file);
        } catch (IOException | RuntimeException | org.apache.hadoop.fs.FSError e) {
          LocalTaskFailures.record(file, e);
          throw e;
        }
      }

      @Override
      public void close(TaskAttemptContext c) {
        // written at once in write()
      }
    };
  }
}
