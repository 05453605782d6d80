package org.cevns.mapreduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.analysis.sim.SimulationSetup;
import org.cevns.analysis.sim.ToyJob;
import org.cevns.analysis.stat.ToyStudy;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.events.run.Shard;

/**
 * A map task of {@code cevns mapreduce toys}: builds the templates and the fit model once (from the bundled
 * configuration and the client's seed, so every task builds the same ones), then simulates and fits toys
 * [I·T/N, (I+1)·T/N) of shard I and hands them to {@link ToysOutputFormat} as one record. The templates'
 * statistics warning ({@link ToyJob.Study#templateWarning}), if any, goes into every part's footer
 * ({@link org.cevns.analysis.report.ToyTable#TEMPLATES_WARNING}), where the client reads it.
 */
public final class ToysMapper extends Mapper<IntWritable, NullWritable, NullWritable, ToysOutputFormat.Batch> {
  private ToyStudy study;
  private Optional<String> templateWarning = Optional.empty();
  private String resolvedYaml;

  @Override
  protected void setup(Context context) throws IOException {
    Configuration conf = context.getConfiguration();
    Path dir = Files.createTempDirectory("cevns-config");
    try {
      ExperimentConfig config = ConfigLoader.load(ConfigBundle.load(conf).materialize(dir));
      ExperimentModel model = ExperimentModel.build(config);
      SimulationSetup setup = SimulationSetup.of(model, DetsimConfig.of(model), "cevns mapreduce toys simulates"
          + " detector-level templates");
      AnalysisConfig analysis = AnalysisConfig.of(config);
      long seed = JobKeys.requiredLong(conf, JobKeys.SEED);
      int threads = Math.max(1, conf.getInt(JobKeys.THREADS, 1));
      // mapreduce toys has --max-template-events but no --templates: the template-statistics warning names the first
      AnalysisJob.Options o = new AnalysisJob.Options(threads, seed, Optional.empty(),
          JobKeys.requiredLong(conf, ToysRun.MAX_TEMPLATE_EVENTS), line -> context.setStatus(line),
          org.cevns.analysis.pipeline.TemplateStatistics.Remedy.MAX_EVENTS);
      ToyJob.Study s = ToyJob.study(setup, analysis, o, seed);
      study = s.study();
      templateWarning = s.templateWarning();
      resolvedYaml = JobKeys.metadata(conf).get(org.cevns.events.io.TruthMetadata.CONFIG);
    } catch (IOException | RuntimeException e) {
      LocalTaskFailures.record(context.getTaskAttemptID(), e);
      throw e;
    } catch (Exception e) {
      LocalTaskFailures.record(context.getTaskAttemptID(), e);
      throw new IOException(e);
    } finally {
      ShardMapper.deleteTree(dir);
    }
  }

  @Override
  protected void map(IntWritable key, NullWritable value, Context context) throws IOException, InterruptedException {
    Configuration conf = context.getConfiguration();
    Shard shard = new Shard(key.get(), JobKeys.requiredInt(conf, JobKeys.SHARDS));
    long toys = JobKeys.requiredLong(conf, ToysRun.TOYS);
    long seed = JobKeys.requiredLong(conf, JobKeys.SEED);
    long from = toys * shard.index() / shard.count();
    long to = toys * (shard.index() + 1) / shard.count();
    int threads = Math.max(1, conf.getInt(JobKeys.THREADS, 1));
    context.setStatus(String.format(Locale.ROOT, "shard %s: toys [%d, %d)", shard, from, to));
    List<ToyStudy.Row> rows;
    try {
      rows = ToyJob.run(study, from, to, threads);
    } catch (IOException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
    context.getCounter(ShardMapper.COUNTERS, "TOYS").increment(rows.size());
    context.write(NullWritable.get(), new ToysOutputFormat.Batch(study.columns(), rows,
        ToyJob.metadata(resolvedYaml, seed, toys, from, to, templateWarning)));
  }
}
