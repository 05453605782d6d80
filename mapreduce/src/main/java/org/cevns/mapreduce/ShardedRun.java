package org.cevns.mapreduce;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRConfig;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ConfigOverride;
import org.cevns.schema.ExperimentConfig;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.WriteOptions;
import org.cevns.events.io.Temporaries;
import org.cevns.generator.run.EventCount;
import org.cevns.events.run.Shard;

/**
 * A sharded run as a Hadoop MapReduce job ({@code cevns mapreduce generate|simulate}): N map tasks, task I
 * makes shard I/N exactly as {@code --shard I/N} would and writes it as one Parquet file
 * ({@link BlockParquetOutputFormat}); no reduce phase. The output directory then holds
 * {@code part-m-00000.parquet} … and {@code _SUCCESS}, readable as a directory of shards by cevns and by other
 * Parquet readers.
 *
 * <p>The client validates the configuration (every stage), chooses the seed (drawn here if not given, so all
 * tasks share it) and the run's event total (a Poisson draw from the seed, as in the unsharded run), computes
 * the file metadata once, and ships all of it with the configuration text and its data files in the job
 * configuration ({@link ConfigBundle}, {@link JobKeys}). With {@code mapreduce.framework.name=local} (Hadoop's
 * default without cluster configuration) the job runs in this JVM with Hadoop's local job runner; with
 * {@code yarn} it is submitted to the cluster.
 */
public final class ShardedRun {
  /** The most shards (map tasks): their files are numbered part-m-00000 to part-m-99999. */
  public static final int MAX_SHARDS = 100_000;

  private ShardedRun() {}

  /** What the user asked for. */
  public record Request(Stage stage, Path config, int shards, String output, Long seed, Long events, boolean mean,
      boolean weighted, boolean dropUndetected, String compression, Integer threadsPerTask, boolean overwrite,
      Map<String, String> properties, List<ConfigOverride> overrides) {
    public Request {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(output, "output");
      properties = properties == null ? Map.of() : Map.copyOf(properties);
      overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }
  }

  /** The pipeline stage run by the map tasks. */
  public enum Stage {
    GENERATE("generate"),
    SIMULATE("simulate");

    private final String command;

    Stage(String command) {
      this.command = command;
    }

    /** The cevns command this stage corresponds to. */
    public String command() {
      return command;
    }
  }

  /**
   * A job ready to submit, with what the client decided. The job writes into {@code staging}, a hidden sibling
   * of {@code output} unique to this run; {@link #run} renames it to {@code output} when the job succeeded.
   */
  public record Plan(Job job, Request request, long seed, EventCount count, org.apache.hadoop.fs.Path output,
      int threadsPerTask, boolean local, org.apache.hadoop.fs.Path staging) {}

  /** The outcome of a job. */
  public record Result(boolean success, String jobId, long events, long blocks, double seconds, String failure,
      long rows) {}

  /** Counter (group {@link ShardMapper#COUNTERS}) of the rows written into the part files. */
  static final String ROWS_COUNTER = "ROWS";

  /**
   * Validates the request and the configuration and prepares the job (nothing is submitted or written).
   *
   * @param base Hadoop configuration (cluster settings; {@code -D} properties of the request go over it)
   * @throws org.cevns.schema.ConfigException for an invalid configuration
   * @throws RunSetupException for another user error (arguments, existing output)
   */
  public static Plan plan(Request r, Configuration base) throws IOException {
    JobDiagnostics.quietLogs();
    if (r.shards() < 1 || r.shards() > MAX_SHARDS) { // 1e9 map tasks ran out of memory planning the job
      throw new RunSetupException("--shards: must be " + (r.shards() < 1 ? ">= 1" : "at most " + MAX_SHARDS
          + " (part files are numbered with five digits)") + ", got " + r.shards());
    }
    if (r.events() != null && (r.events() < 0 || r.events() > EventCount.MAX_EVENTS)) {
      throw new RunSetupException("--events: must be in [0, " + EventCount.MAX_EVENTS + "] (10^12), got "
          + r.events());
    }
    if (r.threadsPerTask() != null && r.threadsPerTask() < 1) {
      throw new RunSetupException("--threads-per-task: must be >= 1, got " + r.threadsPerTask());
    }
    WriteOptions options;
    try {
      options = WriteOptions.defaults().withCompression(r.compression() == null ? "zstd" : r.compression());
    } catch (IllegalArgumentException e) {
      throw new RunSetupException("--compression: " + e.getMessage());
    }
    // The job's own configuration keeps Hadoop's checksummed local file system (the local job runner needs
    // it); cevns' file operations use HadoopFiles.configuration(conf) copies (raw local file system).
    // a JobConf loads mapred-default/-site.xml and yarn-default/-site.xml, where clusters keep
    // mapreduce.framework.name and the container limits; a plain Configuration would not see them
    Configuration conf = new JobConf(base);
    if (RawLocalFileSystem.class.getName().equals(conf.get("fs.file.impl"))) {
      conf.unset("fs.file.impl"); // set by HadoopFiles.configuration(); the local job runner cannot use it
      conf.unset("fs.file.impl.disable.cache");
    }
    r.properties().forEach(conf::set);
    // -D properties are parsed by the cevns command line (Hadoop would warn that no option parser ran)
    conf.setBoolean("mapreduce.client.genericoptionsparser.used", true);
    ExperimentConfig config = ConfigLoader.load(r.config(), r.overrides());
    StagePlan stage = StagePlan.of(r.stage(), config, r);
    long seed = r.seed() != null ? r.seed()
        : config.seed().isPresent() ? config.seed().getAsLong() : new SecureRandom().nextLong();
    double expected = stage.expectedEvents();
    EventCount count = r.events() != null ? EventCount.fixed(r.events(), expected)
        : r.mean() ? EventCount.mean(expected) : EventCount.poisson(expected, seed);
    stage.check(seed, count.events());

    boolean local = isLocal(conf);
    int threads = threadsPerTask(conf, r.threadsPerTask(), local);
    conf.setInt(JobKeys.SHARDS, r.shards());
    conf.setLong(JobKeys.SEED, seed);
    conf.setLong(JobKeys.RUN_EVENTS, count.events());
    conf.setBoolean(JobKeys.MEAN, count.mode() == EventCount.Mode.MEAN);
    conf.setBoolean(JobKeys.WEIGHTED, r.weighted() || config.generator().weighted());
    conf.setBoolean(JobKeys.DROP_UNDETECTED, r.dropUndetected());
    conf.setInt(JobKeys.THREADS, threads);
    conf.set(JobKeys.COMPRESSION, options.compression().name());
    conf.set(JobKeys.STAGE, r.stage().command());
    JobKeys.putDictionary(conf, stage.dictionary());
    JobKeys.putMetadata(conf, stage.metadata(seed, count, r.weighted() || config.generator().weighted()));
    ConfigBundle.read(r.config(), r.overrides()).store(conf);
    stage.configure(conf);
    // a map task is CPU-bound and deterministic: a speculative duplicate only wastes a container
    setDefault(conf, r, MRJobConfig.MAP_SPECULATIVE, "false");
    // algorithm 1: task outputs reach the output directory only at job commit (v2 would move them at task
    // commit, so a failed job could leave complete shards of some tasks next to no _SUCCESS)
    conf.setInt("mapreduce.fileoutputcommitter.algorithm.version", 1);
    conf.setBoolean("mapreduce.fileoutputcommitter.marksuccessfuljobs", true);
    // a task runs `threads` workers: ask YARN for as many cores
    setDefault(conf, r, MRJobConfig.MAP_CPU_VCORES, Integer.toString(threads));
    if (!local) {
      // task JVMs load cevns' own libraries (Jackson, Parquet, Commons) before the cluster's copies
      setDefault(conf, r, MRJobConfig.MAPREDUCE_JOB_CLASSLOADER, "true");
    }

    org.apache.hadoop.fs.Path out = HadoopFiles.path(r.output());
    prepareOutput(out, conf, r.overwrite());
    org.apache.hadoop.fs.Path[] outAndStaging = outputAndStaging(out, conf);
    out = outAndStaging[0];
    org.apache.hadoop.fs.Path staging = outAndStaging[1];

    Job job = Job.getInstance(conf, String.format(Locale.ROOT, "cevns %s %s (%d shards, %d events, seed %d)",
        r.stage().command(), r.config().getFileName(), r.shards(), count.events(), seed));
    job.setJarByClass(ShardMapper.class);
    job.setInputFormatClass(ShardInputFormat.class);
    job.setMapperClass(stage.mapper());
    job.setNumReduceTasks(0);
    job.setOutputFormatClass(stage.outputFormat());
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(stage.valueClass());
    FileOutputFormat.setOutputPath(job, staging);
    return new Plan(job, r, seed, count, out, threads, local, staging);
  }

  /** Whether {@code conf} (a {@link JobConf}, so with mapred-site.xml) runs jobs with the local job runner. */
  static boolean isLocal(Configuration conf) {
    return MRConfig.LOCAL_FRAMEWORK_NAME.equals(conf.getTrimmed(MRConfig.FRAMEWORK_NAME, MRConfig.LOCAL_FRAMEWORK_NAME));
  }

  /**
   * Worker threads per map task: {@code --threads-per-task}; else all cores of this machine with the local job
   * runner (tasks run here one after the other); else {@code mapreduce.map.cpu.vcores} (cluster setting or
   * {@code -D}, default 1), never the client's core count, which says nothing about the cluster's nodes. A
   * request above the cluster's {@code yarn.scheduler.maximum-allocation-vcores}, where the client's
   * configuration sets it, is refused before submission (YARN would kill the job).
   */
  static int threadsPerTask(Configuration conf, Integer requested, boolean local) {
    if (local) {
      return requested != null ? requested : Runtime.getRuntime().availableProcessors();
    }
    int threads = requested != null ? requested
        : Math.max(1, conf.getInt(MRJobConfig.MAP_CPU_VCORES, 1));
    String maxKey = "yarn.scheduler.maximum-allocation-vcores";
    String[] sources = conf.getPropertySources(maxKey);
    boolean clusterValue = sources != null
        && java.util.Arrays.stream(sources).noneMatch(s -> s.startsWith("yarn-default"));
    int max = conf.getInt(maxKey, Integer.MAX_VALUE);
    if (clusterValue && threads > max) {
      throw new RunSetupException("--threads-per-task: must be <= " + max + " (" + maxKey + " of the cluster), got "
          + threads);
    }
    return threads;
  }

  /**
   * Submits the job and waits for it, sending a status line to {@code status} when the progress changes.
   */
  public static Result run(Plan plan, Consumer<String> status) throws IOException, InterruptedException {
    return inStaging(plan.job(), plan.staging(), plan.output(), plan.request().overwrite(),
        () -> runStaged(plan, status), Result::success);
  }

  /** A job run that writes into a staging directory. */
  interface StagedJob<R> {
    R run() throws IOException, InterruptedException;
  }

  /**
   * Runs {@code body} (a job writing into {@code staging}) and renames the staging directory to {@code out} when
   * {@code success} says so; the staging directory is deleted whatever happens (also on SIGINT/SIGTERM, through
   * {@link Temporaries}), so a failed or killed job never leaves a directory under the final name.
   */
  static <R> R inStaging(Job job, org.apache.hadoop.fs.Path staging, org.apache.hadoop.fs.Path out,
      boolean overwrite, StagedJob<R> body, java.util.function.Predicate<R> success)
      throws IOException, InterruptedException {
    // an uncached instance: the job submitter must not be handed one with cevns' raw-local configuration
    FileSystem fs = FileSystem.newInstance(staging.toUri(), HadoopFiles.configuration(job.getConfiguration()));
    Object cleanup = Temporaries.register(() -> deleteQuietly(fs, staging));
    try {
      R r = body.run();
      if (success.test(r)) {
        publish(fs, staging, out, overwrite);
      }
      return r;
    } finally {
      deleteQuietly(fs, staging);
      Temporaries.release(cleanup);
      fs.close();
    }
  }

  /**
   * The qualified output path and a hidden staging sibling unique to this run: the whole output directory is
   * staged there (the committer's _temporary lives inside it) and renamed to its final name when the job has
   * succeeded, so a killed job leaves no directory under the final name and a re-run needs no --overwrite.
   *
   * @return {output, staging}
   */
  static org.apache.hadoop.fs.Path[] outputAndStaging(org.apache.hadoop.fs.Path out, Configuration conf)
      throws IOException {
    // uncached instances here too (see prepareOutput): a cached one would be handed to the job submitter
    org.apache.hadoop.fs.Path staging;
    org.apache.hadoop.fs.Path given = out;
    try (FileSystem outFs = FileSystem.newInstance(out.toUri(), HadoopFiles.configuration(conf))) {
      out = outFs.makeQualified(out);
      staging = HadoopFiles.temporaryFor(out, Temporaries.uniqueToken());
      StagingProbe.check(outFs, given, staging);
    }
    return new org.apache.hadoop.fs.Path[] {out, staging};
  }

  private static void deleteQuietly(FileSystem fs, org.apache.hadoop.fs.Path p) {
    try {
      fs.delete(p, true);
    } catch (IOException | RuntimeException e) {
      // best effort: the name is hidden and unique to this run
    }
  }

  /**
   * Renames the complete staging directory to {@code out}. An existing {@code out} (checked by
   * {@link #prepareOutput} to hold only an earlier cevns MapReduce output) is replaced only with
   * {@code overwrite}: it is renamed aside, the new output renamed in, and the old one deleted; an output that
   * another run completed meanwhile without {@code overwrite} is never replaced.
   */
  static void publish(FileSystem fs, org.apache.hadoop.fs.Path staging, org.apache.hadoop.fs.Path out,
      boolean overwrite) throws IOException {
    org.apache.hadoop.fs.Path aside = null;
    if (fs.exists(out)) {
      if (!overwrite && fs.listStatus(out).length > 0) {
        throw new org.apache.hadoop.fs.FileAlreadyExistsException(out
            + ": was written by another run while this one ran; not replaced");
      }
      prepareOutput(out, fs.getConf(), overwrite);
      aside = new org.apache.hadoop.fs.Path(out.getParent(), "." + out.getName() + "." + Temporaries.uniqueToken()
          + ".old");
      if (!fs.rename(out, aside)) {
        throw new IOException("cannot move " + out + " aside to replace it");
      }
    }
    if (!fs.rename(staging, out)) {
      if (aside != null) {
        fs.rename(aside, out);
      }
      throw new IOException("cannot rename " + staging + " to " + out);
    }
    if (aside != null) {
      deleteQuietly(fs, aside);
    }
  }

  private static Result runStaged(Plan plan, Consumer<String> status) throws IOException, InterruptedException {
    Job job = plan.job();
    long t0 = System.nanoTime();
    try {
      job.submit();
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    }
    JobProgress.await(job, "EVENTS", plan.count().events(), "events", plan.local(), status);
    double seconds = (System.nanoTime() - t0) / 1e9;
    boolean ok = job.isSuccessful();
    Counters counters = job.getCounters();
    long events = counters == null ? 0 : counters.findCounter(ShardMapper.COUNTERS, "EVENTS").getValue();
    long blocks = counters == null ? 0 : counters.findCounter(ShardMapper.COUNTERS, "BLOCKS").getValue();
    long rows = counters == null ? 0 : counters.findCounter(ShardMapper.COUNTERS, ROWS_COUNTER).getValue();
    String failure = ok ? null : JobDiagnostics.failureInfo(job, plan.local());
    return new Result(ok, String.valueOf(job.getJobID()), events, blocks, seconds, failure, rows);
  }

  /**
   * The output directory must not exist, or be empty; with {@code overwrite} it may hold a previous cevns
   * MapReduce output (shard files, {@code _SUCCESS}, checksum files, a {@code _temporary} left by a killed job
   * of an older version), which {@link #publish} replaces when the new job has succeeded. Anything else there
   * is an error, so that {@code --overwrite} never deletes unrelated data.
   */
  static void prepareOutput(org.apache.hadoop.fs.Path out, Configuration conf, boolean overwrite)
      throws IOException {
    // a new, uncached instance: FileSystem.get would cache the hdfs:// instance with cevns' raw-local-file-system
    // configuration, and the job submitter, which is handed the same cached instance, then fails in
    // FileSystem.getLocal (ClassCastException: RawLocalFileSystem cannot be cast to LocalFileSystem)
    try (FileSystem fs = FileSystem.newInstance(out.toUri(), HadoopFiles.configuration(conf))) {
      prepareOutput(out, fs, overwrite);
    }
  }

  private static void prepareOutput(org.apache.hadoop.fs.Path out, FileSystem fs, boolean overwrite)
      throws IOException {
    FileStatus status;
    try {
      status = fs.getFileStatus(out);
    } catch (FileNotFoundException absent) {
      return;
    }
    if (!status.isDirectory()) {
      throw new RunSetupException(out + ": exists and is a file; the output of a MapReduce run is a directory");
    }
    FileStatus[] entries = fs.listStatus(out);
    if (entries.length > 0 && !overwrite) {
      throw new RunSetupException(out + ": exists; use --overwrite to replace it");
    }
    for (FileStatus e : entries) {
      String name = e.getPath().getName();
      boolean ours = name.equals("_SUCCESS") || name.equals("_temporary")
          || name.matches("\\.?part-m-\\d+\\.parquet(\\.crc)?") || name.equals("._SUCCESS.crc");
      if (!ours) {
        throw new RunSetupException(out + ": --overwrite only replaces the output of a cevns MapReduce run, but"
            + " the directory holds '" + name + "'");
      }
    }
  }

  /** Sets a cevns default unless the user gave the property with {@code -D}. */
  private static void setDefault(Configuration conf, Request r, String key, String value) {
    if (!r.properties().containsKey(key)) {
      conf.set(key, value);
    }
  }

  /** Events of shard {@code shard} in a run of {@code runEvents} events. */
  public static long shardEvents(Shard shard, long runEvents) {
    return shard.events(runEvents, EventBlock.CAPACITY);
  }
}
