package org.cevns.mapreduce;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.detsim.sim.DetectorSimulation;
import org.cevns.events.block.SimBlock;
import org.cevns.detsim.sim.SimMetadata;
import org.cevns.schema.ExperimentConfig;
import org.cevns.events.block.EventDictionary;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.EventCount;
import org.cevns.generator.run.RunMetadata;

/** Client side of {@code cevns mapreduce simulate}: the same model, count and metadata as {@code cevns simulate}. */
final class SimulatePlan implements StagePlan {
  private final ExperimentModel model;
  private final DetsimConfig detsim;
  private final BackgroundChannels backgrounds;
  private final boolean dropUndetected;

  SimulatePlan(ExperimentConfig config, boolean dropUndetected) {
    this.model = ExperimentModel.build(config);
    this.detsim = DetsimConfig.of(model).requireResponses("cevns mapreduce simulate needs the response of every"
        + " detector");
    this.backgrounds = BackgroundChannels.of(model, detsim);
    this.dropUndetected = dropUndetected;
  }

  @Override
  public double expectedEvents() {
    return DetectorSimulation.expectedEvents(model, backgrounds);
  }

  @Override
  public void check(long seed, long runEvents) {
    if (runEvents > 0 && !(expectedEvents() > 0)) {
      throw new RunSetupException("the configuration expects no events: nothing to sample " + runEvents
          + " events from");
    }
  }

  @Override
  public Map<String, String> metadata(long seed, EventCount count, boolean weighted) {
    Map<String, String> m = RunMetadata.of(model, seed, count, weighted).toMap();
    SimMetadata.put(m, model, detsim, backgrounds, "simulate", dropUndetected);
    return m;
  }

  @Override
  public EventDictionary dictionary() {
    return model.dictionary();
  }

  @Override
  public void configure(Configuration conf) {
    conf.setStrings(JobKeys.COMPONENTS, backgrounds.componentNames().toArray(String[]::new));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Class<? extends Mapper> mapper() {
    return SimulateMapper.class;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Class<? extends OutputFormat> outputFormat() {
    return SimOutputFormat.class;
  }

  @Override
  public Class<?> valueClass() {
    return SimBlock.class;
  }
}
