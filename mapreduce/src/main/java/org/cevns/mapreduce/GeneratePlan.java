package org.cevns.mapreduce;

import java.util.Map;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.schema.ExperimentConfig;
import org.cevns.events.block.EventBlock;
import org.cevns.events.block.EventDictionary;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.EventCount;
import org.cevns.generator.run.RunMetadata;

/** Client side of {@code cevns mapreduce generate}: the same model, count and metadata as {@code cevns generate}. */
final class GeneratePlan implements StagePlan {
  private final ExperimentModel model;

  GeneratePlan(ExperimentConfig config) {
    this.model = ExperimentModel.build(config);
    DetsimConfig.of(model); // validates the detsim sections, as cevns generate does
  }

  @Override
  public double expectedEvents() {
    return model.totalExpectedEvents();
  }

  @Override
  public void check(long seed, long runEvents) {
    if (runEvents > 0 && !(model.totalExpectedEvents() > 0)) {
      throw new RunSetupException("the configuration expects no events: nothing to sample " + runEvents
          + " events from");
    }
  }

  @Override
  public Map<String, String> metadata(long seed, EventCount count, boolean weighted) {
    return RunMetadata.of(model, seed, count, weighted).toMap();
  }

  @Override
  public EventDictionary dictionary() {
    return model.dictionary();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Class<? extends Mapper> mapper() {
    return GenerateMapper.class;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Class<? extends OutputFormat> outputFormat() {
    return TruthOutputFormat.class;
  }

  @Override
  public Class<?> valueClass() {
    return EventBlock.class;
  }
}
