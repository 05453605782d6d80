package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interval search of {@link ProfileLikelihood} (Newton on √q − √Δ with the envelope-theorem slope, started at
 * the Hesse estimate) gives the ends of the bracketing + Brent search it replaced as the first choice, on seeded
 * toys of the models of {@link MinimiserAgreementTest}, with μ and with a physics parameter (μ held at 1) as the
 * parameter of interest, and on a model whose deviance has a kink (a histosys content clipped at zero). Both searches
 * stop at {@value IntervalEnds#ACCURACY} of the Hesse error σ; the ends must agree to 1e-6 σ (a margin above
 * the two stopping rules, not fitted to the data; seen: 5e-8 σ). 200 toys in all. On the kinked model a conditional
 * fit can end on either side of a kink depending on its warm start, i.e. on the points the search visited before,
 * so the two searches can find different ends: most of its 40 toys agree to 1e-8 σ, toy 24 differs by 0.32 σ and toy
 * 33 by 0.13 σ; there 2e-3 σ is asserted with at most 3 toys beyond it (in the CsI study, 1 toy of 100 differed, by
 * 0.03 σ: docs/performance-history.md).
 */
class IntervalSearchAgreementTest {
  private static final int TOYS = 40;

  /**
   * A model whose deviance has a kink at the minimum's neighbourhood: the signal's histosys has a bin with no
   * nominal content whose up variation has some and whose down variation none, so that the interpolated content
   * (code 4p) goes negative for α &lt; 0 and is clipped at zero ({@link SampleTerms}); α's global observable is 0.
   */
  static BinnedModel kinked() {
    double[] sig = {0, 40, 60, 50, 30, 15};
    double[] hi = {6, 44, 63, 51, 30, 14};
    double[] lo = {0, 36, 57, 49, 30, 16};
    double[] bkg = {20, 30, 30, 30, 30, 30};
    Sample s = Sample.signal("signal", sig).withModifiers(List.of(Modifier.lognormal("flux", 0.10),
        Modifier.histosys("quenching", sig, hi, lo)));
    return BinnedModel.of(List.of(Channel.of("on", s, Sample.background("steady", bkg, "steady")),
            Channel.of("off", Sample.background("steady", SystematicsModelTest.scaled(bkg, 2.0), "steady"))),
        List.of(NormParameter.free("steady")));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("coincidence", MinimiserAgreementTest.coincidence(), "mu", 1e-6),
        Arguments.of("spectrum", TestModels.spectrum(12, 30, 300, 0.1), "mu", 1e-6),
        Arguments.of("smooth systematics, mu", MinimiserAgreementTest.smoothSystematics(), "mu", 1e-6),
        Arguments.of("smooth systematics, sin2_theta_w", MinimiserAgreementTest.smoothSystematics(), "sin2_theta_w",
            1e-6),
        Arguments.of("kinked", kinked(), "mu", 2e-3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void newtonEndsAreTheBracketedEnds(String name, BinnedModel m, String poi, double tolerance) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261204L + name.length());
    double[] truth = m.nominalParameters(1.0);
    FitOptions options = FitOptions.unboundedMu();
    boolean floatMu = poi.equals(BinnedModel.POI_NAME);
    int apart = 0;
    int allowedApart = tolerance > 1e-6 ? 3 : 0;
    for (int t = 0; t < TOYS; t++) {
      Observations toy = ToyGenerator.generate(m, truth, rng);
      ProfileLikelihood newton = ProfileLikelihood.of(m, toy, options, poi, floatMu);
      ProfileLikelihood brent = ProfileLikelihood.of(m, toy, options, poi, floatMu).bracketingOnly();
      Interval a = newton.interval68();
      Interval b = brent.interval68();
      String at = name + ", toy " + t;
      double sigma = brent.bestFit().hesseErrors()[newton.poiIndex()];
      assertTrue(sigma > 0, at);
      double diff = Math.max(Math.abs(a.lower() - b.lower()), Math.abs(a.upper() - b.upper()));
      if (diff > tolerance * sigma) {
        apart++;
        assertTrue(apart <= allowedApart, at + ": ends " + a + " vs " + b);
      }
      assertEquals(brent.bestFit().deviance(), newton.bestFit().deviance(), 1e-9, at);
      if (floatMu) {
        assertEquals(brent.significance().q0(), newton.significance().q0(), 1e-8, at);
      }
    }
  }

  /**
   * On the kinked model Newton stalls (a shortened step gains nothing: {@link ProjectedNewton#STALL}) in the global
   * fits of some toys (8 of these 400); the fit then continues derivative-free from the stall point and must end
   * converged, no more than 1e-4 in D above the derivative-free path alone ({@link Fitter.Method#BOBYQA}, which
   * starts from the nominal point; 3.6e-5 above it in toy 160, lower in others). Where Newton does not stall it
   * converges as before, sometimes to the minimum on the other side of the kink than BOBYQA's (this model has
   * two): 4 toys higher, 32 lower; not asserted.
   */
  @Test
  void aStalledNewtonEndsNearTheDerivativeFreeMinimum() {
    BinnedModel m = kinked();
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261204L);
    int[] free = java.util.stream.IntStream.range(0, m.nParameters()).filter(m::floats).toArray();
    double[] lo = new double[m.nParameters()];
    double[] hi = new double[m.nParameters()];
    for (int k = 0; k < lo.length; k++) {
      lo[k] = k == 0 ? Double.NEGATIVE_INFINITY : m.lowerBound(k);
      hi[k] = k == 0 ? Double.POSITIVE_INFINITY : m.upperBound(k);
    }
    int stalled = 0;
    for (int t = 0; t < 400; t++) {
      Observations toy = ToyGenerator.generate(m, m.nominalParameters(1.0), rng);
      PoissonLikelihood l = PoissonLikelihood.of(m, toy);
      if (!new ProjectedNewton(l).minimise(m.nominalParameters(1.0), free, lo, hi).stalled()) {
        continue;
      }
      stalled++;
      FitResult a = ProfileLikelihood.withMethod(m, toy, FitOptions.unboundedMu(), Fitter.Method.NEWTON).bestFit();
      FitResult b = ProfileLikelihood.withMethod(m, toy, FitOptions.unboundedMu(), Fitter.Method.BOBYQA).bestFit();
      String at = "toy " + t;
      assertTrue(a.converged(), at);
      assertTrue(a.deviance() <= b.deviance() + 1e-4, at + ": " + a.deviance() + " vs " + b.deviance());
    }
    assertTrue(stalled > 0, "the kinked model must make Newton stall in some toys");
  }
}
