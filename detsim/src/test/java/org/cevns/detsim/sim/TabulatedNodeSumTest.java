package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;
import org.cevns.physics.Flavor;
import org.cevns.physics.formfactor.FormFactor;
import org.cevns.physics.formfactor.FormFactorModel;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.physics.source.Solar8BSource;
import org.cevns.physics.source.SourceComponent;
import org.cevns.physics.source.TabulatedSpectrum;
import org.cevns.physics.xs.CevnsCrossSection;
import org.cevns.physics.xs.CouplingScheme;
import org.cevns.physics.xs.Couplings;
import org.cevns.physics.xs.GaussLegendre;
import org.cevns.physics.xs.RecoilCrossSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12 (refrates, thirtieth session): g(T) of a tabulated spectrum with many knots summed in one loop
 * ({@link TabulatedNodeSum}) is the same double as {@code GaussLegendre.integrate(E -> φ(E) dσ/dT(E, T), lo, E_max,
 * 16)} with φ the spectrum's {@code densityInOrder} (the path it replaces) and its {@code densityPerMeV}, bit for bit,
 * at every node of a CEvNS recoil table and between them; and a memoized g gives the first value of each T.
 */
class TabulatedNodeSumTest {
  /** The oscillated ⁸B ν_e and ν_μ tables (Winter et al. 2006, ~800 knots) on xenon isotopes and on argon. */
  @ParameterizedTest(name = "8B on {0}-{1}")
  @CsvSource({"54, 124", "54, 131", "54, 136", "18, 40"})
  void sameDoublesAsTheQuadratureItReplaces(int z, int a) {
    for (SourceComponent c : Solar8BSource.of("b8", 1e9).components()) {
      TabulatedSpectrum s = (TabulatedSpectrum) c.spectrum();
      RecoilCrossSection xs = cevns(z, a, c.flavor());
      TabulatedNodeSum sum = new TabulatedNodeSum(s);
      double tMax = xs.maxRecoilMeV(s.maxEnergyMeV());
      int positive = 0;
      int n = 2 * ExpectedDetected.RECOIL_NODES;
      for (int j = 0; j <= n; j++) {
        double t = RecoilTable.node(tMax, j, n) * (j % 3 == 1 ? 1.0 - 1e-7 : 1.0);
        double lo = Math.max(s.minEnergyMeV(), xs.minEnergyMeV(t));
        double hi = s.maxEnergyMeV();
        if (!(hi > lo)) {
          continue;
        }
        DoubleUnaryOperator atT = xs.atRecoilMeV(t);
        DoubleUnaryOperator inOrder = s.densityInOrder();
        double old = GaussLegendre.integrate(e -> inOrder.applyAsDouble(e) * atT.applyAsDouble(e), lo, hi,
            ExpectedDetected.MANY_BREAKPOINT_PANELS);
        double plain = GaussLegendre.integrate(e -> s.densityPerMeV(e) * atT.applyAsDouble(e), lo, hi,
            ExpectedDetected.MANY_BREAKPOINT_PANELS);
        double loop = sum.integrate(atT, lo, hi, ExpectedDetected.MANY_BREAKPOINT_PANELS);
        assertEquals(Double.doubleToRawLongBits(old), Double.doubleToRawLongBits(loop), "T = " + t + " MeV: " + old
            + " vs " + loop);
        assertEquals(Double.doubleToRawLongBits(plain), Double.doubleToRawLongBits(loop), "T = " + t + " MeV");
        positive += loop > 0 ? 1 : 0;
      }
      assertTrue(positive > 700, "most nodes inside the kinematic range: " + positive);
    }
  }

  /** Outside the table φ is 0, as {@code densityPerMeV}: an interval reaching past both ends, in few and many panels. */
  @Test
  void zeroOutsideTheTable() {
    TabulatedSpectrum s = (TabulatedSpectrum) Solar8BSource.of("b8", 1e9).components().get(0).spectrum();
    TabulatedNodeSum sum = new TabulatedNodeSum(s);
    DoubleUnaryOperator f = e -> 1.0 + 0.1 * e;
    for (int panels : new int[] {1, 3, 16, 64}) {
      double lo = s.minEnergyMeV() - 0.7;
      double hi = s.maxEnergyMeV() + 1.3;
      double plain = GaussLegendre.integrate(e -> s.densityPerMeV(e) * f.applyAsDouble(e), lo, hi, panels);
      assertEquals(Double.doubleToRawLongBits(plain), Double.doubleToRawLongBits(sum.integrate(f, lo, hi, panels)),
          "panels " + panels);
    }
  }

  @Test
  void memoizedComputesEachRecoilOnce() {
    AtomicInteger calls = new AtomicInteger();
    DoubleUnaryOperator g = RecoilTable.memoized(t -> {
      calls.incrementAndGet();
      return Math.sqrt(t) / 3;
    });
    double[] ts = {1e-6, 0.25, 1e-6, 3.0, 0.25, 1e-6};
    for (double t : ts) {
      assertEquals(Double.doubleToRawLongBits(Math.sqrt(t) / 3), Double.doubleToRawLongBits(g.applyAsDouble(t)));
    }
    assertEquals(3, calls.get());
  }

  private static RecoilCrossSection cevns(int z, int a, Flavor flavor) {
    FormFactor fp = FormFactorModel.HELM.create(a, Double.NaN);
    FormFactor fn = FormFactorModel.HELM.create(a, Double.NaN);
    return CevnsCrossSection.of(IsotopeTable.isotope(z, a), flavor, Couplings.of(CouplingScheme.PDG, flavor, 0.23857),
        fp, fn, true, fn);
  }
}
