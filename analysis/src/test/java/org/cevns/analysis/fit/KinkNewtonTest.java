package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Regression tests of the kink-aware continuation ({@link KinkNewton}): fits on which {@link ProjectedNewton} stalls on
 * a clipped sample content, and which before went to the derivative-free BOBYQA path, now end by Newton steps at a
 * verified minimum. "Verified" independently of the method: the deviance does not decrease along 200 seeded random
 * directions at steps of 1e-3 and 1e-6 of the parameters' scale (beyond rounding, 1e-11 of D), and it is not above the
 * derivative-free path's minimum ({@link Fitter.Method#BOBYQA}, which starts from the nominal point: seen lower in
 * every stalled toy, by up to 3.5e-4 on the model of {@link IntervalSearchAgreementTest#kinked}).
 */
class KinkNewtonTest {
  private static final int TOYS = 400;

  /** Bounds of the global fit: μ unbounded, the others the model's. */
  private static double[][] bounds(BinnedModel m) {
    double[] lo = new double[m.nParameters()];
    double[] hi = new double[m.nParameters()];
    for (int k = 0; k < lo.length; k++) {
      lo[k] = k == 0 ? Double.NEGATIVE_INFINITY : m.lowerBound(k);
      hi[k] = k == 0 ? Double.POSITIVE_INFINITY : m.upperBound(k);
    }
    return new double[][] {lo, hi};
  }

  /**
   * The kinked model's stalled global fits (8 of 400 toys of this seed; the minimum sits at the quenching α = 0,
   * where the first bin's content 6·w⁺(α) changes sign): every one converges by the kink-aware Newton, at the kink, at
   * a local minimum, and the fit ({@link Fitter}) reports it converged with the Newton evaluations only.
   */
  @Test
  void stalledFitsConvergeByNewtonOnTheKink() {
    BinnedModel m = IntervalSearchAgreementTest.kinked();
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261204L);
    int[] free = IntStream.range(0, m.nParameters()).filter(m::floats).toArray();
    double[][] b = bounds(m);
    int alpha = m.parameterIndex("quenching");
    int stalled = 0;
    for (int t = 0; t < TOYS; t++) {
      Observations toy = ToyGenerator.generate(m, m.nominalParameters(1.0), rng);
      PoissonLikelihood l = PoissonLikelihood.of(m, toy);
      ProjectedNewton.Result r = new ProjectedNewton(l).minimise(m.nominalParameters(1.0), free, b[0], b[1]);
      if (!r.stalled()) {
        continue;
      }
      stalled++;
      String at = "toy " + t;
      KinkNewton.Result k = new KinkNewton(l).minimise(r.x(), free, b[0], b[1]);
      assertTrue(k.converged(), at);
      assertTrue(k.value() <= r.value(), at);
      assertEquals(0.0, k.x()[alpha], 1e-9, at + ": the minimum lies on the kink α = 0");
      assertLocalMinimum(l, k.x(), k.value(), free, b, t, at);
      FitResult bobyqa = ProfileLikelihood.withMethod(m, toy, FitOptions.unboundedMu(), Fitter.Method.BOBYQA)
          .bestFit();
      assertTrue(k.value() <= bobyqa.deviance() + 1e-9, at + ": " + k.value() + " vs " + bobyqa.deviance());
      Fitter fitter = new Fitter(l, FitOptions.unboundedMu());
      FitResult fit = fitter.fit(m.nominalParameters(1.0), false);
      assertTrue(fit.converged(), at);
      assertEquals(k.value(), fit.deviance(), 1e-12, at);
      assertEquals(0, fitter.derivativeFreeFits(), at + ": the fit needed the derivative-free path");
    }
    assertEquals(8, stalled, "stalled fits of this seed (the test needs some)");
  }

  /**
   * Started on the kink where the minimum is not (toys with the quenching α = +1 as truth, so the first bin's content is
   * live at the minimum), the continuation must leave the kink (the multiplier test releases it: a concave kink, c &lt; 0)
   * and end at a local minimum: where Newton from the smooth side ends (seen: 13 of 14 toys), or at the model's other
   * local minimum on the clipped side (toy 9: α = −0.62, D higher by 0.16; this model has two, see
   * {@link IntervalSearchAgreementTest}).
   */
  @Test
  void aKinkThatIsNotTheMinimumIsReleased() {
    BinnedModel m = IntervalSearchAgreementTest.kinked();
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    int[] free = IntStream.range(0, m.nParameters()).filter(m::floats).toArray();
    double[][] b = bounds(m);
    int alpha = m.parameterIndex("quenching");
    double[] truth = m.nominalParameters(1.0);
    truth[alpha] = 1.0;
    int checked = 0;
    int left = 0;
    for (int t = 0; t < 40; t++) {
      Observations toy = ToyGenerator.generate(m, truth, rng);
      PoissonLikelihood l = PoissonLikelihood.of(m, toy);
      double[] smoothStart = truth.clone();
      ProjectedNewton.Result smooth = new ProjectedNewton(l).minimise(smoothStart, free, b[0], b[1]);
      if (!smooth.converged() || smooth.x()[alpha] < 0.2) {
        continue; // only toys whose minimum is well inside the live side
      }
      checked++;
      double[] onKink = smooth.x().clone();
      onKink[alpha] = 0.0;
      KinkNewton.Result k = new KinkNewton(l).minimise(onKink, free, b[0], b[1]);
      String at = "toy " + t;
      assertTrue(k.converged(), at);
      assertLocalMinimum(l, k.x(), k.value(), free, b, t, at);
      if (k.x()[alpha] > 0) {
        assertEquals(smooth.value(), k.value(), 1e-9, at);
        assertEquals(smooth.x()[alpha], k.x()[alpha], 1e-5, at);
        left++;
      }
    }
    assertTrue(checked >= 10, "toys with the minimum inside the live side: " + checked);
    assertTrue(left >= checked - 3, "fits that left the kink for the live side's minimum: " + left + " of " + checked);
  }

  /** D(x + ε·s∘u) ≥ D(x) − 1e-11·max(1, D) for 200 seeded unit directions u, ε = 1e-3 and 1e-6, s the Hesse scales. */
  static void assertLocalMinimum(PoissonLikelihood l, double[] x, double value, int[] free, double[][] b, long seed,
      String at) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[][] h = l.hessian(x, true);
    for (int r = 0; r < 200; r++) {
      double[] u = new double[free.length];
      double norm = 0;
      for (int a = 0; a < u.length; a++) {
        u[a] = rng.nextDouble() * 2 - 1;
        norm += u[a] * u[a];
      }
      for (double eps : new double[] {1e-3, 1e-6}) {
        double[] y = x.clone();
        for (int a = 0; a < u.length; a++) {
          int k = free[a];
          double scale = Math.sqrt(2.0 / Math.max(h[k][k], 1e-300));
          y[k] = Math.min(Math.max(x[k] + eps * scale * u[a] / Math.sqrt(norm), b[0][k]), b[1][k]);
        }
        double d = l.deviance(y);
        assertTrue(d >= value - 1e-11 * Math.max(1.0, value), at + ": D fell by " + (value - d) + " at ε=" + eps);
      }
    }
  }
}
