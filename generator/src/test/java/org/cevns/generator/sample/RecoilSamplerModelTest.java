package org.cevns.generator.sample;

import static org.cevns.generator.sample.SamplerFixtures.KEV;
import static org.cevns.generator.sample.SamplerFixtures.P_MIN;
import static org.cevns.generator.sample.SamplerFixtures.draw;
import static org.cevns.generator.sample.SamplerFixtures.ksPValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.cevns.generator.sample.SamplerFixtures.Pairs;
import org.junit.jupiter.api.Test;

/**
 * The sampling code draws <i>exactly</i> from the tabulated model, checked on deliberately coarse tables where
 * the model differs visibly from the true density (so a sampling bug, e.g. a wrong row choice or cell shape,
 * is not hidden by the fineness of the default tables). KS tests with 10⁶ pairs, p &gt; 1e-3 (false-failure
 * rate 1e-3 each, fixed seeds).
 */
class RecoilSamplerModelTest {
  private static final int N = 1_000_000;

  @Test
  void coarseLineTableIsSampledExactly() {
    CevnsLikeXs xs = CevnsLikeXs.cesium(true);
    RecoilSampler s = RecoilSampler.of(TestSpectra.line(50.0), xs, 2, 3);
    Pairs p = draw(s, 21, N);
    double pModel = ksPValue(p.recoilMeV(), t -> s.modelRecoilCdf(50.0, t));
    assertTrue(pModel > P_MIN, "model KS p = " + pModel);
    // The 3-cell model is visibly coarse: the same sample rejects the exact distribution.
    DoubleUnaryOperator exact = new ExactIntegrals(TestSpectra.line(50.0), xs, 0.0, Double.POSITIVE_INFINITY,
        new double[0]).recoilCdf(Double.NaN, Double.NaN, 2000);
    assertTrue(ksPValue(p.recoilMeV(), exact) < 1e-6, "coarse model should differ from the exact law");
  }

  @Test
  void coarseEnergyGridRowMixtureIsSampledExactly() {
    // Threshold 0.3 keV on the reactor-like spectrum: nodes are E_min(T_lo) ≈ 4.3 MeV, where the window is
    // empty (uniform row), and 10 MeV; the conditional law of T changes completely across the single cell, so
    // the row mixture (1 − x, x) is tested at full strength.
    CevnsLikeXs xs = CevnsLikeXs.cesium(true);
    double lo = 0.3 * KEV;
    RecoilSampler s = RecoilSampler.of(TestSpectra.stepped(), xs, 2, 4, lo, Double.POSITIVE_INFINITY);
    assertEquals(2, s.energyNodeCount());
    Pairs p = draw(s, 22, N);
    double pe = ksPValue(p.energyMeV(), s::modelEnergyCdf);
    assertTrue(pe > P_MIN, "E model KS p = " + pe);
    double[] nodes = s.energyNodesMeV();
    double tTop = xs.maxRecoilMeV(nodes[1]);
    int gridCells = 800;
    double[] grid = new double[gridCells + 1];
    double[] cum = new double[gridCells + 1];
    for (int k = 0; k <= gridCells; k++) {
      double t = lo + (tTop - lo) * k / gridCells;
      grid[k] = t;
      // ∫ p_model(E) F_model(t | E) dE over the cell, where F = 1 above b(E).
      cum[k] = ExactIntegrals.composite(e -> {
        double b = xs.maxRecoilMeV(e);
        return s.modelEnergyDensityPerMeV(e) * (t >= b ? 1.0 : s.modelRecoilCdf(e, t));
      }, nodes, 400);
    }
    double pt = ksPValue(p.recoilMeV(), ExactIntegrals.interpolated(grid, cum));
    assertTrue(pt > P_MIN, "T model KS p = " + pt);
  }
}
