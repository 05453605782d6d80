package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The global fit of {@link ProfileLikelihood#withGlobalSearch} ({@link GlobalFit}) on a likelihood with two minima:
 * three bins, a signal (3, 3, 1) whose shape nuisance moves it between the first two bins (μ·s(α) and (−μ)·s(−α)
 * make similar spectra) and a flat background (4, 4, 4) with a 30 % constrained normalisation; observed (0, 9, 1).
 * The fit from the nominal start (μ = 1) finds μ = 0.74 (α = −1.2) with deviance 14.45, the global minimum is at
 * μ = −0.93 (α = +1.6) with deviance 12.15 (no sample content clipped at zero near either) (before the global search,
 * {@code cevns fit} reported the shallower one: connie at 2 % of its exposure, docs/validation.md).
 */
class GlobalFitTest {
  private static final double[] SIGNAL = {3, 3, 1};

  static BinnedModel twoMinima() {
    return BinnedModel.of(List.of(Channel.of("c",
        Sample.signal("sig", SIGNAL).withModifiers(List.of(Modifier.histosys("shape", SIGNAL,
            new double[] {4.2, 1.8, 0.6}, new double[] {1.8, 4.2, 1.4}))),
        Sample.background("bkg", new double[] {4, 4, 4}, "bnorm"))), List.of(NormParameter.constrained("bnorm", 0.3)));
  }

  static Observations data(BinnedModel m) {
    return Observations.of(m, new double[] {0, 9, 1});
  }

  @Test
  void theNominalStartFindsTheShallowerMinimum() {
    BinnedModel m = twoMinima();
    FitResult nominal = ProfileLikelihood.of(m, data(m)).bestFit();
    FitResult global = ProfileLikelihood.of(m, data(m)).withGlobalSearch().bestFit();
    assertTrue(nominal.mu() > 0.5, "premise: the nominal start's minimum, " + nominal.mu());
    assertTrue(global.mu() < -0.5, "global minimum " + global.mu());
    assertTrue(global.deviance() < nominal.deviance() - 2, global.deviance() + " vs " + nominal.deviance());
    assertTrue(global.converged());
  }

  /** No start of a grid over μ, α and the norm finds a lower minimum than the global search. */
  @Test
  void theGlobalSearchFindsTheLowestMinimumOfAGridOfStarts() {
    BinnedModel m = twoMinima();
    Observations d = data(m);
    double best = ProfileLikelihood.of(m, d).withGlobalSearch().bestFit().deviance();
    Fitter fitter = new Fitter(PoissonLikelihood.of(m, d), FitOptions.defaults());
    for (double mu = -8; mu <= 8; mu += 2) {
      for (double alpha = -4; alpha <= 4; alpha += 2) {
        for (double norm : new double[] {0.6, 1.4}) {
          FitResult r = fitter.fit(new double[] {mu, norm, alpha}, new int[0]);
          assertTrue(r.deviance() >= best - 1e-6, "start " + mu + ", " + norm + ", " + alpha + ": " + r.deviance()
              + " below " + best);
        }
      }
    }
  }

  @Test
  void theMultimodalityIsReported() {
    BinnedModel m = twoMinima();
    ProfileLikelihood pl = ProfileLikelihood.of(m, data(m)).withGlobalSearch();
    Multimodality mm = pl.multimodality().orElseThrow();
    assertTrue(mm.nominalNotGlobal());
    assertEquals(pl.bestFit().mu(), mm.values()[0]);
    assertTrue(mm.values()[mm.nominalIndex()] > 0.5, mm.message());
    assertTrue(mm.message().startsWith("the likelihood has 2 minima in mu: the global one at mu = -0.93"), mm.message());
    assertTrue(mm.message().contains(", found from the nominal start)"), mm.message());
    assertTrue(mm.summary().startsWith("2 minima: mu = -0.93") && mm.summary().endsWith(" (nominal start)"),
        mm.summary());
  }

  /** The profile is the lowest over both basins: q at the shallower minimum's μ is at most its deviance's excess. */
  @Test
  void theProfileAndIntervalsUseTheGlobalMinimum() {
    BinnedModel m = twoMinima();
    FitResult nominal = ProfileLikelihood.of(m, data(m)).bestFit();
    ProfileLikelihood pl = ProfileLikelihood.of(m, data(m)).withGlobalSearch();
    FitResult best = pl.bestFit();
    Interval i68 = pl.interval68();
    assertEquals(best.mu(), i68.muHat());
    assertTrue(i68.contains(best.mu()) && i68.upper() < nominal.mu(), i68.toString());
    double excess = nominal.deviance() - best.deviance();
    assertTrue(pl.q(nominal.mu()) <= excess + 1e-6, pl.q(nominal.mu()) + " vs " + excess);
    assertEquals(best.deviance(), pl.bestFit().deviance());
  }

  @Test
  void theSearchIsDeterministic() {
    BinnedModel m = twoMinima();
    FitResult a = ProfileLikelihood.of(m, data(m)).withGlobalSearch().bestFit();
    FitResult b = ProfileLikelihood.of(m, data(m)).withGlobalSearch().bestFit();
    assertArrayEquals(a.parameters(), b.parameters());
  }

  /**
   * A likelihood with one minimum: the same digits as the single start (best fit and intervals: the first interval
   * fit predicts its start from the nominal fit's Hessian, not from the last start's), nothing reported.
   */
  @Test
  void aUnimodalLikelihoodKeepsTheNominalFit() {
    BinnedModel spectrum = TestModels.spectrum(12, 40, 200, 0.1);
    BinnedModel onOff = TestModels.onOff();
    List<BinnedModel> models = List.of(onOff, spectrum);
    List<Observations> data = List.of(TestModels.onOffData(onOff),
        Observations.of(spectrum, new double[] {27, 25, 22, 21, 20, 17, 19, 18, 16, 17, 18, 17}));
    for (int i = 0; i < models.size(); i++) {
      BinnedModel m = models.get(i);
      Observations d = data.get(i);
      ProfileLikelihood single = ProfileLikelihood.of(m, d);
      ProfileLikelihood pl = ProfileLikelihood.of(m, d).withGlobalSearch();
      assertArrayEquals(single.bestFit().parameters(), pl.bestFit().parameters());
      assertTrue(pl.multimodality().isEmpty());
      assertEquals(single.interval68(), pl.interval68());
      assertEquals(single.interval90(), pl.interval90());
      assertEquals(single.significance(), pl.significance());
    }
  }
}
