package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.cevns.analysis.stat.Asimov;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The HistFactory modifiers, Barlow–Beeston-lite and physics parameters of {@link BinnedModel}. */
class SystematicsModelTest {
  static final double[] SIG = {40, 60, 50, 30, 15, 5};
  static final double[] BKG = {30, 30, 30, 30, 30, 30};

  /**
   * A CsI-like "sin²θ_W" shape: the signal scales with the weak charge squared, Q_W = N − (1 − 4x)Z with N = 78,
   * Z = 55, times a small tilt.
   */
  static PhysicsShape weakChargeShape(double x0) {
    return v -> {
      double r = (78 - (1 - 4 * v[0]) * 55) / (78 - (1 - 4 * x0) * 55);
      double[] out = new double[SIG.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = SIG[i] * (0.05 + 0.95 * r * r) * (1 + 0.3 * (v[0] - x0) * i);
      }
      return out;
    };
  }

  static BinnedModel model(boolean physics) {
    double[] hi = SIG.clone();
    double[] lo = SIG.clone();
    for (int i = 0; i < SIG.length; i++) {
      hi[i] = SIG[i] * (1 + 0.04 * (i - 2.5));
      lo[i] = SIG[i] * (1 - 0.03 * (i - 2.5));
    }
    Sample s = Sample.signal("signal", SIG).withModifiers(List.of(Modifier.lognormal("flux", 0.10),
        Modifier.histosys("quenching", SIG, hi, lo))).withStatErrors(scaled(SIG, 0.02));
    if (physics) {
      s = s.withPhysics(weakChargeShape(0.2387));
    }
    double[] tilt = BKG.clone();
    for (int i = 0; i < tilt.length; i++) {
      tilt[i] = BKG[i] * (1 + 0.05 * (i - 2.5));
    }
    Sample b = Sample.background("steady", BKG, "steady")
        .withModifiers(List.of(Modifier.histosys("steady_tilt", BKG, tilt, BKG.clone())))
        .withStatErrors(scaled(BKG, 0.03));
    Sample off = Sample.background("steady", scaled(BKG, 2.0), "steady");
    List<PhysicsParameter> phys = physics ? List.of(PhysicsParameter.free("sin2_theta_w", 0.2387, 0.1, 0.4))
        : List.of();
    return BinnedModel.of(List.of(Channel.of("on", s, b), Channel.of("off", off)),
        List.of(NormParameter.free("steady")), phys);
  }

  static double[] scaled(double[] a, double f) {
    double[] o = a.clone();
    for (int i = 0; i < o.length; i++) {
      o[i] *= f;
    }
    return o;
  }

  @Test
  void interpolationIsPyhfCodes() {
    BinnedModel m = model(false);
    double[] p = m.nominalParameters(1.0);
    int flux = m.parameterIndex("flux");
    int q = m.parameterIndex("quenching");
    p[flux] = 1.5;
    assertEquals(SIG[0] * Math.pow(1.1, 1.5), m.expected(p)[0] - BKG[0], 1e-9); // code 4, α > 1: κ_hi^α
    p[flux] = -2;
    assertEquals(SIG[0] * Math.pow(1 / 1.1, 2), m.expected(p)[0] - BKG[0], 1e-9); // code 4, α < −1: κ_lo^(−α)
    p[flux] = 0;
    p[q] = -1.5;
    // code 4p, α < −1: + α (nominal − lo); lo = SIG (1 − 0.03 (i − 2.5))
    assertEquals(SIG[5] - 1.5 * SIG[5] * 0.03 * 2.5, m.expected(p)[5] - BKG[5], 1e-9);
    p[q] = -0.5;
    // code 4p, |α| < 1: α (S + α A (15 − 10 α² + 3 α⁴)), S = (δ⁺ + δ⁻)/2, A = (δ⁺ − δ⁻)/16 (pyhf code4p)
    double up = SIG[5] * 0.04 * 2.5;
    double dn = SIG[5] * 0.03 * 2.5;
    double a = -0.5;
    double delta = a * ((up + dn) / 2 + a * (up - dn) / 16 * (15 - 10 * a * a + 3 * a * a * a * a));
    assertEquals(SIG[5] + delta, m.expected(p)[5] - BKG[5], 1e-9);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    BinnedModel m = model(true);
    double[] p = m.nominalParameters(1.1);
    p[m.parameterIndex("flux")] = 0.3;
    p[m.parameterIndex("quenching")] = -0.4;
    p[m.parameterIndex("steady_tilt")] = 0.2;
    p[m.parameterIndex("sin2_theta_w")] = 0.25;
    double[] n = {60, 95, 70, 62, 44, 35, 61, 58, 63, 60, 59, 62};
    PoissonLikelihood l = PoissonLikelihood.of(m, Observations.of(m, n));
    double[] g = l.gradient(p);
    for (int k = 0; k < p.length; k++) {
      double h = 1e-6;
      double[] a = p.clone();
      double[] b = p.clone();
      a[k] += h;
      b[k] -= h;
      double fd = (l.deviance(a) - l.deviance(b)) / (2 * h);
      assertEquals(fd, g[k], 1e-4 * Math.max(1, Math.abs(fd)), m.parameterNames().get(k));
    }
  }

  @Test
  void barlowBeestonLiteProfilesGammaExactly() {
    // the analytic γ̂ minimises 2[γν − n + n ln(n/(γν))] + ((γ − 1)/δ)² for a grid of cases
    double[][] cases = {{10, 14, 0.05}, {100, 80, 0.02}, {3, 0, 0.3}, {50, 50, 0.1}, {0.5, 4, 0.5}};
    for (double[] c : cases) {
      double g = BarlowBeeston.gammaHat(c[0], c[1], c[2] * c[2], 1.0);
      double best = Double.POSITIVE_INFINITY;
      double arg = 0;
      for (int i = 1; i < 400_000; i++) {
        double x = i * 1e-5;
        double v = PoissonLikelihood.binDeviance(x * c[0], c[1]) + (x - 1) * (x - 1) / (c[2] * c[2]);
        if (v < best) {
          best = v;
          arg = x;
        }
      }
      assertEquals(arg, g, 2e-5, java.util.Arrays.toString(c));
    }
  }

  @Test
  void asimovReturnsInjectedPoisToOnePermille() {
    BinnedModel m0 = model(false);
    double[] t0 = m0.nominalParameters(1.2);
    t0[m0.parameterIndex("steady")] = 1.1;
    FitResult r0 = ProfileLikelihood.of(m0, Asimov.dataset(m0, t0)).bestFit();
    assertEquals(1.2, r0.mu(), 1.2e-3);
    assertEquals(1.1, r0.value("steady"), 1.1e-3);
    assertEquals(0.0, r0.value("flux"), 1e-3);
    BinnedModel m = model(true);
    double[] truth = m.nominalParameters(1.0);
    truth[m.parameterIndex("sin2_theta_w")] = 0.23;
    Observations asimov = Asimov.dataset(m, truth);
    FitResult r = ProfileLikelihood.of(m, asimov, FitOptions.unboundedMu(), "sin2_theta_w").bestFit();
    assertEquals(1.0, r.mu(), 0); // held: the weak charge sets the rate
    assertEquals(0.23, r.value("sin2_theta_w"), 0.23e-3);
    assertEquals(0.0, r.value("flux"), 1e-3);
    assertEquals(1.0, r.value("steady"), 1e-3);
  }

  @Test
  void profileCurveIsSmoothAndParabolicNearTheMinimum() {
    BinnedModel m = model(true);
    ProfileLikelihood pl = ProfileLikelihood.of(m, Asimov.dataset(m, 1.0), FitOptions.unboundedMu(),
        "sin2_theta_w");
    Interval i = pl.interval68();
    double[] xs = new double[21];
    for (int k = 0; k < xs.length; k++) {
      xs[k] = i.lower() + (i.upper() - i.lower()) * k / 20.0;
    }
    List<ScanPoint> scan = pl.scan(xs);
    // second differences of a smooth curve are all of one sign near its minimum and small
    for (int k = 1; k < scan.size() - 1; k++) {
      double d2 = scan.get(k + 1).q() - 2 * scan.get(k).q() + scan.get(k - 1).q();
      assertTrue(d2 > 0 && d2 < 0.05, "second difference at " + k + ": " + d2);
    }
    assertEquals(1.0, scan.get(0).q(), 2e-3);
    assertEquals(1.0, scan.get(20).q(), 2e-3);
  }

  @Test
  void nuisancesWidenTheInterval() {
    BinnedModel m = model(false);
    double wSyst = ProfileLikelihood.of(m, Asimov.dataset(m, 1.0)).interval68().halfWidth();
    BinnedModel plain = BinnedModel.of(List.of(Channel.of("on", Sample.signal("signal", SIG),
        Sample.background("steady", BKG, "steady")), Channel.of("off", Sample.background("steady", scaled(BKG, 2),
        "steady"))), List.of(NormParameter.free("steady")));
    double wStat = ProfileLikelihood.of(plain, Asimov.dataset(plain, 1.0)).interval68().halfWidth();
    assertTrue(wSyst > wStat * 1.05, wSyst + " vs " + wStat);
    // the 10 % log-normal flux prior adds roughly in quadrature
    assertTrue(wSyst < Math.sqrt(wStat * wStat + 0.11 * 0.11 + 0.02), wSyst + " vs " + wStat);
  }

  /**
   * Coverage with nuisances: 68.27 % intervals of μ and of sin²θ_W from 500 toys each (unconditional ensemble,
   * global observables fluctuated) cover 68.27 % ± 5 %. With 500 toys the binomial σ is 2.1 %, so ± 5 % is a
   * 2.4σ band (false-failure rate ≈ 1.7 % per parameter for an exact method); seeds fixed.
   */
  @Test
  @Tag("slow")
  void coverageWithNuisances() {
    for (String poi : new String[] {"mu", "sin2_theta_w"}) {
      BinnedModel m = model(!poi.equals("mu"));
      double[] truth = m.nominalParameters(1.0);
      UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261203L + poi.length());
      int covered = 0;
      int n = 500;
      int k = m.parameterIndex(poi);
      for (int t = 0; t < n; t++) {
        Observations toy = ToyGenerator.generate(m, truth, rng);
        Interval i = ProfileLikelihood.of(m, toy, FitOptions.unboundedMu(), poi).interval68();
        if (i.lower() <= truth[k] && truth[k] <= i.upper()) {
          covered++;
        }
      }
      double f = covered / (double) n;
      assertEquals(ProfileLikelihood.CL_68, f, 0.05, poi + " coverage " + f);
    }
  }
}
