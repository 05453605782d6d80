package org.cevns.mapreduce;

import java.util.List;
import java.util.function.LongConsumer;
import org.apache.hadoop.conf.Configuration;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.detsim.sim.DetectorSimulation;
import org.cevns.events.block.SimBlock;
import org.cevns.detsim.sim.SimJobs;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.GeneratorSettings;
import org.cevns.events.block.EventBlock;
import org.cevns.events.block.EventDictionary;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.events.run.Shard;

/** Map task of {@code cevns mapreduce simulate}: generation, backgrounds and response of one shard. */
public final class SimulateMapper extends ShardMapper<SimBlock> {
  private ExperimentModel model;
  private DetectorSimulation simulation;

  @Override
  protected void prepare(ExperimentConfig config, Configuration conf) {
    model = ExperimentModel.build(config);
    DetsimConfig detsim = DetsimConfig.of(model).requireResponses("cevns mapreduce simulate needs the response of"
        + " every detector");
    BackgroundChannels backgrounds = BackgroundChannels.of(model, detsim);
    List<String> expected = JobKeys.strings(conf, JobKeys.COMPONENTS);
    if (!expected.equals(backgrounds.componentNames())) {
      throw new IllegalStateException("the task's background components " + backgrounds.componentNames()
          + " differ from the client's " + expected);
    }
    GeneratorSettings gs = config.generator();
    gs = new GeneratorSettings(conf.getBoolean(JobKeys.WEIGHTED, gs.weighted()), gs.energyNodes(), gs.recoilNodes());
    int threads = Math.max(1, conf.getInt(JobKeys.THREADS, 1));
    boolean drop = conf.getBoolean(JobKeys.DROP_UNDETECTED, false);
    long seed = JobKeys.requiredLong(conf, JobKeys.SEED);
    simulation = conf.getBoolean(JobKeys.MEAN, false)
        ? DetectorSimulation.ofMean(model, detsim, backgrounds, gs, seed, threads, drop)
        : DetectorSimulation.of(model, detsim, backgrounds, gs, seed, JobKeys.requiredLong(conf, JobKeys.RUN_EVENTS),
            threads, drop);
  }

  @Override
  protected EventDictionary dictionary() {
    return model.dictionary();
  }

  @Override
  protected long events(Shard shard) {
    return shard.events(simulation.totalEvents(), EventBlock.CAPACITY);
  }

  @Override
  protected void run(Shard shard, int threads, BlockOutput<SimBlock> out, LongConsumer progress) throws Exception {
    SimJobs.simulateBlocks(simulation, shard, threads, out::write, progress);
  }
}
