package org.cevns.generator.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.xs.EvesCrossSection;
import org.cevns.physics.xs.RecoilCrossSection;
import org.junit.jupiter.api.Test;

/**
 * The bisection over the scan grid for a non-decreasing acceptance finds the same steps, to the bit, as the
 * full scan (which is what {@link AcceptanceSteps} did for every cross section before).
 */
class AcceptanceStepsTest {
  /** {@code xs} with the monotonicity promise switched on or off. */
  private static RecoilCrossSection promising(RecoilCrossSection xs, boolean nonDecreasing) {
    return new RecoilCrossSection() {
      @Override
      public double maxRecoilMeV(double energyMeV) {
        return xs.maxRecoilMeV(energyMeV);
      }

      @Override
      public double minEnergyMeV(double recoilMeV) {
        return xs.minEnergyMeV(recoilMeV);
      }

      @Override
      public double xsCm2PerMeV(double energyMeV, double recoilMeV) {
        return xs.xsCm2PerMeV(energyMeV, recoilMeV);
      }

      @Override
      public double totalXsCm2(double energyMeV) {
        return xs.totalXsCm2(energyMeV);
      }

      @Override
      public double acceptance(double recoilMeV) {
        return xs.acceptance(recoilMeV);
      }

      @Override
      public boolean hasAcceptance() {
        return xs.hasAcceptance();
      }

      @Override
      public boolean acceptanceNonDecreasing() {
        return nonDecreasing;
      }
    };
  }

  @Test
  void bisectionFindsTheScannedStepsBitForBit() {
    double s2 = PhysicalConstants.SIN2_THETA_W_LOW_Q;
    RecoilCrossSection[] cases = {new EvesLikeXs(), EvesCrossSection.of(54, Flavor.NUE, s2, true),
        EvesCrossSection.of(74, Flavor.NUEBAR, s2, true), EvesCrossSection.of(8, Flavor.NUMU, s2, true)};
    double[][] windows = {{0.0, 1.0}, {0.0, 1e-3}, {2e-6, 0.02}, {1e-5, 1e-5 * 1.0005}, {0.0, 30.0}};
    int nonEmpty = 0;
    for (RecoilCrossSection xs : cases) {
      for (double[] w : windows) {
        double[] scanned = AcceptanceSteps.find(promising(xs, false), w[0], w[1]);
        double[] bisected = AcceptanceSteps.find(promising(xs, true), w[0], w[1]);
        assertArrayEquals(scanned, bisected, xs + " " + w[0] + ".." + w[1]);
        nonEmpty += scanned.length > 0 ? 1 : 0;
      }
    }
    assertEquals(true, nonEmpty >= 12, "most windows hold steps: " + nonEmpty);
  }

  @Test
  void evesPromisesANonDecreasingAcceptance() {
    EvesCrossSection xs = EvesCrossSection.of(54, Flavor.NUE, PhysicalConstants.SIN2_THETA_W_LOW_Q, true);
    assertEquals(true, xs.acceptanceNonDecreasing());
    double previous = 0;
    for (double t = 1e-9; t < 1.0; t *= 1.01) {
      double a = xs.acceptance(t);
      assertEquals(true, a >= previous, "acceptance at " + t);
      previous = a;
    }
  }
}
