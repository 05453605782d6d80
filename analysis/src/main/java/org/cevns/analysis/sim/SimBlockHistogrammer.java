package org.cevns.analysis.sim;

import java.util.Arrays;
import java.util.List;
import org.cevns.analysis.events.EventColumns;
import org.cevns.analysis.events.SignalProcess;
import org.cevns.analysis.events.SpectrumAccumulator;
import org.cevns.events.block.SimBlock;
import org.cevns.events.block.WindowKind;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.events.run.BlockConsumer;

/**
 * Histograms simulated blocks directly (no file): the detected rows of each {@link SimBlock}, weight × a
 * fixed scale (e.g. expected events / simulated events for templates), into a {@link SpectrumAccumulator}, with
 * the same keys as {@link org.cevns.analysis.events.EventFileHistogrammer} (EvES signal rows get the component
 * {@link EventColumns#EVES_COMPONENT} unless EvES is the signal, {@link SignalProcess}). The range scanner sees the
 * signal only (CEvNS and upscattering, or EvES when it is the signal).
 * Used as the consumer of {@code ParallelRunner} (one thread). Not thread-safe.
 */
final class SimBlockHistogrammer implements BlockConsumer<SimBlock> {
  private final SpectrumAccumulator acc;
  private final double weightScale;
  private final List<String> detectors;
  private final List<String> periods;
  private final List<String> components;
  private final int nPeriods;
  private final int nWindows = WindowKind.values().length;
  private final int nComponents;
  private final int[] keys;
  private final int[] evesKeys;
  private final RangeScanner ranges;
  private final boolean splitEves;
  private double[] energyFactor;
  private double[] slotScale;
  private org.cevns.analysis.reweight.SignalEvents signalEvents;
  private static final byte EVES = (byte) org.cevns.physics.Process.EVES.ordinal();

  /**
   * @param model the model (dictionary of detectors and periods)
   * @param components component names ({@code signal}, then backgrounds)
   * @param acc where to fill
   * @param weightScale factor applied to every event weight
   * @param ranges also collects the detected signal's energy range, or null
   */
  public SimBlockHistogrammer(ExperimentModel model, List<String> components, SpectrumAccumulator acc,
      double weightScale, RangeScanner ranges) {
    this.acc = acc;
    this.weightScale = weightScale;
    this.detectors = model.dictionary().detectors();
    this.periods = model.dictionary().periods();
    this.components = List.copyOf(components);
    this.nPeriods = periods.size();
    this.nComponents = components.size();
    this.keys = new int[detectors.size() * nPeriods * nWindows * nComponents];
    Arrays.fill(keys, -1);
    this.evesKeys = new int[keys.length];
    Arrays.fill(evesKeys, -1);
    this.ranges = ranges;
    this.splitEves = SignalProcess.of(model.config()).evesIsBackground();
  }

  /**
   * Multiplies the observed energy of detector d's events by {@code factors[d]} before filling (the reported
   * energy of an energy-scale variation); null for none.
   */
  public SimBlockHistogrammer withEnergyFactors(double[] factors) {
    this.energyFactor = factors == null ? null : factors.clone();
    return this;
  }

  /**
   * Multiplies the weight of the events of slot (detector × periods + period) × components + component by
   * {@code scale[slot]} ({@link TemplateSizes#slotScale}); null for none.
   */
  public SimBlockHistogrammer withSlotScale(double[] scale) {
    this.slotScale = scale == null ? null : scale.clone();
    return this;
  }

  /**
   * Also records every detected signal event (CEvNS, upscattering and EvES; truth and observation) into
   * {@code events}.
   */
  public SimBlockHistogrammer recording(org.cevns.analysis.reweight.SignalEvents events) {
    this.signalEvents = events;
    return this;
  }

  @Override
  public void accept(long blockIndex, SimBlock b) {
    accept(b, b.observedKeVee, b.npe, b.detected, b.window, b.truth.timeNs);
  }

  /**
   * Fills the rows of {@code b} with the detsim columns (observed keVee, PE, detected, window) and the event times
   * given instead of the block's own: those of one response of a {@link SharedTruthFolds} pass, whose responses
   * share the block's truth.
   */
  void accept(SimBlock b, double[] observedKeVee, int[] npes, boolean[] detected, byte[] window, double[] timeNs) {
    EventBlock t = b.truth;
    int n = b.size();
    for (int i = 0; i < n; i++) {
      if (!detected[i]) {
        continue;
      }
      int slot = ((t.detector[i] * nPeriods + t.period[i]) * nWindows + window[i]) * nComponents + b.component[i];
      boolean eves = splitEves && b.component[i] == SimBlock.SIGNAL && t.process[i] == EVES;
      int[] table = eves ? evesKeys : keys;
      int k = table[slot];
      if (k < 0) {
        k = acc.key(detectors.get(t.detector[i]), periods.get(t.period[i]),
            WindowKind.values()[window[i]].columnName(),
            eves ? EventColumns.EVES_COMPONENT : components.get(b.component[i]));
        table[slot] = k;
      }
      int npe = npes[i] == SimBlock.NO_NPE ? -1 : npes[i];
      double w = t.weight[i] * weightScale;
      if (slotScale != null) {
        w *= slotScale[(t.detector[i] * nPeriods + t.period[i]) * nComponents + b.component[i]];
      }
      double observed = energyFactor == null ? observedKeVee[i] : observedKeVee[i] * energyFactor[t.detector[i]];
      acc.fill(k, observed, timeNs[i], npe, w);
      if (signalEvents != null && b.component[i] == SimBlock.SIGNAL) {
        signalEvents.add(acc.keyOf(k), observed, timeNs[i], npe, w, t.enuMeV[i], t.recoilKeV[i], t.flavor[i],
            t.process[i], t.targetZ[i], t.targetA[i]);
      }
      if (ranges != null && b.component[i] == SimBlock.SIGNAL && !eves) {
        ranges.add(t.detector[i], observed, npe, w);
      }
    }
  }
}
