package org.cevns.analysis.reweight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cevns.analysis.fit.PhysicsParameter;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.physics.nucleus.Target;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.PhysicsConfig;
import org.junit.jupiter.api.Test;

/**
 * The common neutron radius of a target's nuclides, {@code rn_fm.<formula>} ({@link CommonRadius}): the average
 * radius of the COHERENT CsI fits, which before could only be read off the diagonal of a 2-D scan of
 * {@code rn_fm.Cs133} and {@code rn_fm.I127}.
 */
class CommonRadiusTest {
  static final PhysicsConfig PHYSICS = ConfigLoader.parse("""
      name: t
      sources:
        - {name: line, type: monoenergetic, energy_mev: 30, flavor: numu, flux_per_cm2_s: 1.0e7, exposure: {live_days: 1}}
      detectors:
        - {name: d, target: {formula: CsI}, mass_kg: 1}
      """, Path.of(".")).physics();

  static CevnsFamily family(String... formulas) {
    List<Target> targets = new ArrayList<>();
    List<Isotope> isotopes = new ArrayList<>();
    for (String f : formulas) {
      Target t = Target.ofFormula(f);
      targets.add(t);
      for (int i = 0; i < t.size(); i++) {
        isotopes.add(t.isotope(i));
      }
    }
    return CevnsFamily.of(PHYSICS, isotopes, targets);
  }

  static PhysicsParameter param(CevnsFamily f, String name) {
    return f.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  /** dσ/dT of Cs-133 and I-127 (ν_μ, 30 MeV) at three recoils each. */
  static double[] csiXs(CrossSectionFamily.Evaluator e) {
    double[] out = new double[6];
    int k = 0;
    for (int[] za : new int[][] {{55, 133}, {53, 127}}) {
      for (double recoilMeV : new double[] {0.002, 0.008, 0.014}) {
        out[k++] = e.xsCm2PerMeV(za[0], za[1], (byte) Flavor.NUMU.ordinal(), (byte) Process.CEVNS.ordinal(), 30,
            recoilMeV);
      }
    }
    return out;
  }

  @Test
  void theCommonRadiusIsTheAverageAndMovesEveryMemberByTheSameAmount() {
    CevnsFamily f = family("CsI");
    double cs = param(f, "rn_fm.Cs133").nominal();
    double iod = param(f, "rn_fm.I127").nominal();
    PhysicsParameter common = param(f, "rn_fm.CsI");
    assertEquals(0.5 * (cs + iod), common.nominal(), 1e-12);
    assertEquals(0.6 * common.nominal(), common.lower(), 1e-12);
    assertEquals(1.4 * common.nominal(), common.upper(), 1e-12);

    // at its nominal value every member is at its own nominal radius: the templates are reproduced bit for bit
    double[] nominal = csiXs(f.at(List.of(), new double[0]));
    double[] atAverage = csiXs(f.at(List.of("rn_fm.CsI"), new double[] {common.nominal()}));
    for (int i = 0; i < nominal.length; i++) {
      assertEquals(Double.doubleToLongBits(nominal[i]), Double.doubleToLongBits(atAverage[i]), "value " + i);
    }
    // R̄ + 0.5 fm is both radii + 0.5 fm
    double[] shifted = csiXs(f.at(List.of("rn_fm.CsI"), new double[] {common.nominal() + 0.5}));
    double[] both = csiXs(f.at(List.of("rn_fm.Cs133", "rn_fm.I127"), new double[] {cs + 0.5, iod + 0.5}));
    for (int i = 0; i < nominal.length; i++) {
      assertEquals(both[i], shifted[i], 1e-12 * both[i], "value " + i);
      assertTrue(shifted[i] < nominal[i], "a larger neutron radius lowers dσ/dT at finite recoil");
    }
  }

  @Test
  void aMemberCannotVaryWithItsCommonRadius() {
    CevnsFamily f = family("CsI");
    var e = assertThrows(IllegalArgumentException.class,
        () -> f.at(List.of("rn_fm.CsI", "rn_fm.I127"), new double[] {5, 5}));
    assertEquals("rn_fm.CsI and rn_fm.I127 cannot vary together: rn_fm.CsI moves the radii of [rn_fm.Cs133,"
        + " rn_fm.I127] together", e.getMessage());
  }

  @Test
  void isotopesAreWeightedByAbundanceAndSingleNuclidesHaveNone() {
    CevnsFamily f = family("Ge", "Na", "CsI");
    Target ge = Target.ofFormula("Ge");
    double sum = 0;
    for (int i = 0; i < ge.size(); i++) {
      sum += ge.atomsPerFormulaUnit(i) * param(f, "rn_fm." + ge.isotope(i).label()).nominal();
    }
    assertEquals(sum / ge.totalAtomsPerFormulaUnit(), param(f, "rn_fm.Ge").nominal(), 1e-12);
    List<String> names = f.parameters().stream().map(PhysicsParameter::name).toList();
    assertFalse(names.contains("rn_fm.Na"), "Na has one stable nuclide: rn_fm.Na23 is its radius");
    assertFalse(names.contains("rp_fm.CsI"), "only the neutron radius has a common parameter");
  }

  @Test
  void theRangeKeepsEveryMemberWhereTheFormFactorExists() {
    // NaI: Na-23 (Helm 2.9 fm) and I-127 (4.7 fm); 0.6 × the average would put Na below Helm's √3·s = 1.559 fm
    CevnsFamily f = family("NaI");
    PhysicsParameter common = param(f, "rn_fm.NaI");
    double na = param(f, "rn_fm.Na23").nominal();
    double helmMin = Math.sqrt(3) * 0.9;
    assertEquals(helmMin - (na - common.nominal()), common.lower(), 2 * CevnsFamily.RADIUS_TOLERANCE_FM);
    f.at(List.of("rn_fm.NaI"), new double[] {common.lower()}); // the form factors exist there
    PhysicsParameter wide = param(f.withRange("rn_fm.NaI", 0.5, 30), "rn_fm.NaI");
    assertEquals(common.lower(), wide.lower(), 0);
    double iod = param(f, "rn_fm.I127").nominal();
    assertEquals(CevnsFamily.RADIUS_MAX_FM - (iod - common.nominal()), wide.upper(), 1e-12);
    PhysicsParameter csi = param(family("CsI").withRange("rn_fm.CsI", 3, 9), "rn_fm.CsI");
    assertEquals(param(family("CsI"), "rn_fm.CsI").lower(), csi.lower(), 0);
    assertEquals(9, csi.upper(), 0);
  }
}
