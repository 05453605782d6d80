package org.cevns.physics.nucleus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cevns.physics.constants.PhysicalConstants;
import org.junit.jupiter.api.Test;

class TargetTest {

  private static final double NA = PhysicalConstants.AVOGADRO_PER_MOL;

  @Test
  void csiHasOneNucleusOfEachPerFormulaUnit() {
    Target t = Target.ofFormula("CsI");
    assertEquals(2, t.size());
    assertEquals("Cs133", t.isotope(0).label());
    assertEquals("I127", t.isotope(1).label());
    double molar = 132.905451958 + 126.904472592;
    assertEquals(molar, t.molarMassGPerMol(), 1e-9);
    assertEquals(NA * 1000 / molar, t.nucleiPerKg(0), 1e-6 * t.nucleiPerKg(0));
    assertEquals(t.nucleiPerKg(0), t.nucleiPerKg(1), 0);
    assertEquals(2 * t.nucleiPerKg(0), t.atomsPerKg(), 1e6);
    assertEquals((55 + 53) * t.nucleiPerKg(0), t.electronsPerKg(), 1e10);
    // 14.6 kg of CsI (COHERENT): 3.38e25 formula units
    assertEquals(3.384e25, 14.6 * t.formulaUnitsPerKg(), 0.002e25);
  }

  @Test
  void naturalGermaniumSplitsByAbundance() {
    Target t = Target.ofFormula("Ge");
    assertEquals(5, t.size());
    assertEquals(1.0, t.totalAtomsPerFormulaUnit(), 1e-12);
    assertEquals(IsotopeTable.element("Ge").molarMassGPerMol(), t.molarMassGPerMol(), 1e-12);
    double total = 0;
    for (int i = 0; i < t.size(); i++) {
      assertEquals(t.isotope(i).naturalAbundance(), t.nucleiPerKg(i) / t.atomsPerKg(), 1e-12);
      total += t.nucleiPerKg(i);
    }
    assertEquals(NA * 1000 / 72.630, total, 2e-4 * total);
    assertEquals(List.of(32), t.elementZs());
    assertEquals(t.atomsPerKg(), t.atomsPerKgOfElement(32), 1e8);
  }

  @Test
  void compoundCountsScaleNaturalAbundances() {
    Target t = Target.ofFormula("CaWO4");
    assertEquals(6.0, t.totalAtomsPerFormulaUnit(), 1e-12);
    assertEquals(List.of(20, 74, 8), t.elementZs());
    double molar = IsotopeTable.element("Ca").molarMassGPerMol() + IsotopeTable.element("W").molarMassGPerMol()
        + 4 * IsotopeTable.element("O").molarMassGPerMol();
    assertEquals(molar, t.molarMassGPerMol(), 1e-9);
    assertEquals(4 * t.atomsPerKgOfElement(20), t.atomsPerKgOfElement(8), 1e-6 * t.atomsPerKgOfElement(8));
    int o16 = -1;
    for (int i = 0; i < t.size(); i++) {
      if (t.isotope(i).label().equals("O16")) {
        o16 = i;
      }
    }
    assertEquals(4 * 0.99757, t.atomsPerFormulaUnit(o16), 1e-12);
    assertEquals(0, t.atomsPerKgOfElement(55));
  }

  @Test
  void explicitAtomFractions() {
    Isotope xe136 = IsotopeTable.isotope(54, 136);
    Isotope xe134 = IsotopeTable.isotope(54, 134);
    Target t = Target.ofAtomFractions(List.of(new Target.Component(xe136, 0.9), new Target.Component(xe134, 0.1)));
    assertEquals(0.9 * 135.907214474 + 0.1 * 133.905393030, t.molarMassGPerMol(), 1e-9);
    assertEquals(0.9 * t.atomsPerKg(), t.nucleiPerKg(0), 1e6);
    assertThrows(IllegalArgumentException.class,
        () -> Target.ofAtomFractions(List.of(new Target.Component(xe136, 0.9))));
    assertThrows(IllegalArgumentException.class, () -> new Target.Component(xe136, 0));
    assertThrows(IllegalArgumentException.class, () -> Target.ofAtomFractions(List.of()));
  }
}
