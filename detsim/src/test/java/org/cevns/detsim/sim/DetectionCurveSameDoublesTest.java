package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cevns.detsim.detector.DetectionStage;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.detsim.efficiency.DeadTime;
import org.cevns.detsim.efficiency.EfficiencyVariable;
import org.cevns.detsim.efficiency.ErfEfficiency;
import org.cevns.detsim.efficiency.HardThreshold;
import org.cevns.detsim.efficiency.LogisticEfficiency;
import org.cevns.detsim.quench.ConstantQuenching;
import org.cevns.detsim.quench.QuenchingByNucleus;
import org.cevns.detsim.response.EnergyResponse;
import org.cevns.detsim.response.GaussianResponse;
import org.cevns.detsim.response.LightYieldResponse;
import org.junit.jupiter.api.Test;

/**
 * {@link DetectionCurve#exact} skips the density of integration points where the efficiency is 0 and keeps the
 * efficiencies and logarithms of the points between two efficiency points ({@link GammaFixedIntervals}; refrates5): the
 * same doubles as before. Golden: a hash of the bits of {@code exact} at 4,001 energies (10⁻⁴–10⁴ keVee, log-spaced)
 * for responses like the shipped ones (reference.yaml's CsI: Gamma light yield, PE threshold, logistic efficiency,
 * erf trigger in keVee, dead time; its xenon: Gaussian with a keVee threshold; coherent-csi's Gamma light yield and
 * logistic alone), made with the code of main 191bb5c4 (every point's density evaluated) on 2026-12-08.
 */
class DetectionCurveSameDoublesTest {
  private static DetectorResponse response(EnergyResponse e, DetectionStage... stages) {
    return DetectorResponse.of(QuenchingByNucleus.single(55, ConstantQuenching.unquenched()), 55, e, List.of(stages));
  }

  private static long hash(DetectorResponse r) {
    DetectionCurve c = new DetectionCurve(r);
    long h = 1125899906842597L;
    for (int i = 0; i <= 4000; i++) {
      double e = Math.pow(10, -4 + i * 0.002);
      h = 31 * h + Double.doubleToLongBits(c.exact(e));
    }
    return h;
  }

  private static DetectorResponse referenceCsi() {
    return response(LightYieldResponse.gamma(13.35, 9.56),
        new DetectionStage("threshold", HardThreshold.of(EfficiencyVariable.PHOTOELECTRONS, 5)),
        new DetectionStage("efficiency", LogisticEfficiency.of(EfficiencyVariable.PHOTOELECTRONS, 1.32045, 0.285979,
            10.8646, -0.333322)),
        new DetectionStage("trigger", ErfEfficiency.of(EfficiencyVariable.ENERGY_KEVEE, 0.5, 0.1, 1.0)),
        new DetectionStage("dead time", DeadTime.ofFraction(0.02)));
  }

  @Test
  void sameDoublesAsEvaluatingEveryPoint() {
    assertEquals(GOLDEN_REFERENCE_CSI, hash(referenceCsi()), "reference CsI");
    assertEquals(GOLDEN_XENON, hash(response(GaussianResponse.of(0.36, 0, 0),
        new DetectionStage("threshold", HardThreshold.keVee(0.9)))), "Gaussian xenon");
    assertEquals(GOLDEN_COHERENT_CSI, hash(response(LightYieldResponse.coherentCsI2021(),
        new DetectionStage("efficiency", LogisticEfficiency.coherentCsI2021()))), "coherent CsI");
  }

  @Test
  void densityBoundHoldsForTheShippedShapesAndRefusesAbsurdOnes() {
    for (double e = 1e-6; e < 1e6; e *= 1.1) {
      LightYieldResponse ly = LightYieldResponse.gamma(13.35, 9.56);
      double shape = ly.gammaShape(e);
      double scale = ly.meanPhotoelectrons(e) / shape;
      double logNorm = -org.apache.commons.numbers.gamma.LogGamma.value(shape) - shape * Math.log(scale);
      assertTrue(DetectionCurve.densityFinite(shape, scale, logNorm), "E " + e);
    }
    assertFalse(DetectionCurve.densityFinite(0.5, 1, 0));
    assertFalse(DetectionCurve.densityFinite(Double.NaN, 1, 0));
    assertFalse(DetectionCurve.densityFinite(2, 1, Double.NaN));
    assertTrue(DetectionCurve.densityFinite(2, 1e-305, 702)); // at the mode: ln(1e-305) - 1 + 702 < 700
    assertFalse(DetectionCurve.densityFinite(2, 1e-305, 1404));
    assertFalse(DetectionCurve.densityFinite(1e13, 1, 0));
  }

  private static final long GOLDEN_REFERENCE_CSI = -4284906431789175000L;
  private static final long GOLDEN_XENON = -7205116018916738016L;
  private static final long GOLDEN_COHERENT_CSI = -2514302756806881691L;
}
