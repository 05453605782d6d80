package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A likelihood with two minima in a shape nuisance that the starts in μ alone miss ({@link GlobalFit}): three bins,
 * a signal (1.95, 1.26, 4.06) whose histosys moves it to (3.89, 0.63, 1.31) at α = +1 and (1.86, 0.19, 0.1) at
 * α = −1, a flat background of 2 per bin with a 30 % constrained
 * normalisation; observed (0, 4, 4). The fit from the nominal start ends at μ = 0.30, α = −0.06 (deviance 6.25), and
 * the fits from μ̂ ± 2σ and ± 4σ (the conditional fit there from the nominal start, then the free fit) return there;
 * the global minimum, found from a grid of starts over μ and α, is at μ = −1.33, α = −1.05 (deviance 3.56), and the
 * fit from the nominal one with α moved by −2 reaches it. Reduced coherent-cryocsi (2 % of its exposure,
 * seed 7) has such a pair of minima in its quenching nuisance: {@code run} found the lower one through its profile
 * scan (μ = 1.055, deviance 10.12) while {@code fit}, which does not scan, reported μ = 1.008 (10.30).
 */
class NuisanceMinimaTest {
  private static final double[] SIGNAL = {1.95, 1.26, 4.06};

  static BinnedModel model() {
    return BinnedModel.of(List.of(Channel.of("c",
        Sample.signal("sig", SIGNAL).withModifiers(List.of(Modifier.histosys("shape", SIGNAL,
            new double[] {3.89, 0.63, 1.31}, new double[] {1.86, 0.19, 0.1}))),
        Sample.background("bkg", new double[] {2, 2, 2}, "bnorm"))), List.of(NormParameter.constrained("bnorm", 0.3)));
  }

  static Observations data(BinnedModel m) {
    return Observations.of(m, new double[] {0, 4, 4});
  }

  /** The lowest deviance of the free fits from a grid of starts over μ and α. */
  private static double gridMinimum(BinnedModel m, Observations d) {
    Fitter fitter = new Fitter(PoissonLikelihood.of(m, d), FitOptions.defaults());
    double best = Double.POSITIVE_INFINITY;
    for (double mu = -2; mu <= 4; mu += 1) {
      for (double alpha = -3; alpha <= 3; alpha += 0.5) {
        double[] start = m.nominalParameters(mu);
        start[m.alphaOffset()] = alpha;
        best = Math.min(best, fitter.fit(start, new int[0]).deviance());
      }
    }
    return best;
  }

  /** The lowest deviance of the starts in μ alone: the nominal fit and the fits from μ̂ + k σ (the old search). */
  private static double startsInMuOnly(BinnedModel m, Observations d) {
    PoissonLikelihood l = PoissonLikelihood.of(m, d);
    Fitter fitter = new Fitter(l, FitOptions.defaults());
    double[] start = GlobalFit.nominalStart(m, d, l);
    FitResult nominal = fitter.fit(start, new int[0]);
    double best = nominal.deviance();
    for (double k : GlobalFit.SIGMA_MULTIPLES) {
      double[] s = start.clone();
      s[0] = nominal.mu() + k * nominal.hesseErrors()[0];
      FitResult conditional = fitter.fit(s, new int[] {0}, false);
      best = Math.min(best, fitter.fit(conditional.parameters(), new int[0]).deviance());
    }
    return best;
  }

  @Test
  void theStartsInTheNuisancesFindTheLowerMinimum() {
    BinnedModel m = model();
    Observations d = data(m);
    double grid = gridMinimum(m, d);
    double muOnly = startsInMuOnly(m, d);
    assertTrue(muOnly > grid + 0.5, "premise: the starts in mu miss the global minimum, " + muOnly + " vs " + grid);
    FitResult global = ProfileLikelihood.of(m, d).withGlobalSearch().bestFit();
    assertEquals(grid, global.deviance(), 1e-6, "global search");
    assertTrue(global.converged());
    FitResult nominal = ProfileLikelihood.of(m, d).bestFit();
    assertEquals(0.30, nominal.mu(), 0.01, "premise: the nominal fit " + nominal);
    assertEquals(-1.33, global.mu(), 0.01, "" + global);
    assertEquals(-1.05, global.parameters()[m.alphaOffset()], 0.01, "" + global);
  }

  /** The intervals and q describe the lower minimum: q at the nominal start's μ is at most its excess. */
  @Test
  void theIntervalsAreAboutTheLowerMinimum() {
    BinnedModel m = model();
    Observations d = data(m);
    FitResult nominal = ProfileLikelihood.of(m, d).bestFit();
    ProfileLikelihood pl = ProfileLikelihood.of(m, d).withGlobalSearch();
    FitResult best = pl.bestFit();
    Interval i68 = pl.interval68();
    assertEquals(best.mu(), i68.muHat());
    assertTrue(pl.q(nominal.mu()) <= nominal.deviance() - best.deviance() + 1e-6);
  }
}
