package org.cevns.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.physics.formfactor.HelmFormFactor;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.physics.xs.CevnsCrossSection;
import org.cevns.physics.xs.Couplings;
import org.junit.jupiter.api.Test;

/** {@link SpectrumIds#recoilKey}: one key per spectrum, process and cross-section values. */
class SpectrumIdsTest {
  private static CevnsCrossSection xs(int a, Flavor flavor) {
    return CevnsCrossSection.of(IsotopeTable.isotope(54, a), flavor, Couplings.tree(0.23857),
        HelmFormFactor.lewinSmith(a), HelmFormFactor.lewinSmith(a), false, null);
  }

  @Test
  void crossSectionsOfTheSameValuesShareAKey() {
    SpectrumIds ids = new SpectrumIds();
    Object spectrum = new Object();
    String mu = ids.recoilKey(0, 1, spectrum, Process.CEVNS, xs(131, Flavor.NUMU));
    // ν_τ: another component of the same source with the same spectrum object, another cross-section object
    assertEquals(mu, ids.recoilKey(0, 2, spectrum, Process.CEVNS, xs(131, Flavor.NUTAU)));
    assertNotEquals(mu, ids.recoilKey(0, 2, spectrum, Process.CEVNS, xs(132, Flavor.NUTAU)), "another isotope");
    assertNotEquals(mu, ids.recoilKey(0, 0, new Object(), Process.CEVNS, xs(131, Flavor.NUE)), "another spectrum");
    assertNotEquals(mu, ids.recoilKey(0, 1, spectrum, Process.EVES, xs(131, Flavor.NUMU)), "another process");
    String xe132 = ids.recoilKey(0, 1, spectrum, Process.CEVNS, xs(132, Flavor.NUMU));
    assertNotEquals(mu, xe132);
    assertEquals(xe132, ids.recoilKey(0, 1, spectrum, Process.CEVNS, xs(132, Flavor.NUTAU)));
  }
}
