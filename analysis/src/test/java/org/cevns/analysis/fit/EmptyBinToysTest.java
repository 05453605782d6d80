package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Toys fluctuate the auxiliary measurement of the no-event term of an empty template bin (issue 8): a toy drawn with
 * the nuisances at their fit to data has the bin's profiled content β̂ in its expectation and re-simulates the empty
 * template there, m ~ Poisson(β̂/w) events, whose likelihood term is then 2[β/w − m + m ln(m·w/β)]. Before, toys at
 * the conditional fit of data with events in such a bin (the model of {@link SparseTemplateFitTest}) had neither: no
 * count and no template event there, ever.
 */
class EmptyBinToysTest {
  static final double W = SparseTemplateFitTest.W;

  /**
   * At μ = 0 the data (2, 3, 3, 2) put β̂ = 3w/(1 + w) = 0.6 into bin 2, where only the signal template has events:
   * over 4000 toys the mean count there is 0.6 and the mean template count m is β̂/w = 2.4, each within 4 standard
   * errors (√(0.6/4000) = 0.012, √(2.4/4000) = 0.024; false failure ~1e-4 each); the variance of m is its mean
   * (Poisson; within 0.25 — 4.5 standard errors of the sample variance, √(2·2.4²/4000 + 2.4/4000) ≈ 0.056). The
   * generator without data still draws neither.
   */
  @Test
  void toysAtTheFitToDataDrawTheEmptyBinsContentAndItsTemplateEvents() {
    BinnedModel m = SparseTemplateFitTest.emptyBackgroundBin();
    Observations data = Observations.of(m, new double[] {2, 3, 3, 2});
    double[] p0 = ProfileLikelihood.of(m, data).fixedMuFit(0.0).parameters();
    double[][] f = ToyGenerator.templateFactors(m, data, p0);
    assertEquals(3 * W / (1 + W), f[1][2], 1e-12);
    assertEquals(0.0, f[1][0], 0.0);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
    int toys = 4000;
    double sumN = 0;
    double sumM = 0;
    double sumM2 = 0;
    for (int t = 0; t < toys; t++) {
      Observations o = ToyGenerator.generate(m, data, p0, rng);
      sumN += o.count(2);
      double k = o.emptyBinAuxiliary(2);
      sumM += k;
      sumM2 += k * k;
      assertEquals(0.0, o.emptyBinAuxiliary(0), 0.0);
    }
    double meanM = sumM / toys;
    assertEquals(0.6, sumN / toys, 4 * Math.sqrt(0.6 / toys));
    assertEquals(2.4, meanM, 4 * Math.sqrt(2.4 / toys));
    assertEquals(meanM, sumM2 / toys - meanM * meanM, 0.25);
    Observations old = ToyGenerator.generate(m, p0, RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
    assertEquals(0.0, old.count(2), 0.0);
    assertEquals(0.0, old.emptyBinAuxiliary(2), 0.0);
  }

  /** At the nominal truth (β̂ = 0 on Asimov data) the toys are those of the data-free generator, draw for draw. */
  @Test
  void atANominalTruthTheToysAreUnchanged() {
    BinnedModel m = SparseTemplateFitTest.emptyBackgroundBin();
    double[] p = m.nominalParameters(1.0);
    Observations asimov = Observations.of(m, m.expected(p));
    for (long seed = 1; seed <= 5; seed++) {
      Observations a = ToyGenerator.generate(m, p, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
      Observations b = ToyGenerator.generate(m, asimov, p, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
      assertEquals(java.util.Arrays.toString(a.counts()), java.util.Arrays.toString(b.counts()));
      for (int i = 0; i < m.nBins(); i++) {
        assertEquals(a.statAuxiliary(i), b.statAuxiliary(i), 1e-12);
        assertEquals(0.0, b.emptyBinAuxiliary(i), 0.0);
      }
    }
  }

  /** Cases (ν, n, δ², aux, w, m &gt; 0). */
  static Stream<Arguments> bins() {
    return Stream.of(Arguments.of(0.0, 3.0, 0.0, 1.0, 0.25, 2.0), Arguments.of(0.5, 3.0, 0.04, 1.0, 0.25, 1.0),
        Arguments.of(2.0, 1.0, 0.1, 1.1, 0.5, 3.0), Arguments.of(0.3, 0.0, 0.2, 1.0, 0.3, 1.0),
        Arguments.of(1.0, 6.0, 0.0, 1.0, 0.2, 5.0), Arguments.of(4.0, 2.0, 0.3, 0.9, 1.0, 1.0));
  }

  /**
   * With m template events the profiled bin is the minimum over γ &ge; 0 and β &gt; 0 of 2[λ − n + n ln(n/λ)] +
   * (γ − aux)²/δ² + 2[β/w − m + m ln(m·w/β)] (brute-force grid refined around its best point, to 1e-6), its
   * derivative is dD/dν (central difference, 1e-5), and {@link BarlowBeeston#profiledFactors} are its minimiser.
   */
  @ParameterizedTest
  @MethodSource("bins")
  void profiledBinWithTemplateEventsIsTheMinimum(double nu, double n, double d2, double aux, double w, double mm) {
    double[] out = new double[2];
    BarlowBeeston.profiledBin(nu, n, d2, aux, w, mm, out);
    double gc = d2 > 0 ? aux : 1.0;
    double gs = d2 > 0 ? 2.0 : 0.0;
    double bc = mm * w;
    double bs = 2.0 * mm * w;
    double best = Double.POSITIVE_INFINITY;
    for (int round = 0; round < 40; round++) {
      double bestG = gc;
      double bestB = bc;
      for (int a = -20; a <= 20; a++) {
        double g = Math.max(gc + gs * a / 20, 0.0);
        for (int c = -20; c <= 20; c++) {
          double beta = bc + bs * c / 20;
          if (!(beta > 0)) {
            continue;
          }
          double lambda = g * nu + beta;
          double dev = (n > 0 ? 2 * (lambda - n + n * Math.log(n / lambda)) : 2 * lambda)
              + (d2 > 0 ? (g - aux) * (g - aux) / d2 : 0) + 2 * (beta / w - mm + mm * Math.log(mm * w / beta));
          if (dev < best) {
            best = dev;
            bestG = g;
            bestB = beta;
          }
        }
      }
      gc = bestG;
      bc = bestB;
      gs *= 0.6;
      bs *= 0.6;
    }
    assertEquals(best, out[0], 1e-6, "deviance");
    double[] factors = BarlowBeeston.profiledFactors(nu, n, d2, aux, w, mm);
    assertEquals(bc, factors[1], 1e-4 * Math.max(1, bc), "beta");
    if (d2 > 0) {
      assertEquals(gc, factors[0], 1e-4, "gamma");
    }
    double h = 1e-6;
    double[] up = new double[2];
    double[] dn = new double[2];
    BarlowBeeston.profiledBin(nu + h, n, d2, aux, w, mm, up);
    BarlowBeeston.profiledBin(nu - h, n, d2, aux, w, mm, dn);
    assertEquals((up[0] - dn[0]) / (2 * h), out[1], 1e-5, "derivative");
  }

  /** The fit of a toy with template events in the empty bin: Hessian = derivative of the gradient, and it converges. */
  @Test
  void aToyWithTemplateEventsInTheEmptyBinFits() {
    BinnedModel m = SparseTemplateFitTest.emptyBackgroundBin();
    Observations d = Observations.of(m, new double[] {2, 3, 3, 2}).withEmptyBinAuxiliary(new double[] {0, 0, 2, 0});
    PoissonLikelihood l = PoissonLikelihood.of(m, d);
    for (double mu : new double[] {0.0, 0.4, 1.5}) {
      double[] p = m.nominalParameters(mu);
      double hh = 1e-6;
      double[] up = p.clone();
      double[] dn = p.clone();
      up[0] += hh;
      dn[0] -= hh;
      double fd = (l.gradient(up)[0] - l.gradient(dn)[0]) / (2 * hh);
      assertEquals(fd, l.hessian(p, false)[0][0], 1e-4 * Math.max(1, Math.abs(fd)), "mu=" + mu);
    }
    ProfileLikelihood pl = ProfileLikelihood.of(m, d);
    assertTrue(pl.bestFit().converged());
    // two template events seen where the template was empty: background-only is less disfavoured than with none
    double q0 = pl.significance().q0();
    double q0NoEvents = ProfileLikelihood.of(m, Observations.of(m, new double[] {2, 3, 3, 2})).significance().q0();
    assertTrue(q0 < q0NoEvents, q0 + " vs " + q0NoEvents);
  }
}
