package org.cevns.physics.xs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cevns.physics.Flavor;
import org.cevns.physics.formfactor.HelmFormFactor;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.physics.nucleus.IsotopeTable;
import org.junit.jupiter.api.Test;

/** {@link CevnsCrossSection#sameValuesAs}: true only where every value is the same double. */
class CevnsSameValuesTest {
  private static final double S2 = 0.23857;

  private static CevnsCrossSection xs(int z, int a, Flavor flavor, Couplings g, boolean axial) {
    Isotope iso = IsotopeTable.isotope(z, a);
    // new form-factor objects for each cross section: equal parameters, not the same object
    return CevnsCrossSection.of(iso, flavor, g, HelmFormFactor.lewinSmith(a), HelmFormFactor.lewinSmith(a), axial,
        HelmFormFactor.lewinSmith(a));
  }

  @Test
  void flavoursWithTheSameCouplingsGiveTheSameDoubles() {
    CevnsCrossSection mu = xs(54, 131, Flavor.NUMU, Couplings.tree(S2), false);
    CevnsCrossSection tau = xs(54, 131, Flavor.NUTAU, Couplings.tree(S2), false);
    assertTrue(mu.sameValuesAs(tau));
    assertTrue(tau.sameValuesAs(mu));
    for (double e : new double[] {0.5, 3.3, 9.81, 15.9}) {
      assertEquals(Double.doubleToRawLongBits(mu.totalXsCm2(e)), Double.doubleToRawLongBits(tau.totalXsCm2(e)));
      double t = 0.3 * mu.maxRecoilMeV(e);
      assertEquals(Double.doubleToRawLongBits(mu.xsCm2PerMeV(e, t)), Double.doubleToRawLongBits(tau.xsCm2PerMeV(e, t)));
    }
    // with the axial term of a nucleus with spin: the same for two neutrinos, not for a neutrino and an antineutrino
    assertTrue(xs(54, 131, Flavor.NUMU, Couplings.tree(S2), true).sameValuesAs(
        xs(54, 131, Flavor.NUTAU, Couplings.tree(S2), true)));
    assertFalse(xs(54, 131, Flavor.NUMU, Couplings.tree(S2), true).sameValuesAs(
        xs(54, 131, Flavor.NUMUBAR, Couplings.tree(S2), true)));
  }

  @Test
  void otherNucleiCouplingsOrFormFactorsDiffer() {
    CevnsCrossSection base = xs(54, 131, Flavor.NUMU, Couplings.tree(S2), false);
    assertFalse(base.sameValuesAs(xs(54, 132, Flavor.NUMU, Couplings.tree(S2), false)));
    assertFalse(base.sameValuesAs(xs(54, 131, Flavor.NUMU, Couplings.tree(0.231), false)));
    assertFalse(base.sameValuesAs(xs(54, 131, Flavor.NUMU, Couplings.tree(S2), true)), "axial term on");
    Isotope iso = IsotopeTable.isotope(54, 131);
    assertFalse(base.sameValuesAs(CevnsCrossSection.of(iso, Flavor.NUMU, Couplings.tree(S2),
        HelmFormFactor.lewinSmith(131), HelmFormFactor.withRmsRadius(5.0), false, null)), "another neutron radius");
    HelmFormFactor one = HelmFormFactor.lewinSmith(131);
    assertFalse(base.sameValuesAs(CevnsCrossSection.of(iso, Flavor.NUMU, Couplings.tree(S2), one, one, false, null)),
        "one form-factor object for protons and neutrons is summed otherwise");
    assertFalse(base.sameValuesAs(null));
  }

  /**
   * Guard: sameValuesAs compares the fields its javadoc lists ({@code isotope} and {@code couplings} are read only
   * through the mass and the coupling terms derived from them). A new instance field must be compared there (or be
   * derived from compared ones) and then added here; otherwise two cross sections of different values could share
   * one flux average.
   */
  @Test
  void everyInstanceFieldIsKnownToSameValuesAs() {
    Set<String> fields = Arrays.stream(CevnsCrossSection.class.getDeclaredFields())
        .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Set.of("isotope", "couplings", "protonFormFactor", "neutronFormFactor",
        "axialFormFactor", "sameVectorFormFactor", "equalVectorValues", "axialIsNeutron", "axial", "massMeV",
        "protonTerm", "neutronTerm", "axialCouplingAtZero", "prefactorCm2PerMeV", "radiusScaleFm")), fields);
  }
}
