package org.cevns.analysis.sim;

import java.util.Map;
import java.util.function.LongConsumer;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.SpectrumAccumulator;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.pipeline.BinningResolver.RangeHint;
import org.cevns.detsim.sim.DetectorSimulation;
import org.cevns.events.block.SimBlock;
import org.cevns.schema.GeneratorSettings;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.run.EventCount;
import org.cevns.events.run.ParallelRunner;

/**
 * Runs a detector-level simulation in memory ({@link DetectorSimulation}, the {@code cevns simulate} pass
 * without a file) and histograms its detected events: templates and pilot runs. The result depends only on the
 * configuration, the seed and the event count, not on the thread count.
 */
final class SimulatedSpectra {
  /** Events of the pilot run that finds the default energy ranges. */
  public static final long PILOT_EVENTS = 200_000;

  private SimulatedSpectra() {}

  /**
   * Simulates {@code count} events and histograms the detected ones with weight × {@code weightScale}.
   *
   * @param ranges also collects the detected signal's range, or null
   * @param progress called with events done (may be null)
   */
  public static SpectrumSet histogram(SimulationSetup setup, GeneratorSettings settings, long seed, EventCount count,
      int threads, HistogramBinning binning, double weightScale, RangeScanner ranges, LongConsumer progress)
      throws Exception {
    return histogram(setup, settings, seed, count, threads, binning, weightScale, ranges, progress, null, null);
  }

  /**
   * As above; {@code energyFactors} (per detector, or null) scale the observed energies before filling, and
   * {@code events} (or null) records the detected CEvNS signal events.
   */
  public static SpectrumSet histogram(SimulationSetup setup, GeneratorSettings settings, long seed, EventCount count,
      int threads, HistogramBinning binning, double weightScale, RangeScanner ranges, LongConsumer progress,
      double[] energyFactors, org.cevns.analysis.reweight.SignalEvents events) throws Exception {
    return histogram(setup, settings, seed, count, threads, binning, weightScale, ranges, progress, energyFactors,
        events, org.cevns.generator.run.RecoilFloors.NONE);
  }

  /** As above, the signal channels sampled above {@code floors}. */
  public static SpectrumSet histogram(SimulationSetup setup, GeneratorSettings settings, long seed, EventCount count,
      int threads, HistogramBinning binning, double weightScale, RangeScanner ranges, LongConsumer progress,
      double[] energyFactors, org.cevns.analysis.reweight.SignalEvents events,
      org.cevns.generator.run.RecoilFloors floors) throws Exception {
    return histogram(setup, settings, seed, count, threads, binning, weightScale, ranges, progress, energyFactors,
        events, floors, null);
  }

  /**
   * As above, the background channels drawn with the weights of {@code sizes} (null: their expectations) and their
   * events' weights × its {@link TemplateSizes#slotScale}.
   */
  public static SpectrumSet histogram(SimulationSetup setup, GeneratorSettings settings, long seed, EventCount count,
      int threads, HistogramBinning binning, double weightScale, RangeScanner ranges, LongConsumer progress,
      double[] energyFactors, org.cevns.analysis.reweight.SignalEvents events,
      org.cevns.generator.run.RecoilFloors floors, TemplateSizes sizes) throws Exception {
    double[] sampling = sizes == null ? setup.backgrounds().expected() : sizes.backgroundSampling();
    DetectorSimulation sim = DetectorSimulation.of(setup.model(), setup.detsim(), setup.backgrounds(), settings, seed,
        count.events(), threads, false, floors, sampling);
    SpectrumAccumulator acc = new SpectrumAccumulator(binning);
    SimBlockHistogrammer h = new SimBlockHistogrammer(setup.model(), setup.components(), acc, weightScale, ranges)
        .withEnergyFactors(energyFactors).recording(events)
        .withSlotScale(sizes == null ? null : sizes.slotScale());
    long total = sim.totalEvents();
    ParallelRunner.run(0, sim.blockCount(), threads, SimBlock::new, sim, h,
        progress == null ? null : blocks -> progress.accept(Math.min(total, blocks * EventBlock.CAPACITY)));
    return acc.result();
  }

  /**
   * The detected signal's energy range per detector from a pilot run of {@link #PILOT_EVENTS} events (fewer if
   * the expectation is smaller, at least 20 000).
   */
  public static Map<String, RangeHint> pilot(SimulationSetup setup, GeneratorSettings settings, long seed,
      int threads, HistogramBinning scratch) throws Exception {
    double expected = setup.expectedEvents();
    long n = Math.max(20_000, Math.min(PILOT_EVENTS, Math.round(expected)));
    RangeScanner ranges = new RangeScanner(setup.detectors());
    histogram(setup, settings, seed, EventCount.fixed(n, expected), threads, scratch, 1.0, ranges, null);
    return ranges.hints();
  }
}
