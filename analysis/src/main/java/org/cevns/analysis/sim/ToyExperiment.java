package org.cevns.analysis.sim;

import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.cevns.detsim.sim.DetectorSimulation;
import org.cevns.detsim.sim.SimJobs;
import org.cevns.detsim.sim.SimMetadata;
import org.cevns.events.io.SimParquetSink;
import org.cevns.generator.run.EventCount;
import org.cevns.generator.run.RunMetadata;

/**
 * The toy experiment of {@code cevns run}: a Poisson number of signal and background events of the configured
 * exposure, simulated with the detector response as {@code cevns simulate} does, into one detector-level file.
 * Use: {@link #of}, {@link #prepare()} (builds the sampling tables), then {@link #write}.
 */
public final class ToyExperiment {
  private final SimulationSetup setup;
  private final long seed;
  private final int threads;
  private final EventCount count;
  private DetectorSimulation simulation;

  private ToyExperiment(SimulationSetup setup, long seed, int threads, EventCount count) {
    this.setup = setup;
    this.seed = seed;
    this.threads = threads;
    this.count = count;
  }

  /** The toy of {@code setup} with run seed {@code seed}: draws the number of events. */
  public static ToyExperiment of(SimulationSetup setup, long seed, int threads) {
    Objects.requireNonNull(setup, "setup");
    return new ToyExperiment(setup, seed, threads, EventCount.poisson(setup.expectedEvents(), seed));
  }

  /** The number of events and its expectation. */
  public EventCount count() {
    return count;
  }

  /**
   * Builds the simulation (sampling tables of signal and backgrounds).
   *
   * @throws IllegalArgumentException when the configuration cannot be simulated
   */
  public void prepare() {
    if (simulation == null) {
      var model = setup.model();
      simulation = DetectorSimulation.of(model, setup.detsim(), setup.backgrounds(), model.config().generator(), seed,
          count.events(), threads, false);
    }
  }

  /** The key-value metadata of the event file (truth and detector-level keys). */
  public Map<String, String> metadata() {
    var model = setup.model();
    Map<String, String> metadata = RunMetadata.of(model, seed, count, model.config().generator().weighted()).toMap();
    SimMetadata.put(metadata, model, setup.detsim(), setup.backgrounds(), "simulate", false);
    return metadata;
  }

  /**
   * Simulates every event into {@code sink} and closes it; on failure aborts the sink and rethrows.
   *
   * @param progress called with the number of events generated so far (may be null)
   */
  public void write(SimParquetSink sink, LongConsumer progress) throws Exception {
    prepare();
    SimJobs.simulate(simulation, threads, sink, progress);
  }
}
