package org.cevns.mapreduce;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.cevns.schema.ExperimentConfig;
import org.cevns.events.block.EventDictionary;
import org.cevns.generator.run.EventCount;

/** What differs between the stages of a sharded run, on the client side. */
interface StagePlan {
  /** Expected events of the configured exposure (the Poisson mean of the run's total). */
  double expectedEvents();

  /** Checks that the run can be made (e.g. events requested from a configuration that expects none). */
  void check(long seed, long runEvents);

  /** File metadata of the run (without the shard entries). */
  Map<String, String> metadata(long seed, EventCount count, boolean weighted);

  /** The run's dictionary. */
  EventDictionary dictionary();

  /** Stage-specific job settings. */
  default void configure(Configuration conf) {}

  @SuppressWarnings("rawtypes")
  Class<? extends Mapper> mapper();

  @SuppressWarnings("rawtypes")
  Class<? extends OutputFormat> outputFormat();

  Class<?> valueClass();

  static StagePlan of(ShardedRun.Stage stage, ExperimentConfig config, ShardedRun.Request request) {
    return switch (stage) {
      case GENERATE -> new GeneratePlan(config);
      case SIMULATE -> new SimulatePlan(config, request.dropUndetected());
    };
  }
}
