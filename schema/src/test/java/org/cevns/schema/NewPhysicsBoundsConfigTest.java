package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * New-physics values beyond their validity bounds ({@code NewPhysicsBounds}) are refused with one line naming the
 * key as written, the value and the allowed range. Regression: {@code charge_radius_cm2: {all: -1}} was accepted
 * up to the global 1e30 bound and gave ~7e66 events (config fuzzer, twenty-fourth session).
 */
class NewPhysicsBoundsConfigTest {
  private static final String BASE = ConfigErrorAssertions.SNS_CSI + "    threshold_kevnr: 5\n";

  private static ExperimentConfig parse(String physics, Path dir) {
    return ConfigLoader.parse(BASE + "physics:\n" + physics.indent(2), dir);
  }

  static Stream<Arguments> beyond() {
    return Stream.of(
        Arguments.of("charge_radius_cm2: {all: -1}", "physics.charge_radius_cm2.all: must be within +-1.0e-28 (1e3 x"
            + " the limits, where the charge-radius term is 500 x the weak coupling, docs/new-physics.md), got -1"),
        Arguments.of("charge_radius_cm2: {numu: 2.0e-28}", "physics.charge_radius_cm2.numu: must be within +-1.0e-28"
            + " (1e3 x the limits, where the charge-radius term is 500 x the weak coupling, docs/new-physics.md),"
            + " got 2.0e-28"),
        Arguments.of("magnetic_moment_mub: {emu: 1.0e-3}", "physics.magnetic_moment_mub.emu: must be within +-1.0e-6"
            + " (1e5 x the laboratory limits, docs/new-physics.md), got 0.001"),
        Arguments.of("millicharge_e: {nue: 0.5}", "physics.millicharge_e.nue: must be within +-0.001 (1e4 x the"
            + " weakest laboratory limits, docs/new-physics.md), got 0.5"),
        Arguments.of("mediators: [{type: vector, mass_mev: 30, g: 4}]", "physics.mediators[0].g: must be within"
            + " +-3.5449077018110318 (perturbative: g^2/(4 pi) <= 1, docs/new-physics.md), got 4"),
        Arguments.of("mediators: [{type: scalar, mass_mev: 30, g_u: -10}]", "physics.mediators[0].g_u: must be"
            + " within +-3.5449077018110318 (perturbative: g^2/(4 pi) <= 1, docs/new-physics.md), got -10"),
        Arguments.of("nsi: {u: {ee: 2000}}", "physics.nsi.u.ee: must be within +-1000 (1000 x the weak interaction,"
            + " docs/new-physics.md), got 2000"),
        Arguments.of("ngi: {tensor: {n: -1.0e4}}", "physics.ngi.tensor.n: must be within +-1000 (1000 x the weak"
            + " interaction, docs/new-physics.md), got -10000"),
        Arguments.of("sterile: {mass_mev: 10, dipole_mub: {all: 0.01}}", "physics.sterile.dipole_mub.all: must be"
            + " within +-0.001 (100 x the weakest limits, docs/new-physics.md), got 0.01"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("beyond")
  void refusedWithOneLine(String physics, String expected, @TempDir Path dir) {
    ConfigErrorAssertions.assertMessage(expected, () -> parse(physics, dir), physics);
  }

  /** The values the docs and shipped configurations scan stay allowed, up to the bounds themselves. */
  @Test
  void scannedValuesStayAllowed(@TempDir Path dir) {
    var np = parse("""
        magnetic_moment_mub: {all: 1.0e-6}
        millicharge_e: {nue: -1.0e-3}
        charge_radius_cm2: {numu: -1.0e-28}
        nsi: {u: {ee: -1000}}
        mediators: [{type: vector, mass_mev: 30, g: 3.5}]
        """, dir).physics().newPhysics();
    assertEquals(1e-6, np.get("magnetic_moment_mub.all"), 0);
    assertEquals(-1e-28, np.get("charge_radius_cm2.numu"), 0);
  }
}
