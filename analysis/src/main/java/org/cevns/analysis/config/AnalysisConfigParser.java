package org.cevns.analysis.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cevns.schema.AnalysisKeys;
import org.cevns.schema.AxisKeys;
import org.cevns.schema.ConfigException;
import org.cevns.schema.BackgroundWidth;
import org.cevns.schema.ConfigNode;
import org.cevns.schema.DetectorConfig;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.FitKeys;
import org.cevns.schema.ReactorConfig;
import org.cevns.schema.ReactorExposure;
import org.cevns.schema.SourceConfig;
import org.cevns.schema.SensitivityKeys;
import org.cevns.schema.SourceType;
import org.cevns.schema.StageSection;

/**
 * Builds the {@code analysis} settings (see {@link AnalysisConfig}) from the section bound onto
 * {@link AnalysisKeys}, checking its keys against the rest of the configuration (a background width, a number or
 * {@code free}, is bound as {@link BackgroundWidth}). Every error names its key path.
 */
final class AnalysisConfigParser {
  private AnalysisConfigParser() {}

  static AnalysisConfig parse(ExperimentConfig config) {
    Optional<StageSection> section = config.analysis();
    if (section.isEmpty()) {
      return defaults(config);
    }
    String path = section.get().keyPath();
    AnalysisKeys a = AnalysisKeys.of(section.get());
    AnalysisMode written = a.mode().map(m -> AnalysisMode.valueOf(m.name())).orElse(AnalysisMode.AUTO);
    AnalysisMode mode = resolve(written, config, path);
    AxisSpec energy = a.energy().map(n -> axis(n, AnalysisConfig.DEFAULT_ENERGY_BINS))
        .orElse(AxisSpec.defaults(AnalysisConfig.DEFAULT_ENERGY_BINS));
    Map<String, AxisSpec> byDetector = new LinkedHashMap<>();
    a.detectors().ifPresent(d -> d.forEach((name, n) -> {
      if (config.detector(name).isEmpty()) {
        throw new ConfigException(ConfigException.join(path, "detectors." + name), "unknown detector '" + name
            + "', detectors are " + detectorNames(config));
      }
      byDetector.put(name, axis(n, energy.bins()));
    }));
    AxisSpec pe = a.pe().map(n -> axis(n, energy.bins())).orElse(AxisSpec.defaults(energy.bins()));
    AxisSpec time = a.time().map(n -> axis(n, AnalysisConfig.DEFAULT_TIME_BINS))
        .orElse(AxisSpec.defaults(AnalysisConfig.DEFAULT_TIME_BINS));
    FitSettings fit = a.fit().map(f -> fit(f, ConfigException.join(path, "fit"), config, mode))
        .orElse(FitSettings.defaults());
    SensitivitySettings sens = a.sensitivity().map(AnalysisConfigParser::sensitivity)
        .orElse(SensitivitySettings.defaults());
    Systematics syst = a.systematics()
        .map(n -> SystematicsParser.parse(n, ConfigException.join(path, "systematics"), config,
            backgroundNames(config))).orElse(Systematics.defaults());
    List<String> params = a.parameters().orElse(List.of());
    checkTimeAxis(path, syst, fit);
    syst = withShapes(path, syst, fit.templateFiles())
        .withPhysicsSigmas(a.parameterConstraints().orElse(java.util.Map.of()));
    return new AnalysisConfig(written, mode, energy, byDetector, pe, time, fit, sens, syst, params,
        recoilScaleDetectors(config));
  }

  /** Time systematics (timing, pulse_width) are refused without a time axis in the fit: they would do nothing. */
  private static void checkTimeAxis(String path, Systematics syst, FitSettings fit) {
    for (Systematic e : syst.entries()) {
      if (e.kind().isTime() && fit.observable() != FitObservable.ENERGY_TIME) {
        String key = e.kind() == Systematic.Kind.TIMING ? "systematics.detectors." + e.owner() + ".timing"
            : "systematics.sources." + e.owner() + ".pulse_width";
        throw new ConfigException(ConfigException.join(path, key), "moves event times and needs a fit with a time"
            + " axis (analysis.fit.observable: energy-time), got observable "
            + ConfigNode.spelling(fit.observable()));
      }
    }
  }

  /** The systematics with one shape entry per template file variant (histosys between the variant files). */
  private static Systematics withShapes(String path, Systematics s, List<TemplateFile> files) {
    List<Systematic> entries = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (TemplateFile t : files) {
      for (TemplateFile.Variant v : t.variants()) {
        if (!seen.add(t.detector() + " " + t.component() + " " + v.name())) {
          continue; // the same parameter on another region of the component
        }
        entries.add(new Systematic(Systematic.Kind.SHAPE, t.detector(), t.component(), 1.0,
            Systematic.Prior.GAUSSIAN, Optional.of(v.source()), false, Optional.of(v.name())));
      }
    }
    try {
      return s.withEntries(entries);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ConfigException.join(path, "fit.template_files"), e.getMessage());
    }
  }

  private static AnalysisConfig defaults(ExperimentConfig config) {
    return new AnalysisConfig(AnalysisMode.AUTO, resolve(AnalysisMode.AUTO, config, null),
        AxisSpec.defaults(AnalysisConfig.DEFAULT_ENERGY_BINS), Map.of(),
        AxisSpec.defaults(AnalysisConfig.DEFAULT_ENERGY_BINS), AxisSpec.defaults(AnalysisConfig.DEFAULT_TIME_BINS),
        FitSettings.defaults(), SensitivitySettings.defaults(), Systematics.defaults(), List.of(),
        recoilScaleDetectors(config));
  }

  /**
   * The detectors whose response has {@code quenching: {model: none}} (a calorimeter, or a projection on the recoil
   * scale): their observed energy is in keVnr for nuclear recoils (walk33: the spectrum plots of a xenon ⁸B design
   * said keVee for it).
   */
  static java.util.Set<String> recoilScaleDetectors(ExperimentConfig config) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (var d : config.detectors()) {
      d.response().ifPresent(r -> {
        if ("none".equals(r.node().path("quenching").path("model").asText(""))) {
          out.add(d.name());
        }
      });
    }
    return out;
  }

  /** The mode in effect; checks that the configuration has what an explicit mode needs. */
  static AnalysisMode resolve(AnalysisMode written, ExperimentConfig config, String path) {
    boolean pulsed = config.sources().stream().anyMatch(s -> s.type() == SourceType.PION_DAR);
    boolean windows = config.windows().isPresent();
    boolean reactorOff = hasReactorOffTime(config);
    switch (written) {
      case AUTO:
        return pulsed && windows ? AnalysisMode.BEAM : reactorOff ? AnalysisMode.ON_OFF : AnalysisMode.SINGLE;
      case BEAM:
        if (!pulsed || !windows) {
          throw modeError(path, written, "beam needs a pulsed (pion-dar) source and the windows section");
        }
        return written;
      case ON_OFF:
        if (!reactorOff) {
          throw modeError(path, written, "on-off needs a reactor source with live_days_off > 0 for every detector");
        }
        return written;
      default:
        return written;
    }
  }

  private static ConfigException modeError(String path, AnalysisMode written, String allowed) {
    return new ConfigException(ConfigException.join(path, "mode"), allowed,
        ConfigException.quote(ConfigNode.spelling(written)));
  }

  private static boolean hasReactorOffTime(ExperimentConfig config) {
    boolean any = false;
    for (SourceConfig s : config.sources()) {
      if (!(s instanceof ReactorConfig)) {
        continue;
      }
      for (DetectorConfig d : config.detectors()) {
        if (!(((ReactorExposure) config.exposure(d, s)).liveDaysOff() > 0)) {
          return false;
        }
      }
      any = true;
    }
    return any;
  }

  private static AxisSpec axis(AxisKeys n, int defaultBins) {
    if (n.edges().isPresent()) {
      return AxisSpec.ofEdges(n.edges().get().stream().mapToDouble(Double::doubleValue).toArray());
    }
    return new AxisSpec(n.binsKey().orElse(defaultBins), n.lower(), n.upper(), Optional.empty());
  }

  private static FitSettings fit(FitKeys f, String path, ExperimentConfig config, AnalysisMode mode) {
    FitSettings d = FitSettings.defaults();
    FitObservable obs = f.observable().map(o -> FitObservable.valueOf(o.name())).orElse(d.observable());
    if (obs == FitObservable.ENERGY_TIME && mode != AnalysisMode.BEAM) {
      throw new ConfigException(ConfigException.join(path, "observable"), "energy-time needs the beam mode (a pulsed"
          + " source and windows); mode is " + ConfigNode.spelling(mode) + ", so allowed: energy",
          ConfigException.quote(ConfigNode.spelling(obs)));
    }
    int timeBins = f.timeBins() == null ? d.timeBins() : f.timeBins();
    Set<String> known = backgroundNames(config);
    Map<String, Constraint> constraints = new LinkedHashMap<>();
    f.backgrounds().ifPresent(b -> b.forEach((name, width) -> {
      if (!known.contains(name)) {
        throw new ConfigException(ConfigException.join(ConfigException.join(path, "backgrounds"), name),
            "unknown background component '" + name + "', components are "
            + (known.isEmpty() ? "none (no detector has backgrounds)" : String.join(", ", known)));
      }
      constraints.put(name, constraint(width));
    }));
    Constraint def = f.defaultBackgroundWidth().map(AnalysisConfigParser::constraint).orElse(d.defaultConstraint());
    boolean control = f.controlRegion().orElse(true);
    if (!control && mode == AnalysisMode.SINGLE) {
      throw new ConfigException(ConfigException.join(path, "control_region"), "mode single has no control region;"
          + " leave control_region out");
    }
    List<TemplateFile> files = f.templateFiles()
        .map(items -> TemplateFilesParser.parse(items, ConfigException.join(path, "template_files"), config, mode,
            known, obs))
        .orElse(List.of());
    TemplateNormalisation norm = f.templateNormalisation().map(n -> TemplateNormalisation.valueOf(n.name()))
        .orElse(d.templateNormalisation());
    return new FitSettings(obs, timeBins, constraints, def, f.signalWidth().orElse(0.0),
        f.muNonnegative().orElse(false), f.templateFactor().orElse(d.templateFactor()), norm,
        f.toys() == null ? 0 : f.toys(), control, files,
        f.minBackgroundTemplateEvents() == null ? 0 : f.minBackgroundTemplateEvents());
  }

  /** The fit's prior for a bound width: free, or a relative Gaussian width (0 = fixed). */
  static Constraint constraint(BackgroundWidth w) {
    return w.free() ? Constraint.free() : Constraint.of(w.relative());
  }

  private static SensitivitySettings sensitivity(SensitivityKeys s) {
    double[] factors = s.exposureFactors().map(f -> f.stream().mapToDouble(Double::doubleValue).toArray())
        .orElse(SensitivitySettings.DEFAULT_FACTORS);
    return new SensitivitySettings(factors, s.coverageToys() == null ? 0 : s.coverageToys());
  }

  /**
   * Names of the components a prior can be given to: those declared under {@code detectors[].backgrounds[].name},
   * and {@code eves} (neutrino-electron scattering, separated from the CEvNS signal) when the physics has it and
   * it is not the signal ({@link org.cevns.analysis.events.SignalProcess}).
   */
  static Set<String> backgroundNames(ExperimentConfig config) {
    Set<String> names = new LinkedHashSet<>();
    for (DetectorConfig d : config.detectors()) {
      d.backgrounds().ifPresent(b -> {
        JsonNode list = b.node();
        if (list.isArray()) {
          list.forEach(item -> {
            if (item.isObject() && item.has("name") && item.get("name").isTextual()) {
              names.add(item.get("name").textValue());
            }
          });
        }
      });
    }
    if (org.cevns.analysis.events.SignalProcess.hasEvesBackground(config)) {
      names.add(org.cevns.analysis.events.EventColumns.EVES_COMPONENT);
    }
    return names;
  }

  private static List<String> detectorNames(ExperimentConfig config) {
    List<String> n = new ArrayList<>();
    config.detectors().forEach(d -> n.add(d.name()));
    return n;
  }
}
