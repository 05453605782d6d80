package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.Units;
import org.cevns.physics.nucleus.ShellBinding;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.source.MswLmaSurvival;
import org.cevns.physics.source.Solar8BSource;
import org.cevns.physics.source.SolarSource;
import org.cevns.physics.source.SourceComponent;
import org.cevns.physics.source.TabulatedSpectrum;
import org.cevns.physics.xs.EvesCrossSection;
import org.cevns.physics.xs.GaussLegendre;
import org.cevns.physics.xs.RecoilCrossSection;
import org.cevns.physics.xs.bsm.Mediator;
import org.cevns.physics.xs.bsm.NewPhysics;
import org.cevns.physics.xs.bsm.NewPhysicsEves;
import org.junit.jupiter.api.Test;

/**
 * The EvES recoil spectrum g(T) of a tabulated spectrum from its running moments ({@link SpectrumMoments},
 * {@link RecoilTable#densityOf(EnergySpectrum, RecoilCrossSection)}) against an independent adaptive quadrature of
 * ∫ φ(E) dσ/dT(E, T) dE: adaptive
 * 16-point Gauss–Legendre on every knot segment of the spectrum above E_min(T) (where the integrand is smooth), of the
 * cross section's own {@code xsCm2PerMeV} (not its 1/E coefficients) and the spectrum's own {@code densityPerMeV},
 * halved until 1e-14 relative.
 * Spectra: the oscillated ⁸B ν_e and ν_μ (Winter et al. 2006, ~800 knots, P_ee on the knots) and the pp, ¹³N, ¹⁵O,
 * ¹⁷F ν_e of the solar source (knots from E = 0, where M₋₁ and M₋₂ have no finite value from the first knot), on
 * xenon with stepping; ν̄_e on a small table (g_L &lt; g_R: the bracket's (1 − T/E)² terms dominate and cancel most near
 * the end point), with and without stepping. Recoils: 1 eV above and below every binding energy (g steps there),
 * across the decades, and at (1 − 10⁻³) and (1 − 10⁻⁶) of the kinematic end point. Tolerance 1e-10 relative. Measured
 * (2026-12-07): |moments/reference − 1| ≤ 2.1e-14 at every recoil but two, 2.8e-11 at 10⁻⁶ below the end point of the
 * small table, whose density falls to 0 at E_max: g there is ~(E_max − E_min(T))², tiny, and both sides
 * form φ(E) = φ(E_i) + slope·(E − E_i) from the segment's left knot, which loses ~6 digits where φ(E) ~ 1e-6 φ(E_i)
 * (the spectrum's own rounding, not the moments'). 1e-10 leaves room for that; a wrong or missing term of the
 * expansion would show at the size of that term.
 */
class EvesMomentsDensityTest {
  private static final int XENON = 54;
  private static final double TOLERANCE = 1e-10;

  @Test
  void momentsMatchAdaptiveQuadratureOnSolarSpectra() {
    List<SourceComponent> components = new ArrayList<>(Solar8BSource.of("b8", 1e9).components());
    for (SourceComponent c : SolarSource.of("sun", SolarSource.b16Gs98Fluxes(), 1e9, MswLmaSurvival.pdgB8())
        .components()) {
      if (!c.spectrum().isLine() && c.flavor() == Flavor.NUE) {
        components.add(c);
      }
    }
    int checked = 0;
    for (SourceComponent c : components) {
      EvesCrossSection xs = EvesCrossSection.of(XENON, c.flavor(), 0.23857, true);
      checked += check(c.spectrum(), xs);
    }
    assertTrue(checked > 100, "recoils checked: " + checked);
  }

  @Test
  void antineutrinoOnSmallTable() {
    TabulatedSpectrum s = TabulatedSpectrum.of(new double[] {0.5, 1.0, 2.0, 3.5, 6.0, 8.0},
        new double[] {0.2, 1.0, 0.7, 0.9, 0.3, 0.0});
    check(s, EvesCrossSection.of(XENON, Flavor.NUEBAR, 0.23857, true));
    check(s, EvesCrossSection.of(XENON, Flavor.NUMUBAR, 0.23857, false));
  }

  /**
   * New physics on the oscillated ⁸B spectra: every term is a polynomial in 1/E at fixed T (its coefficients found
   * from three values of the cross section), with a magnetic moment (1/T − 1/E), diagonal and flavour-changing NSI,
   * a millicharge and light vector and scalar mediators (in Q² = 2 m_e T only), scalar, tensor and pseudoscalar NGI
   * (the (2 − y)², y(1 − y/2), y² terms), above the recoil floor of 10 eV.
   */
  @Test
  void newPhysicsOnB8() {
    NewPhysics np = new NewPhysics(NewPhysics.NONE.nsiU(), NewPhysics.NONE.nsiD(), NewPhysics.NONE.nsiE(),
        NewPhysics.NONE.magneticMomentMuB(), NewPhysics.NONE.millichargeE(), NewPhysics.NONE.chargeRadiusCm2(),
        List.of(new Mediator(Mediator.Type.VECTOR, 0.3, 2e-6, 0, 0, 2e-6),
            new Mediator(Mediator.Type.SCALAR, 0.05, 1e-6, 0, 0, 1e-6)), Optional.empty(), NewPhysics.NONE.ngi())
        .with("magnetic_moment_mub.all", 3e-11).with("nsi.e.ee", 0.2).with("nsi.e.emu", 0.1)
        .with("millicharge_e.nue", 1e-13).with("ngi.scalar.nue.e", 0.3).with("ngi.tensor.nue.e", 0.2)
        .with("ngi.tensor.numu.e", 0.1).with("ngi.pseudoscalar.nue.e", 0.4);
    for (SourceComponent c : Solar8BSource.of("b8", 1e9).components()) {
      EvesCrossSection sm = EvesCrossSection.of(XENON, c.flavor(), 0.23857, true);
      check(c.spectrum(), NewPhysicsEves.of(sm, c.flavor(), np, 1e-5));
    }
  }

  @Test
  void momentsOnlyForTabulatedSpectra() {
    assertNotNull(EvesCrossSection.of(XENON, Flavor.NUE, 0.23857, true).inverseEnergyCoefficients(0.01));
    EnergySpectrum line = SolarSource.of("sun", SolarSource.b16Gs98Fluxes(), 1e9, null).components().stream()
        .map(SourceComponent::spectrum).filter(EnergySpectrum::isLine).findFirst().orElseThrow();
    assertNull(SpectrumMoments.of(line));
  }

  /** Checks g(T) at the recoils of the class comment; returns how many had g &gt; 0. */
  private static int check(EnergySpectrum s, RecoilCrossSection xs) {
    double tMax = xs.maxRecoilMeV(s.maxEnergyMeV());
    List<Double> recoils = new ArrayList<>();
    for (double bKeV : ShellBinding.of(XENON).bindingEnergiesKeV()) {
      double bMeV = bKeV / Units.KEV_PER_MEV;
      recoils.add(bMeV - 1e-6);
      recoils.add(bMeV + 1e-6);
    }
    for (double t = 1e-4; t < tMax; t *= 3.7) {
      recoils.add(t);
    }
    recoils.add(tMax * (1 - 1e-3));
    recoils.add(tMax * (1 - 1e-6));
    int positive = 0;
    DoubleUnaryOperator g = RecoilTable.densityOf(s, xs);
    for (double t : recoils) {
      if (!(t > 0 && t < tMax)) {
        continue;
      }
      double exact = g.applyAsDouble(t);
      double reference = adaptive(s, xs, t);
      assertEquals(reference, exact, TOLERANCE * Math.abs(reference), () -> xs + " " + s + " T=" + t + " MeV");
      if (reference > 0) {
        positive++;
      }
    }
    return positive;
  }

  /**
   * ∫ φ(E) dσ/dT(E, T) dE over the knot segments above E_min(T), adaptive 16-point Gauss–Legendre on each (an open
   * rule: dσ/dT at E_min(T) itself may round to 0, which a closed rule's end point would carry into the sum).
   */
  private static double adaptive(EnergySpectrum s, RecoilCrossSection xs, double t) {
    double lo = Math.max(s.minEnergyMeV(), xs.minEnergyMeV(t));
    double[] knots = ((TabulatedSpectrum) s).knotEnergiesMeV();
    DoubleUnaryOperator f = e -> s.densityPerMeV(e) * xs.xsCm2PerMeV(e, t);
    double sum = 0;
    for (int i = 0; i + 1 < knots.length; i++) {
      double a = Math.max(lo, knots[i]);
      double b = knots[i + 1];
      if (b > a) {
        sum += adaptive(f, a, b, rule(f, a, b), 12);
      }
    }
    return sum;
  }

  /** Splits [a, b] in halves until the halves' sum agrees with {@code whole} to 1e-14 relative (at most 12 halvings). */
  private static double adaptive(DoubleUnaryOperator f, double a, double b, double whole, int depth) {
    double m = 0.5 * (a + b);
    double left = rule(f, a, m);
    double right = rule(f, m, b);
    if (depth <= 0 || Math.abs(left + right - whole) <= 1e-14 * Math.abs(whole)) {
      return left + right;
    }
    return adaptive(f, a, m, left, depth - 1) + adaptive(f, m, b, right, depth - 1);
  }

  private static double rule(DoubleUnaryOperator f, double a, double b) {
    double half = 0.5 * (b - a);
    double mid = 0.5 * (a + b);
    double sum = 0;
    for (int i = 0; i < GaussLegendre.POINTS; i++) {
      sum += GaussLegendre.weight(i) * f.applyAsDouble(mid + half * GaussLegendre.node(i));
    }
    return half * sum;
  }
}
