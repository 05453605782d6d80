package org.cevns.schema;

import org.cevns.physics.source.PionDarParameters.Facility;

import org.cevns.physics.source.PulseShape;
import org.cevns.physics.source.LowEnergyModel;
import org.cevns.physics.source.HighEnergyModel;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.cevns.physics.Flavor;

/** Parses one {@code sources[i]} map and the exposures of each source type. */
final class SourceParser {
  private SourceParser() {}

  static SourceConfig parse(ConfigNode s, Path baseDir) {
    s.requireMap();
    SourceType type = s.requiredEnum("type", SourceType.class);
    SourceConfig source;
    switch (type) {
      case PION_DAR:
        source = pionDar(s);
        break;
      case REACTOR:
        source = reactor(s);
        break;
      case SOLAR_8B:
        source = solar8B(s);
        break;
      case MONOENERGETIC:
        source = monoenergetic(s);
        break;
      case SPECTRUM_FILE:
        source = spectrumFile(s, baseDir);
        break;
      default:
        throw new IllegalStateException("unhandled source type " + type);
    }
    s.requireAllConsumed();
    return source;
  }

  private static PionDarConfig pionDar(ConfigNode s) {
    s.allowKeys("name", "type", "facility", "proton_energy_gev", "power_mw", "repetition_hz", "pulse_shape",
        "pulse_fwhm_ns", "pulse_length_ns", "nu_per_flavor_per_proton", "exposure");
    String name = s.requiredString("name");
    Facility facility = s.requiredEnum("facility", Facility.class);
    var protonEnergyGeV = s.optionalDouble("proton_energy_gev");
    var powerMW = s.optionalDouble("power_mw");
    var repetitionHz = s.optionalDouble("repetition_hz");
    var pulseShape = s.optionalEnum("pulse_shape", PulseShape.class);
    var pulseFwhmNs = s.optionalDouble("pulse_fwhm_ns");
    var pulseLengthNs = s.optionalDouble("pulse_length_ns");
    var nuPerFlavorPerProton = s.optionalDouble("nu_per_flavor_per_proton");
    PionDarExposure exposure = pionDarExposure(s.requiredMap("exposure"));
    return s.build(() -> new PionDarConfig(name, facility, protonEnergyGeV, powerMW, repetitionHz, pulseShape,
        pulseFwhmNs, pulseLengthNs, nuPerFlavorPerProton, exposure));
  }

  private static Solar8BConfig solar8B(ConfigNode s) {
    s.allowKeys("name", "type", "total_flux_per_cm2_s", "oscillations", "exposure");
    String name = s.requiredString("name");
    var flux = s.optionalDouble("total_flux_per_cm2_s");
    boolean oscillations = s.optionalBoolean("oscillations", true);
    LiveTimeExposure exposure = liveTime(s.requiredMap("exposure"));
    return s.build(() -> new Solar8BConfig(name, flux, exposure, oscillations));
  }

  private static MonoenergeticConfig monoenergetic(ConfigNode s) {
    s.allowKeys("name", "type", "energy_mev", "flavor", "parent", "flux_per_cm2_s", "rate_per_s", "exposure");
    String name = s.requiredString("name");
    double energyMeV = s.requiredDouble("energy_mev");
    Flavor flavor = s.requiredEnum("flavor", Flavor.class);
    String parent = s.optionalString("parent", MonoenergeticConfig.DEFAULT_PARENT);
    var flux = s.optionalDouble("flux_per_cm2_s");
    var rate = s.optionalDouble("rate_per_s");
    LiveTimeExposure exposure = liveTime(s.requiredMap("exposure"));
    return s.build(() -> new MonoenergeticConfig(name, energyMeV, flavor, parent, flux, rate, exposure));
  }

  private static ReactorConfig reactor(ConfigNode s) {
    s.allowKeys("name", "type", "thermal_power_mw", "fission_fractions", "energy_per_fission_mev",
        "low_energy_model", "high_energy_model", "max_energy_mev", "neutron_captures_per_fission", "exposure");
    String name = s.requiredString("name");
    double thermalPowerMW = s.requiredDouble("thermal_power_mw");
    var fractions = s.optionalMap("fission_fractions").map(SourceParser::fissionValues);
    var energies = s.optionalMap("energy_per_fission_mev").map(SourceParser::fissionValues);
    var low = s.optionalEnum("low_energy_model", LowEnergyModel.class);
    var high = s.optionalEnum("high_energy_model", HighEnergyModel.class);
    var maxEnergyMeV = s.optionalDouble("max_energy_mev");
    var captures = s.optionalDouble("neutron_captures_per_fission");
    ReactorExposure exposure = reactorExposure(s.requiredMap("exposure"));
    return s.build(() -> new ReactorConfig(name, thermalPowerMW, fractions, energies, low, high, maxEnergyMeV, exposure,
        captures));
  }

  private static SpectrumFileConfig spectrumFile(ConfigNode s, Path baseDir) {
    s.allowKeys("name", "type", "file", "flavor", "parent", "flux_per_cm2_s", "rate_per_s", "exposure");
    String name = s.requiredString("name");
    ConfigNode fileNode = s.required("file");
    String file = fileNode.asString();
    Path resolved;
    try {
      resolved = baseDir.resolve(file).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw fileNode.error("must be a valid file path (" + e.getReason() + ")");
    }
    if (!Files.isRegularFile(resolved) || !Files.isReadable(resolved)) {
      throw fileNode.error("must be a readable file (relative paths are relative to the configuration file's"
          + " directory; looked for " + resolved + ")");
    }
    Flavor flavor = s.requiredEnum("flavor", Flavor.class);
    String parent = s.optionalString("parent", SpectrumFileConfig.DEFAULT_PARENT);
    var flux = s.optionalDouble("flux_per_cm2_s");
    var rate = s.optionalDouble("rate_per_s");
    LiveTimeExposure exposure = liveTime(s.requiredMap("exposure"));
    return s.build(() -> new SpectrumFileConfig(name, file, resolved, flavor, parent, flux, rate, exposure));
  }

  private static FissionValues fissionValues(ConfigNode n) {
    n.allowKeys(FissionValues.KEYS.toArray(new String[0]));
    double u235 = n.requiredDouble("U235");
    double u238 = n.requiredDouble("U238");
    double pu239 = n.requiredDouble("Pu239");
    double pu241 = n.requiredDouble("Pu241");
    return n.build(() -> new FissionValues(u235, u238, pu239, pu241));
  }

  /** The exposure map of a source of {@code type}, at {@code n}. */
  static ExposureConfig exposure(SourceType type, ConfigNode n) {
    n.requireMap();
    switch (type) {
      case PION_DAR:
        return pionDarExposure(n);
      case REACTOR:
        return reactorExposure(n);
      default:
        return liveTime(n);
    }
  }

  private static PionDarExposure pionDarExposure(ConfigNode n) {
    n.allowKeys("pot", "beam_energy_gwh", "beam_hours", "years", "beam_hours_per_year");
    var pot = n.optionalDouble("pot");
    var gwh = n.optionalDouble("beam_energy_gwh");
    var hours = n.optionalDouble("beam_hours");
    var years = n.optionalDouble("years");
    var hoursPerYear = n.optionalDouble("beam_hours_per_year");
    n.requireAllConsumed();
    return n.build(() -> new PionDarExposure(pot, gwh, hours, years, hoursPerYear));
  }

  private static ReactorExposure reactorExposure(ConfigNode n) {
    n.allowKeys("live_days_on", "live_days_off");
    double on = n.requiredDouble("live_days_on");
    double off = n.optionalDouble("live_days_off").orElse(0);
    n.requireAllConsumed();
    return n.build(() -> new ReactorExposure(on, off));
  }

  private static LiveTimeExposure liveTime(ConfigNode n) {
    n.allowKeys("live_days", "years");
    var liveDays = n.optionalDouble("live_days");
    var years = n.optionalDouble("years");
    n.requireAllConsumed();
    return n.build(() -> new LiveTimeExposure(liveDays, years));
  }
}
