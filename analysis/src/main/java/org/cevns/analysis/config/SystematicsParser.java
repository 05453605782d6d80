package org.cevns.analysis.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cevns.analysis.config.Systematic.Kind;
import org.cevns.analysis.config.Systematic.Prior;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.SystematicsKeys;

/**
 * Builds the systematics from {@code analysis.systematics} as bound onto {@link SystematicsKeys} (which checks each
 * entry on its own), checking source, detector and component names against the configuration and each
 * {@code response_variants} side against the detector's response; every error is one line naming the key path,
 * the value and what is allowed.
 */
final class SystematicsParser {
  private SystematicsParser() {}

  static Systematics parse(SystematicsKeys s, String path, ExperimentConfig config, Set<String> components) {
    List<Systematic> out = new ArrayList<>();
    java.util.Map<String, Set<String>> measured = new java.util.LinkedHashMap<>();
    s.sources().ifPresent(m -> m.forEach((name, src) -> {
      if (config.sources().stream().noneMatch(x -> x.name().equals(name))) {
        throw new ConfigException(ConfigException.join(path, "sources." + name), "unknown source '" + name
            + "', sources are " + String.join(", ", config.sources().stream().map(x -> x.name()).toList()));
      }
      src.flux().ifPresent(e -> out.add(entry(e, Kind.FLUX, name, "")));
      src.pulseWidth().ifPresent(e -> {
        if (config.sources().stream().noneMatch(x -> x.name().equals(name)
            && x instanceof org.cevns.schema.PionDarConfig)) {
          throw new ConfigException(ConfigException.join(path, "sources." + name + ".pulse_width"),
              "only a pulsed (pion-dar) source has a proton pulse width");
        }
        out.add(entry(e, Kind.PULSE_WIDTH, name, ""));
      });
    }));
    s.detectors().ifPresent(m -> m.forEach((name, d) -> {
      String at = ConfigException.join(path, "detectors." + name);
      if (config.detector(name).isEmpty()) {
        throw new ConfigException(at, "unknown detector '" + name + "', detectors are "
            + String.join(", ", config.detectors().stream().map(x -> x.name()).toList()));
      }
      d.entries().forEach((key, e) -> out.add(entry(e, Kind.valueOf(key.toUpperCase(java.util.Locale.ROOT)), name,
          "")));
      d.timing().ifPresent(t -> out.add(new Systematic(Kind.TIMING, name, "", t.sizeNs(), Prior.GAUSSIAN,
          t.source(), false, Optional.empty(), t.group())));
      d.tilt().ifPresent(t -> t.forEach((component, e) -> {
        if (!components.contains(component) || component.equals("eves")) {
          throw new ConfigException(at + ".tilt." + component, "unknown background component '" + component
              + "', components are " + (components.isEmpty() ? "none" : String.join(", ", components)));
        }
        out.add(entry(e, Kind.TILT, name, component));
      }));
      List<String> own = d.measuredBackgrounds().orElse(List.of());
      for (int i = 0; i < own.size(); i++) {
        String component = own.get(i);
        if (!components.contains(component) || component.equals("eves")) {
          List<String> named = components.stream().filter(c -> !c.equals("eves")).toList();
          throw new ConfigException(at + ".measured_backgrounds[" + i + "]", "unknown background component '"
              + component + "', components are " + (named.isEmpty() ? "none" : String.join(", ", named)));
        }
      }
      if (!own.isEmpty()) {
        measured.put(name, Set.copyOf(own));
      }
      List<SystematicsKeys.Variant> variants = d.responseVariants().orElse(List.of());
      for (int i = 0; i < variants.size(); i++) {
        out.add(variant(variants.get(i), at + "." + ResponseVariants.KEY + "[" + i + "]", config, name));
      }
    }));
    try {
      return new Systematics(out, s.templateStatistics().orElse(true), java.util.Map.of(), measured,
          s.responseInterpolation().orElse(SystematicsKeys.ResponseInterpolation.NORM_PLUS_SHAPE)
              == SystematicsKeys.ResponseInterpolation.NORM_PLUS_SHAPE);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(path, e.getMessage());
    }
  }

  private static Systematic entry(SystematicsKeys.Entry e, Kind kind, String owner, String component) {
    return new Systematic(kind, owner, component, e.size(), Prior.valueOf(e.prior().name()), e.source(), e.rate(),
        e.name(), e.group());
  }

  /** One {@code response_variants} item: both sides parsed now, so that a bad one fails before any work. */
  private static Systematic variant(SystematicsKeys.Variant v, String at, ExperimentConfig config, String detector) {
    ResponseVariants.parse(config, detector, v.up(), at + ".up");
    ResponseVariants.parse(config, detector, v.down(), at + ".down");
    Optional<String> group = v.group().or(() -> efficiencyOnly(v) ? Optional.of("threshold_efficiency")
        : Optional.empty());
    return new Systematic(Kind.RESPONSE_VARIANT, detector, "", 1.0, Prior.GAUSSIAN, v.source(), false,
        Optional.of(v.name()), group);
  }

  /** True if both sides of a variant change only the efficiency curve (its impact group: threshold_efficiency). */
  private static boolean efficiencyOnly(SystematicsKeys.Variant v) {
    for (com.fasterxml.jackson.databind.JsonNode side : List.of(v.up(), v.down())) {
      java.util.Iterator<String> keys = side.fieldNames();
      while (keys.hasNext()) {
        if (!keys.next().equals("efficiency")) {
          return false;
        }
      }
    }
    return true;
  }
}
