package org.cevns.generator.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.cevns.physics.Flavor;
import org.cevns.physics.formfactor.HelmFormFactor;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.source.TabulatedSpectrum;
import org.cevns.physics.xs.CevnsCrossSection;
import org.cevns.physics.xs.Couplings;
import org.cevns.physics.xs.RecoilCrossSection;
import org.junit.jupiter.api.Test;

class RememberedTotalXsTest {
  @Test
  void overridesEveryMethodOfTheInterface() throws NoSuchMethodException {
    for (Method m : RecoilCrossSection.class.getMethods()) {
      if (!Modifier.isStatic(m.getModifiers())) {
        Method own = RememberedTotalXs.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
        assertEquals(RememberedTotalXs.class, own.getDeclaringClass(), m.getName());
      }
    }
  }

  @Test
  void averagesOfSpectraWithTheSameKnotsAreTheSameDoubles() {
    CevnsCrossSection xs = CevnsCrossSection.of(IsotopeTable.isotope(54, 131), Flavor.NUE,
        Couplings.tree(0.23857), HelmFormFactor.lewinSmith(131), HelmFormFactor.lewinSmith(131), false, null);
    double[] e = new double[120];
    double[] a = new double[e.length];
    double[] b = new double[e.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = 0.1 * (i + 1);
      a[i] = Math.exp(-e[i] / 3) * e[i];
      b[i] = a[i] * (0.3 + 0.02 * Math.sin(e[i]));
    }
    EnergySpectrum first = TabulatedSpectrum.of(e, a);
    EnergySpectrum second = TabulatedSpectrum.of(e, b);
    RememberedTotalXs kept = RememberedTotalXs.of(xs);
    assertTrue(kept.sameValuesAs(xs));
    for (EnergySpectrum s : new EnergySpectrum[] {first, second, first}) {
      assertEquals(Double.doubleToRawLongBits(FluxAveragedXs.totalCm2(s, xs)),
          Double.doubleToRawLongBits(FluxAveragedXs.totalCm2(s, kept)));
      assertEquals(Double.doubleToRawLongBits(FluxAveragedXs.inWindowCm2(s, xs, 1e-3, 5e-3)),
          Double.doubleToRawLongBits(FluxAveragedXs.inWindowCm2(s, kept, 1e-3, 5e-3)));
    }
  }

  @Test
  void keepsEveryEnergyApartThroughTheTablesGrowth() {
    // 5,000 energies (the table grows from 256 slots five times), asked in one order and again in another, with
    // energies whose raw bits differ only in high or low bits (neighbouring doubles, powers of two) so that slots
    // collide: every value is the wrapped cross section's, bit for bit
    CevnsCrossSection xs = CevnsCrossSection.of(IsotopeTable.isotope(18, 40), Flavor.NUMU,
        Couplings.tree(0.23857), HelmFormFactor.lewinSmith(40), HelmFormFactor.lewinSmith(40), false, null);
    RememberedTotalXs kept = RememberedTotalXs.of(xs);
    double[] e = new double[5000];
    for (int i = 0; i < e.length; i++) {
      e[i] = i % 3 == 0 ? Math.scalb(1.0, i % 7) + 1e-3 * i : i % 3 == 1 ? Math.nextUp(e[i - 1]) : 0.01 * i;
    }
    for (int pass = 0; pass < 2; pass++) {
      for (int j = 0; j < e.length; j++) {
        double energy = e[pass == 0 ? j : e.length - 1 - j];
        assertEquals(Double.doubleToRawLongBits(xs.totalXsCm2(energy)),
            Double.doubleToRawLongBits(kept.totalXsCm2(energy)), "E = " + energy);
      }
    }
  }
}
