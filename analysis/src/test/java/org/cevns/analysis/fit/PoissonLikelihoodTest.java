package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PoissonLikelihoodTest {
  /** Two bins; signal × μ × flux, background × bnorm (constrained 0.5), a second free background. */
  private static BinnedModel model() {
    return BinnedModel.of(
        List.of(Channel.of("c",
            Sample.signal("sig", new double[] {2, 1}, "flux"),
            Sample.background("bkg", new double[] {3, 4}, "bnorm"),
            Sample.background("other", new double[] {0.5, 0.25}, "free"))),
        List.of(NormParameter.constrained("bnorm", 0.5), NormParameter.constrained("flux", 0.1),
            NormParameter.free("free")));
  }

  @Test
  void devianceByHand() {
    BinnedModel m = model();
    Observations d = Observations.of(m, new double[] {4, 0}, new double[] {1.2, 1.0, 1.0});
    double[] p = {1.5, 0.8, 1.1, 2.0};
    // ν = (1.5·1.1·2 + 0.8·3 + 2·0.5, 1.5·1.1·1 + 0.8·4 + 2·0.25) = (6.7, 5.35)
    assertEquals(6.7, m.expected(p)[0], 1e-12);
    assertEquals(5.35, m.expected(p)[1], 1e-12);
    double poisson = 2 * (6.7 - 4 + 4 * Math.log(4 / 6.7)) + 2 * 5.35;
    double constraint = Math.pow((0.8 - 1.2) / 0.5, 2) + Math.pow((1.1 - 1.0) / 0.1, 2);
    PoissonLikelihood l = PoissonLikelihood.of(m, d);
    assertEquals(poisson, l.poissonDeviance(p), 1e-12);
    assertEquals(constraint, l.constraintDeviance(p), 1e-12);
    assertEquals(poisson + constraint, l.deviance(p), 1e-12);
  }

  @Test
  void gradientAndHessianMatchFiniteDifferences() {
    BinnedModel m = model();
    Observations d = Observations.of(m, new double[] {7, 3}, new double[] {0.9, 1.05, 1.0});
    PoissonLikelihood l = PoissonLikelihood.of(m, d);
    double[] p = {1.3, 0.7, 1.2, 1.6};
    double[] g = l.gradient(p);
    double[][] h = l.hessian(p, false);
    double step = 1e-5;
    for (int k = 0; k < p.length; k++) {
      double[] up = p.clone();
      double[] dn = p.clone();
      up[k] += step;
      dn[k] -= step;
      double fd = (l.deviance(up) - l.deviance(dn)) / (2 * step);
      assertEquals(fd, g[k], 1e-6 * Math.max(1, Math.abs(fd)), "gradient " + k);
      double[] gu = l.gradient(up);
      double[] gd = l.gradient(dn);
      for (int j = 0; j < p.length; j++) {
        double fdh = (gu[j] - gd[j]) / (2 * step);
        assertEquals(fdh, h[j][k], 1e-5 * Math.max(1, Math.abs(fdh)), "hessian " + j + "," + k);
      }
    }
  }

  @Test
  void expectedHessianEqualsObservedOnAsimovData() {
    BinnedModel m = model();
    double[] p = {1.3, 0.7, 1.2, 1.6};
    Observations asimov = Observations.of(m, m.expected(p), new double[] {0.7, 1.2, 1.0});
    PoissonLikelihood l = PoissonLikelihood.of(m, asimov);
    double[][] obs = l.hessian(p, false);
    double[][] exp = l.hessian(p, true);
    for (int k = 0; k < p.length; k++) {
      for (int j = 0; j < p.length; j++) {
        assertEquals(obs[k][j], exp[k][j], 1e-9 * Math.max(1, Math.abs(obs[k][j])));
      }
    }
  }

  @Test
  void continuationBelowFloorIsContinuousAndSmooth() {
    double eps = PoissonLikelihood.NU_FLOOR;
    double n = 3;
    assertEquals(PoissonLikelihood.binDeviance(eps * (1 + 1e-9), n), PoissonLikelihood.binDeviance(eps * (1 - 1e-9), n),
        1e-6);
    assertEquals(PoissonLikelihood.binDerivative(eps * (1 + 1e-12), n),
        PoissonLikelihood.binDerivative(eps * (1 - 1e-12), n), 1e-3 * n / eps);
    // continued region is finite and grows as ν goes negative
    double atZero = PoissonLikelihood.binDeviance(0.0, n);
    double negative = PoissonLikelihood.binDeviance(-1.0, n);
    assertEquals(true, Double.isFinite(negative) && negative > atZero);
    // bins without data: 2ν for ν >= 0, penalised below
    assertEquals(2 * 1.5, PoissonLikelihood.binDeviance(1.5, 0), 0);
    assertEquals(true, PoissonLikelihood.binDeviance(-0.1, 0) > 0);
  }

  @Test
  void rejectsMismatchedData() {
    BinnedModel m = model();
    assertThrows(IllegalArgumentException.class, () -> Observations.of(m, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> Observations.of(m, new double[] {1, -1}));
    assertThrows(IllegalArgumentException.class, () -> Observations.of(m, new double[] {1, 1}, new double[] {1}));
  }
}
