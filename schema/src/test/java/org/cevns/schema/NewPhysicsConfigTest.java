package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.cevns.physics.Process;
import org.cevns.physics.xs.bsm.Mediator;
import org.cevns.physics.xs.bsm.NewPhysics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The new-physics keys of {@code physics}: values, defaults, round trip and one-line errors. */
class NewPhysicsConfigTest {
  private static final String BASE = ConfigErrorAssertions.SNS_CSI + "    threshold_kevnr: 5\n";

  private static ExperimentConfig parse(String physics, Path dir) {
    return ConfigLoader.parse(BASE + "physics:\n" + physics.indent(2), dir);
  }

  @Test
  void readsEveryKey(@TempDir Path dir) {
    ExperimentConfig c = parse("""
        nsi:
          u: {ee: 0.1, emu: -0.02}
          d: {mutau: 0.03}
          e: {tautau: 0.5}
        magnetic_moment_mub: {nue: 1.0e-10}
        millicharge_e: {numu: -2.0e-12}
        charge_radius_cm2: {nutau: 3.0e-32}
        mediators:
          - {type: vector, mass_mev: 30, g: 1.0e-4}
          - {type: scalar, mass_mev: 2, g_nu: 1.0e-5, g_e: 2.0e-5}
        sterile: {mass_mev: 10, dipole_mub: {numu: 1.0e-9}}
        ngi:
          scalar: {p: 0.01, n: -0.02}
          tensor: {n: 0.3, e: 0.04, mass_mev: 12}
        recoil_floor_kev: 0.5
        """, dir);
    NewPhysics np = c.physics().newPhysics();
    assertEquals(0.1, np.get("nsi.u.ee"), 0.0);
    assertEquals(-0.02, np.get("nsi.u.emu"), 0.0);
    assertEquals(0.03, np.get("nsi.d.mutau"), 0.0);
    assertEquals(0.5, np.get("nsi.e.tautau"), 0.0);
    assertEquals(1e-10, np.get("magnetic_moment_mub.nue"), 0.0);
    assertEquals(-2e-12, np.get("millicharge_e.numu"), 0.0);
    assertEquals(3e-32, np.get("charge_radius_cm2.nutau"), 0.0);
    assertEquals(1e-4, np.get("mediator[0].g"), 0.0);
    assertEquals(Mediator.Type.SCALAR, np.mediators().get(1).type());
    assertEquals(2e-5, np.get("mediator[1].g_e"), 0.0);
    assertEquals(0.0, np.get("mediator[1].g_u"), 0.0);
    assertEquals(10, np.get("sterile.mass_mev"), 0.0);
    assertEquals(1e-9, np.get("sterile.dipole_mub.numu"), 0.0);
    assertEquals(0.01, np.get("ngi.scalar.p"), 0.0);
    assertEquals(-0.02, np.get("ngi.scalar.n"), 0.0);
    assertEquals(0.0, np.get("ngi.scalar.mass_mev"), 0.0, "contact by default");
    assertEquals(0.0, np.get("ngi.tensor.p"), 0.0);
    assertEquals(0.3, np.get("ngi.tensor.n"), 0.0);
    assertEquals(12, np.get("ngi.tensor.mass_mev"), 0.0);
    assertEquals(0.04, np.get("ngi.tensor.e"), 0.0);
    assertEquals(0.0, np.get("ngi.scalar.e"), 0.0, "no electron coupling by default");
    assertEquals(0.0, np.get("ngi.axial.p"), 0.0);
    assertEquals(0.5, c.physics().recoilFloorKeV(), 0.0);
    assertEquals(EnumSet.allOf(Process.class), c.physics().processes(), "upscatter added with sterile");
    // the resolved YAML reads back to the same point
    ExperimentConfig again = ConfigLoader.parse(c.resolvedYaml(), dir);
    assertEquals(np, again.physics().newPhysics());
    assertEquals(0.5, again.physics().recoilFloorKeV(), 0.0);
  }

  /** Per-flavour NGI overrides and the pseudoscalar on electrons; the resolved YAML reads back to the same point. */
  @Test
  void readsPerFlavourNgi(@TempDir Path dir) {
    ExperimentConfig c = parse("""
        ngi:
          tensor: {n: 0.1, e: 0.02, numu: {n: 0.3}, nutau: {e: 0}}
          scalar: {numu: {p: 0.05}}
          pseudoscalar: {e: 0.2, mass_mev: 3, nue: {e: 0.4}}
        """, dir);
    NewPhysics np = c.physics().newPhysics();
    assertEquals(0.1, np.get("ngi.tensor.nue.n"), 0.0);
    assertEquals(0.3, np.get("ngi.tensor.numu.n"), 0.0);
    assertEquals(0.1, np.get("ngi.tensor.nutau.n"), 0.0);
    assertEquals(0.02, np.get("ngi.tensor.numu.e"), 0.0, "an override replaces only its own keys");
    assertEquals(0.0, np.get("ngi.tensor.nutau.e"), 0.0);
    assertEquals(0.05, np.get("ngi.scalar.numu.p"), 0.0);
    assertEquals(0.0, np.get("ngi.scalar.nue.p"), 0.0);
    assertEquals(0.0, np.get("ngi.scalar.n"), 0.0);
    assertEquals(0.4, np.get("ngi.pseudoscalar.nue.e"), 0.0);
    assertEquals(0.2, np.get("ngi.pseudoscalar.numu.e"), 0.0);
    assertEquals(3, np.get("ngi.pseudoscalar.mass_mev"), 0.0);
    ExperimentConfig again = ConfigLoader.parse(c.resolvedYaml(), dir);
    assertEquals(np, again.physics().newPhysics());
    // the flavour-universal form is the three flavours set equal
    assertEquals(parse("ngi: {tensor: {n: 0.1}}", dir).physics().newPhysics(),
        parse("ngi: {tensor: {nue: {n: 0.1}, numu: {n: 0.1}, nutau: {n: 0.1}}}", dir).physics().newPhysics());
  }

  /**
   * Flavour-changing NGI ({@code emu, etau, mutau}): 0 unless given (the flavour-universal p, n, e are
   * flavour-preserving), symmetric, and the resolved YAML reads back to the same point.
   */
  @Test
  void readsFlavourChangingNgi(@TempDir Path dir) {
    ExperimentConfig c = parse("""
        ngi:
          tensor: {n: 0.1, mutau: {n: 0.05, e: -0.02}}
          scalar: {emu: {p: 0.3}, mass_mev: 10}
          pseudoscalar: {etau: {e: 0.4}}
        """, dir);
    NewPhysics np = c.physics().newPhysics();
    assertEquals(0.1, np.get("ngi.tensor.n"), 0.0);
    assertEquals(0.05, np.get("ngi.tensor.mutau.n"), 0.0);
    assertEquals(-0.02, np.get("ngi.tensor.mutau.e"), 0.0);
    assertEquals(0.0, np.get("ngi.tensor.emu.n"), 0.0, "not the flavour-universal value");
    assertEquals(0.3, np.ngi().scalar().changing(1, 0).p(), 0.0);
    assertEquals(0.4, np.get("ngi.pseudoscalar.etau.e"), 0.0);
    assertEquals(0.0, np.get("ngi.pseudoscalar.e"), 0.0);
    String resolved = c.resolvedYaml();
    assertTrue(resolved.contains("mutau"), resolved);
    assertEquals(np, ConfigLoader.parse(resolved, dir).physics().newPhysics());
  }

  /** Transition magnetic moments: read, 0 by default, round trip through the resolved YAML. */
  @Test
  void readsTransitionMoments(@TempDir Path dir) {
    ExperimentConfig c = parse("magnetic_moment_mub: {nue: 1.0e-10, mutau: 3.0e-10}", dir);
    NewPhysics np = c.physics().newPhysics();
    assertEquals(3e-10, np.get("magnetic_moment_mub.mutau"), 0.0);
    assertEquals(0.0, np.get("magnetic_moment_mub.emu"), 0.0);
    assertEquals(1e-20, np.magneticMomentMuB().effectiveSquared(0), 1e-35, "nu_e: its own moment only");
    assertEquals(9e-20, np.magneticMomentMuB().effectiveSquared(1), 1e-35, "nu_mu: the transition moment");
    assertEquals(9e-20, np.magneticMomentMuB().effectiveSquared(2), 1e-35, "nu_tau: the transition moment");
    assertEquals(np, ConfigLoader.parse(c.resolvedYaml(), dir).physics().newPhysics());
  }

  /**
   * One magnetic moment for the three flavours ({@code all}): nue = numu = nutau, its scan name reads it back, the
   * resolved YAML writes the three, and giving it beside one flavour's key is refused.
   */
  @Test
  void readsTheFlavourUniversalMoment(@TempDir Path dir) {
    ExperimentConfig c = parse("magnetic_moment_mub: {all: 6.0e-12, emu: 1.0e-12}", dir);
    NewPhysics np = c.physics().newPhysics();
    for (String f : List.of("nue", "numu", "nutau", "all")) {
      assertEquals(6e-12, np.get("magnetic_moment_mub." + f), 0.0, f);
    }
    assertEquals(1e-12, np.get("magnetic_moment_mub.emu"), 0.0);
    assertEquals(np, ConfigLoader.parse(c.resolvedYaml(), dir).physics().newPhysics());
    assertEquals(np, parse("magnetic_moment_mub: {nue: 6.0e-12, numu: 6.0e-12, nutau: 6.0e-12, emu: 1.0e-12}", dir)
        .physics().newPhysics());
    ConfigErrorAssertions.assertMessage("physics.magnetic_moment_mub.numu: give either all (one moment for the three"
        + " flavours) or nue, numu, nutau, not both", () -> parse("magnetic_moment_mub: {numu: 0, all: 1.0e-11}",
        dir), "all with numu");
    ConfigErrorAssertions.assertMessage("physics.magnetic_moment_mub.all: must be a finite number, got .nan",
        () -> parse("magnetic_moment_mub: {all: .nan}", dir), "all NaN");
  }

  /** {@code all} of the millicharge, the charge radius and the sterile dipole: one value for the three flavours. */
  @Test
  void readsFlavourUniversalValues(@TempDir Path dir) {
    ExperimentConfig c = parse("millicharge_e: {all: 2.0e-13}\ncharge_radius_cm2: {all: -1.0e-32}\n"
        + "sterile: {mass_mev: 10, dipole_mub: {all: 1.0e-9}}", dir);
    NewPhysics np = c.physics().newPhysics();
    for (String f : List.of("nue", "numu", "nutau", "all")) {
      assertEquals(2e-13, np.get("millicharge_e." + f), 0.0, f);
      assertEquals(-1e-32, np.get("charge_radius_cm2." + f), 0.0, f);
      assertEquals(1e-9, np.get("sterile.dipole_mub." + f), 0.0, f);
    }
    assertEquals(np, ConfigLoader.parse(c.resolvedYaml(), dir).physics().newPhysics());
    ConfigErrorAssertions.assertMessage("physics.millicharge_e.nutau: give either all (one value for the three"
        + " flavours) or nue, numu, nutau, not both", () -> parse("millicharge_e: {all: 1.0e-13, nutau: 0}", dir),
        "all with nutau");
  }

  @Test
  void defaultsAreTheStandardModel(@TempDir Path dir) {
    ExperimentConfig c = ConfigLoader.parse(BASE, dir);
    assertEquals(NewPhysics.NONE, c.physics().newPhysics());
    assertEquals(PhysicsConfig.DEFAULT_RECOIL_FLOOR_KEV, c.physics().recoilFloorKeV(), 0.0);
    assertEquals(EnumSet.of(Process.CEVNS, Process.EVES), c.physics().processes());
    assertTrue(!c.resolvedYaml().contains("nsi"), "no new-physics keys in a Standard-Model resolved config");
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("nsi: {s: {ee: 0.1}}", "physics.nsi.s: unknown key, allowed: u, d, e"),
        Arguments.of("nsi: {u: {eu: 0.1}}", "physics.nsi.u.eu: unknown key, allowed: ee, mumu, tautau, emu, etau, mutau"),
        Arguments.of("nsi: {u: {ee: .nan}}", "physics.nsi.u.ee: must be a finite number, got .nan"),
        Arguments.of("magnetic_moment_mub: {nux: 1}",
            "physics.magnetic_moment_mub.nux: unknown key, allowed: nue, numu, nutau, emu, etau, mutau, all"),
        Arguments.of("magnetic_moment_mub: {emu: .nan}", "physics.magnetic_moment_mub.emu: must be a finite number,"
            + " got .nan"),
        Arguments.of("millicharge_e: {nue: x}", "physics.millicharge_e.nue: must be a number, got 'x'"),
        Arguments.of("mediators: [{type: axial, mass_mev: 1}]",
            "physics.mediators[0].type: must be one of vector, scalar, got 'axial'"),
        Arguments.of("mediators: [{type: vector, mass_mev: 0, g: 1}]",
            "physics.mediators[0].mass_mev: must be > 0, got 0"),
        Arguments.of("mediators: [{type: vector, g: 1}]", "physics.mediators[0].mass_mev: required key is missing"),
        Arguments.of("mediators: [{type: vector, mass_mev: 5, g: 1, g_e: 2}]",
            "physics.mediators[0].g_e: give either g (one coupling for neutrinos, u, d and e) or the g_* couplings,"
                + " not both"),
        Arguments.of("sterile: {mass_mev: 10}", "physics.sterile.dipole_mub: required key is missing"),
        Arguments.of("sterile: {mass_mev: -1, dipole_mub: {numu: 1}}", "physics.sterile.mass_mev: must be > 0, got -1"),
        Arguments.of("processes: [upscatter]", "physics.processes: upscatter needs a sterile neutrino (physics.sterile), got upscatter"),
        Arguments.of("processes: [cevns]\nsterile: {mass_mev: 10, dipole_mub: {numu: 1.0e-9}}",
            "physics.processes: must include upscatter when physics.sterile is set"),
        Arguments.of("ngi: {pseudoscalar: {p: 1}}", "physics.ngi.pseudoscalar.p: not allowed, "
            + org.cevns.physics.xs.bsm.Ngi.PSEUDOSCALAR_NUCLEON + ", got 1"),
        Arguments.of("ngi: {pseudoscalar: {e: 0.1, numu: {n: 0}}}", "physics.ngi.pseudoscalar.numu.n: not allowed, "
            + org.cevns.physics.xs.bsm.Ngi.PSEUDOSCALAR_NUCLEON + ", got 0"),
        Arguments.of("ngi: {pseudo: {e: 1}}",
            "physics.ngi.pseudo: unknown key, allowed: scalar, vector, axial, tensor, pseudoscalar"),
        Arguments.of("ngi: {tensor: {u: 1}}",
            "physics.ngi.tensor.u: unknown key, allowed: p, n, e, mass_mev, nue, numu, nutau, emu, etau, mutau"),
        Arguments.of("ngi: {pseudoscalar: {emu: {p: 0.2}}}", "physics.ngi.pseudoscalar.emu.p: not allowed, "
            + org.cevns.physics.xs.bsm.Ngi.PSEUDOSCALAR_NUCLEON + ", got 0.2"),
        Arguments.of("ngi: {vector: {mutau: {n: .inf}}}", "physics.ngi.vector.mutau.n: must be a finite number, got"
            + " .inf"),
        Arguments.of("ngi: {tensor: {numu: {mass_mev: 1}}}",
            "physics.ngi.tensor.numu.mass_mev: unknown key, allowed: p, n, e"),
        Arguments.of("ngi: {tensor: {numu: {n: .nan}}}", "physics.ngi.tensor.numu.n: must be a finite number, got .nan"),
        Arguments.of("ngi: {tensor: {numu: 0.1}}", "physics.ngi.tensor.numu: must be a map, got 0.1"),
        Arguments.of("ngi: {scalar: {p: 1, mass_mev: -2}}", "physics.ngi.scalar.mass_mev: must be >= 0, got -2"),
        Arguments.of("ngi: {vector: {n: .inf}}", "physics.ngi.vector.n: must be a finite number, got .inf"),
        Arguments.of("recoil_floor_kev: 0", "physics.recoil_floor_kev: must be > 0, got 0"),
        Arguments.of("magnetic_moment_mub: {nue: 1.0e-10}\nrecoil_floor_kev: 6",
            "physics.recoil_floor_kev: must be <= the smallest detector threshold_kevnr 5.0 (detector csi), got 6.0"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("errors")
  void oneLineErrors(String physics, String expected, @TempDir Path dir) {
    ConfigErrorAssertions.assertMessage(expected, () -> parse(physics, dir), physics);
  }
}
