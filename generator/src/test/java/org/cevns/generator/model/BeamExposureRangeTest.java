package org.cevns.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * walkfuzz: a tiny proton energy or beam power made the protons on target or the beam time of a pion-dar exposure
 * overflow although every key was in its range: {@code proton_energy_gev: 1e-300} failed with "internal error:
 * exposure must be finite and >= 0, got Infinity" (exit 1), {@code power_mw: 1e-300} printed 6.9e303 steady
 * background events ({@link BeamExposureRange}).
 */
class BeamExposureRangeTest {
  private static final String SNS = """
      name: t
      sources:
        - {name: sns, type: pion-dar, facility: sns, SOURCE}
      detectors:
        - {name: csi, target: {formula: CsI}, mass_kg: 14.6, distance_m: 19.3DETECTOR}
      """;

  private static String refusal(String source, String detector) {
    String yaml = SNS.replace("SOURCE", source).replace("DETECTOR", detector);
    return assertThrows(ConfigException.class, () -> ExperimentModel.build(ConfigLoader.parse(yaml, Path.of("."))))
        .getMessage();
  }

  @Test
  void protonsOnTargetBeyondTheirRangeAreRefusedAtTheExposure() {
    assertEquals("sources[0].exposure.beam_energy_gwh: must give at most 1.0e27 protons on target, gives"
        + " .inf at proton_energy_gev 1.0e-300, got 13.99",
        refusal("proton_energy_gev: 1.0e-300, exposure: {beam_energy_gwh: 13.99}", ""));
    // in range key by key, 2.2e28 protons together
    assertEquals("sources[0].exposure.beam_energy_gwh: must give at most 1.0e27 protons on target, gives"
        + " 2.246943267e28 at proton_energy_gev 1, got 1000000",
        refusal("proton_energy_gev: 1, exposure: {beam_energy_gwh: 1.0e6}", ""));
  }

  @Test
  void beamTimeBeyondACenturyIsRefusedAtTheExposureItComesFrom() {
    assertEquals("detectors[0].exposure.sns.pot: must take at most a century of beam (876600 h), takes"
        + " 1.424157008e304 h at power_mw 1.0e-300 and proton_energy_gev 1, got 3.2e23",
        refusal("power_mw: 1.0e-300, proton_energy_gev: 1, exposure: {pot: 1.0e20}", ", exposure: {sns: {pot: 3.2e23}}"));
    // the shipped COHERENT CsI exposure is far inside both ranges
    ExperimentModel.build(ConfigLoader.parse(SNS.replace("SOURCE", "exposure: {beam_energy_gwh: 13.99}")
        .replace("DETECTOR", ""), Path.of(".")));
  }
}
