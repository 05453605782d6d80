package org.cevns.mapreduce;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.cevns.events.io.BlockColumn;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.ParquetBlockWriter;
import org.cevns.events.io.TruthMetadata;
import org.cevns.generator.run.RunMetadata;
import org.cevns.events.run.Shard;

/**
 * Parquet output of a sharded run: each map task writes its blocks to one Parquet file,
 * {@code part-m-NNNNN.parquet}, in the task attempt's work directory ({@link #getDefaultWorkFile}). The
 * job's {@link org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter} moves the file into the output
 * directory only when the attempt commits, and writes {@code _SUCCESS} when the job commits; a failed or
 * killed attempt's directory is deleted, so the output directory never holds a partial shard.
 *
 * <p>Each file carries the run's metadata ({@link JobKeys#metadata}) plus {@link TruthMetadata#SHARD},
 * {@link TruthMetadata#RUN_EVENTS} and, at close, {@link TruthMetadata#EVENTS} (the rows of this shard).
 * Subclasses give the columns of the block type.
 *
 * @param <B> block type written by the mapper (the record value)
 */
public abstract class BlockParquetOutputFormat<B> extends FileOutputFormat<NullWritable, B> {
  /** The Parquet message name of the files. */
  protected abstract String messageName();

  /** The columns of the files for this job. */
  protected abstract List<BlockColumn<B>> columns(Configuration conf);

  /** The columns, with every weight multiplied by {@code weightScale}. */
  protected abstract List<BlockColumn<B>> columns(Configuration conf, double weightScale);

  /** Units of the columns, written as {@code cevns.unit.<column>}. */
  protected abstract Map<String, String> units();

  /** Number of filled rows of {@code block}. */
  protected abstract int rows(B block);

  @Override
  public RecordWriter<NullWritable, B> getRecordWriter(TaskAttemptContext context) throws IOException {
    Path file = getDefaultWorkFile(context, HadoopFiles.PARQUET_SUFFIX);
    // cevns' raw local file system only for local files: a cached hdfs:// instance must keep the job's own
    // configuration (the committer and the task's other users of that instance need Hadoop's LocalFileSystem)
    boolean localFile = "file".equals(file.getFileSystem(context.getConfiguration()).getScheme());
    Configuration conf = localFile ? HadoopFiles.configuration(context.getConfiguration()) : context.getConfiguration();
    int shards = JobKeys.requiredInt(conf, JobKeys.SHARDS);
    Shard shard = new Shard(context.getTaskAttemptID().getTaskID().getId(), shards);
    Map<String, String> metadata = new LinkedHashMap<>(JobKeys.metadata(conf));
    RunMetadata.putShard(metadata, shard, JobKeys.requiredLong(conf, JobKeys.RUN_EVENTS));
    ParquetBlockWriter<B> writer = ParquetBlockWriter.open(HadoopOutputFile.fromPath(file, conf), messageName(),
        columns(conf, org.cevns.events.io.TruthMetadata.weightScale(metadata)),
        org.cevns.events.io.FlatMetadata.withFlatKeys(metadata, units()), JobKeys.writeOptions(conf), conf);
    return new BlockRecordWriter<>(writer, this::rows, file, conf);
  }

  /** Writes each block given as a record value; the key is ignored. */
  static final class BlockRecordWriter<B> extends RecordWriter<NullWritable, B> {
    private final ParquetBlockWriter<B> writer;
    private final java.util.function.ToIntFunction<B> rows;
    private final Path file;
    private final Configuration conf;
    private long events;

    BlockRecordWriter(ParquetBlockWriter<B> writer, java.util.function.ToIntFunction<B> rows, Path file,
        Configuration conf) {
      this.writer = writer;
      this.rows = rows;
      this.file = file;
      this.conf = conf;
    }

    @Override
    public void write(NullWritable key, B block) throws IOException {
      int n = rows.applyAsInt(block);
      try {
        writer.write(block, n);
      } catch (IOException | RuntimeException | org.apache.hadoop.fs.FSError e) {
        LocalTaskFailures.record(file, e);
        throw e;
      }
      events += n;
    }

    /**
     * Completes the file. The framework also calls this after a failed attempt; that file stays in the
     * attempt's work directory, which is never committed.
     */
    @Override
    public void close(TaskAttemptContext context) throws IOException {
      writer.putFinalMetadata(TruthMetadata.EVENTS, Long.toString(events));
      try {
        writer.close();
        // the same rows give the same bytes in any JVM (apache/parquet-java#3215; local file systems only)
        HadoopFiles.sortFooterEncodings(file.getFileSystem(conf), file);
      } catch (IOException | RuntimeException | org.apache.hadoop.fs.FSError e) {
        LocalTaskFailures.record(file, e);
        throw e;
      }
      // rows written (fewer than the events simulated with --drop-undetected); counted for committed attempts only
      context.getCounter(ShardMapper.COUNTERS, ShardedRun.ROWS_COUNTER).increment(events);
    }
  }
}
