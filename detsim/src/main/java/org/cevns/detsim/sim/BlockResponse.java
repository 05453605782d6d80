package org.cevns.detsim.sim;

import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.detsim.setup.WindowsConfig;
import org.cevns.detsim.response.Observation;
import org.cevns.events.block.WindowKind;
import org.cevns.physics.Process;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.SourceExposure;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.events.block.SimBlock;

/**
 * Applies the detector response to every row of a {@link SimBlock}: visible energy of signal rows (background
 * rows carry theirs from {@link BackgroundChannels#fill}), observation, detection, and the beam window. Per
 * row and in row order it draws from the stream given: the energy response, then one uniform deviate when
 * the detection probability is strictly between 0 and 1. Immutable and thread-safe.
 *
 * <p>Beam time offset ({@link DetectorResponse#beamTimeOffsetNs}, 0 unless a fit systematic varies it): added to
 * the time of the signal and beam-related background rows of pulsed periods before the windows.
 *
 * <p>Windows: rows of a pulsed source's period ({@code beam}) are classified by their time with the configured
 * windows; every other row, and every row when no windows are configured, is in window {@code none}.
 */
public final class BlockResponse {
  private static final Process[] PROCESSES = Process.values();

  private final DetectorResponse[] responses;
  private final boolean[] pulsedPeriod;
  private final WindowsConfig windows;
  /** Start of the anti-coincidence window in ns (NaN without windows). */
  private final double antiStartNs;
  private static final byte COINCIDENCE = (byte) WindowKind.COINCIDENCE.ordinal();
  /** Odd multiplier spreading event ids over the seeds of the time-efficiency draws (the 64-bit golden ratio). */
  private static final long TIME_STREAM_MULTIPLIER = 0x9E3779B97F4A7C15L;
  private final boolean anyTimeEfficiency;
  /** Per component code: follows the beam pulse (signal, beam-related backgrounds). */
  private final boolean[] beamComponent;

  private BlockResponse(DetectorResponse[] responses, boolean[] pulsedPeriod, WindowsConfig windows,
      boolean[] beamComponent) {
    this.responses = responses;
    this.beamComponent = beamComponent;
    this.pulsedPeriod = pulsedPeriod;
    this.windows = windows;
    this.anyTimeEfficiency = windows != null
        && java.util.Arrays.stream(responses).anyMatch(x -> x != null && x.timeEfficiency().isPresent());
    this.antiStartNs = windows == null ? Double.NaN
        : windows.placement() == org.cevns.detsim.window.AntiWindowPlacement.BEFORE
            ? windows.coincidenceStartNs() - windows.delayNs() : windows.coincidenceStartNs() + windows.delayNs();
  }

  /** For {@code model}'s detectors and periods; every detector must have a response. */
  public static BlockResponse of(ExperimentModel model, DetsimConfig config) {
    DetectorResponse[] r = new DetectorResponse[model.detectors().size()];
    for (int d = 0; d < r.length; d++) {
      r[d] = config.response(d);
    }
    List<String> periods = model.dictionary().periods();
    boolean[] pulsed = new boolean[periods.size()];
    for (SourceExposure e : model.exposures()) {
      if (e.source().isPresent() && e.source().get().pulsed()) {
        pulsed[periods.indexOf(e.period())] = true;
      }
    }
    Optional<WindowsConfig> w = config.windows();
    java.util.Map<String, Integer> codes = BackgroundChannels.componentCodes(config);
    boolean[] beamComponent = new boolean[codes.size()];
    beamComponent[SimBlock.SIGNAL] = true;
    for (List<org.cevns.detsim.setup.BackgroundSpec> specs : config.backgrounds()) {
      for (org.cevns.detsim.setup.BackgroundSpec spec : specs) {
        beamComponent[codes.get(spec.name())] |= spec.component().beamRelated();
      }
    }
    return new BlockResponse(r, pulsed, w.orElse(null), beamComponent);
  }

  /** A uniform deviate in [0, 1) for the time efficiency of event {@code eventId} in a block salted {@code salt}. */
  private static double timeUniform(long salt, long eventId) {
    return new org.apache.commons.rng.core.source64.SplitMix64(salt ^ (eventId * TIME_STREAM_MULTIPLIER)).nextDouble();
  }

  /** Number of detectors (valid detector codes are below it). */
  public int detectorCount() {
    return responses.length;
  }

  /** Number of known periods (valid period codes are below it). */
  public int periodCount() {
    return pulsedPeriod.length;
  }

  /** Fills quenched (signal rows), observed, npe, detected and window for rows [0, size). */
  public void apply(SimBlock b, UniformRandomProvider rng) {
    EventBlock t = b.truth;
    int n = t.size();
    byte none = (byte) WindowKind.NONE.ordinal();
    // time efficiencies draw from a stream of their own per event (salt of the block, event id), so that a
    // response varied for a systematic keeps each event's draw; the block's stream gives up one long for the
    // salt only when a detector has a time efficiency (other configurations keep their streams)
    long salt = anyTimeEfficiency ? rng.nextLong() : 0L;
    for (int i = 0; i < n; i++) {
      DetectorResponse r = responses[t.detector[i]];
      double visible;
      if (b.component[i] == SimBlock.SIGNAL) {
        visible = r.signalVisibleKeVee(PROCESSES[t.process[i]], t.targetZ[i], t.recoilKeV[i]);
        b.quenchedKeVee[i] = visible;
      } else {
        visible = b.quenchedKeVee[i];
      }
      Observation o = r.observe(visible, rng);
      double observed = o.energyKeVee();
      double pe = o.photoelectrons();
      b.observedKeVee[i] = observed;
      // the PE count of the file: the drawn PE rounded (Gamma smearing draws a real value, which the efficiencies
      // see and observed_kevee x LY gives back)
      b.npe[i] = o.hasPhotoelectrons() ? (int) Math.rint(pe) : SimBlock.NO_NPE;
      b.detected[i] = r.detect(observed, pe, rng);
      if (r.beamTimeOffsetNs() != 0 && pulsedPeriod[t.period[i]] && beamComponent[b.component[i]]) {
        t.timeNs[i] += r.beamTimeOffsetNs(); // a beam time offset (fit systematic): the time the detector sees
      }
      b.window[i] = windows != null && pulsedPeriod[t.period[i]] ? (byte) windows.classify(t.timeNs[i]).ordinal()
          : none;
      if (b.detected[i] && b.window[i] != none && r.timeEfficiency().isPresent()) {
        double start = b.window[i] == COINCIDENCE ? windows.coincidenceStartNs() : antiStartNs;
        double p = r.timeEfficiency().get().probability(t.timeNs[i] - start);
        b.detected[i] = p >= 1 || timeUniform(salt, t.eventId[i]) < p;
      }
    }
  }
}
