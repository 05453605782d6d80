package org.cevns.detsim.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cevns.detsim.background.BackgroundComponent;
import org.cevns.detsim.background.BackgroundSpectrum;
import org.cevns.detsim.background.BeamNeutronBackground;
import org.cevns.detsim.background.BetaSpectrum;
import org.cevns.detsim.background.DelayedTimeProfile;
import org.cevns.detsim.background.EnergyScale;
import org.cevns.detsim.background.ExponentialSpectrum;
import org.cevns.detsim.background.FlatSpectrum;
import org.cevns.detsim.background.GermaniumXRayLine;
import org.cevns.detsim.background.LineSpectrum;
import org.cevns.detsim.background.NeutrinoInducedNeutronBackground;
import org.cevns.detsim.background.ReactorCorrelatedBackground;
import org.cevns.detsim.background.SteadyStateBackground;
import org.cevns.detsim.background.TabulatedSpectrum;
import org.cevns.detsim.background.TritiumBackground;
import org.cevns.detsim.background.XRayLineBackground;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigNode;
import org.cevns.schema.DoubleRange;
import org.cevns.schema.PhysicalRanges;
import org.cevns.schema.SourceType;
import org.cevns.physics.source.PionDarParameters;
import org.cevns.physics.source.PulseTimeProfile;
import org.cevns.physics.source.TimeProfile;

/**
 * Parses {@code detectors[i].backgrounds}, a list of background components (see
 * {@code configs/reference.yaml} for every key). Common keys: {@code name} (unique within the detector, not
 * {@code signal}), {@code type}, and {@code source} (the source whose periods and exposure the background
 * follows; required when the configuration has more than one source).
 */
public final class BackgroundParser {
  /** Background types ({@code type} key). */
  enum Type { STEADY, REACTOR_CORRELATED, BEAM_NEUTRONS, NEUTRINO_INDUCED_NEUTRONS, XRAY_LINE, BETA }

  /** Spectrum shapes ({@code spectrum.shape}). */
  enum Shape { FLAT, EXPONENTIAL, TABULATED, LINE }

  /** Energy scale of a spectrum ({@code energy_scale}). */
  enum Scale { KEVEE, KEVNR }

  /** Reserved component name of signal events. */
  public static final String SIGNAL = "signal";

  private BackgroundParser() {}

  /**
   * @param list the backgrounds list
   * @param sources the configuration's sources
   * @param baseDir directory of the configuration file, for table files
   */
  public static List<BackgroundSpec> parse(ConfigNode list, List<SourceInfo> sources, Path baseDir) {
    List<BackgroundSpec> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode b : list.elements()) {
      BackgroundSpec spec = entry(b.requireMap(), sources, baseDir);
      if (!names.add(spec.name())) {
        throw b.required("name").error("must be unique among the detector's backgrounds");
      }
      out.add(spec);
    }
    return List.copyOf(out);
  }

  private static BackgroundSpec entry(ConfigNode b, List<SourceInfo> sources, Path baseDir) {
    Type type = b.requiredEnum("type", Type.class);
    String[] keys = switch (type) {
      case STEADY -> new String[] {"name", "type", "source", "energy_scale", "spectrum", "counts_per_kg_per_day",
          "counts_per_kev_per_kg_per_day"};
      case REACTOR_CORRELATED -> new String[] {"name", "type", "source", "energy_scale", "spectrum",
          "on_counts_per_kg_per_day", "off_counts_per_kg_per_day"};
      case BEAM_NEUTRONS, NEUTRINO_INDUCED_NEUTRONS -> new String[] {"name", "type", "source", "spectrum",
          "counts_per_pot", "counts_per_gwh", "delay_ns"};
      case XRAY_LINE -> new String[] {"name", "type", "source", "line", "energy_kevee", "counts_per_kg_per_day",
          "half_life_days", "days_since_reference"};
      case BETA -> new String[] {"name", "type", "source", "counts_per_kg_per_day", "endpoint_kev", "daughter_z"};
    };
    b.allowKeys(keys);
    ConfigNode nameNode = b.required("name");
    String name = Rules.name(nameNode);
    if (name.equals(SIGNAL)) {
      throw nameNode.error("must not be '" + SIGNAL + "' (the component name of signal events)");
    }
    SourceInfo source = source(b, sources);
    double daysSinceReference = 0;
    BackgroundComponent component;
    switch (type) {
      case STEADY -> {
        EnergyScale scale = scale(b);
        ConfigNode sn = b.required("spectrum");
        BackgroundSpectrum spectrum = spectrum(sn, baseDir);
        String rate = Rules.exactlyOne(b, "counts_per_kg_per_day", "counts_per_kev_per_kg_per_day");
        double r = b.requiredDouble(rate, PhysicalRanges.COUNTS_PER_KG_DAY);
        if (rate.equals("counts_per_kg_per_day")) {
          component = SteadyStateBackground.of(name, spectrum, scale, r);
        } else {
          if (spectrum.isLine() || !Double.isFinite(spectrum.maxKeV())) {
            throw sn.problem("a rate per keV needs a spectrum with a finite energy range (flat, tabulated, or"
                + " exponential with a finite max_kev)");
          }
          component = SteadyStateBackground.perKeV(name, spectrum, scale, r);
        }
      }
      case REACTOR_CORRELATED -> {
        if (source.type() != SourceType.REACTOR) {
          throw b.required("type").problem("'reactor-correlated' needs a reactor source (periods on and off),"
              + " source '" + source.name() + "' is " + ConfigNode.spelling(source.type()));
        }
        EnergyScale scale = scale(b);
        BackgroundSpectrum spectrum = spectrum(b.required("spectrum"), baseDir);
        double on = b.requiredDouble("on_counts_per_kg_per_day", PhysicalRanges.COUNTS_PER_KG_DAY);
        double off = b.requiredDouble("off_counts_per_kg_per_day", PhysicalRanges.COUNTS_PER_KG_DAY);
        component = ReactorCorrelatedBackground.of(name, spectrum, scale, on, off);
      }
      case BEAM_NEUTRONS, NEUTRINO_INDUCED_NEUTRONS -> {
        if (!source.pulsed()) {
          throw b.required("type").problem("'" + ConfigNode.spelling(type) + "' needs a pulsed source, source '"
              + source.name() + "' is " + ConfigNode.spelling(source.type()));
        }
        PionDarParameters p = source.pionDar().orElseThrow();
        BackgroundSpectrum spectrum = spectrum(b.required("spectrum"), baseDir);
        double delay = b.optionalDouble("delay_ns", PhysicalRanges.SIGNED_TIME_NS, 0.0);
        TimeProfile base = type == Type.BEAM_NEUTRONS
            ? PulseTimeProfile.protonPulse(p.pulseShape(), p.pulseWidthNs())
            : PulseTimeProfile.muonDelayed(p.pulseShape(), p.pulseWidthNs());
        TimeProfile profile = DelayedTimeProfile.of(base, delay);
        String rate = Rules.exactlyOne(b, "counts_per_pot", "counts_per_gwh");
        double r = b.requiredDouble(rate, rate.equals("counts_per_pot")
            ? DoubleRange.closed(0, 1).because("up to 1 per proton") : PhysicalRanges.COUNTS_PER_GWH);
        boolean perPot = rate.equals("counts_per_pot");
        if (type == Type.BEAM_NEUTRONS) {
          component = perPot ? BeamNeutronBackground.perPot(name, spectrum, r, profile)
              : BeamNeutronBackground.perBeamEnergy(name, spectrum, r, p.protonEnergyGeV(), profile);
        } else {
          component = perPot ? NeutrinoInducedNeutronBackground.perPot(name, spectrum, r, profile)
              : NeutrinoInducedNeutronBackground.perBeamEnergy(name, spectrum, r, p.protonEnergyGeV(), profile);
        }
      }
      case XRAY_LINE -> {
        String which = Rules.exactlyOne(b, "line", "energy_kevee");
        double energy = which.equals("line") ? b.requiredEnum("line", GermaniumXRayLine.class).energyKeVee()
            : b.requiredDouble("energy_kevee", PhysicalRanges.ENERGY_KEV);
        double rate = b.requiredDouble("counts_per_kg_per_day", PhysicalRanges.COUNTS_PER_KG_DAY);
        double halfLife = b.optionalDouble("half_life_days", DoubleRange.POSITIVE_OR_INFINITE,
            Double.POSITIVE_INFINITY);
        daysSinceReference = b.optionalDouble("days_since_reference", PhysicalRanges.SIGNED_DAYS, 0.0);
        component = XRayLineBackground.of(name, energy, rate, halfLife);
      }
      case BETA -> {
        double rate = b.requiredDouble("counts_per_kg_per_day", PhysicalRanges.COUNTS_PER_KG_DAY);
        double endpoint = b.optionalDouble("endpoint_kev", PhysicalRanges.ENERGY_KEV, BetaSpectrum.TRITIUM_ENDPOINT_KEV);
        int z = b.optionalInt("daughter_z", 0, 118, BetaSpectrum.TRITIUM_DAUGHTER_Z);
        component = TritiumBackground.of(name, BetaSpectrum.of(endpoint, z), rate);
      }
      default -> throw new IllegalStateException(type.name());
    }
    return new BackgroundSpec(component, source.index(), daysSinceReference, b.path());
  }

  private static SourceInfo source(ConfigNode b, List<SourceInfo> sources) {
    if (!b.has("source")) {
      if (sources.size() == 1) {
        return sources.get(0);
      }
      throw new ConfigException(b.pathOf("source"), "required key is missing (the configuration has "
          + sources.size() + " sources: " + names(sources) + ")");
    }
    ConfigNode n = b.required("source");
    String name = n.asString();
    return sources.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> n.error("must be a source of this configuration, allowed: " + names(sources)));
  }

  private static String names(List<SourceInfo> sources) {
    return sources.stream().map(SourceInfo::name).collect(Collectors.joining(", "));
  }

  private static EnergyScale scale(ConfigNode b) {
    Scale s = b.optionalEnum("energy_scale", Scale.class, Scale.KEVEE);
    return s == Scale.KEVEE ? EnergyScale.ELECTRON_EQUIVALENT : EnergyScale.NUCLEAR_RECOIL;
  }

  /** A spectrum map: {@code shape} flat | exponential | tabulated | line, energies in keV on the entry's scale. */
  static BackgroundSpectrum spectrum(ConfigNode s, Path baseDir) {
    s.requireMap();
    Shape shape = s.requiredEnum("shape", Shape.class);
    switch (shape) {
      case FLAT -> {
        s.allowKeys("shape", "min_kev", "max_kev");
        double min = s.optionalDouble("min_kev", PhysicalRanges.ENERGY_KEV_OR_ZERO, 0.0);
        double max = s.requiredDouble("max_kev", DoubleRange.greaterThan(min));
        return FlatSpectrum.of(min, max);
      }
      case EXPONENTIAL -> {
        s.allowKeys("shape", "min_kev", "max_kev", "slope_kev");
        double min = s.optionalDouble("min_kev", PhysicalRanges.ENERGY_KEV_OR_ZERO, 0.0);
        double max = s.optionalDouble("max_kev", DoubleRange.POSITIVE_OR_INFINITE, Double.POSITIVE_INFINITY);
        if (!(max > min)) {
          throw s.required("max_kev").error("must be > min_kev (" + ConfigException.render(min) + ")");
        }
        double slope = s.requiredDouble("slope_kev", PhysicalRanges.ENERGY_KEV);
        return ExponentialSpectrum.of(min, max, slope);
      }
      case TABULATED -> {
        s.allowKeys("shape", "file");
        ConfigNode f = s.required("file");
        TableFile t = TableFile.read(f, baseDir, List.of("energy_kev,density"), 2);
        try {
          return TabulatedSpectrum.of(t.x(), t.y());
        } catch (IllegalArgumentException e) {
          throw TableFile.invalid(f, e);
        }
      }
      case LINE -> {
        s.allowKeys("shape", "energy_kev");
        return LineSpectrum.of(s.requiredDouble("energy_kev", PhysicalRanges.ENERGY_KEV));
      }
      default -> throw new IllegalStateException(shape.name());
    }
  }
}
