package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression test of the background-only fit's second start ({@link StagedBackgroundFit}): a steep falling signal
 * over a small flat background with a free norm and an asymmetric "energy scale" histosys (a tilt, its −1σ side 1.5×
 * the +1σ side), Asimov data at μ = 1 — the structure of coherent-cryocsi (background-only model far from the data,
 * steady norm scaled up ×90). The μ = 0 fit warm-started at the global fit (α = 0, norm 1) stops at α = −4.55 with
 * D = 646.2: before the fix Z = 25.42, above the 23.55 of the same model without the histosys, which is impossible
 * at the minimum (at α = 0 the model is the one without it). With the staged second start q0 = 116.1 (Z = 10.78),
 * the lowest μ = 0 deviance on a grid of α (step 0.05, norm profiled) to 5 %, and never below it.
 */
class BackgroundOnlyRestartTest {
  private static final double[] SIG = {300, 150, 80, 40, 20, 10};

  private static BinnedModel model(boolean withShape) {
    int n = SIG.length;
    double[] b = new double[n];
    double[] bhi = new double[n];
    double[] blo = new double[n];
    double[] shi = new double[n];
    double[] slo = new double[n];
    for (int i = 0; i < n; i++) {
      double u = 2.0 * i / (n - 1) - 1;
      b[i] = 1.0;
      bhi[i] = 1 + 0.2 * u;
      blo[i] = 1 - 0.3 * u;
      shi[i] = SIG[i] * (1 - 0.1 * u);
      slo[i] = SIG[i] * (1 + 0.15 * u);
    }
    Sample s = Sample.signal("signal", SIG);
    Sample bb = Sample.background("steady", b, "steady");
    if (withShape) {
      s = s.withModifiers(List.of(Modifier.histosys("energy_scale", SIG, shi, slo)));
      bb = bb.withModifiers(List.of(Modifier.histosys("energy_scale", b, bhi, blo)));
    }
    return BinnedModel.of(List.of(Channel.of("on", s, bb)), List.of(NormParameter.free("steady")));
  }

  private static ProfileLikelihood asimov(BinnedModel m) {
    return ProfileLikelihood.of(m, Observations.of(m, m.expected(m.nominalParameters(1.0))), FitOptions.defaults());
  }

  @Test
  void backgroundOnlyFitFindsTheLowerMinimum() {
    BinnedModel m = model(true);
    ProfileLikelihood pl = asimov(m);
    // the first start alone: the μ = 0 fit from the global fit stops in the far minimum
    FitResult first = pl.fixedMuFit(0.0);
    int alpha = m.parameterIndex("energy_scale");
    assertTrue(first.parameters()[alpha] < -4, "first start's alpha " + first.parameters()[alpha]);
    Significance sig = pl.significance();
    double zWithout = asimov(model(false)).significance().z();
    assertTrue(sig.z() <= zWithout + 1e-6, "Z with the shape nuisance " + sig.z() + " must not exceed Z without it "
        + zWithout);
    // the lowest μ = 0 deviance on a grid of α (norm profiled at each point, a separate profile likelihood)
    ProfileLikelihood grid = asimov(m);
    double lowest = Double.POSITIVE_INFINITY;
    for (int j = 0; j <= 200; j++) {
      double a = -5 + 0.05 * j;
      lowest = Math.min(lowest, grid.fixedFit(new int[] {0, alpha}, new double[] {0.0, a}).deviance());
    }
    double q0Grid = lowest - grid.bestDeviance();
    assertTrue(sig.q0() <= q0Grid + 1e-6, "q0 " + sig.q0() + " above the grid's lowest " + q0Grid);
    assertEquals(q0Grid, sig.q0(), 0.05 * q0Grid, "q0 at the lowest minimum");
  }
}
