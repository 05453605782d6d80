package org.cevns.detsim.setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.cevns.physics.source.PionDarParameters;
import org.cevns.physics.source.PulseTimeProfile;
import org.cevns.physics.source.TimeProfile;
import org.cevns.schema.BackgroundKeys;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigNode;
import org.cevns.schema.SourceType;

/**
 * Builds the background components of a bound {@code detectors[i].backgrounds} list ({@link BackgroundKeys}):
 * resolves each entry's {@code source} among the configuration's sources (pulsed types need a pulsed source,
 * {@code reactor-correlated} a reactor) and reads table spectra. Errors are {@link ConfigException}s with the full
 * key path.
 */
final class BackgroundBuilder {
  private BackgroundBuilder() {}

  /**
   * @param entries the bound list
   * @param path its key path, e.g. {@code detectors[0].backgrounds}
   * @param sources the configuration's sources
   * @param baseDir directory of the configuration file, for table files
   */
  static List<BackgroundSpec> build(List<BackgroundKeys> entries, String path, List<SourceInfo> sources,
      Path baseDir) {
    List<BackgroundSpec> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      out.add(entry(entries.get(i), path + "[" + i + "]", sources, baseDir));
    }
    return List.copyOf(out);
  }

  private static BackgroundSpec entry(BackgroundKeys b, String path, List<SourceInfo> sources, Path baseDir) {
    SourceInfo source = source(b, path, sources);
    String name = b.name();
    String spectrumPath = ConfigException.join(path, "spectrum");
    double daysSinceReference = 0;
    BackgroundComponent component;
    if (b instanceof BackgroundKeys.Steady s) {
      BackgroundSpectrum spectrum = spectrum(s.spectrum(), spectrumPath, baseDir);
      component = s.countsPerKgPerDay().isPresent()
          ? SteadyStateBackground.of(name, spectrum, scale(s.energyScale()), s.countsPerKgPerDay().getAsDouble())
          : SteadyStateBackground.perKeV(name, spectrum, scale(s.energyScale()),
              s.countsPerKeVPerKgPerDay().getAsDouble());
    } else if (b instanceof BackgroundKeys.ReactorCorrelated r) {
      if (source.type() != SourceType.REACTOR) {
        throw new ConfigException(ConfigException.join(path, "type"), "'reactor-correlated' needs a reactor source"
            + " (periods on and off), source '" + source.name() + "' is " + ConfigNode.spelling(source.type()));
      }
      component = ReactorCorrelatedBackground.of(name, spectrum(r.spectrum(), spectrumPath, baseDir),
          scale(r.energyScale()), r.onCountsPerKgPerDay(), r.offCountsPerKgPerDay());
    } else if (b instanceof BackgroundKeys.BeamCorrelated n) {
      component = beam(n, path, source, spectrumPath, baseDir);
    } else if (b instanceof BackgroundKeys.XRayLine x) {
      double energy = x.line().isPresent() ? GermaniumXRayLine.valueOf(x.line().get().name()).energyKeVee()
          : x.energyKeVee().getAsDouble();
      daysSinceReference = x.daysSinceReference().orElse(0.0);
      component = XRayLineBackground.of(name, energy, x.countsPerKgPerDay(),
          x.halfLifeDays().orElse(Double.POSITIVE_INFINITY));
    } else {
      BackgroundKeys.Beta t = (BackgroundKeys.Beta) b;
      BetaSpectrum beta = BetaSpectrum.of(t.endpointKeV().orElse(BetaSpectrum.TRITIUM_ENDPOINT_KEV),
          t.daughterZ() == null ? BetaSpectrum.TRITIUM_DAUGHTER_Z : t.daughterZ());
      component = TritiumBackground.of(name, beta, t.countsPerKgPerDay());
    }
    return new BackgroundSpec(component, source.index(), daysSinceReference, path);
  }

  private static BackgroundComponent beam(BackgroundKeys.BeamCorrelated b, String path, SourceInfo source,
      String spectrumPath, Path baseDir) {
    boolean neutrons = b.type() == BackgroundKeys.Kind.BEAM_NEUTRONS;
    if (!source.pulsed()) {
      throw new ConfigException(ConfigException.join(path, "type"), "'" + ConfigNode.spelling(b.type())
          + "' needs a pulsed source, source '" + source.name() + "' is " + ConfigNode.spelling(source.type()));
    }
    PionDarParameters p = source.pionDar().orElseThrow();
    BackgroundSpectrum spectrum = spectrum(b.spectrum(), spectrumPath, baseDir);
    TimeProfile base = neutrons ? PulseTimeProfile.protonPulse(p.pulseShape(), p.pulseWidthNs())
        : PulseTimeProfile.muonDelayed(p.pulseShape(), p.pulseWidthNs());
    TimeProfile profile = DelayedTimeProfile.of(base, b.delayNs().orElse(0.0));
    String name = b.name();
    if (b.countsPerPot().isPresent()) {
      double r = b.countsPerPot().getAsDouble();
      return neutrons ? BeamNeutronBackground.perPot(name, spectrum, r, profile)
          : NeutrinoInducedNeutronBackground.perPot(name, spectrum, r, profile);
    }
    double r = b.countsPerGWh().getAsDouble();
    return neutrons ? BeamNeutronBackground.perBeamEnergy(name, spectrum, r, p.protonEnergyGeV(), profile)
        : NeutrinoInducedNeutronBackground.perBeamEnergy(name, spectrum, r, p.protonEnergyGeV(), profile);
  }

  private static SourceInfo source(BackgroundKeys b, String path, List<SourceInfo> sources) {
    String at = ConfigException.join(path, "source");
    if (b.source().isEmpty()) {
      if (sources.size() == 1) {
        return sources.get(0);
      }
      throw new ConfigException(at, "required key is missing (the configuration has " + sources.size()
          + " sources: " + names(sources) + ")");
    }
    String name = b.source().get();
    return sources.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new ConfigException(at, "must be a source of this configuration, allowed: "
            + names(sources), ConfigException.quote(name)));
  }

  private static String names(List<SourceInfo> sources) {
    return sources.stream().map(SourceInfo::name).collect(Collectors.joining(", "));
  }

  private static EnergyScale scale(java.util.Optional<BackgroundKeys.Scale> s) {
    return s.orElse(BackgroundKeys.Scale.KEVEE) == BackgroundKeys.Scale.KEVEE ? EnergyScale.ELECTRON_EQUIVALENT
        : EnergyScale.NUCLEAR_RECOIL;
  }

  /** A bound spectrum at {@code path}, energies in keV on the entry's scale. */
  static BackgroundSpectrum spectrum(BackgroundKeys.Spectrum s, String path, Path baseDir) {
    if (s instanceof BackgroundKeys.Flat f) {
      return FlatSpectrum.of(f.minKeV().orElse(0.0), f.maxKeV());
    } else if (s instanceof BackgroundKeys.Exponential e) {
      return ExponentialSpectrum.of(e.minKeV().orElse(0.0), e.maxKeV().orElse(Double.POSITIVE_INFINITY),
          e.slopeKeV());
    } else if (s instanceof BackgroundKeys.Tabulated t) {
      String at = ConfigException.join(path, "file");
      TableFile table = TableFile.read(t.file(), at, baseDir, List.of("energy_kev,density"), 2);
      table.require(t.file(), at, false, v -> v >= 0, "energy_kev must be >= 0");
      table.require(t.file(), at, true, v -> v >= 0, "density must be >= 0");
      if (Arrays.stream(table.y()).allMatch(v -> v == 0)) {
        throw TableFile.invalid(t.file(), at, new IllegalArgumentException(table.file().getFileName()
            + ": density is 0 on every row, the spectrum has no area"));
      }
      try {
        return TabulatedSpectrum.of(table.x(), table.y());
      } catch (IllegalArgumentException e) {
        throw TableFile.invalid(t.file(), at, e);
      }
    }
    return LineSpectrum.of(((BackgroundKeys.LineShape) s).energyKeV());
  }
}
