package org.cevns.analysis.reweight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.cevns.analysis.fit.PhysicsParameter;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * A scan's grid widens (never narrows) the ranges of sin²θ_W and the radii ({@link CevnsFamily#withRange}),
 * within [0.001, 0.999] and the form-factor model's smallest radius (Helm: √3·0.9 fm) to 20 fm. Regression: the COHERENT
 * CsI 2021 data's 68 % interval of R_n(Cs133) ends above 1.4 × the Helm radius (6.73 fm), where the range ended,
 * and {@code scan --poi rn_fm.Cs133=3:9:13} was refused ("the grid's points must lie in [2.88, 6.73]"); the
 * CENNS-10 fit of R_n(Ar40) stopped at 0.6 × nominal (2.04 fm), which is no physical bound.
 */
class StandardScanRangeTest {
  static CevnsFamily csiAr() {
    return csiAr("");
  }

  static CevnsFamily csiAr(String physicsSection) {
    var physics = ConfigLoader.parse(physicsSection + """
        name: t
        sources:
          - {name: line, type: monoenergetic, energy_mev: 30, flavor: numu, flux_per_cm2_s: 1.0e7, exposure: {live_days: 1}}
        detectors:
          - {name: d, target: {formula: CsI}, mass_kg: 1}
        """, Path.of(".")).physics();
    return CevnsFamily.of(physics, List.of(IsotopeTable.isotope(55, 133), IsotopeTable.isotope(18, 40)));
  }

  static PhysicsParameter param(CevnsFamily f, String name) {
    return f.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * walkfuzz: physics.sin2_theta_w allows (0, 1), but the parameter's range [0.05, 0.45] did not hold a configured
   * value outside it, and every command building the family (rates with analysis.parameters, sensitivity, scan)
   * failed with "internal error: nominal of sin2_theta_w must be in [0.05, 0.45]" (exit 1).
   */
  @Test
  void aConfiguredSin2OutsideTheDefaultRangeWidensIt() {
    PhysicsParameter low = param(csiAr("physics: {sin2_theta_w: 1.0e-300}\n"), "sin2_theta_w");
    assertEquals(1e-300, low.lower(), 0);
    assertEquals(CevnsFamily.SIN2_UPPER, low.upper(), 0);
    PhysicsParameter high = param(csiAr("physics: {sin2_theta_w: 0.9}\n"), "sin2_theta_w");
    assertEquals(CevnsFamily.SIN2_LOWER, high.lower(), 0);
    assertEquals(0.9, high.upper(), 0);
    PhysicsParameter scanned = param(csiAr("physics: {sin2_theta_w: 1.0e-4}\n").withRange("sin2_theta_w", 0.01, 2),
        "sin2_theta_w");
    assertEquals(1e-4, scanned.lower(), 0); // below SIN2_MIN: never narrowed to exclude the nominal value
    assertEquals(CevnsFamily.SIN2_MAX, scanned.upper(), 0);
  }

  @Test
  void aGridBeyondTheDefaultRangeWidensIt() {
    CevnsFamily f = csiAr();
    PhysicsParameter cs = param(f, "rn_fm.Cs133");
    assertEquals(4.8045, cs.nominal(), 1e-4); // the Helm (Lewin-Smith) rms radius
    assertEquals(0.6 * cs.nominal(), cs.lower(), 1e-12);
    assertEquals(1.4 * cs.nominal(), cs.upper(), 1e-12);
    PhysicsParameter wide = param(f.withRange("rn_fm.Cs133", 3, 9), "rn_fm.Cs133");
    assertEquals(cs.lower(), wide.lower(), 0);
    assertEquals(9, wide.upper(), 0);
    assertEquals(cs.nominal(), wide.nominal(), 0);
    // below the Helm limit sqrt(3) s = 1.5588 fm the form factor does not exist: the range stops there
    PhysicsParameter ar = param(f.withRange("rn_fm.Ar40", 0.1, 4), "rn_fm.Ar40");
    assertEquals(Math.sqrt(3) * 0.9, ar.lower(), 2 * CevnsFamily.RADIUS_TOLERANCE_FM);
    assertEquals(1.4 * param(f, "rn_fm.Ar40").nominal(), ar.upper(), 1e-12);
    PhysicsParameter far = param(f.withRange("rn_fm.Cs133", 1, 50), "rn_fm.Cs133");
    assertEquals(CevnsFamily.RADIUS_MAX_FM, far.upper(), 0);
    PhysicsParameter s2w = param(f.withRange("sin2_theta_w", 0.01, 0.6), "sin2_theta_w");
    assertEquals(0.01, s2w.lower(), 0);
    assertEquals(0.6, s2w.upper(), 0);
    s2w = param(f.withRange("sin2_theta_w", -0.5, 2), "sin2_theta_w");
    assertEquals(0.001, s2w.lower(), 0);
    assertEquals(0.999, s2w.upper(), 0);
  }

  @Test
  void aGridInsideTheDefaultRangeLeavesIt() {
    CevnsFamily f = csiAr();
    for (String name : List.of("sin2_theta_w", "rn_fm.Cs133", "rp_fm.Cs133", "rn_fm.Ar40")) {
      PhysicsParameter p = param(f, name);
      double mid = 0.5 * (p.lower() + p.upper());
      assertEquals(p, param(f.withRange(name, mid, p.upper()), name), name);
    }
  }
}
