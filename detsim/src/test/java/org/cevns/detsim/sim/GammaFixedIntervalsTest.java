package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.cevns.detsim.detector.DetectionStage;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.detsim.efficiency.DeadTime;
import org.cevns.detsim.efficiency.EfficiencyVariable;
import org.cevns.detsim.efficiency.ErfEfficiency;
import org.cevns.detsim.efficiency.HardThreshold;
import org.cevns.detsim.efficiency.LogisticEfficiency;
import org.cevns.detsim.efficiency.TabulatedEfficiency;
import org.cevns.detsim.quench.ConstantQuenching;
import org.cevns.detsim.quench.QuenchingByNucleus;
import org.cevns.detsim.response.LightYieldResponse;
import org.cevns.physics.xs.GaussLegendre;
import org.junit.jupiter.api.Test;

/**
 * {@link GammaFixedIntervals#integrate}: bit for bit {@code GaussLegendre.integrate} of the Gamma integrand written
 * out (every factor evaluated at every point, the integrand of {@link DetectionCurve} before refrates5), over edges
 * made as the curve makes them (lo, the points strictly inside, top) for random means, shapes and ranges, with points
 * that repeat, are negative, or are 0.
 */
class GammaFixedIntervalsTest {
  private static final double YIELD = 13.35;

  private static DetectorResponse response(DetectionStage... stages) {
    return DetectorResponse.of(QuenchingByNucleus.single(55, ConstantQuenching.unquenched()), 55,
        LightYieldResponse.gamma(YIELD, 9.56), List.of(stages));
  }

  private static double[] edges(double lo, double hi, double[] points) {
    double[] out = new double[points.length + 2];
    int n = 0;
    out[n++] = lo;
    for (double b : points) {
      if (b > lo && b < hi) {
        out[n++] = b;
      }
    }
    out[n++] = hi;
    return Arrays.copyOf(out, n);
  }

  private static void check(DetectorResponse r, double[] points, long seed) {
    GammaFixedIntervals fixed = new GammaFixedIntervals(r, YIELD, points, DetectionCurve.GAMMA_PANELS);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int t = 0; t < 3000; t++) {
      double shape = 1 + Math.pow(10, rng.nextDouble(-3, 4));
      double scale = Math.pow(10, rng.nextDouble(-2, 1.5));
      double logNorm = -org.apache.commons.numbers.gamma.LogGamma.value(shape) - shape * Math.log(scale);
      boolean skip = rng.nextBoolean();
      double lo = rng.nextInt(3) == 0 ? 0.0 : rng.nextInt(4) == 0 ? points[rng.nextInt(points.length)]
          : rng.nextDouble(0, 200);
      double top = rng.nextInt(4) == 0 ? points[rng.nextInt(points.length)] : lo + rng.nextDouble(0, 300);
      if (!(top > lo)) {
        continue;
      }
      double[] e = edges(lo, top, points);
      double expected = GaussLegendre.integrate(x -> {
        if (x <= 0) {
          return 0.0;
        }
        double eff = r.detectionProbability(x / YIELD, x);
        if (eff == 0 && skip) {
          return 0.0;
        }
        return Math.exp((shape - 1) * Math.log(x) - x / scale + logNorm) * eff;
      }, e, DetectionCurve.GAMMA_PANELS);
      assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(fixed.integrate(e, shape, scale,
          logNorm, skip)), "edges " + Arrays.toString(e) + " shape " + shape + " scale " + scale);
    }
  }

  @Test
  void sameDoublesAsTheIntegrandAtEveryPoint() {
    DetectorResponse reference = response(
        new DetectionStage("threshold", HardThreshold.of(EfficiencyVariable.PHOTOELECTRONS, 5)),
        new DetectionStage("efficiency", LogisticEfficiency.of(EfficiencyVariable.PHOTOELECTRONS, 1.32045, 0.285979,
            10.8646, -0.333322)),
        new DetectionStage("trigger", ErfEfficiency.of(EfficiencyVariable.ENERGY_KEVEE, 0.5, 0.1, 1.0)),
        new DetectionStage("dead time", DeadTime.ofFraction(0.02)));
    check(reference, new double[] {-94, -10.1, 0, 3.87, 4.0, 5, 5, 6.675, 7.07, 9.35, 10.86, 14.685, 17.85, 31.8,
        115.8}, 1);
    DetectorResponse table = response(new DetectionStage("efficiency", TabulatedEfficiency.of(
        EfficiencyVariable.PHOTOELECTRONS, new double[] {0.5, 2, 2.5, 8, 40}, new double[] {0, 0.3, 0.5, 0.9, 1})));
    check(table, new double[] {0.5, 2, 2.5, 8, 40}, 2);
  }

  @Test
  void manyPointsAreIntegratedDirectly() {
    double[] points = new double[GammaFixedIntervals.MAX_INTERVALS + 1];
    double[] eff = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      points[i] = 1 + i * 0.5;
      eff[i] = (double) i / (points.length - 1);
    }
    check(response(new DetectionStage("efficiency", TabulatedEfficiency.of(EfficiencyVariable.PHOTOELECTRONS, points,
        eff))), points, 3);
  }
}
