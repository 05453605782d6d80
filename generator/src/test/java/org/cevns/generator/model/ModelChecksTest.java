package org.cevns.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.cevns.physics.Process;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/** Values that would select nothing or be ignored are refused with their key path ({@link ModelChecks}). */
class ModelChecksTest {
  private static final String GE_REACTOR = """
      name: t
      sources:
        - {name: core, type: reactor, thermal_power_mw: 3900, exposure: {live_days_on: 365}}
      detectors:
        - {name: ge, target: {formula: Ge}, mass_kg: 10, distance_m: 20THRESHOLD}
      PHYSICS
      """;

  private static ExperimentModel parse(String threshold, String physics) {
    return ExperimentModel.build(ConfigLoader.parse(GE_REACTOR.replace("THRESHOLD", threshold)
        .replace("PHYSICS", physics), Path.of(".")));
  }

  private static String refusal(String threshold, String physics) {
    return assertThrows(ConfigException.class, () -> parse(threshold, physics)).getMessage();
  }

  @Test
  void thresholdAboveTheLargestCevnsRecoilIsRefused() {
    // 10 MeV (the default reactor spectrum's end) on Ge70: T_max = 2E²/(M + 2E) = 3.0704 keVnr (scipy). Before: accepted,
    // and `rates` printed 0 expected CEvNS events in the window.
    assertEquals("detectors[0].threshold_kevnr: must be below the largest CEvNS recoil the detector's sources can"
        + " make (3.070419778 keVnr), else the window holds no event, got 1000",
        refusal(", threshold_kevnr: 1000", ""));
    assertEquals("detectors[0].threshold_kevnr: must be below the largest CEvNS recoil the detector's sources can"
        + " make (3.070419778 keVnr), else the window holds no event, got 3.1",
        refusal(", threshold_kevnr: 3.1", ""));
    // just below the endpoint: a (tiny) window, accepted
    ExperimentModel m = parse(", threshold_kevnr: 3.0", "");
    assertEquals(3.0, m.detectors().get(0).thresholdKeVnr());
    // without CEvNS the keVnr window selects nothing anyway: not checked
    parse(", threshold_kevnr: 1000", "physics: {processes: [eves]}");
  }

  @Test
  void radiiOfAnUnknownNuclideOrOneOutsideEveryTargetAreRefused() {
    // Before: both accepted and silently ignored.
    assertEquals("physics.nuclei.Ge75: unknown isotope Ge75 (Z = 32, A = 75); known Ge isotopes: 70, 72, 73, 74, 76",
        refusal("", "physics: {nuclei: {Ge75: {neutron_rms_radius_fm: 4.1}}}"));
    assertEquals("physics.nuclei.Xe131: must be a nuclide of a detector's target, one of Ge70, Ge72, Ge73, Ge74,"
        + " Ge76, got 'Xe131'", refusal("", "physics: {nuclei: {Xe131: {neutron_rms_radius_fm: 4.8}}}"));
    ExperimentModel m = parse("", "physics: {nuclei: {Ge74: {neutron_rms_radius_fm: 4.1}}}");
    assertEquals(true, m.config().physics().processes().contains(Process.CEVNS));
  }

  @Test
  void aRadiusBelowTheFormFactorModelsSmallestIsAOneLineConfigError() {
    // Before: `cevns rates` gave "internal error: java.lang.IllegalArgumentException: Helm form factor rmsRadiusFm: must
    // exceed sqrt(3)*s = 1.5588457268119895 fm, got 0.84", exit 1 (walkedge, twenty-eighth session).
    assertEquals("physics.nuclei.Ge74.proton_rms_radius_fm: must exceed 1.558845727 fm, the smallest rms radius of the"
        + " helm form factor (its fixed surface term alone; physics.form_factor: unity has no radius), got 0.84",
        refusal("", "physics: {nuclei: {Ge74: {proton_rms_radius_fm: 0.84}}}"));
    assertEquals("physics.nuclei.Ge74.neutron_rms_radius_fm: must exceed 1.71464282 fm, the smallest rms radius of"
        + " the klein-nystrand form factor (its fixed surface term alone; physics.form_factor: unity has no radius),"
        + " got 1.7", refusal("", "physics: {form_factor: klein-nystrand, nuclei: {Ge74: {neutron_rms_radius_fm: 1.7}}}"));
    assertEquals("physics.nuclei.Ge74.neutron_rms_radius_fm: must exceed 1.93293493 fm, the smallest rms radius of"
        + " the symmetrized-fermi form factor (its fixed surface term alone; physics.form_factor: unity has no radius),"
        + " got 1.9", refusal("", "physics: {form_factor: symmetrized-fermi, nuclei: {Ge74: {neutron_rms_radius_fm: 1.9}}}"));
    // just above the minimum, and any radius with unity: accepted
    parse("", "physics: {nuclei: {Ge74: {proton_rms_radius_fm: 1.56}}}");
    parse("", "physics: {form_factor: unity, nuclei: {Ge74: {proton_rms_radius_fm: 0.84}}}");
  }
}
