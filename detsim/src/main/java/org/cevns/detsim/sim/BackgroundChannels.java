package org.cevns.detsim.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.generator.run.EventRecord;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.cevns.detsim.background.BackgroundExposure;
import org.cevns.detsim.background.BeamState;
import org.cevns.detsim.background.EnergyScale;
import org.cevns.detsim.background.TimeFrame;
import org.cevns.detsim.setup.BackgroundSpec;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.detsim.setup.SourceInfo;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.SourceExposure;
import org.cevns.physics.source.ExposureUnit;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.events.block.SimBlock;

/**
 * The background channels of an experiment: every configured background component of every detector, in
 * every period of the detector's exposure to the component's source. Immutable and thread-safe.
 *
 * <p>Exposure of a channel: the detector's mass, the period's live time (for pulsed sources the beam time at
 * the configured power, {@code SourceExposure.liveSeconds}), its protons on target (pulsed sources) and its
 * state ({@code off} → OFF, every other period → ON). Time frame: a pulsed period spreads beam-unrelated
 * events uniformly over the recorded span of a beam cycle ({@code windows.record_start_ns},
 * {@code record_length_ns}; by default the whole period from the earlier window start, or [0, period) without
 * windows), and its live time for them is the beam time × span / period (beam-related components scale with
 * POT and follow their pulse profiles, whatever the span); a steady period spreads them over its live time
 * ({@link TimeFrame#run}). Periods with zero live time have no channel.
 *
 * <p>Component codes: {@code signal} is 0, background names get codes 1, 2, … in order of first appearance
 * (detectors in configuration order); the same name in two detectors shares a code.
 */
public final class BackgroundChannels {
  private final List<BackgroundChannel> channels;
  private final List<String> componentNames;
  private final DetsimConfig config;
  private final EventRecord record;

  private BackgroundChannels(List<BackgroundChannel> channels, List<String> componentNames, DetsimConfig config,
      EventRecord record) {
    this.channels = List.copyOf(channels);
    this.componentNames = List.copyOf(componentNames);
    this.config = config;
    this.record = record;
  }

  /** Builds the channels of {@code model} with the backgrounds, responses and windows of {@code config}. */
  public static BackgroundChannels of(ExperimentModel model, DetsimConfig config) {
    Map<String, Integer> codes = componentCodes(config);
    List<BackgroundChannel> out = new ArrayList<>();
    List<String> periods = model.dictionary().periods();
    for (int d = 0; d < model.detectors().size(); d++) {
      double massKg = model.detectors().get(d).massKg();
      for (BackgroundSpec spec : config.backgrounds().get(d)) {
        int code = codes.get(spec.name());
        SourceInfo source = config.sources().get(spec.sourceIndex());
        List<SourceExposure> exposures = model.exposures();
        for (int x = 0; x < exposures.size(); x++) {
          SourceExposure e = exposures.get(x);
          if (e.detectorIndex() != d || e.sourceIndex() != spec.sourceIndex() || !(e.liveSeconds() > 0)) {
            continue;
          }
          BeamState state = e.period().equals(ExperimentModel.PERIOD_OFF) ? BeamState.OFF : BeamState.ON;
          double pot = e.exposureUnit() == ExposureUnit.PROTON_ON_TARGET ? e.exposure() : 0.0;
          TimeFrame frame;
          double liveSeconds = e.liveSeconds();
          if (source.pulsed()) {
            double period = source.periodNs();
            frame = config.windows().map(w -> new TimeFrame(true, w.recordStartNs(), w.recordLengthNs(period)))
                .orElse(new TimeFrame(true, 0.0, period));
            liveSeconds *= frame.lengthNs() / period;
          } else {
            frame = TimeFrame.run(liveSeconds);
          }
          BackgroundExposure exposure =
              new BackgroundExposure(massKg, liveSeconds, pot, state, spec.daysSinceReference());
          double expected = spec.component().expectedCounts(exposure);
          out.add(new BackgroundChannel(d, x, e.period(), periods.indexOf(e.period()), code, spec, exposure, frame,
              spec.component().timeProfile(frame), expected));
        }
      }
    }
    return new BackgroundChannels(out, new ArrayList<>(codes.keySet()), config, EventRecord.forExtraRows(model));
  }

  /**
   * Component codes by name (see the class comment): {@code signal} 0, then the background names of {@code config}
   * in order of first appearance, detectors in configuration order. {@link BlockResponse} reads the same codes.
   */
  static Map<String, Integer> componentCodes(DetsimConfig config) {
    Map<String, Integer> codes = new LinkedHashMap<>();
    codes.put(org.cevns.schema.BackgroundKeys.SIGNAL, SimBlock.SIGNAL);
    for (List<BackgroundSpec> specs : config.backgrounds()) {
      for (BackgroundSpec spec : specs) {
        codes.computeIfAbsent(spec.name(), k -> codes.size());
      }
    }
    return codes;
  }

  /** The channels, in order (detector, configured component, period). */
  public List<BackgroundChannel> channels() {
    return channels;
  }

  /** Component names by code: {@code signal}, then background names. */
  public List<String> componentNames() {
    return componentNames;
  }

  /** Expected events of each channel. */
  public double[] expected() {
    double[] e = new double[channels.size()];
    for (int j = 0; j < e.length; j++) {
      e[j] = channels.get(j).expected();
    }
    return e;
  }

  /**
   * The histogram slot of channel {@code j}: {detector index, period code, component code} (the columns of its
   * events; two channels may share one, e.g. one component name configured twice in a detector).
   */
  public int[] slot(int j) {
    BackgroundChannel c = channels.get(j);
    return new int[] {c.detectorIndex(), c.periodCode(), c.componentCode()};
  }

  /** Sum of the expected background events. */
  public double totalExpected() {
    double s = 0;
    for (BackgroundChannel c : channels) {
      s += c.expected();
    }
    return s;
  }

  /**
   * Expected events of the channels of pulsed periods that fall outside both beam windows (from each channel's time
   * profile: beam-unrelated components are uniform over the recorded span of a beam cycle, {@code
   * windows.record_start_ns}/{@code record_length_ns}, by default the whole beam period); 0 without windows. A beam
   * analysis fits the two windows only, so these events of a template simulation are simulated for nothing (walk33:
   * a steady background over a 16.7 ms SNS period has 0.072 % of its events in two 6 µs windows).
   */
  public double expectedOutsideWindows() {
    if (config.windows().isEmpty()) {
      return 0;
    }
    var w = config.windows().get();
    double cs = w.coincidenceStartNs();
    double as = w.anticoincidenceStartNs();
    double len = w.coincidenceLengthNs();
    double outside = 0;
    for (BackgroundChannel c : channels) {
      if (c.frame().pulsed()) {
        var p = c.timeProfile();
        double inside = p.cdf(cs + len) - p.cdf(cs) + p.cdf(as + len) - p.cdf(as);
        outside += c.expected() * Math.max(0.0, 1.0 - inside);
      }
    }
    return outside;
  }

  /**
   * Fills the event-record columns (vertex, pulse index, time since the run start; no particles) of background
   * rows {@code [row, row + count)} already filled by {@link #fill}, drawing from {@code rng}. For background
   * blocks appended outside the generator (detsim on a truth file), whose block is reused between blocks: without
   * it those columns would keep the previous block's values (regression: ProcessFaultTest).
   */
  public void fillRecord(UniformRandomProvider rng, EventBlock block, int row, int count) {
    record.fillExtra(block, row, count, rng);
  }

  /**
   * Fills rows {@code [row, row + count)} of {@code block} with events of channel {@code j}, drawing energies
   * and times from {@code rng}; sets the truth columns (null codes for process, flavour and parent, NaN
   * neutrino energy, Z = A = 0, the recoil energy for keVnr components and NaN for keVee ones), the component code and the visible energy (keVnr components quenched with
   * the detector's main element). {@code eventId} and {@code weight} are left to the caller.
   */
  public void fill(int j, UniformRandomProvider rng, SimBlock block, int row, int count) {
    BackgroundChannel ch = channels.get(j);
    ContinuousSampler energy = ch.spec().component().energySampler(rng);
    ContinuousSampler time = ch.timeProfile().sampler(rng);
    DetectorResponse response = config.response(ch.detectorIndex());
    EnergyScale scale = ch.spec().component().energyScale();
    EventBlock t = block.truth;
    for (int i = row; i < row + count; i++) {
      double e = energy.sample();
      t.detector[i] = ch.detectorIndex();
      t.process[i] = SimBlock.NO_CODE;
      t.flavor[i] = SimBlock.NO_CODE;
      t.parent[i] = SimBlock.NO_CODE;
      t.enuMeV[i] = Double.NaN;
      t.targetZ[i] = 0;
      t.targetA[i] = 0;
      t.recoilKeV[i] = scale == EnergyScale.NUCLEAR_RECOIL ? e : Double.NaN; // no keVee in a truth column
      t.timeNs[i] = time.sample();
      t.period[i] = ch.periodCode();
      block.component[i] = ch.componentCode();
      block.quenchedKeVee[i] = response.backgroundVisibleKeVee(scale, e);
    }
  }
}
