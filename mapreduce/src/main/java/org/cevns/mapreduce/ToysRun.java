package org.cevns.mapreduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.report.ToyTable;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ConfigOverride;
import org.cevns.schema.ExperimentConfig;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.TruthMetadata;

/**
 * {@code cevns mapreduce toys}: T toy experiments in N map tasks; task I builds the templates once and
 * simulates and fits toys [I·T/N, (I+1)·T/N) ({@link ToysMapper}), written as {@code DIR/part-m-0000I.parquet}
 * ({@link ToysOutputFormat}). Toy k has its own random stream, so the rows (in file-name order) are the same
 * for any N and equal those of {@code cevns toys} with the same seed. The templates' statistics warning, if any,
 * comes back in {@link Result#templateWarning} (from the parts' footers).
 */
public final class ToysRun {
  /** Job key: total toys. */
  static final String TOYS = "cevns.mr.toys";
  /** Job key: cap on the template simulation's events. */
  static final String MAX_TEMPLATE_EVENTS = "cevns.mr.max_template_events";

  private ToysRun() {}

  /** What the user asked for. */
  public record Request(Path config, long toys, int shards, String output, long seed, long maxTemplateEvents,
      Integer threadsPerTask, boolean overwrite, Map<String, String> properties, List<ConfigOverride> overrides) {
    public Request {
      properties = properties == null ? Map.of() : Map.copyOf(properties);
      overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** A request without {@code --set} overrides. */
    public Request(Path config, long toys, int shards, String output, long seed, long maxTemplateEvents,
        Integer threadsPerTask, boolean overwrite, Map<String, String> properties) {
      this(config, toys, shards, output, seed, maxTemplateEvents, threadsPerTask, overwrite, properties, List.of());
    }
  }

  /** A job ready to submit, writing into {@code staging} (renamed to {@code output} when it succeeded). */
  public record Plan(Job job, Request request, int threadsPerTask, boolean local, org.apache.hadoop.fs.Path output,
      org.apache.hadoop.fs.Path staging) {}

  /**
   * The outcome.
   *
   * @param templateWarning the template-statistics warning the tasks recorded in the table's footers
   *     ({@link ToyTable#TEMPLATES_WARNING}), if the job succeeded and its templates held too few events
   */
  public record Result(boolean success, String jobId, long toys, double seconds, String failure,
      Optional<String> templateWarning) {
    public Result {
      templateWarning = templateWarning == null ? Optional.empty() : templateWarning;
    }
  }

  /** Validates the request and prepares the job (nothing submitted or written). */
  public static Plan plan(Request r, Configuration base) throws IOException {
    JobDiagnostics.quietLogs();
    if (r.toys() < 1) {
      throw new RunSetupException("--toys: must be >= 1, got " + r.toys());
    }
    if (r.shards() < 1 || r.shards() > ShardedRun.MAX_SHARDS) {
      throw new RunSetupException("--shards: must be " + (r.shards() < 1 ? ">= 1" : "at most " + ShardedRun.MAX_SHARDS
          + " (part files are numbered with five digits)") + ", got " + r.shards());
    }
    if (r.threadsPerTask() != null && r.threadsPerTask() < 1) {
      throw new RunSetupException("--threads-per-task: must be >= 1, got " + r.threadsPerTask());
    }
    Configuration conf = new JobConf(base); // mapred-site/yarn-site (see ShardedRun.plan)
    if (RawLocalFileSystem.class.getName().equals(conf.get("fs.file.impl"))) {
      conf.unset("fs.file.impl");
      conf.unset("fs.file.impl.disable.cache");
    }
    r.properties().forEach(conf::set);
    conf.setBoolean("mapreduce.client.genericoptionsparser.used", true);
    ExperimentConfig config = ConfigLoader.load(r.config(), r.overrides());
    AnalysisConfig.of(config); // the fit model's settings, checked here (exit 2) rather than in every task
    boolean local = ShardedRun.isLocal(conf);
    int threads = ShardedRun.threadsPerTask(conf, r.threadsPerTask(), local);
    conf.setInt(JobKeys.SHARDS, r.shards());
    conf.setLong(JobKeys.SEED, r.seed());
    conf.setLong(TOYS, r.toys());
    conf.setLong(MAX_TEMPLATE_EVENTS, r.maxTemplateEvents());
    conf.setInt(JobKeys.THREADS, threads);
    JobKeys.putMetadata(conf, Map.of(TruthMetadata.CONFIG, config.resolvedYaml()));
    ConfigBundle.read(r.config(), r.overrides()).store(conf);
    if (!r.properties().containsKey(MRJobConfig.MAP_SPECULATIVE)) {
      conf.set(MRJobConfig.MAP_SPECULATIVE, "false");
    }
    conf.setInt("mapreduce.fileoutputcommitter.algorithm.version", 1);
    if (!r.properties().containsKey(MRJobConfig.MAP_CPU_VCORES)) {
      conf.setInt(MRJobConfig.MAP_CPU_VCORES, threads);
    }
    if (!local && !r.properties().containsKey(MRJobConfig.MAPREDUCE_JOB_CLASSLOADER)) {
      conf.setBoolean(MRJobConfig.MAPREDUCE_JOB_CLASSLOADER, true);
    }
    org.apache.hadoop.fs.Path out = HadoopFiles.path(r.output());
    ShardedRun.prepareOutput(out, conf, r.overwrite());
    org.apache.hadoop.fs.Path[] outAndStaging = ShardedRun.outputAndStaging(out, conf);
    Job job = Job.getInstance(conf, String.format(Locale.ROOT, "cevns toys %s (%d toys, %d shards, seed %d)",
        r.config().getFileName(), r.toys(), r.shards(), r.seed()));
    job.setJarByClass(ToysMapper.class);
    job.setInputFormatClass(ShardInputFormat.class);
    job.setMapperClass(ToysMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputFormatClass(ToysOutputFormat.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(ToysOutputFormat.Batch.class);
    FileOutputFormat.setOutputPath(job, outAndStaging[1]);
    return new Plan(job, r, threads, local, outAndStaging[0], outAndStaging[1]);
  }

  /**
   * Submits the job and waits, sending a status line to {@code status} when the progress changes; the table
   * appears under its final name only when the job succeeded ({@link ShardedRun#inStaging}).
   */
  public static Result run(Plan plan, Consumer<String> status) throws IOException, InterruptedException {
    Result r = ShardedRun.inStaging(plan.job(), plan.staging(), plan.output(), plan.request().overwrite(),
        () -> runStaged(plan, status), Result::success);
    if (!r.success()) {
      return r;
    }
    // every task built the same templates and recorded their warning, if any, in its part's footer; read with the
    // job's configuration (-D fs.defaultFS=... included), from the published table
    Optional<String> warning = ToyTable.templateWarning(plan.output(),
        HadoopFiles.configuration(plan.job().getConfiguration()));
    return new Result(true, r.jobId(), r.toys(), r.seconds(), null, warning);
  }

  private static Result runStaged(Plan plan, Consumer<String> status) throws IOException, InterruptedException {
    Job job = plan.job();
    long t0 = System.nanoTime();
    try {
      job.submit();
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    }
    JobProgress.await(job, "TOYS", plan.request().toys(), "toys", plan.local(), status);
    Counters c = job.getCounters();
    long toys = c == null ? 0 : c.findCounter(ShardMapper.COUNTERS, "TOYS").getValue();
    boolean ok = job.isSuccessful();
    return new Result(ok, String.valueOf(job.getJobID()), toys, (System.nanoTime() - t0) / 1e9,
        ok ? null : JobDiagnostics.failureInfo(job, plan.local()), Optional.empty());
  }
}
