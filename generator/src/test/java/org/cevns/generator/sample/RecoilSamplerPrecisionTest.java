package org.cevns.generator.sample;

import static org.cevns.generator.sample.SamplerFixtures.ENERGY_NODES;
import static org.cevns.generator.sample.SamplerFixtures.KEV;
import static org.cevns.generator.sample.SamplerFixtures.RECOIL_NODES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.RecoilCrossSection;
import org.junit.jupiter.api.Test;
import org.cevns.events.run.RandomStreams;

/**
 * Deterministic table precision with the default 512 × 256 nodes: the model CDFs (which the sampler draws from
 * exactly, {@link RecoilSamplerModelTest}) against exact CDFs from independent integration. Measured maxima
 * over these channels: E marginal 8.6e-9, T | E at a node 3.6e-8 (float storage), T | E mid-cell 9.3e-7 (linear
 * interpolation between rows); required: 1e-7, 2e-7 and 3e-6.
 */
class RecoilSamplerPrecisionTest {
  private static void assertTablePrecision(EnergySpectrum sp, RecoilCrossSection xs, double lo, double hi) {
    RecoilSampler s = RecoilSampler.of(sp, xs, ENERGY_NODES, RECOIL_NODES, lo, hi);
    RecoilCrossSection envelope = new EnvelopeOnly(xs); // the tables hold the envelope
    double[] nodes = s.energyNodesMeV();
    DoubleUnaryOperator energyCdf = new ExactIntegrals(sp, envelope, lo, hi, new double[0]).energyCdf(400);
    double maxE = 0.0;
    for (int i = 0; i <= 5000; i++) {
      double e = nodes[0] + (nodes[nodes.length - 1] - nodes[0]) * i / 5000.0;
      maxE = Math.max(maxE, Math.abs(s.modelEnergyCdf(e) - energyCdf.applyAsDouble(e)));
    }
    assertTrue(maxE < 1e-7, "E marginal table error " + maxE);
    double maxNode = 0.0;
    double maxMid = 0.0;
    for (int j = 1; j + 1 < nodes.length; j += 51) {
      for (int side = 0; side < 2; side++) {
        double e = side == 0 ? nodes[j] : 0.5 * (nodes[j] + nodes[j + 1]);
        double top = Math.min(hi, xs.maxRecoilMeV(e));
        if (!(top > lo)) {
          continue;
        }
        DoubleUnaryOperator exact = new ExactIntegrals(TestSpectra.line(e), envelope, lo, hi, new double[0])
            .recoilCdf(Double.NaN, Double.NaN, 3000);
        for (int i = 0; i <= 1000; i++) {
          double t = lo + (top - lo) * i / 1000.0;
          double d = Math.abs(s.modelRecoilCdf(e, t) - exact.applyAsDouble(t));
          if (side == 0) {
            maxNode = Math.max(maxNode, d);
          } else {
            maxMid = Math.max(maxMid, d);
          }
        }
      }
    }
    assertTrue(maxNode < 2e-7, "T | E table error at nodes " + maxNode);
    assertTrue(maxMid < 3e-6, "T | E table error mid-cell " + maxMid);
  }

  @Test
  void michelCevns() {
    assertTablePrecision(TestSpectra.michel(), CevnsLikeXs.cesium(true), 0.0, Double.POSITIVE_INFINITY);
  }

  @Test
  void michelCevnsWindow() {
    assertTablePrecision(TestSpectra.michel(), CevnsLikeXs.cesium(true), 5 * KEV, 30 * KEV);
  }

  @Test
  void reactorLikeWithThresholdAndEves() {
    assertTablePrecision(TestSpectra.stepped(), CevnsLikeXs.cesium(true), 0.3 * KEV, Double.POSITIVE_INFINITY);
    assertTablePrecision(TestSpectra.stepped(), new EvesLikeXs(), 0.5 * KEV, 20 * KEV);
  }

  @Test
  void fluxAverageAndAcceptanceEfficiency() {
    EvesLikeXs xs = new EvesLikeXs();
    EnergySpectrum michel = TestSpectra.michel();
    RecoilSampler s = RecoilSampler.of(michel, xs, ENERGY_NODES, RECOIL_NODES);
    double exact = new ExactIntegrals(michel, xs, 0.0, Double.POSITIVE_INFINITY, SamplerFixtures.evesSteps())
        .energyThenRecoil();
    assertEquals(1.0, s.fluxAveragedXsCm2() / exact, 1e-4);
    double envelope = new ExactIntegrals(michel, new EnvelopeOnly(xs), 0.0, Double.POSITIVE_INFINITY,
        new double[0]).energyThenRecoil();
    assertEquals(exact / envelope, s.acceptanceEfficiency(), 1e-6);
    assertTrue(s.acceptanceEfficiency() < 1.0);
    double window = s.fluxAveragedXsCm2(1 * KEV, 10 * KEV);
    assertEquals(FluxAveragedXs.inWindowCm2(michel, xs, 1 * KEV, 10 * KEV), window);
    RecoilSampler smooth = RecoilSampler.of(michel, CevnsLikeXs.cesium(true), ENERGY_NODES, RECOIL_NODES);
    assertEquals(1.0, smooth.acceptanceEfficiency());
  }

  @Test
  void emptyWindowGivesZeroCrossSectionAndRefusesToSample() {
    CevnsLikeXs xs = CevnsLikeXs.cesium(true);
    RecoilSampler s = RecoilSampler.of(TestSpectra.michel(), xs, ENERGY_NODES, RECOIL_NODES, 1.0, 2.0);
    assertTrue(s.isEmpty());
    assertEquals(0.0, s.fluxAveragedXsCm2());
    UniformRandomProvider rng = RandomStreams.create(1, 0);
    assertThrows(IllegalStateException.class, () -> s.sample(rng, new double[2]));
    RecoilSampler line = RecoilSampler.of(TestSpectra.line(5.0), xs, ENERGY_NODES, RECOIL_NODES, 1 * KEV,
        Double.POSITIVE_INFINITY);
    assertTrue(line.isEmpty());
  }

  @Test
  void rejectsInvalidArguments() {
    EnergySpectrum michel = TestSpectra.michel();
    CevnsLikeXs xs = CevnsLikeXs.cesium(true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RecoilSampler.of(michel, xs, 1, 256));
    assertEquals("energyNodes must be in [2, 65536], got 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> RecoilSampler.of(michel, xs, 512, 70000));
    assertEquals("recoilNodes must be in [2, 65536], got 70000", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RecoilSampler.of(michel, xs, 512, 256, Double.NaN, 1.0));
    assertTrue(e.getMessage().startsWith("minRecoilMeV must be finite and >= 0, got NaN"));
    assertThrows(NullPointerException.class, () -> RecoilSampler.of(null, xs, 512, 256));
    RecoilSampler s = RecoilSampler.of(michel, xs, 16, 8);
    UniformRandomProvider rng = RandomStreams.create(1, 0);
    e = assertThrows(IllegalArgumentException.class, () -> s.sample(rng, 5, new double[4], new double[8], 0));
    assertTrue(e.getMessage().contains("count 5 at offset 0"));
    assertThrows(IllegalArgumentException.class, () -> s.sample(rng, new double[1]));
  }
}
