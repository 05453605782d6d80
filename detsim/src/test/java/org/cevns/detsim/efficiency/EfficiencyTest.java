package org.cevns.detsim.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.cevns.detsim.response.Observation;
import org.junit.jupiter.api.Test;

class EfficiencyTest {
  private static final double NO_PE = Double.NaN;

  @Test
  void hardThreshold() {
    HardThreshold t = HardThreshold.keVee(0.18);
    assertEquals(0.0, t.probability(0.1799, NO_PE));
    assertEquals(1.0, t.probability(0.18, NO_PE));
    HardThreshold pe = HardThreshold.of(EfficiencyVariable.PHOTOELECTRONS, 5);
    assertEquals(1.0, pe.probability(-3, 5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pe.probability(1, NO_PE));
    assertTrue(e.getMessage().startsWith("photoelectrons must be a number"), e.getMessage());
  }

  @Test
  void erfCurve() {
    ErfEfficiency e = ErfEfficiency.of(EfficiencyVariable.ENERGY_KEVEE, 1.0, 0.3, 0.9);
    assertEquals(0.45, e.probability(1.0, NO_PE), 1e-15);
    // Φ(1) = 0.8413447460685429 (standard normal CDF)
    assertEquals(0.9 * 0.8413447460685429, e.probability(1.3, NO_PE), 1e-14);
    assertEquals(0.9 * (1 - 0.8413447460685429), e.probability(0.7, NO_PE), 1e-14);
    assertThrows(IllegalArgumentException.class, () -> ErfEfficiency.of(EfficiencyVariable.PHOTOELECTRONS, 1, 0, 1));
  }

  @Test
  void coherentLogisticWithClipping() {
    LogisticEfficiency l = LogisticEfficiency.coherentCsI2021();
    // Hand evaluation of a/(1+exp(−b(x−c))) + d:
    assertEquals(1.32045 / 2 - 0.333322, l.probability(0, 10.8646), 1e-15);
    assertEquals(1.32045 / (1 + Math.exp(-0.285979 * (20 - 10.8646))) - 0.333322, l.probability(0, 20), 1e-15);
    // The raw curve is negative below x = c − ln(a/(−d) − 1)/b = 7.06816 PE: clipped to 0.
    assertEquals(0.0, l.probability(0, 0));
    assertEquals(0.0, l.probability(0, 7.0));
    assertTrue(l.probability(0, 7.1) > 0);
    // Clipping at 1 with a > 1 + |d|.
    LogisticEfficiency big = LogisticEfficiency.of(EfficiencyVariable.ENERGY_KEVEE, 2, 1, 0, 0);
    assertEquals(1.0, big.probability(10, NO_PE));
  }

  @Test
  void tabulatedInterpolationAndEnds() {
    TabulatedEfficiency t = TabulatedEfficiency.of(
        EfficiencyVariable.ENERGY_KEVEE, new double[] {0.2, 0.4, 1.0}, new double[] {0.0, 0.5, 0.95});
    assertEquals(0.0, t.probability(0.1, NO_PE));
    assertEquals(0.25, t.probability(0.3, NO_PE), 1e-15);
    assertEquals(0.725, t.probability(0.7, NO_PE), 1e-15);
    assertEquals(0.95, t.probability(5.0, NO_PE));
    assertThrows(IllegalArgumentException.class, () -> TabulatedEfficiency.of(
        EfficiencyVariable.ENERGY_KEVEE, new double[] {0.2, 0.4}, new double[] {0.0, 1.5}));
  }

  @Test
  void productAndDeadTime() {
    DeadTime dt = DeadTime.nonParalysable(1000.0, 1.0e5); // nτ = 0.1
    assertEquals(0.1 / 1.1, dt.deadFraction(), 1e-15);
    assertEquals(1 / 1.1, dt.liveFraction(), 1e-15);
    ProductEfficiency p = ProductEfficiency.of(HardThreshold.keVee(1.0),
        ErfEfficiency.of(EfficiencyVariable.ENERGY_KEVEE, 1.0, 0.3, 0.9), dt);
    assertEquals(0.45 / 1.1, p.probability(1.0, NO_PE), 1e-15);
    assertEquals(0.0, p.probability(0.99, NO_PE));
    assertThrows(IllegalArgumentException.class, () -> DeadTime.ofFraction(1.0));
  }

  /**
   * Accept/reject with a fixed seed, then compare the accepted counts in 20 bins with the sum of the curve over
   * the drawn points: χ² = Σ (k − Σp)² / Σ p(1−p) follows χ²(20) for a correct sampler. Reject at p &lt; 1e-3
   * (false-failure rate 0.1 % for a random seed; deterministic here).
   */
  private static double acceptanceChiSquarePValue(Efficiency eff, boolean inPe, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int bins = 20;
    double lo = 0;
    double hi = inPe ? 30 : 3.0;
    double[] sumP = new double[bins];
    double[] sumVar = new double[bins];
    long[] kept = new long[bins];
    for (int i = 0; i < 200_000; i++) {
      double x = lo + (hi - lo) * rng.nextDouble();
      Observation o = inPe ? new Observation(x / 13.35, x) : Observation.ofEnergy(x);
      double p = eff.probability(o);
      int b = (int) ((x - lo) / (hi - lo) * bins);
      sumP[b] += p;
      sumVar[b] += p * (1 - p);
      if (eff.accept(o, rng)) {
        kept[b]++;
      }
    }
    double chi2 = 0;
    int dof = 0;
    for (int b = 0; b < bins; b++) {
      if (sumVar[b] > 0) {
        chi2 += (kept[b] - sumP[b]) * (kept[b] - sumP[b]) / sumVar[b];
        dof++;
      } else {
        assertEquals(sumP[b], kept[b], 0.0); // p ∈ {0, 1} everywhere in this bin
      }
    }
    return ChiSquaredDistribution.of(dof).survivalProbability(chi2);
  }

  @Test
  void efficiencyRecoveredFromSamples() {
    assertTrue(acceptanceChiSquarePValue(ErfEfficiency.of(EfficiencyVariable.ENERGY_KEVEE, 1.0, 0.3, 0.9),
        false, 201) > 1e-3);
    assertTrue(acceptanceChiSquarePValue(LogisticEfficiency.coherentCsI2021(), true, 202) > 1e-3);
    assertTrue(acceptanceChiSquarePValue(TabulatedEfficiency.of(EfficiencyVariable.ENERGY_KEVEE,
        new double[] {0.2, 0.4, 1.0}, new double[] {0.0, 0.5, 0.95}), false, 203) > 1e-3);
    // Power: accepting with a curve shifted by 0.05 keVee but scoring against the true one fails.
    Efficiency shifted = ErfEfficiency.of(EfficiencyVariable.ENERGY_KEVEE, 1.05, 0.3, 0.9);
    Efficiency scoredAgainstTrue = new Efficiency() {
      private final Efficiency truth = ErfEfficiency.of(EfficiencyVariable.ENERGY_KEVEE, 1.0, 0.3, 0.9);

      @Override
      public double probability(double e, double pe) {
        return truth.probability(e, pe);
      }

      @Override
      public boolean accept(Observation o, UniformRandomProvider rng) {
        return rng.nextDouble() < shifted.probability(o);
      }
    };
    assertTrue(acceptanceChiSquarePValue(scoredAgainstTrue, false, 204) < 1e-3);
  }
}
