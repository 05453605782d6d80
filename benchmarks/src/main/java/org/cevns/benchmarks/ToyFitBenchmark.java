package org.cevns.benchmarks;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.analysis.sim.SimulationSetup;
import org.cevns.analysis.sim.TemplateMaker;
import org.cevns.analysis.sim.ToyJob;
import org.cevns.analysis.stat.ToyStudy;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ExperimentConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One toy experiment of {@code cevns toys} on the CsI configuration: Poisson counts and auxiliary measurements
 * drawn, then the global fit, the 68.27 % profile interval of μ and q0, and the fit and interval of each
 * {@code analysis.parameters} entry, with the configured systematics ({@link ToyStudy#run(long)}); µs per toy,
 * one thread. The templates are simulated once in the set-up (seed 1, as {@code cevns toys --seed 1}); each call
 * runs the next toy index, so the fits see different data as in a study.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ToyFitBenchmark {
  private ToyStudy study;
  private long toy;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    ExperimentConfig config = Fixtures.config();
    ExperimentModel model = ExperimentModel.build(config);
    SimulationSetup setup = SimulationSetup.of(model, DetsimConfig.of(model), "toy benchmark templates");
    AnalysisJob.Options o = new AnalysisJob.Options(1, 1L, Optional.empty(), TemplateMaker.DEFAULT_MAX_EVENTS,
        line -> { });
    study = ToyJob.prepare(setup, AnalysisConfig.of(config), o, 1L);
  }

  @Benchmark
  public ToyStudy.Row toy() {
    return study.run(toy++);
  }
}
