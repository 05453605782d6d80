package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cevns.physics.Flavor;
import org.cevns.physics.formfactor.FormFactor;
import org.cevns.physics.formfactor.FormFactorModel;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.source.FissionFractions;
import org.cevns.physics.source.HighEnergyModel;
import org.cevns.physics.source.LowEnergyModel;
import org.cevns.physics.source.PionDarParameters;
import org.cevns.physics.source.PionDarSource;
import org.cevns.physics.source.ReactorParameters;
import org.cevns.physics.source.ReactorSource;
import org.cevns.physics.source.SourceComponent;
import org.cevns.physics.xs.CevnsCrossSection;
import org.cevns.physics.xs.CouplingScheme;
import org.cevns.physics.xs.Couplings;
import org.cevns.physics.xs.RecoilCrossSection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12: g(T) of {@link ExpectedDetected} with the spectrum's values at the fixed intervals' nodes kept
 * ({@link SpectrumNodeDensities}) is the same double as computed afresh, at every one of the 401 recoil nodes of a
 * table, in the order a table visits them (the kept values are filled by the first T that needs them).
 */
class SpectrumNodeDensitiesTest {
  /** Every fission isotope's spectrum of a reactor (components), with and without the 2 and 8 MeV breakpoints. */
  @ParameterizedTest(name = "{0} {1} max {2} MeV on {3}-{4}")
  @CsvSource({"VOGEL_ENGEL, EXPONENTIAL, 10, 32, 72", "EXPONENTIAL, EXTRAPOLATE, 12, 18, 40",
      "NONE, EXPONENTIAL, 10, 55, 133", "VOGEL_ENGEL, EXPONENTIAL, 8, 14, 28"})
  void reactorTablesAreTheSameDoubles(LowEnergyModel low, HighEnergyModel high, double maxMeV, int z, int a) {
    ReactorSource r = ReactorSource.of("r", ReactorParameters.of(3900, FissionFractions.typical())
        .withLowEnergyModel(low).withHighEnergyModel(high).withMaxEnergyMeV(maxMeV), 1e9);
    for (SourceComponent c : r.components()) {
      assertSame(c.spectrum(), cevns(z, a, Flavor.NUEBAR));
    }
  }

  /** The pion-DAR spectra (a line, the Michel shapes): no inner breakpoints, the same numbers too. */
  @ParameterizedTest(name = "SNS on {0}-{1}")
  @CsvSource({"55, 133", "18, 40"})
  void pionDarTooWhereApplicable(int z, int a) {
    for (SourceComponent c : PionDarSource.of("sns", PionDarParameters.sns()).components()) {
      if (!c.spectrum().isLine()) {
        assertSame(c.spectrum(), cevns(z, a, c.flavor()));
      }
    }
  }

  private static RecoilCrossSection cevns(int z, int a, Flavor flavor) {
    FormFactor fp = FormFactorModel.HELM.create(a, Double.NaN);
    FormFactor fn = FormFactorModel.HELM.create(a, Double.NaN);
    return CevnsCrossSection.of(IsotopeTable.isotope(z, a), flavor, Couplings.of(CouplingScheme.PDG, flavor, 0.23857),
        fp, fn, true, fn);
  }

  private static void assertSame(EnergySpectrum s, RecoilCrossSection xs) {
    double[] sorted = s.breakpointsMeV().clone();
    java.util.Arrays.sort(sorted);
    SpectrumNodeDensities nodes = new SpectrumNodeDensities(s, sorted, 2);
    double tMax = xs.maxRecoilMeV(s.maxEnergyMeV());
    int positive = 0;
    for (int j = 0; j <= ExpectedDetected.RECOIL_NODES; j++) {
      double lnLo = Math.log(tMax * 1e-8);
      double t = j == ExpectedDetected.RECOIL_NODES ? tMax
          : Math.exp(lnLo + j * (Math.log(tMax) - lnLo) / ExpectedDetected.RECOIL_NODES);
      double fresh = RecoilTable.density(s, xs, t);
      double kept = RecoilTable.density(s, xs, t, nodes);
      assertEquals(Double.doubleToRawLongBits(fresh), Double.doubleToRawLongBits(kept), "T = " + t + " MeV: "
          + fresh + " vs " + kept);
      positive += fresh > 0 ? 1 : 0;
    }
    assertTrue(positive > 300, "most nodes inside the kinematic range: " + positive);
  }
}
