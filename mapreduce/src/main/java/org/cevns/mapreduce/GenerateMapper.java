package org.cevns.mapreduce;

import java.util.function.LongConsumer;
import org.apache.hadoop.conf.Configuration;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.GeneratorSettings;
import org.cevns.events.block.BlockSink;
import org.cevns.events.block.EventBlock;
import org.cevns.events.block.EventDictionary;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.GenerateJob;
import org.cevns.events.run.Shard;
import org.cevns.generator.run.TruthGenerator;

/** Map task of {@code cevns mapreduce generate}: truth events of one shard ({@link GenerateJob}). */
public final class GenerateMapper extends ShardMapper<EventBlock> {
  private ExperimentModel model;
  private TruthGenerator generator;

  @Override
  protected void prepare(ExperimentConfig config, Configuration conf) {
    model = ExperimentModel.build(config);
    GeneratorSettings gs = config.generator();
    boolean weighted = conf.getBoolean(JobKeys.WEIGHTED, gs.weighted());
    gs = new GeneratorSettings(weighted, gs.energyNodes(), gs.recoilNodes());
    long seed = JobKeys.requiredLong(conf, JobKeys.SEED);
    int threads = Math.max(1, conf.getInt(JobKeys.THREADS, 1));
    generator = conf.getBoolean(JobKeys.MEAN, false)
        ? TruthGenerator.ofMean(model, gs, seed, threads, new double[0])
        : TruthGenerator.of(model, gs, seed, JobKeys.requiredLong(conf, JobKeys.RUN_EVENTS), threads);
  }

  @Override
  protected EventDictionary dictionary() {
    return model.dictionary();
  }

  @Override
  protected long events(Shard shard) {
    return shard.events(generator.totalEvents(), EventBlock.CAPACITY);
  }

  @Override
  protected void run(Shard shard, int threads, BlockOutput<EventBlock> out, LongConsumer progress)
      throws Exception {
    BlockSink sink = new BlockSink() {
      @Override
      public void accept(long blockIndex, EventBlock block) throws java.io.IOException {
        out.write(blockIndex, block);
      }

      @Override
      public void close() {}
    };
    GenerateJob.runBlocks(generator, shard, threads, sink, progress);
  }
}
