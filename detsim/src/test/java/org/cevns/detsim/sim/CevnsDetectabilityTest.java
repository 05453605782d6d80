package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

class CevnsDetectabilityTest {
  /** A Ge detector at a reactor (largest recoil 3.07 keVnr on Ge70, 0.611 keVee with Lindhard k = 0.157). */
  private static final String GE = """
      name: t
      sources:
        - {name: core, type: reactor, thermal_power_mw: 3900, exposure: {live_days_on: 365}}
      detectors:
        - name: ge
          target: {formula: Ge}
          mass_kg: 10
          distance_m: 20
          response:
            quenching: {model: lindhard}
            energy: {model: ionisation, pair_energy_ev: 2.96, fano: 0.11, noise_sigma_evee: 20}
            THRESHOLD
      EXTRA
      """;

  private static void check(String threshold, String extra) {
    ExperimentModel m = ExperimentModel.build(ConfigLoader.parse(
        GE.replace("THRESHOLD", threshold).replace("EXTRA", extra), Path.of(".")));
    CevnsDetectability.check(m, DetsimConfig.of(m));
  }

  @Test
  void aThresholdAboveEveryVisibleCevnsEnergyIsRefused() {
    ConfigException e = assertThrows(ConfigException.class, () -> check("threshold_kevee: 200", ""));
    assertEquals("detectors[0].response.threshold_kevee: no detector detects a CEvNS recoil: the largest visible"
        + " CEvNS energy of this detector is 0.6110767311 keVee and the detection probability is 0 up to it (for"
        + " electron recoils alone leave cevns out of physics.processes), got 200", e.getMessage());
    // an efficiency curve that detects nothing below the endpoint
    e = assertThrows(ConfigException.class, () -> check(
        "efficiency: {model: erf, variable: kevee, x50: 5, width: 0.01}", ""));
    assertEquals("detectors[0].response.efficiency: no detector detects a CEvNS recoil: the largest visible"
        + " CEvNS energy of this detector is 0.6110767311 keVee and the detection probability is 0 up to it (for"
        + " electron recoils alone leave cevns out of physics.processes), got a curve detecting nothing below it",
        e.getMessage());
  }

  @Test
  void aThresholdNearTheEndpointOrWithoutCevnsIsAccepted() {
    check("threshold_kevee: 0.2", "");
    check("threshold_kevee: 0.65", ""); // above 0.611 keVee, but the 20 eV noise smears some recoils above it
    check("threshold_kevee: 200", "physics: {processes: [eves]}");
  }
}
