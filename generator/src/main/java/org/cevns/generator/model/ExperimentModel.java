package org.cevns.generator.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.schema.ConfigException;
import org.cevns.schema.DetectorConfig;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.ExposureConfig;
import org.cevns.schema.FormulaTarget;
import org.cevns.schema.IsotopeTarget;
import org.cevns.schema.LiveTimeExposure;
import org.cevns.schema.PionDarConfig;
import org.cevns.schema.PionDarExposure;
import org.cevns.schema.ReactorConfig;
import org.cevns.schema.ReactorExposure;
import org.cevns.schema.SourceConfig;
import org.cevns.physics.constants.Units;
import org.cevns.events.block.EventDictionary;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.physics.nucleus.Target;
import org.cevns.physics.source.ExposureUnit;
import org.cevns.physics.source.PionDarParameters;
import org.cevns.physics.source.Source;
import org.cevns.physics.source.SourceComponent;
import org.cevns.physics.source.SteadySource;

/**
 * The physics of one experiment, built from its configuration: detectors, what each sees of each source in
 * each period, and every event channel with its expected count. Immutable. Building computes flux-averaged
 * cross sections (milliseconds per channel) but no sampling tables.
 */
public final class ExperimentModel {
  /** Period name of pulsed sources. */
  public static final String PERIOD_BEAM = "beam";
  /** Period names of reactors. */
  public static final String PERIOD_ON = "on";
  /** Period name of a reactor that is off (no reactor neutrinos). */
  public static final String PERIOD_OFF = "off";
  /** Period name of steady sources (Sun, user sources). */
  public static final String PERIOD_RUN = "run";

  private final ExperimentConfig config;
  private final List<DetectorModel> detectors;
  private final List<SourceExposure> exposures;
  private final List<Channel> channels;
  private final EventDictionary dictionary;

  private ExperimentModel(ExperimentConfig config, List<DetectorModel> detectors, List<SourceExposure> exposures,
      List<Channel> channels, EventDictionary dictionary) {
    this.config = config;
    this.detectors = List.copyOf(detectors);
    this.exposures = List.copyOf(exposures);
    this.channels = List.copyOf(channels);
    this.dictionary = dictionary;
  }

  /**
   * Builds the model.
   *
   * @throws ConfigException when the configuration names something the physics tables do not have (an
   *     isotope without data) or a value that selects nothing ({@link ModelChecks}), with the key path
   */
  public static ExperimentModel build(ExperimentConfig config) {
    List<DetectorModel> detectors = new ArrayList<>();
    for (int i = 0; i < config.detectors().size(); i++) {
      DetectorConfig d = config.detectors().get(i);
      detectors.add(new DetectorModel(d.name(), target(d, "detectors[" + i + "].target"), d.massKg(),
          d.thresholdKeVnr(), d.roiMaxKeVnr()));
    }
    List<Source> baseSources = new ArrayList<>();
    for (int j = 0; j < config.sources().size(); j++) {
      baseSources.add(SourceFactory.create(config.sources().get(j), j, Units.NS_PER_S));
    }
    List<SourceExposure> exposures = new ArrayList<>();
    for (int i = 0; i < detectors.size(); i++) {
      DetectorConfig d = config.detectors().get(i);
      for (int j = 0; j < config.sources().size(); j++) {
        exposures.addAll(exposures(i, d, j, config.sources().get(j), baseSources.get(j), config));
      }
    }
    ModelChecks.nucleiRadii(config, detectors);
    ModelChecks.recoilWindows(config, detectors, exposures);
    Map<String, Integer> periods = new LinkedHashMap<>();
    Map<String, Integer> parents = new LinkedHashMap<>();
    for (SourceExposure e : exposures) {
      periods.putIfAbsent(e.period(), periods.size());
    }
    ChannelBuilder cb = new ChannelBuilder(config.physics());
    for (SourceExposure e : exposures) {
      if (e.source().isPresent() && e.exposure() != 0) {
        List<SourceComponent> comps = e.source().get().components();
        for (int k = 0; k < comps.size(); k++) {
          cb.plan(detectors.get(e.detectorIndex()), e, k, comps.get(k));
        }
      }
    }
    cb.computePlanned();
    List<Channel> channels = new ArrayList<>();
    for (int x = 0; x < exposures.size(); x++) {
      SourceExposure e = exposures.get(x);
      if (e.source().isEmpty() || e.exposure() == 0) {
        continue;
      }
      DetectorModel det = detectors.get(e.detectorIndex());
      List<SourceComponent> comps = e.source().get().components();
      for (int k = 0; k < comps.size(); k++) {
        SourceComponent c = comps.get(k);
        int parent = parents.computeIfAbsent(c.parent(), p -> parents.size());
        channels.addAll(cb.channels(det, e, x, k, c, periods.get(e.period()), parent));
      }
    }
    EventDictionary dict = new EventDictionary(
        detectors.stream().map(DetectorModel::name).toList(), List.copyOf(parents.keySet()),
        List.copyOf(periods.keySet()));
    return new ExperimentModel(config, detectors, exposures, channels, dict);
  }

  /** The target nuclei of detector {@code d} (e.g. to parse a detector response outside a model). */
  public static Target targetOf(DetectorConfig d) {
    return target(d, "detectors[].target");
  }

  private static Target target(DetectorConfig d, String path) {
    try {
      if (d.target() instanceof FormulaTarget f) {
        return Target.ofFormula(f.formula());
      }
      IsotopeTarget t = (IsotopeTarget) d.target();
      return Target.ofAtomFractions(t.isotopes().stream()
          .map(f -> new Target.Component(IsotopeTable.isotope(f.z(), f.a()), f.fraction()))
          .toList());
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(path, e.getMessage());
    }
  }

  private static List<SourceExposure> exposures(int detectorIndex, DetectorConfig d, int sourceIndex,
      SourceConfig sc, Source base, ExperimentConfig config) {
    ExposureConfig ex = config.exposure(d, sc);
    double distanceM = sc.pointSource() ? d.distanceMTo(sc.name()).orElseThrow(() -> new ConfigException(
        "detectors[" + detectorIndex + "].distance_m", "required for point source '" + sc.name() + "'")) : Double.NaN;
    double geometry = sc.pointSource() ? 1.0 / (4 * Math.PI * square(distanceM * Units.CM_PER_M)) : 1.0;
    List<SourceExposure> out = new ArrayList<>();
    if (sc instanceof PionDarConfig c) {
      PionDarParameters p = SourceFactory.pionDarParameters(c);
      double pot = ((PionDarExposure) ex).protonsOnTarget(p.protonEnergyGeV(), p.powerMW());
      double beamSeconds = pot / p.protonsPerSecond();
      BeamExposureRange.check(detectorIndex, d, sourceIndex, sc.name(), (PionDarExposure) ex, p, pot, beamSeconds);
      out.add(new SourceExposure(detectorIndex, sourceIndex, sc.name(), PERIOD_BEAM, Optional.of(base), pot,
          ExposureUnit.PROTON_ON_TARGET, beamSeconds, distanceM, pot * geometry));
    } else if (sc instanceof ReactorConfig) {
      ReactorExposure r = (ReactorExposure) ex;
      double on = r.liveSecondsOn();
      out.add(new SourceExposure(detectorIndex, sourceIndex, sc.name(), PERIOD_ON,
          Optional.of(((SteadySource) base).withPeriodDurationNs(on * Units.NS_PER_S)), on,
          ExposureUnit.LIVE_SECOND, on, distanceM, on * geometry));
      out.add(new SourceExposure(detectorIndex, sourceIndex, sc.name(), PERIOD_OFF, Optional.empty(), 0.0,
          ExposureUnit.LIVE_SECOND, r.liveSecondsOff(), distanceM, 0.0));
    } else {
      double live = ((LiveTimeExposure) ex).liveSeconds();
      out.add(new SourceExposure(detectorIndex, sourceIndex, sc.name(), PERIOD_RUN,
          Optional.of(((SteadySource) base).withPeriodDurationNs(live * Units.NS_PER_S)), live,
          ExposureUnit.LIVE_SECOND, live, distanceM, live * geometry));
    }
    return out;
  }

  private static double square(double x) {
    return x * x;
  }

  public ExperimentConfig config() {
    return config;
  }

  public List<DetectorModel> detectors() {
    return detectors;
  }

  public List<SourceExposure> exposures() {
    return exposures;
  }

  public List<Channel> channels() {
    return channels;
  }

  public EventDictionary dictionary() {
    return dictionary;
  }

  /** Expected events of all channels over the whole recoil spectrum. */
  public double totalExpectedEvents() {
    double s = 0;
    for (Channel c : channels) {
      s += c.expectedEvents();
    }
    return s;
  }

  /**
   * Pulse repetition rate (Hz) of the source of exposure {@code exposureIndex}: the facility's rate for
   * pion-decay-at-rest sources, NaN for steady sources.
   */
  public double pulseRepetitionHz(int exposureIndex) {
    SourceConfig sc = config.sources().get(exposures.get(exposureIndex).sourceIndex());
    return sc instanceof PionDarConfig c ? SourceFactory.pionDarParameters(c).repetitionHz() : Double.NaN;
  }

  /** Flavour of a channel, for reports. */
  static Flavor flavor(Channel c) {
    return c.component().flavor();
  }

  /** True when the model has at least one channel of {@code process}. */
  public boolean has(Process process) {
    return channels.stream().anyMatch(c -> c.process() == process);
  }
}
