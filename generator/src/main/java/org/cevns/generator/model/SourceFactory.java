package org.cevns.generator.model;

import org.cevns.schema.ConfigException;
import org.cevns.schema.FissionValues;
import org.cevns.schema.MonoenergeticConfig;
import org.cevns.schema.PionDarConfig;
import org.cevns.schema.ReactorConfig;
import org.cevns.schema.Solar8BConfig;
import org.cevns.schema.SourceConfig;
import org.cevns.schema.SpectrumFileConfig;
import org.cevns.physics.source.FissionEnergies;
import org.cevns.physics.source.FissionFractions;
import org.cevns.physics.source.Intensity;
import org.cevns.physics.source.MonoenergeticSource;
import org.cevns.physics.source.PionDarParameters;
import org.cevns.physics.source.PionDarSource;
import org.cevns.physics.source.PulseShape;
import org.cevns.physics.source.ReactorParameters;
import org.cevns.physics.source.ReactorSource;
import org.cevns.physics.source.Solar8BSource;
import org.cevns.physics.source.Source;
import org.cevns.physics.source.SpectrumFileSource;

/**
 * Turns a validated source configuration into a {@link Source}: applies facility presets and source defaults
 * for every key the file leaves out. Steady sources are built for a period duration (their event times are
 * uniform over it) and re-bound per detector and period with {@code withPeriodDurationNs}.
 */
final class SourceFactory {
  private SourceFactory() {}

  /** Pion-DAR parameters: the facility preset overridden by every key the configuration gives. */
  static PionDarParameters pionDarParameters(PionDarConfig c) {
    PionDarParameters p;
    if (c.facility() == PionDarParameters.Facility.NONE) {
      PulseShape shape = c.effectivePulseShape();
      double width = shape == PulseShape.GAUSSIAN ? c.pulseFwhmNs().getAsDouble() : c.pulseLengthNs().getAsDouble();
      return new PionDarParameters(c.protonEnergyGeV().getAsDouble(), c.powerMW().getAsDouble(),
          c.repetitionHz().getAsDouble(), shape, width, c.nuPerFlavorPerProton().getAsDouble());
    }
    p = PionDarParameters.preset(c.facility());
    if (c.protonEnergyGeV().isPresent()) {
      p = p.withProtonEnergyGeV(c.protonEnergyGeV().getAsDouble());
    }
    if (c.powerMW().isPresent()) {
      p = p.withPowerMW(c.powerMW().getAsDouble());
    }
    if (c.repetitionHz().isPresent()) {
      p = p.withRepetitionHz(c.repetitionHz().getAsDouble());
    }
    if (c.pulseFwhmNs().isPresent()) {
      p = p.withGaussianPulse(c.pulseFwhmNs().getAsDouble());
    }
    if (c.pulseLengthNs().isPresent()) {
      p = p.withFlatPulse(c.pulseLengthNs().getAsDouble());
    }
    if (c.nuPerFlavorPerProton().isPresent()) {
      p = p.withNuPerFlavorPerProton(c.nuPerFlavorPerProton().getAsDouble());
    }
    return p;
  }

  /** Reactor parameters with the source defaults for every key the configuration leaves out. */
  static ReactorParameters reactorParameters(ReactorConfig c) {
    FissionFractions fractions = c.fissionFractions().map(SourceFactory::fractions).orElse(FissionFractions.typical());
    ReactorParameters p = ReactorParameters.of(c.thermalPowerMW(), fractions);
    if (c.energyPerFissionMeV().isPresent()) {
      FissionValues e = c.energyPerFissionMeV().get();
      p = p.withEnergiesPerFission(new FissionEnergies(e.u235(), e.u238(), e.pu239(), e.pu241()));
    }
    if (c.lowEnergyModel().isPresent()) {
      p = p.withLowEnergyModel(c.lowEnergyModel().get());
    }
    if (c.highEnergyModel().isPresent()) {
      p = p.withHighEnergyModel(c.highEnergyModel().get());
    }
    if (c.maxEnergyMeV().isPresent()) {
      p = p.withMaxEnergyMeV(c.maxEnergyMeV().getAsDouble());
    }
    if (c.neutronCapturesPerFission().isPresent()) {
      p = p.withCapturesPerFission(c.neutronCapturesPerFission().getAsDouble());
    }
    return p;
  }

  private static FissionFractions fractions(FissionValues v) {
    return new FissionFractions(v.u235(), v.u238(), v.pu239(), v.pu241());
  }

  /**
   * Builds the source for configuration entry {@code index}; steady sources get {@code periodDurationNs}.
   * Errors from the source classes (e.g. an unreadable spectrum file) are reported under the source's key path.
   */
  static Source create(SourceConfig config, int index, double periodDurationNs) {
    // a spectrum file's errors (bad rows) are reported under its key, the others under the source
    String path = "sources[" + index + "]" + (config instanceof SpectrumFileConfig ? ".file" : "");
    try {
      if (config instanceof PionDarConfig c) {
        return PionDarSource.of(c.name(), pionDarParameters(c));
      } else if (config instanceof ReactorConfig c) {
        return ReactorSource.of(c.name(), reactorParameters(c), periodDurationNs);
      } else if (config instanceof Solar8BConfig c) {
        return Solar8BSource.of(c.name(),
            c.totalFluxPerCm2S().orElse(Solar8BSource.B16_GS98_FLUX_PER_CM2_S), periodDurationNs,
            c.oscillations() ? org.cevns.physics.source.MswLmaSurvival.pdgB8() : null);
      } else if (config instanceof org.cevns.schema.SolarConfig c) {
        return org.cevns.physics.source.SolarSource.of(c.name(), c.resolvedFluxesPerCm2S(), periodDurationNs,
            c.oscillations() ? org.cevns.physics.source.MswLmaSurvival.pdgB8() : null);
      } else if (config instanceof MonoenergeticConfig c) {
        return MonoenergeticSource.of(c.name(), c.energyMeV(), c.flavor(), c.parent(), intensity(
            c.fluxPerCm2S().isPresent(), c.fluxPerCm2S().orElse(Double.NaN), c.ratePerS().orElse(Double.NaN)),
            periodDurationNs);
      } else if (config instanceof SpectrumFileConfig c) {
        return SpectrumFileSource.of(c.name(), c.resolvedFile(), c.flavor(), c.parent(), intensity(
            c.fluxPerCm2S().isPresent(), c.fluxPerCm2S().orElse(Double.NaN), c.ratePerS().orElse(Double.NaN)),
            periodDurationNs);
      }
      throw new IllegalStateException("unhandled source type " + config.type());
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new ConfigException(path, e.getMessage());
    }
  }

  private static Intensity intensity(boolean flux, double fluxPerCm2S, double ratePerS) {
    return flux ? Intensity.fluxPerCm2PerS(fluxPerCm2S) : Intensity.ratePerS(ratePerS);
  }
}
