package org.cevns.analysis.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.cevns.schema.ConfigNode;
import org.cevns.schema.DetectorConfig;
import org.cevns.schema.DoubleRange;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.ReactorConfig;
import org.cevns.schema.ReactorExposure;
import org.cevns.schema.SourceConfig;
import org.cevns.schema.SourceType;

/** Parses the {@code analysis} section (see {@link AnalysisConfig}); every error names its key path. */
final class AnalysisConfigParser {
  /** A histogram edge or axis end (keVee, PE or ns): a physical range, beyond any detector or beam window. */
  static final DoubleRange AXIS_VALUE = DoubleRange.within(1e9, "up to 1e9 in magnitude");

  static final int MAX_BINS = 100_000;
  static final int MAX_TOYS = 10_000_000;
  private static final String[] AXIS_KEYS_ENERGY = {"bins", "min_kevee", "max_kevee", "edges_kevee"};
  private static final String[] AXIS_KEYS_PE = {"bins", "min_pe", "max_pe", "edges_pe"};
  private static final String[] AXIS_KEYS_TIME = {"bins", "min_ns", "max_ns", "edges_ns"};

  private AnalysisConfigParser() {}

  static AnalysisConfig parse(ExperimentConfig config) {
    Optional<ConfigNode> section = config.analysis().map(s -> s.reader());
    if (section.isEmpty()) {
      return defaults(config);
    }
    ConfigNode a = section.get().requireMap();
    a.allowKeys("mode", "energy", "detectors", "pe", "time", "fit", "sensitivity", "systematics", "parameters");
    AnalysisMode written = a.optionalEnum("mode", AnalysisMode.class, AnalysisMode.AUTO);
    AnalysisMode mode = resolve(written, config, a);
    AxisSpec energy = a.optionalMap("energy").map(n -> axis(n, AXIS_KEYS_ENERGY, AnalysisConfig.DEFAULT_ENERGY_BINS))
        .orElse(AxisSpec.defaults(AnalysisConfig.DEFAULT_ENERGY_BINS));
    Map<String, AxisSpec> byDetector = new LinkedHashMap<>();
    a.optionalMap("detectors").ifPresent(d -> d.entries().forEach((name, n) -> {
      if (config.detector(name).isEmpty()) {
        throw n.problem("unknown detector '" + name + "', detectors are " + detectorNames(config));
      }
      byDetector.put(name, axis(n.requireMap(), AXIS_KEYS_ENERGY, energy.bins()));
    }));
    AxisSpec pe = a.optionalMap("pe").map(n -> axis(n, AXIS_KEYS_PE, energy.bins()))
        .orElse(AxisSpec.defaults(energy.bins()));
    AxisSpec time = a.optionalMap("time").map(n -> axis(n, AXIS_KEYS_TIME, AnalysisConfig.DEFAULT_TIME_BINS))
        .orElse(AxisSpec.defaults(AnalysisConfig.DEFAULT_TIME_BINS));
    FitSettings fit = a.optionalMap("fit").map(n -> fit(n, config, mode)).orElse(FitSettings.defaults());
    SensitivitySettings sens = a.optionalMap("sensitivity").map(AnalysisConfigParser::sensitivity)
        .orElse(SensitivitySettings.defaults());
    Systematics syst = a.optionalMap("systematics")
        .map(n -> SystematicsParser.parse(n, config, backgroundNames(config))).orElse(Systematics.defaults());
    java.util.Map<String, Double> sigmas = new java.util.LinkedHashMap<>();
    List<String> params = a.optionalList("parameters").map(l -> SystematicsParser.parameters(l, sigmas))
        .orElse(List.of());
    if (!params.isEmpty() && fit.signalFromFile()) {
      throw a.required("parameters").problem("physics parameters " + params + " re-weight the simulated signal,"
          + " which analysis.fit.template_files replaces; remove them or the signal template file");
    }
    syst = withShapes(a, syst, fit.templateFiles());
    if (!sigmas.isEmpty()) {
      syst = syst.withPhysicsSigmas(sigmas);
    }
    a.requireAllConsumed();
    return new AnalysisConfig(written, mode, energy, byDetector, pe, time, fit, sens, syst, params);
  }

  /** The systematics with one shape entry per template file variant (histosys between the variant files). */
  private static Systematics withShapes(ConfigNode a, Systematics s, List<TemplateFile> files) {
    List<Systematic> entries = new ArrayList<>(s.entries());
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
      return new Systematics(entries, s.templateStatistics());
    } catch (IllegalArgumentException e) {
      throw a.required("fit").required("template_files").problem(e.getMessage());
    }
  }

  private static AnalysisConfig defaults(ExperimentConfig config) {
    return new AnalysisConfig(AnalysisMode.AUTO, resolve(AnalysisMode.AUTO, config, null),
        AxisSpec.defaults(AnalysisConfig.DEFAULT_ENERGY_BINS), Map.of(),
        AxisSpec.defaults(AnalysisConfig.DEFAULT_ENERGY_BINS), AxisSpec.defaults(AnalysisConfig.DEFAULT_TIME_BINS),
        FitSettings.defaults(), SensitivitySettings.defaults(), Systematics.defaults(), List.of());
  }

  /** The mode in effect; checks that the configuration has what an explicit mode needs. */
  static AnalysisMode resolve(AnalysisMode written, ExperimentConfig config, ConfigNode node) {
    boolean pulsed = config.sources().stream().anyMatch(s -> s.type() == SourceType.PION_DAR);
    boolean windows = config.windows().isPresent();
    boolean reactorOff = hasReactorOffTime(config);
    switch (written) {
      case AUTO:
        return pulsed && windows ? AnalysisMode.BEAM : reactorOff ? AnalysisMode.ON_OFF : AnalysisMode.SINGLE;
      case BEAM:
        if (!pulsed || !windows) {
          throw node.required("mode").error("beam needs a pulsed (pion-dar) source and the windows section");
        }
        return written;
      case ON_OFF:
        if (!reactorOff) {
          throw node.required("mode").error("on-off needs a reactor source with live_days_off > 0 for every detector");
        }
        return written;
      default:
        return written;
    }
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

  private static AxisSpec axis(ConfigNode n, String[] keys, int defaultBins) {
    n.allowKeys(keys);
    String bins = keys[0];
    String min = keys[1];
    String max = keys[2];
    String edges = keys[3];
    if (n.has(edges)) {
      for (String k : new String[] {bins, min, max}) {
        if (n.has(k)) {
          throw n.required(k).problem("not allowed together with " + edges);
        }
      }
      List<ConfigNode> items = n.requiredList(edges);
      if (items.size() < 2) {
        throw n.required(edges).error("must be a list of at least 2 strictly increasing numbers");
      }
      double[] e = new double[items.size()];
      for (int i = 0; i < e.length; i++) {
        e[i] = items.get(i).asDouble(AXIS_VALUE);
        if (i > 0 && !(e[i] > e[i - 1])) {
          throw items.get(i).error("must be > the previous edge (" + e[i - 1] + ")");
        }
      }
      n.requireAllConsumed();
      return AxisSpec.ofEdges(e);
    }
    int b = n.optionalInt(bins, 1, MAX_BINS, defaultBins);
    OptionalDouble lo = n.optionalDouble(min, AXIS_VALUE);
    OptionalDouble hi = n.optionalDouble(max, AXIS_VALUE);
    if (lo.isPresent() && hi.isPresent() && !(hi.getAsDouble() > lo.getAsDouble())) {
      throw n.required(max).error("must be > " + min + " (" + lo.getAsDouble() + ")");
    }
    n.requireAllConsumed();
    return new AxisSpec(b, lo, hi, Optional.empty());
  }

  private static FitSettings fit(ConfigNode f, ExperimentConfig config, AnalysisMode mode) {
    f.allowKeys("observable", "time_bins", "backgrounds", "default_background_width", "signal_width",
        "mu_nonnegative", "template_factor", "template_normalisation", "toys", "control_region", "template_files");
    FitSettings d = FitSettings.defaults();
    FitObservable obs = f.optionalEnum("observable", FitObservable.class, d.observable());
    if (obs == FitObservable.ENERGY_TIME && mode != AnalysisMode.BEAM) {
      throw f.required("observable").error("energy-time needs the beam mode (a pulsed source and windows); mode is "
          + ConfigNode.spelling(mode) + ", so allowed: energy");
    }
    int timeBins = f.optionalInt("time_bins", 1, MAX_BINS, d.timeBins());
    Set<String> known = backgroundNames(config);
    Map<String, Constraint> constraints = new LinkedHashMap<>();
    f.optionalMap("backgrounds").ifPresent(b -> b.entries().forEach((name, n) -> {
      if (!known.contains(name)) {
        throw n.problem("unknown background component '" + name + "', components are "
            + (known.isEmpty() ? "none (no detector has backgrounds)" : String.join(", ", known)));
      }
      constraints.put(name, constraint(n));
    }));
    Constraint def = f.optional("default_background_width").map(AnalysisConfigParser::constraint)
        .orElse(d.defaultConstraint());
    double signalWidth = f.optionalDouble("signal_width", DoubleRange.closed(0, 100).because("up to 100, i.e."
        + " 10000 %"), 0.0);
    boolean nonNeg = f.optionalBoolean("mu_nonnegative", false);
    double factor = f.optionalDouble("template_factor", DoubleRange.closed(1, 1e6), d.templateFactor());
    TemplateNormalisation norm = f.optionalEnum("template_normalisation", TemplateNormalisation.class,
        d.templateNormalisation());
    int toys = f.optionalInt("toys", 0, MAX_TOYS, 0);
    boolean control = f.optionalBoolean("control_region", true);
    if (!control && mode == AnalysisMode.SINGLE) {
      throw f.required("control_region").problem("mode single has no control region; leave control_region out");
    }
    List<TemplateFile> files = f.optionalList("template_files")
        .map(items -> TemplateFilesParser.parse(items, config, mode, known, obs)).orElse(List.of());
    f.requireAllConsumed();
    return new FitSettings(obs, timeBins, constraints, def, signalWidth, nonNeg, factor, norm, toys, control, files);
  }

  /** A number (relative width, 0 = fixed) or {@code free}. */
  static Constraint constraint(ConfigNode n) {
    if (n.is("free")) {
      return Constraint.free();
    }
    JsonNode j = n.json();
    if (!j.isNumber()) {
      throw n.error("must be a relative width >= 0 (0: fixed) or free");
    }
    return Constraint.of(n.asDouble(DoubleRange.closed(0, 100)));
  }

  private static SensitivitySettings sensitivity(ConfigNode s) {
    s.allowKeys("exposure_factors", "coverage_toys");
    double[] factors = SensitivitySettings.DEFAULT_FACTORS;
    if (s.has("exposure_factors")) {
      List<ConfigNode> items = s.requiredList("exposure_factors");
      if (items.isEmpty()) {
        throw s.required("exposure_factors").error("must be a non-empty list of increasing numbers > 0");
      }
      factors = new double[items.size()];
      for (int i = 0; i < factors.length; i++) {
        factors[i] = items.get(i).asDouble(DoubleRange.closed(1e-6, 1e6));
        if (i > 0 && !(factors[i] > factors[i - 1])) {
          throw items.get(i).error("must be > the previous factor (" + factors[i - 1] + ")");
        }
      }
    }
    int toys = s.optionalInt("coverage_toys", 0, MAX_TOYS, 0);
    s.requireAllConsumed();
    return new SensitivitySettings(factors, toys);
  }

  /**
   * Names of the components a prior can be given to: those declared under {@code detectors[].backgrounds[].name},
   * and {@code eves} (neutrino-electron scattering, separated from the CEvNS signal) when the physics has it.
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
    if (config.physics().processes().contains(org.cevns.physics.Process.EVES)) {
      names.add("eves");
    }
    return names;
  }

  private static List<String> detectorNames(ExperimentConfig config) {
    List<String> n = new ArrayList<>();
    config.detectors().forEach(d -> n.add(d.name()));
    return n;
  }
}
