package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytic observed Hessian of models with modifiers, Barlow–Beeston-lite terms and physics shapes
 * ({@link PoissonLikelihood#hessian}, {@link ExpectedCurvature}) equals the central differences of the analytic
 * gradient (the Hessian cevns computed before), and the gradient those of the deviance, at random points of
 * seeded toys: α inside and outside ±1 (both branches of codes 4/4p), norms and μ near 0, bins without counts.
 * Tolerance 2e-5 relative to max(1, |H_kl|, √(H_kk H_ll)): the differences' truncation error at step 1e-5 (1e-4
 * of the range for physics parameters, whose gradient is itself a difference of the shape) is ~1e-7 of that
 * scale; a wrong term (a missing dγ̂/dν, a factor 2) is ≥ 1e-2 of it.
 */
class AnalyticHessianTest {
  private static final int POINTS = 12;

  /** Asymmetric normsys and histosys on signal and background, Barlow–Beeston-lite, two physics parameters. */
  static BinnedModel twoPhysics() {
    double[] sig = SystematicsModelTest.SIG;
    double[] bkg = SystematicsModelTest.BKG;
    double[] hi = sig.clone();
    double[] lo = sig.clone();
    double[] bhi = bkg.clone();
    for (int i = 0; i < sig.length; i++) {
      hi[i] = sig[i] * (1 + 0.06 * (i - 2.5));
      lo[i] = sig[i] * (1 - 0.02 * (i - 1.5));
      bhi[i] = bkg[i] * (1 + 0.05 * (i - 2.5));
    }
    PhysicsShape shape = v -> {
      double[] base = SystematicsModelTest.weakChargeShape(0.2387).expected(new double[] {v[0]});
      for (int i = 0; i < base.length; i++) {
        double r = 1 + 0.2 * (v[1] - 4.8) * (i + 1) / base.length + 0.05 * (v[1] - 4.8) * (v[1] - 4.8);
        base[i] *= r * (1 + 0.3 * (v[0] - 0.2387) * (v[1] - 4.8));
      }
      return base;
    };
    Sample s = Sample.signal("signal", sig).withModifiers(List.of(Modifier.normsys("flux", 1.12, 0.85),
            Modifier.histosys("quenching", sig, hi, lo))).withStatErrors(SystematicsModelTest.scaled(sig, 0.05))
        .withPhysics(shape);
    Sample b = Sample.background("steady", bkg, "steady").withModifiers(List.of(Modifier.normsys("flux", 1.05, 0.9),
            Modifier.histosys("tilt", bkg, bhi, bkg.clone()))).withStatErrors(SystematicsModelTest.scaled(bkg, 0.04));
    Sample brn = Sample.background("brn", SystematicsModelTest.scaled(sig, 0.1), "brn", "steady");
    Sample off = Sample.background("steady", SystematicsModelTest.scaled(bkg, 2.0), "steady");
    return BinnedModel.of(List.of(Channel.of("on", s, b, brn), Channel.of("off", off)),
        List.of(NormParameter.free("steady"), NormParameter.constrained("brn", 0.3)),
        List.of(new PhysicsParameter("sin2_theta_w", 0.2387, 0.1, 0.4, 0.0),
            new PhysicsParameter("rn_fm", 4.8, 4.0, 6.0, 0.2)));
  }

  /**
   * A large response variation split into a normsys and a histosys of one parameter on the signal
   * ({@link Modifier#normPlusShape}: the signal's −1σ side keeps 30 %), beside an additive one on the background.
   */
  static BinnedModel normPlusShape() {
    double[] sig = SystematicsModelTest.SIG;
    double[] bkg = SystematicsModelTest.BKG;
    double[] hi = sig.clone();
    double[] lo = sig.clone();
    double[] bhi = bkg.clone();
    double[] blo = bkg.clone();
    for (int i = 0; i < sig.length; i++) {
      hi[i] = sig[i] * (1.6 + 0.1 * i);
      lo[i] = sig[i] * (0.3 - 0.02 * i);
      bhi[i] = bkg[i] * (1.1 + 0.01 * i);
      blo[i] = bkg[i] * (0.95 - 0.01 * i);
    }
    List<Modifier> split = new java.util.ArrayList<>(Modifier.normPlusShape("quenching", sig, hi, lo));
    split.add(Modifier.normsys("flux", 1.1, 0.9));
    Sample s = Sample.signal("signal", sig).withModifiers(split)
        .withStatErrors(SystematicsModelTest.scaled(sig, 0.05));
    Sample b = Sample.background("steady", bkg, "steady").withModifiers(
        Modifier.normPlusShape("quenching", bkg, bhi, blo)).withStatErrors(SystematicsModelTest.scaled(bkg, 0.04));
    return BinnedModel.of(List.of(Channel.of("on", s, b)), List.of(NormParameter.free("steady")));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("normsys and histosys of one parameter (norm-plus-shape)", normPlusShape()),
        Arguments.of("asymmetric systematics, BB-lite", SystematicsModelTest.model(false)),
        Arguments.of("with a physics shape", SystematicsModelTest.model(true)),
        Arguments.of("two physics parameters, normsys, shared norms", twoPhysics()),
        Arguments.of("smooth systematics (MinimiserAgreementTest)", MinimiserAgreementTest.smoothSystematics()),
        Arguments.of("Gaussian normalisations, analytic shape", GaussianNormPhysicsTest.derivativeModel(false)),
        Arguments.of("Gaussian normalisations, two physics parameters", GaussianNormPhysicsTest.derivativeModel(true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void observedHessianIsTheDerivativeOfTheGradient(String name, BinnedModel m) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261203L + name.length());
    for (int t = 0; t < POINTS; t++) {
      double[] truth = m.nominalParameters(1.0);
      Observations toy = ToyGenerator.generate(m, truth, rng);
      if (t % 3 == 0) {
        double[] n = toy.counts();
        n[t % n.length] = 0; // a bin without counts (the n = 0 branch of γ̂ and of the deviance)
        toy = Observations.of(m, n, toy.globalObservables()).withStatAuxiliary(aux(toy));
      }
      PoissonLikelihood l = PoissonLikelihood.of(m, toy);
      double[] p = randomPoint(m, rng, t);
      double[] g = l.gradient(p);
      double[][] h = l.hessian(p, false);
      String at = name + ", point " + t;
      for (int k = 0; k < p.length; k++) {
        double step = step(m, p, k);
        double[] up = p.clone();
        double[] dn = p.clone();
        up[k] += step;
        dn[k] -= step;
        double fd = (l.deviance(up) - l.deviance(dn)) / (2 * step);
        assertEquals(fd, g[k], 1e-5 * Math.max(1, Math.abs(fd)), at + ": gradient " + m.parameterNames().get(k));
        double[] gu = l.gradient(up);
        double[] gd = l.gradient(dn);
        for (int j = 0; j < p.length; j++) {
          double fdh = (gu[j] - gd[j]) / (2 * step);
          double scale = Math.max(Math.max(1, Math.abs(fdh)), Math.sqrt(Math.abs(h[j][j] * h[k][k])));
          assertEquals(fdh, h[j][k], 2e-5 * scale, at + ": hessian " + m.parameterNames().get(j) + ", "
              + m.parameterNames().get(k));
        }
      }
    }
  }

  private static double[] aux(Observations toy) {
    double[] b = new double[toy.nBins()];
    for (int i = 0; i < b.length; i++) {
      b[i] = toy.statAuxiliary(i);
    }
    return b;
  }

  /** A point away from the bounds: μ in [0.05, 2], norms in [0.2, 1.8], α in [−2.5, 2.5], physics inside. */
  private static double[] randomPoint(BinnedModel m, UniformRandomProvider rng, int t) {
    double[] p = m.nominalParameters(0.05 + 1.95 * rng.nextDouble());
    for (int k = 1; k < m.alphaOffset(); k++) {
      p[k] = 0.2 + 1.6 * rng.nextDouble();
    }
    for (int k = m.alphaOffset(); k < m.physicsOffset(); k++) {
      p[k] = (t % 2 == 0 ? 0.9 : 2.5) * (2 * rng.nextDouble() - 1);
    }
    for (int k = m.physicsOffset(); k < p.length; k++) {
      double lo = m.lowerBound(k);
      double hi = m.upperBound(k);
      p[k] = lo + (hi - lo) * (0.1 + 0.8 * rng.nextDouble());
    }
    return p;
  }

  private static double step(BinnedModel m, double[] p, int k) {
    return k >= m.physicsOffset() ? 1e-4 * (m.upperBound(k) - m.lowerBound(k)) : 1e-5 * Math.max(1, Math.abs(p[k]));
  }
}
