package org.cevns.physics.xs.bsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.xs.EvesCrossSection;
import org.cevns.physics.xs.RecoilCrossSection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12 (`rates` of the solar EvES configs): {@link EvesCrossSection#atRecoilMeV} and
 * {@link NewPhysicsEves#atRecoilMeV} find Z_eff(T) once per recoil instead of at every neutrino energy of a g(T)
 * integral, and return the same doubles as {@code xsCm2PerMeV}, bit for bit (compared as raw bits). Also the contract
 * detsim's RecoilTable relies on to skip a node: where the acceptance (Z_eff/Z) is 0, dσ/dT is 0 at every energy.
 * Recoils are drawn log-uniformly over 10 decades below 20 MeV (below the lowest shell binding energy, between
 * shells and above T_max), energies uniformly over 0.1-20 MeV, and exactly at each shell's binding energy.
 */
class EvesFixedRecoilTest {
  private static final double S2 = PhysicalConstants.SIN2_THETA_W_LOW_Q;
  private static final double FLOOR_MEV = 1e-5;

  @ParameterizedTest(name = "Z={0} {1} stepping={2} new physics={3}")
  @CsvSource({"54, NUE, true, false", "54, NUMU, true, true", "54, NUEBAR, false, false", "32, NUEBAR, true, true",
      "18, NUTAU, true, false", "55, NUMUBAR, true, true", "11, NUE, true, true"})
  void sameDoublesAsTheCrossSection(int z, Flavor flavor, boolean stepping, boolean newPhysics) {
    EvesCrossSection sm = EvesCrossSection.of(z, flavor, S2, stepping);
    RecoilCrossSection xs = sm;
    if (newPhysics) {
      String f = flavor.name().toLowerCase(java.util.Locale.ROOT).replace("bar", "");
      NewPhysics np = NewPhysics.NONE.with("magnetic_moment_mub." + f, 3e-11);
      xs = NewPhysicsEves.of(sm, flavor, np, FLOOR_MEV);
    }
    SplittableRandom rnd = new SplittableRandom(25);
    int zeroAcceptance = 0;
    for (int i = 0; i < 1500; i++) {
      double t = 20 * Math.pow(10, -10 * rnd.nextDouble());
      zeroAcceptance += check(xs, t, rnd);
    }
    for (int k = 0; k < 200; k++) { // the step points themselves (binding energies from 1 eV to 100 keV)
      double t = 1e-6 * Math.pow(10, 5 * k / 200.0);
      check(xs, t, rnd);
      check(xs, Math.nextUp(t), rnd);
      check(xs, Math.nextDown(t), rnd);
    }
    if (stepping) {
      assertTrue(zeroAcceptance > 50, "recoils below the lowest binding energy drawn: " + zeroAcceptance);
    }
  }

  /** Compares at {@code t} over 20 energies; 1 when the acceptance there is 0. */
  private static int check(RecoilCrossSection xs, double t, SplittableRandom rnd) {
    DoubleUnaryOperator atT = xs.atRecoilMeV(t);
    boolean none = xs.hasAcceptance() && xs.acceptance(t) == 0;
    for (int j = 0; j < 20; j++) {
      double e = 0.1 + 19.9 * rnd.nextDouble();
      double expected = xs.xsCm2PerMeV(e, t);
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(atT.applyAsDouble(e)),
          () -> "T=" + t + " MeV, E=" + e + " MeV: " + expected + " vs " + atT.applyAsDouble(e));
      if (none) {
        assertEquals(0.0, expected, 0.0, "no acceptance at T=" + t + " MeV but dσ/dT ≠ 0 at E=" + e);
      }
    }
    return none ? 1 : 0;
  }
}
