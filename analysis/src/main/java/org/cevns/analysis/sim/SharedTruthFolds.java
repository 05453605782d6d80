package org.cevns.analysis.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.SpectrumAccumulator;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.reweight.SignalEvents;
import org.cevns.detsim.background.EnergyScale;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.detsim.sim.BlockResponse;
import org.cevns.detsim.sim.DetectorSimulation;
import org.cevns.detsim.sim.SimStreams;
import org.cevns.events.block.EventBlock;
import org.cevns.events.block.SimBlock;
import org.cevns.events.run.ParallelRunner;
import org.cevns.generator.run.EventCount;
import org.cevns.generator.run.RecoilFloors;
import org.cevns.schema.GeneratorSettings;

/**
 * The nominal templates and the templates re-folded through other detector responses of the same model, in one
 * simulation pass: each block's truth and backgrounds are drawn once ({@link DetectorSimulation#fill} with the
 * nominal response), then every other response is applied to the same rows with the block's own response stream
 * ({@link SimStreams#response}, the stream a separate simulation of that response would draw from), and each
 * response's detected rows are histogrammed into its own accumulator in block order. The spectra are the same, bit
 * for bit, as those of one {@link SimulatedSpectra#histogram} per response with the same seed and event count: the
 * truth generator and the background channels draw the same events whatever the response, a background channel's
 * visible energy is the only value they take from it (re-computed here with the other response's background
 * quenching, {@link DetectorResponse#backgroundVisibleKeVee}), and a beam time offset (timing systematic), which the
 * response adds to the truth times, is undone after each response. A separate simulation per response drew the
 * same truth again and built the same sampling tables again (~a quarter of coherent-csi's CPU samples;
 * docs/performance-history.md, "fitspeed (thirty-fourth session)").
 */
final class SharedTruthFolds {
  private SharedTruthFolds() {}

  /**
   * One other response.
   *
   * @param setup the simulation with that response (same model and backgrounds as the nominal one)
   * @param energyFactors per detector, the factor on the reported energies (or null)
   */
  record Fold(SimulationSetup setup, double[] energyFactors) {}

  /** Whether every response of {@code setup} adds no beam time offset (the nominal one must not). */
  static boolean noTimeOffsets(SimulationSetup setup) {
    for (int d = 0; d < setup.detectors().size(); d++) {
      if (setup.detsim().response(d).beamTimeOffsetNs() != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The spectra of the nominal response, then of each fold, of {@code count} events (as {@link
   * SimulatedSpectra#histogram} with the same arguments, {@code events} recorded from the nominal pass only).
   */
  static List<SpectrumSet> histogram(SimulationSetup setup, GeneratorSettings settings, long seed, EventCount count,
      int threads, HistogramBinning binning, double weightScale, LongConsumer progress, SignalEvents events,
      RecoilFloors floors, TemplateSizes sizes, List<Fold> folds) throws Exception {
    DetectorSimulation sim = DetectorSimulation.of(setup.model(), setup.detsim(), setup.backgrounds(), settings, seed,
        count.events(), threads, false, floors, sizes.backgroundSampling());
    int nDetectors = setup.detectors().size();
    BlockResponse[] responses = new BlockResponse[folds.size()];
    DetectorResponse[][] detectorResponses = new DetectorResponse[folds.size()][nDetectors];
    boolean[] shiftsTimes = new boolean[folds.size()];
    List<SpectrumAccumulator> accs = new ArrayList<>();
    List<SimBlockHistogrammer> hs = new ArrayList<>();
    for (int v = 0; v <= folds.size(); v++) {
      SpectrumAccumulator acc = new SpectrumAccumulator(binning);
      accs.add(acc);
      SimBlockHistogrammer h = new SimBlockHistogrammer(setup.model(), setup.components(), acc, weightScale, null)
          .withSlotScale(sizes.slotScale());
      hs.add(v == 0 ? h.recording(events) : h.withEnergyFactors(folds.get(v - 1).energyFactors()));
      if (v > 0) {
        SimulationSetup s = folds.get(v - 1).setup();
        responses[v - 1] = BlockResponse.of(s.model(), s.detsim());
        for (int d = 0; d < nDetectors; d++) {
          detectorResponses[v - 1][d] = s.detsim().response(d);
        }
        shiftsTimes[v - 1] = !noTimeOffsets(s);
      }
    }
    org.cevns.events.run.BlockConsumer<FoldBlock> consumer = (blockIndex, b) -> {
      for (int v = 0; v < b.observed.length; v++) {
        hs.get(v).accept(b.sim, b.observed[v], b.npe[v], b.detected[v], b.window[v],
            b.timeNs[v] == null ? b.sim.truth.timeNs : b.timeNs[v]);
      }
    };
    long total = sim.totalEvents();
    ParallelRunner.run(0, sim.blockCount(), threads, () -> new FoldBlock(shiftsTimes),
        (blockIndex, b) -> fill(sim, seed, responses, detectorResponses, blockIndex, b), consumer,
        progress == null ? null : blocks -> progress.accept(Math.min(total, blocks * EventBlock.CAPACITY)));
    List<SpectrumSet> out = new ArrayList<>();
    accs.forEach(a -> out.add(a.result()));
    return out;
  }

  /** Truth and nominal response, then each fold's response on the same rows; each response's columns saved. */
  private static void fill(DetectorSimulation sim, long seed, BlockResponse[] responses,
      DetectorResponse[][] detectorResponses, long blockIndex, FoldBlock b) {
    SimBlock s = b.sim;
    sim.fill(blockIndex, s);
    int n = s.size();
    b.save(0, n);
    double[] times = null;
    for (int v = 0; v < responses.length; v++) {
      EventBlock t = s.truth;
      DetectorResponse[] r = detectorResponses[v];
      for (int i = 0; i < n; i++) {
        if (s.component[i] != SimBlock.SIGNAL && !Double.isNaN(t.recoilKeV[i])) {
          // a background drawn on the nuclear-recoil scale (BackgroundChannels.fill: recoilKeV holds its energy)
          s.quenchedKeVee[i] = r[t.detector[i]].backgroundVisibleKeVee(EnergyScale.NUCLEAR_RECOIL, t.recoilKeV[i]);
        }
      }
      if (b.timeNs[v + 1] != null && times == null) {
        times = java.util.Arrays.copyOf(t.timeNs, n);
      }
      responses[v].apply(s, SimStreams.response(seed, blockIndex));
      b.save(v + 1, n);
      if (b.timeNs[v + 1] != null) {
        System.arraycopy(times, 0, t.timeNs, 0, n);
      }
    }
  }

  /** A simulated block and the detsim columns of each response (nominal first). */
  private static final class FoldBlock {
    final SimBlock sim = new SimBlock();
    final double[][] observed;
    final int[][] npe;
    final boolean[][] detected;
    final byte[][] window;
    /** The event times of a response that shifts them (null: the truth's). */
    final double[][] timeNs;

    FoldBlock(boolean[] shiftsTimes) {
      int m = shiftsTimes.length + 1;
      observed = new double[m][EventBlock.CAPACITY];
      npe = new int[m][EventBlock.CAPACITY];
      detected = new boolean[m][EventBlock.CAPACITY];
      window = new byte[m][EventBlock.CAPACITY];
      timeNs = new double[m][];
      for (int v = 1; v < m; v++) {
        timeNs[v] = shiftsTimes[v - 1] ? new double[EventBlock.CAPACITY] : null;
      }
    }

    void save(int v, int n) {
      System.arraycopy(sim.observedKeVee, 0, observed[v], 0, n);
      System.arraycopy(sim.npe, 0, npe[v], 0, n);
      System.arraycopy(sim.detected, 0, detected[v], 0, n);
      System.arraycopy(sim.window, 0, window[v], 0, n);
      if (timeNs[v] != null) {
        System.arraycopy(sim.truth.timeNs, 0, timeNs[v], 0, n);
      }
    }
  }
}
