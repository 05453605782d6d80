package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link ProfilePredictor}: the start it predicts for a conditional fit at x = x̂ + 0.5 σ from the global fit and its
 * Hessian lies much nearer the conditional minimum θ̂̂(x) than the global fit θ̂ itself (the warm start without a
 * prediction): the remaining distance is second order in x − x̂. Seeded toys of the smooth-systematics model of
 * {@link MinimiserAgreementTest} (μ, a free norm, two α, a physics parameter, Barlow–Beeston-lite), distances in
 * units of each parameter's Hesse error. Thresholds: the predicted start at most 0.2 of the warm start's distance
 * in every toy (a first-order predictor leaves (x − x̂)²-terms), and the Newton fit from it needs no
 * more deviance evaluations than from the warm start.
 */
class ProfilePredictorTest {
  @Test
  void thePredictedStartIsNearerTheConditionalMinimum() {
    BinnedModel m = MinimiserAgreementTest.smoothSystematics();
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261204L);
    FitOptions options = FitOptions.unboundedMu();
    int[] fixed = {0};
    int fewer = 0;
    for (int t = 0; t < 20; t++) {
      Observations toy = ToyGenerator.generate(m, m.nominalParameters(1.0), rng);
      PoissonLikelihood l = PoissonLikelihood.of(m, toy);
      ProjectedNewton newton = new ProjectedNewton(l);
      Fitter fitter = new Fitter(l, options, Fitter.Method.NEWTON, newton);
      FitResult best = fitter.fit(m.nominalParameters(1.0), new int[0]);
      assertTrue(best.converged(), "toy " + t);
      double[][] h = newton.hessianAt(best.parameters());
      assertNotNull(h, "the Hessian of a converged Newton fit at its end point, toy " + t);
      double x = best.mu() + 0.5 * best.muHesseError();
      double[] warm = best.parameters().clone();
      warm[0] = x;
      double[] predicted = ProfilePredictor.start(l, options, best.parameters(), h, 0, x, fixed);
      assertNotNull(predicted, "toy " + t);
      FitResult fromWarm = fitter.fit(warm, fixed, false);
      FitResult fromPredicted = fitter.fit(predicted, fixed, false);
      assertTrue(fromWarm.converged() && fromPredicted.converged(), "toy " + t);
      double dWarm = 0;
      double dPredicted = 0;
      for (int k = 1; k < m.nParameters(); k++) {
        double s = best.hesseErrors()[k];
        dWarm = Math.max(dWarm, Math.abs(warm[k] - fromWarm.parameters()[k]) / s);
        dPredicted = Math.max(dPredicted, Math.abs(predicted[k] - fromWarm.parameters()[k]) / s);
      }
      assertTrue(dWarm > 1e-3, "the warm start must be off the conditional minimum, toy " + t + ": " + dWarm);
      assertTrue(dPredicted <= 0.2 * dWarm, "toy " + t + ": predicted " + dPredicted + " vs warm " + dWarm);
      assertTrue(Math.abs(fromPredicted.deviance() - fromWarm.deviance()) < 1e-9, "toy " + t);
      assertTrue(fromPredicted.evaluations() <= fromWarm.evaluations(), "toy " + t);
      fewer += fromPredicted.evaluations() < fromWarm.evaluations() ? 1 : 0;
    }
    assertTrue(fewer > 0, "the prediction must save evaluations in some toy");
  }

  @Test
  void noHessianOrNoStepGivesNoPrediction() {
    BinnedModel m = MinimiserAgreementTest.smoothSystematics();
    Observations toy = ToyGenerator.generate(m, m.nominalParameters(1.0),
        RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
    PoissonLikelihood l = PoissonLikelihood.of(m, toy);
    double[] p = m.nominalParameters(1.0);
    assertNull(ProfilePredictor.start(l, FitOptions.unboundedMu(), p, null, 0, 1.2, new int[] {0}));
    double[][] h = l.hessian(p, false);
    assertNull(ProfilePredictor.start(l, FitOptions.unboundedMu(), p, h, 0, p[0], new int[] {0}));
  }
}
