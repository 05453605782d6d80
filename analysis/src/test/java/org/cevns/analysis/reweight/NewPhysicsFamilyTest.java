package org.cevns.analysis.reweight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.cevns.analysis.fit.PhysicsParameter;
import org.cevns.generator.model.ModelCrossSections;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.PhysicsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The new-physics parameters as physics POIs of {@link CevnsFamily}: names, ranges, cross sections. */
class NewPhysicsFamilyTest {
  static final String CONFIG = """
      name: np
      physics:
        nsi: {u: {ee: 0.05}}
        mediators:
          - {type: vector, mass_mev: 30, g: 1.0e-5}
          - {type: scalar, mass_mev: 5, g_nu: 1.0e-6, g_u: 2.0e-6, g_d: 0, g_e: 0}
        sterile: {mass_mev: 10, dipole_mub: {numu: 1.0e-9}}
      sources:
        - {name: line, type: monoenergetic, energy_mev: 30, flavor: numu, flux_per_cm2_s: 1.0e7, exposure: {live_days: 1}}
      detectors:
        - {name: d, target: {formula: CsI}, mass_kg: 1}
      """;

  static PhysicsConfig physics() {
    return ConfigLoader.parse(CONFIG, Path.of(".")).physics();
  }

  static CevnsFamily family() {
    return CevnsFamily.of(physics(), List.of(IsotopeTable.isotope(55, 133), IsotopeTable.isotope(53, 127)));
  }

  static PhysicsParameter param(CrossSectionFamily f, String name) {
    return f.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
        new AssertionError(name + " missing"));
  }

  @Test
  void everyModelIsAParameterByItsScanName() {
    List<String> names = family().parameters().stream().map(PhysicsParameter::name).toList();
    for (String n : List.of("sin2_theta_w", "rn_fm.Cs133", "nsi.u.ee", "nsi.d.mutau", "nsi.e.ee",
        "magnetic_moment_mub.nue", "millicharge_e.nue", "charge_radius_cm2.numu", "mediator[0].g",
        "mediator[0].mass_mev", "mediator[0].g_nu", "mediator[1].g_u", "mediator[1].mass_mev", "sterile.mass_mev",
        "sterile.dipole_mub.numu")) {
      assertTrue(names.contains(n), n + " missing from " + names);
    }
    // no common coupling of unequal couplings; no dipole to reweight from where the simulation has none
    assertFalse(names.contains("mediator[1].g"));
    assertFalse(names.contains("sterile.dipole_mub.nue"));
    assertEquals(0.05, param(family(), "nsi.u.ee").nominal());
    String d = family().describeNames();
    assertTrue(d.contains("nsi.u.{ee,mumu,tautau,emu,etau,mutau}") && d.contains("mediator[0].{"), d);
  }

  @Test
  void bracketNamesAreValidPhysicsParametersAndOthersAreNot() {
    assertEquals("mediator[3].g", PhysicsParameter.free("mediator[3].g", 0, -1, 1).name());
    assertThrows(IllegalArgumentException.class, () -> PhysicsParameter.free("mediator(0).g", 0, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> PhysicsParameter.free("mu", 0, -1, 1));
    assertTrue(CevnsFamily.looksLikePhysicsParameter("mediator[7].g"));
    assertTrue(CevnsFamily.looksLikePhysicsParameter("nsi.q.ee"));
    assertFalse(CevnsFamily.looksLikePhysicsParameter("sns.flux"));
  }

  /** A scan's range: its grid ± 10 % of the span, the nominal inside; masses stay &gt; 0, m_N ≥ simulated. */
  @ParameterizedTest
  @CsvSource({
    "nsi.u.ee, -0.2, 0.6, -0.28, 0.68",
    "magnetic_moment_mub.nue, 1.0e-10, 2.0e-10, -2.0e-11, 2.2e-10",
    "mediator[0].mass_mev, 0.0, 100, 0.03, 110",
    "sterile.mass_mev, 5, 20, 10, 21.5",
  })
  void scanRangesFollowTheGridWithinTheParameterLimits(String name, double lo, double hi, double wantLo,
      double wantHi) {
    PhysicsParameter p = param(family().withRange(name, lo, hi), name);
    assertEquals(wantLo, p.lower(), 1e-9 * Math.abs(wantHi - wantLo));
    assertEquals(wantHi, p.upper(), 1e-9 * Math.abs(wantHi - wantLo));
    // Standard-Model ranges are physical and not changed by a grid
    assertEquals(param(family(), "sin2_theta_w"), param(family().withRange("sin2_theta_w", 0.2, 0.3),
        "sin2_theta_w"));
  }

  /** The family's cross sections are the generator's at every point (CEvNS, EvES, upscattering). */
  @ParameterizedTest
  @CsvSource({
    "nsi.u.ee, 0.3, CEVNS, 55, 133, NUE, 30, 0.01",
    "magnetic_moment_mub.numu, 1.0e-9, CEVNS, 53, 127, NUMU, 40, 0.002",
    "magnetic_moment_mub.nue, 1.0e-10, EVES, 55, 133, NUEBAR, 5, 0.001",
    "mediator[0].g, 3.0e-5, CEVNS, 55, 133, NUMU, 30, 0.005",
    "mediator[0].mass_mev, 10, CEVNS, 55, 133, NUMU, 30, 0.005",
    "mediator[1].g_u, 1.0e-5, CEVNS, 55, 133, NUMU, 30, 0.005",
    "sterile.dipole_mub.numu, 3.0e-9, UPSCATTER, 55, 133, NUMU, 40, 0.005",
    "sterile.mass_mev, 20, UPSCATTER, 55, 133, NUMU, 40, 0.005",
    "ngi.tensor.numu.n, 0.1, CEVNS, 55, 133, NUMUBAR, 30, 0.005",
    "ngi.scalar.nue.e, 0.3, EVES, 53, 127, NUE, 30, 2",
    "ngi.pseudoscalar.e, 0.4, EVES, 55, 133, NUMU, 30, 10",
    "ngi.pseudoscalar.numu.e, 0.4, EVES, 55, 133, NUMUBAR, 30, 10",
  })
  void crossSectionsAreTheGeneratorsAtThePoint(String name, double value, Process process, int z, int a,
      Flavor flavor, double enuMeV, double recoilMeV) {
    PhysicsConfig physics = physics();
    ModelCrossSections generator = ModelCrossSections.of(physics);
    double want = generator.xsCm2PerMeV(physics.newPhysics().with(name, value), process, flavor, z, a, enuMeV,
        recoilMeV);
    double got = family().at(List.of(name), new double[] {value}).xsCm2PerMeV(z, a, (byte) flavor.ordinal(),
        (byte) process.ordinal(), enuMeV, recoilMeV);
    assertTrue(want > 0, name + ": closed channel");
    assertEquals(want, got, 1e-12 * want, name);
    double nominal = generator.xsCm2PerMeV(physics.newPhysics(), process, flavor, z, a, enuMeV, recoilMeV);
    assertTrue(Math.abs(got - nominal) > 1e-6 * nominal, name + ": no effect at " + value);
  }

  /**
   * The flavour-universal moment {@code magnetic_moment_mub.all} is a parameter when the configured flavours agree
   * (here all 0); at a value it gives every flavour's EvES cross section that of the three moments set to it, is
   * simulated at the grid's far end as the one-flavour moments, and cannot vary beside one flavour's moment (nor a
   * mediator's common coupling beside one of its couplings).
   */
  @Test
  void theFlavourUniversalMomentSetsTheThreeFlavours() {
    CevnsFamily f = family();
    assertEquals(0.0, param(f, "magnetic_moment_mub.all").nominal());
    PhysicsConfig physics = physics();
    ModelCrossSections generator = ModelCrossSections.of(physics);
    var three = physics.newPhysics().with("magnetic_moment_mub.nue", 3e-10).with("magnetic_moment_mub.numu", 3e-10)
        .with("magnetic_moment_mub.nutau", 3e-10);
    var at = f.at(List.of("magnetic_moment_mub.all"), new double[] {3e-10});
    for (Flavor fl : Flavor.values()) {
      double want = generator.xsCm2PerMeV(three, Process.EVES, fl, 55, 133, 10, 0.002);
      double sm = generator.xsCm2PerMeV(physics.newPhysics(), Process.EVES, fl, 55, 133, 10, 0.002);
      double got = at.xsCm2PerMeV(55, 133, (byte) fl.ordinal(), (byte) Process.EVES.ordinal(), 10, 0.002);
      assertEquals(want, got, 1e-12 * want, fl.name());
      assertTrue(got > 1.01 * sm, fl + ": no magnetic term");
    }
    var point = f.simulationPoint(Map.of("magnetic_moment_mub.all", new double[] {0, 3e-11}));
    assertEquals(3e-11, point.get("magnetic_moment_mub.numu"));
    assertEquals(3e-11, f.simulatedAt(point).simulatedValue("magnetic_moment_mub.all"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> f.checkTogether(List.of("magnetic_moment_mub.nutau", "magnetic_moment_mub.all")));
    assertEquals("magnetic_moment_mub.all and magnetic_moment_mub.nutau cannot vary together: magnetic_moment_mub.all"
        + " sets magnetic_moment_mub.nue, magnetic_moment_mub.numu, magnetic_moment_mub.nutau to one value",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> f.checkTogether(List.of("mediator[0].g", "mediator[0].g_e")));
    assertThrows(IllegalArgumentException.class, () -> f.checkTogether(List.of("millicharge_e.nue",
        "millicharge_e.all")));
    // the flavour-universal millicharge: simulated at the far end as one flavour's
    assertEquals(-2e-12, f.simulationPoint(Map.of("millicharge_e.all", new double[] {-2e-12, 1e-12}))
        .get("millicharge_e.nutau"));
    f.checkTogether(List.of("magnetic_moment_mub.all", "magnetic_moment_mub.emu", "mediator[0].g", "mediator[1].g_e"));
    // unequal configured moments: no common value to start from, so no parameter
    PhysicsConfig unequal = ConfigLoader.parse(CONFIG.replace("nsi: {u: {ee: 0.05}}",
        "magnetic_moment_mub: {nue: 1.0e-11}"), Path.of(".")).physics();
    assertFalse(CevnsFamily.of(unequal, List.of(IsotopeTable.isotope(55, 133))).parameters().stream()
        .anyMatch(p -> p.name().equals("magnetic_moment_mub.all")));
  }

  /** Magnetic moments are simulated at the grid's far end and reweighted back; NSI at the configured point. */
  @Test
  void magneticMomentScansSimulateAtTheFarEndOfTheGrid() {
    CevnsFamily f = family();
    var point = f.simulationPoint(Map.of("magnetic_moment_mub.nue", new double[] {0, 2e-10},
        "nsi.u.ee", new double[] {-1, 1}));
    assertEquals(2e-10, point.get("magnetic_moment_mub.nue"));
    assertEquals(0.05, point.get("nsi.u.ee"));
    CevnsFamily at = f.simulatedAt(point);
    assertEquals(2e-10, at.simulatedValue("magnetic_moment_mub.nue"));
    assertEquals(0.0, param(at, "magnetic_moment_mub.nue").nominal());
    assertEquals(-3e-10, f.simulationPoint(Map.of("millicharge_e.nue", new double[] {-3e-10, 1e-10}))
        .get("millicharge_e.nue"));
    assertTrue(f.changesEves(List.of("magnetic_moment_mub.nue")));
    assertFalse(f.changesEves(List.of("sin2_theta_w")));
  }

  /**
   * A coupling that only adds its own term (tensor, scalar, flavour-changing) and is configured at 0 is also simulated
   * at the far end; interfering ones (vector NGI, flavour-preserving NSI) and masses are not.
   */
  @Test
  void nonInterferingCouplingsAtZeroSimulateAtTheFarEnd() {
    assertTrue(CevnsFamily.addsOnlyItsOwnTerm("ngi.tensor.n") && CevnsFamily.addsOnlyItsOwnTerm("ngi.scalar.numu.p")
        && CevnsFamily.addsOnlyItsOwnTerm("ngi.vector.emu.n") && CevnsFamily.addsOnlyItsOwnTerm("nsi.u.mutau")
        && CevnsFamily.addsOnlyItsOwnTerm("magnetic_moment_mub.etau")
        && CevnsFamily.addsOnlyItsOwnTerm("ngi.pseudoscalar.e"));
    assertFalse(CevnsFamily.addsOnlyItsOwnTerm("ngi.vector.n") || CevnsFamily.addsOnlyItsOwnTerm("nsi.u.ee")
        || CevnsFamily.addsOnlyItsOwnTerm("ngi.axial.numu.p") || CevnsFamily.addsOnlyItsOwnTerm("mediator[0].g"));
    CevnsFamily f = family();
    // nsi.u.mutau is configured at 0 in family(): simulated at the far end; nsi.u.ee (0.05, interfering) is not
    var point = f.simulationPoint(Map.of("nsi.u.mutau", new double[] {-0.3, 0.1}, "nsi.u.ee", new double[] {-1, 1}));
    assertEquals(-0.3, point.get("nsi.u.mutau"));
    assertEquals(0.05, point.get("nsi.u.ee"));
  }

  /** The tensor-product weights reproduce the natural spline of any node values. */
  @ParameterizedTest
  @CsvSource({"0.0", "0.137", "0.5", "0.999", "1.0"})
  void splineWeightsEqualTheSpline(double x) {
    double[] grid = new double[21];
    double[] y = new double[21];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = i / 20.0;
      y[i] = Math.sin(7 * grid[i]) + grid[i] * grid[i];
    }
    double[] u = TabulatedSignal.unitSplines(grid, x);
    double sum = 0;
    for (int i = 0; i < u.length; i++) {
      sum += u[i] * y[i];
    }
    assertEquals(new SplineInterpolator().interpolate(grid, y).value(x), sum, 1e-12);
  }
}
