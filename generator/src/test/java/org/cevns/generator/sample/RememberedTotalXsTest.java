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
}
