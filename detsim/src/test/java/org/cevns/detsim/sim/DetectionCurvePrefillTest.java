package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.cevns.detsim.detector.DetectionStage;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.detsim.efficiency.EfficiencyVariable;
import org.cevns.detsim.efficiency.HardThreshold;
import org.cevns.detsim.quench.ConstantQuenching;
import org.cevns.detsim.quench.QuenchingByNucleus;
import org.cevns.detsim.response.IdealResponse;
import org.cevns.detsim.response.LightYieldResponse;
import org.junit.jupiter.api.Test;

/**
 * The grid cells of {@link DetectionCurve#cellsOf}, found per channel and merged with {@link BitSet#or} (as {@link
 * ExpectedDetected} does on all cores), prefill the nodes that {@link DetectionCurve#probability} then reads: after
 * the prefill it computes no node of its own, and its values are those of a curve computing every node on first use,
 * bit for bit (refrates, thirtieth session).
 */
class DetectionCurvePrefillTest {
  private static DetectorResponse csi() {
    return DetectorResponse.of(QuenchingByNucleus.single(55, ConstantQuenching.unquenched()), 55,
        LightYieldResponse.coherentCsI2021(),
        List.of(new DetectionStage("threshold", HardThreshold.of(EfficiencyVariable.PHOTOELECTRONS, 12))));
  }

  @Test
  void mergedCellsPrefillTheNodesProbabilityReads() {
    double[][] channels = new double[3][];
    for (int c = 0; c < channels.length; c++) {
      channels[c] = new double[400];
      for (int j = 0; j < channels[c].length; j++) {
        // ln-uniform over 1e-5 .. 1e4 keVee (past both ends of the grid), a NaN (g = 0) now and then
        channels[c][j] = j % 37 == 5 ? Double.NaN : Math.pow(10, -5 + 9.0 * j / 399 + 0.013 * c);
      }
    }
    DetectionCurve prefilled = new DetectionCurve(csi());
    BitSet merged = new BitSet();
    for (double[] v : channels) {
      merged.or(prefilled.cellsOf(v));
    }
    DetectionCurve.Prefill fill = prefilled.prefillOf(merged);
    List<Runnable> tasks = fill.tasks();
    assertTrue(tasks.size() > 10, "tasks: " + tasks.size());
    tasks.forEach(Runnable::run);
    fill.commit();
    assertTrue(prefilled.prefillOf(merged).tasks().isEmpty(), "every node of the cells computed");
    DetectionCurve fresh = new DetectionCurve(csi());
    for (double[] v : channels) {
      for (double x : v) {
        if (Double.isNaN(x)) {
          continue; // g = 0 there: the fractions never read P
        }
        assertEquals(Double.doubleToRawLongBits(fresh.probability(x)), Double.doubleToRawLongBits(
            prefilled.probability(x)), "E_vis " + x);
      }
      assertTrue(prefilled.prefillOf(prefilled.cellsOf(v)).tasks().isEmpty(), "no node left to compute");
    }
  }

  @Test
  void noCellsWithoutMemo() {
    DetectorResponse ideal = DetectorResponse.of(QuenchingByNucleus.single(54, ConstantQuenching.unquenched()), 54,
        IdealResponse.of(), List.of(new DetectionStage("threshold", HardThreshold.keVee(1.0))));
    DetectionCurve c = new DetectionCurve(ideal);
    assertTrue(c.cellsOf(new double[] {0.5, 2.0}).isEmpty());
    assertTrue(c.prefillOf(BitSet.valueOf(new long[] {7})).tasks().isEmpty());
  }
}
