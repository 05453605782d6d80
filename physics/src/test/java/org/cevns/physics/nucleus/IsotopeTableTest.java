package org.cevns.physics.nucleus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.cevns.physics.constants.PhysicalConstants;
import org.junit.jupiter.api.Test;

class IsotopeTableTest {

  /**
   * CIAAW standard atomic weights (conventional values / abridged, IUPAC 2021) to compare the molar masses
   * computed from AME2020 masses and the representative isotopic compositions.
   */
  private static final Map<String, Double> STANDARD_ATOMIC_WEIGHT = Map.ofEntries(
      Map.entry("H", 1.008), Map.entry("He", 4.002602), Map.entry("Li", 6.94), Map.entry("B", 10.81),
      Map.entry("C", 12.011), Map.entry("N", 14.007), Map.entry("O", 15.999), Map.entry("F", 18.998403162),
      Map.entry("Ne", 20.1797), Map.entry("Na", 22.98976928), Map.entry("Al", 26.9815384), Map.entry("Si", 28.085),
      Map.entry("S", 32.06), Map.entry("Cl", 35.45), Map.entry("Ar", 39.95), Map.entry("Ca", 40.078),
      Map.entry("Fe", 55.845), Map.entry("Cu", 63.546), Map.entry("Zn", 65.38), Map.entry("Ge", 72.630),
      Map.entry("Kr", 83.798), Map.entry("Cd", 112.414), Map.entry("Te", 127.60), Map.entry("I", 126.90447),
      Map.entry("Xe", 131.293), Map.entry("Cs", 132.90545196), Map.entry("W", 183.84), Map.entry("Pb", 207.2),
      Map.entry("Bi", 208.98040));

  @Test
  void everyRequiredElementIsTabulated() {
    for (String s : STANDARD_ATOMIC_WEIGHT.keySet()) {
      assertTrue(IsotopeTable.contains(s), s);
    }
    assertEquals(STANDARD_ATOMIC_WEIGHT.size(), IsotopeTable.symbols().size());
  }

  @Test
  void abundancesSumToOnePerElement() {
    for (String s : IsotopeTable.symbols()) {
      double sum = 0;
      for (Isotope iso : IsotopeTable.naturalIsotopes(s)) {
        sum += iso.naturalAbundance();
      }
      assertEquals(1.0, sum, 1e-9, s);
    }
  }

  @Test
  void molarMassesMatchStandardAtomicWeights() {
    for (String s : IsotopeTable.symbols()) {
      double m = IsotopeTable.element(s).molarMassGPerMol();
      double w = STANDARD_ATOMIC_WEIGHT.get(s);
      assertEquals(1.0, m / w, 1e-3, s + ": " + m + " vs " + w);
    }
    // tighter for elements with fixed composition or precise weights
    assertEquals(132.90545196, IsotopeTable.element("Cs").molarMassGPerMol(), 1e-8);
    assertEquals(72.630, IsotopeTable.element("Ge").molarMassGPerMol(), 0.008);
    assertEquals(131.293, IsotopeTable.element("Xe").molarMassGPerMol(), 0.006);
  }

  @Test
  void isotopesAreConsistent() {
    for (String s : IsotopeTable.symbols()) {
      Element e = IsotopeTable.element(s);
      int previousA = 0;
      for (Isotope iso : e.isotopes()) {
        assertTrue(iso.a() > previousA, iso.label());
        previousA = iso.a();
        assertEquals(iso.a(), iso.atomicMassU(), 0.1, iso.label() + " mass near A");
        boolean oddA = iso.a() % 2 == 1;
        assertEquals(oddA, iso.nuclearSpin() % 1 != 0, iso.label() + " half-integer spin iff odd A");
        if (iso.z() % 2 == 0 && iso.neutronNumber() % 2 == 0) {
          assertEquals(0, iso.nuclearSpin(), iso.label() + " even-even has J = 0");
        }
        if (oddA) {
          assertTrue(iso.protonSpinExpectation() != 0 || iso.neutronSpinExpectation() != 0,
              iso.label() + " odd-A has spin expectation values");
        }
        assertTrue(Math.abs(iso.protonSpinExpectation()) <= 0.5 && Math.abs(iso.neutronSpinExpectation()) <= 0.6,
            iso.label());
      }
    }
  }

  @Test
  void lookupsAndNuclearMass() {
    Isotope cs = IsotopeTable.isotope(55, 133);
    assertEquals("Cs133", cs.label());
    assertEquals(78, cs.neutronNumber());
    assertEquals(3.5, cs.nuclearSpin());
    assertEquals(cs, IsotopeTable.isotope("Cs", 133));
    assertEquals(cs, IsotopeTable.fromLabel("Cs133"));
    assertEquals(cs, IsotopeTable.fromLabel("Cs-133"));
    double expected = 132.905451958 * PhysicalConstants.ATOMIC_MASS_UNIT_MEV - 55 * PhysicalConstants.ELECTRON_MASS_MEV;
    assertEquals(expected, cs.nuclearMassMeV(), 1e-9);
    assertEquals(123772.5, cs.nuclearMassMeV(), 0.1);
    // 12C: 12 u exactly
    assertEquals(12 * PhysicalConstants.ATOMIC_MASS_UNIT_MEV - 6 * PhysicalConstants.ELECTRON_MASS_MEV,
        IsotopeTable.isotope(6, 12).nuclearMassMeV(), 1e-9);
    assertEquals(0, IsotopeTable.isotope(18, 40).nuclearSpin());
    assertEquals(9, IsotopeTable.naturalIsotopes("Xe").size());
    assertEquals(5, IsotopeTable.naturalIsotopes("Ge").size());
  }

  @Test
  void unknownNamesGiveHelpfulErrors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IsotopeTable.element("Xx"));
    assertTrue(e.getMessage().contains("'Xx'") && e.getMessage().contains("Cs"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> IsotopeTable.isotope(54, 135));
    assertTrue(e.getMessage().contains("Xe135") && e.getMessage().contains("136"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> IsotopeTable.element(92));
    assertTrue(e.getMessage().contains("92"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> IsotopeTable.fromLabel("133Cs"));
    assertTrue(e.getMessage().contains("133Cs"), e.getMessage());
  }

  @Test
  void recordValidatesFields() {
    assertThrows(IllegalArgumentException.class, () -> new Isotope(0, 1, "H", 1, 1, 0.5, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Isotope(55, 133, "Cs", 133, 1.5, 3.5, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Isotope(55, 133, "Cs", 133, 1, 3.3, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Isotope(18, 40, "Ar", 40, 1, 0, 0.1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Isotope(18, 40, "ar", 40, 1, 0, 0, 0));
  }
}
