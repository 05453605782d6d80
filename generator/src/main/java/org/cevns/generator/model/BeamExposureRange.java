package org.cevns.generator.model;

import org.cevns.physics.constants.Units;
import org.cevns.physics.source.PionDarParameters;
import org.cevns.schema.ConfigException;
import org.cevns.schema.DetectorConfig;
import org.cevns.schema.PhysicalRanges;
import org.cevns.schema.PionDarExposure;

/**
 * The protons on target and the beam time a pion decay-at-rest exposure gives stay in the physical ranges of
 * {@code pot} and {@code beam_hours} ({@link PhysicalRanges}): each key is in range, but a tiny proton energy or
 * beam power makes the derived numbers overflow (13.99 GWh at {@code proton_energy_gev: 1e-300} is infinitely many
 * protons; {@code pot: 3.2e23} at {@code power_mw: 1e-300} 1e303 h of beam and 1e303 steady background events).
 * Refused at the exposure's key, naming the proton energy and power it was converted with.
 */
final class BeamExposureRange {
  private BeamExposureRange() {}

  static void check(int detectorIndex, DetectorConfig d, int sourceIndex, String sourceName, PionDarExposure ex,
      PionDarParameters p, double pot, double beamSeconds) {
    String key = (d.exposureFor(sourceName).isPresent() ? "detectors[" + detectorIndex + "].exposure." + sourceName
        : "sources[" + sourceIndex + "].exposure") + "." + keyName(ex.kind());
    double value = switch (ex.kind()) {
      case POT -> ex.pot().getAsDouble();
      case BEAM_ENERGY -> ex.beamEnergyGWh().getAsDouble();
      case BEAM_HOURS -> ex.beamHours().getAsDouble();
      case YEARS -> ex.years().getAsDouble();
    };
    if (!(pot <= PhysicalRanges.POT.upper())) {
      throw new ConfigException(key, "must give at most " + ConfigException.render(PhysicalRanges.POT.upper())
          + " protons on target, gives " + ConfigException.renderRounded(pot) + " at proton_energy_gev "
          + ConfigException.render(p.protonEnergyGeV()), ConfigException.render(value));
    }
    double beamHours = beamSeconds / Units.S_PER_HOUR;
    if (!(beamHours <= PhysicalRanges.BEAM_HOURS.upper())) {
      throw new ConfigException(key, "must take at most a century of beam ("
          + ConfigException.render(PhysicalRanges.BEAM_HOURS.upper()) + " h), takes "
          + ConfigException.renderRounded(beamHours) + " h at power_mw " + ConfigException.render(p.powerMW())
          + " and proton_energy_gev " + ConfigException.render(p.protonEnergyGeV()), ConfigException.render(value));
    }
  }

  private static String keyName(PionDarExposure.Kind kind) {
    return switch (kind) {
      case POT -> "pot";
      case BEAM_ENERGY -> "beam_energy_gwh";
      case BEAM_HOURS -> "beam_hours";
      case YEARS -> "years";
    };
  }
}
