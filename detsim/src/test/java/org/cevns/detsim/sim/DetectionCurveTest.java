package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.cevns.detsim.background.EnergyScale;
import org.cevns.detsim.efficiency.DeadTime;
import org.cevns.detsim.efficiency.EfficiencyVariable;
import org.cevns.detsim.efficiency.ErfEfficiency;
import org.cevns.detsim.efficiency.HardThreshold;
import org.cevns.detsim.efficiency.LogisticEfficiency;
import org.cevns.detsim.quench.ConstantQuenching;
import org.cevns.detsim.quench.LindhardQuenching;
import org.cevns.detsim.quench.PolynomialQuenching;
import org.cevns.detsim.quench.QuenchingByNucleus;
import org.cevns.detsim.response.EnergyResponse;
import org.cevns.detsim.response.GaussianResponse;
import org.cevns.detsim.response.IdealResponse;
import org.cevns.detsim.response.LightYieldResponse;
import org.cevns.detsim.response.Observation;
import org.cevns.physics.Process;
import org.cevns.events.run.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.cevns.detsim.detector.DetectionStage;
import org.cevns.detsim.detector.DetectorResponse;

/**
 * {@link DetectionCurve} (the detection probability used by {@code rates}) against closed forms, and against
 * the sampled {@link DetectorResponse} it must describe.
 */
class DetectionCurveTest {
  private static DetectorResponse response(EnergyResponse e, DetectionStage... stages) {
    return DetectorResponse.of(QuenchingByNucleus.single(32, ConstantQuenching.unquenched()), 32, e, List.of(stages));
  }

  private static double phi(double z) {
    return 0.5 * Erfc.value(-z / Math.sqrt(2));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.15, 0.18, 0.2, 0.25, 0.4})
  void gaussianWithHardThresholdIsTheNormalCdf(double visible) {
    double sigma = 0.025;
    DetectionCurve c = new DetectionCurve(response(GaussianResponse.of(sigma, 0, 0),
        new DetectionStage("threshold", HardThreshold.keVee(0.18))));
    assertEquals(phi((visible - 0.18) / sigma), c.exact(visible), 1e-10);
    assertEquals(phi((visible - 0.18) / sigma), c.probability(visible), 2e-4);
  }

  @Test
  void poissonWithPeThresholdIsThePoissonTail() {
    double ly = 13.35;
    DetectionCurve c = new DetectionCurve(response(LightYieldResponse.poisson(ly),
        new DetectionStage("threshold", HardThreshold.of(EfficiencyVariable.PHOTOELECTRONS, 5))));
    for (double v : new double[] {0.1, 0.3, 0.5, 1.0, 3.0}) {
      double expected = 1 - PoissonDistribution.of(ly * v).cumulativeProbability(4);
      assertEquals(expected, c.exact(v), 1e-12, "E " + v);
    }
  }

  /**
   * The Gamma-smeared PE are real-valued: a PE threshold of 12 keeps the Gamma tail above 12 (not above 11.5, as
   * when the simulation rounded the PE), from narrow (0.05 keVee: shape 1.5, 0.7 PE) to wide distributions.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.2, 0.6, 0.9, 1.0, 2.0, 5.0, 20.0})
  void gammaWithPeThresholdIsTheGammaTail(double visibleKeVee) {
    LightYieldResponse ly = LightYieldResponse.coherentCsI2021();
    DetectionCurve c = new DetectionCurve(response(ly,
        new DetectionStage("threshold", HardThreshold.of(EfficiencyVariable.PHOTOELECTRONS, 12))));
    double mu = ly.meanPhotoelectrons(visibleKeVee);
    double shape = ly.gammaShape(visibleKeVee);
    double expected = GammaDistribution.of(shape, mu / shape).survivalProbability(12);
    assertEquals(expected, c.exact(visibleKeVee), 1e-9 * Math.max(expected, 1e-3), "E " + visibleKeVee);
  }

  /**
   * walkfuzz: a mean below 1e-30 PE (a light yield or quenching factor of 1e-300, or a vanishing visible energy) is no
   * light: the Gamma density of a denormal scale overflowed and P was NaN (rates printed NaN detected events for
   * {@code light_yield_pe_per_kevee: 1e-300} and a Lindhard {@code k: 1e-300}).
   */
  @ParameterizedTest
  @ValueSource(doubles = {1e-300, 1e-100, 1e-20, 13.35})
  void aVanishingMeanLightDetectsNothingInsteadOfNaN(double lightYield) {
    for (LightYieldResponse ly : List.of(LightYieldResponse.gamma(lightYield, 9.56),
        LightYieldResponse.poisson(lightYield))) {
      DetectionCurve c = new DetectionCurve(response(ly,
          new DetectionStage("threshold", HardThreshold.of(EfficiencyVariable.PHOTOELECTRONS, 5)),
          new DetectionStage("efficiency", LogisticEfficiency.coherentCsI2021())));
      for (double v : new double[] {1e-320, 1e-300, 3e-24, 3e-224, 1e-6}) {
        assertEquals(0.0, c.exact(v), 1e-40, "LY " + lightYield + ", E " + v); // P(>= 5 PE), mean <= 1.3e-5 PE
      }
    }
  }

  /**
   * Bright events (10² to 10⁵ keVee, ~10³ to 10⁶ PE, as EvES electrons of the SNS flux give) sum the PE counts on the
   * efficiency's plateau in one CDF difference: equal within 1e-8 relative to the term-by-term sum of the same
   * response with an efficiency that does not declare its plateau (the sums before that shortcut), Gamma and
   * Poisson, also across the turn-on (0.5 to 30 keVee) where only part of the range is on the plateau. Where the
   * whole ±12 σ range is on the plateau the shortcut gives the plateau value itself (the neglected tails are below
   * 1e-30) within 1e-15, while the term-by-term sum of 10⁴ to 10⁵ Gamma weights is off by 1e-11 (1000 keVee) to
   * 1.2e-9 (10⁵ keVee).
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void plateauShortcutEqualsTheTermByTermSum(boolean gamma) {
    LightYieldResponse ly = gamma ? LightYieldResponse.coherentCsI2021() : LightYieldResponse.poisson(13.35);
    LogisticEfficiency logistic = LogisticEfficiency.coherentCsI2021();
    DetectionCurve fast = new DetectionCurve(response(ly, new DetectionStage("efficiency", logistic),
        new DetectionStage("dead_time", DeadTime.ofFraction(0.1))));
    // the slow curve knows the logistic's kink (0 below 7.07 PE) through a step there that changes nothing
    double[] abcd = logistic.parameters();
    double kinkPe = abcd[2] - Math.log(abcd[0] / -abcd[3] - 1) / abcd[1];
    DetectionCurve slow = new DetectionCurve(response(ly,
        new DetectionStage("efficiency", (keVee, pe) -> logistic.probability(keVee, pe)),
        new DetectionStage("kink", HardThreshold.of(EfficiencyVariable.PHOTOELECTRONS, kinkPe)),
        new DetectionStage("dead_time", (keVee, pe) -> 0.9)));
    double plateau = logistic.probability(1e6, 1e6) * 0.9;
    for (double v : new double[] {0.5, 1.0, 3.0, 8.0, 12.0, 30.0, 100.0, 1e3, 1e4, 1e5}) {
      double expected = slow.exact(v);
      // the slow Gamma integral over the whole range (to ~150 PE at 1 keVee) in 4 panels is good to 2e-8
      assertEquals(expected, fast.exact(v), (gamma ? 1e-7 : 1e-8) * expected, "E " + v);
    }
    for (double v : new double[] {100.0, 1e3, 1e4, 1e5}) {
      assertEquals(plateau, fast.exact(v), 1e-15, "E " + v);
    }
  }

  /**
   * The COHERENT CsI[Na] 2021 response (Gamma PE, the release's logistic efficiency, × 0.9) against an independent
   * quadrature: scipy 1.x {@code integrate.quad} of {@code stats.gamma(1 + 9.56 E, scale=13.35 E/(1 + 9.56 E)).pdf(x)
   * × clip(a/(1 + exp(−b(x − c))) + d, 0, 1)} from the kink at 7.07 PE to 400 PE (points=[c], epsrel 1e-13), × 0.9.
   */
  @Test
  void coherentResponseMatchesAnIndependentQuadrature() {
    DetectionCurve c = new DetectionCurve(response(LightYieldResponse.coherentCsI2021(),
        new DetectionStage("efficiency", LogisticEfficiency.coherentCsI2021()),
        new DetectionStage("dead_time", DeadTime.ofFraction(0.1))));
    double[][] golden = {{0.5, 0.06965898660212619}, {1.0, 0.4510119236070171}, {3.0, 0.8867879352852522}};
    for (double[] g : golden) {
      assertEquals(g[1], c.exact(g[0]), 1e-12 * g[1], "E " + g[0]);
    }
  }

  @Test
  void idealResponseGivesTheEfficiencyItself() {
    ErfEfficiency erf = ErfEfficiency.of(EfficiencyVariable.ENERGY_KEVEE, 1.0, 0.2, 0.9);
    DetectionCurve c = new DetectionCurve(response(IdealResponse.of(), new DetectionStage("efficiency", erf),
        new DetectionStage("dead_time", DeadTime.ofFraction(0.1))));
    for (double v : new double[] {0.5, 1.0, 1.3}) {
      assertEquals(0.9 * 0.9 * phi((v - 1.0) / 0.2), c.probability(v), 1e-14);
    }
  }

  /**
   * The sampled detection frequency of the COHERENT CsI response at several energies equals the curve (real-valued PE):
   * |f − P| ≤ 4 √(P(1 − P)/N) + 10⁻⁴ with N = 40000 per energy (false failure probability ~6e-5 per point for a
   * random seed; the seed is fixed).
   */
  @Test
  void sampledDetectionMatchesTheCurve() {
    DetectorResponse r = DetectorResponse.of(QuenchingByNucleus.csiCoherent2021(), 55,
        LightYieldResponse.coherentCsI2021(), List.of(new DetectionStage("efficiency",
            LogisticEfficiency.coherentCsI2021())));
    DetectionCurve c = new DetectionCurve(r);
    UniformRandomProvider rng = RandomStreams.create(2021L, 0);
    int n = 40000;
    int nonInteger = 0;
    for (double v : new double[] {0.3, 0.7, 1.0, 1.5, 3.0}) {
      int detected = 0;
      for (int i = 0; i < n; i++) {
        Observation o = r.observe(v, rng);
        assertEquals(o.photoelectrons() / 13.35, o.energyKeVee(), 1e-12);
        nonInteger += o.photoelectrons() != Math.rint(o.photoelectrons()) ? 1 : 0;
        if (r.detect(o.energyKeVee(), o.photoelectrons(), rng)) {
          detected++;
        }
      }
      double p = c.probability(v);
      double f = (double) detected / n;
      assertTrue(Math.abs(f - p) <= 4 * Math.sqrt(p * (1 - p) / n) + 1e-4, "E " + v + ": sampled " + f + ", curve " + p);
    }
    // the Gamma-smeared PE are not rounded (they were before: a comb of observed energies, see DetectorResponse)
    assertEquals(5 * n, nonInteger);
  }

  @Test
  void keVnrBackgroundsAreQuenchedWithTheMainElementAndElectronRecoilsAreNot() {
    LindhardQuenching ge = LindhardQuenching.of(32, 72.63, 0.162);
    DetectorResponse r = DetectorResponse.of(QuenchingByNucleus.single(32, ge), 32, IdealResponse.of(), List.of());
    assertEquals(ge.visibleKeVee(2.0), r.backgroundVisibleKeVee(EnergyScale.NUCLEAR_RECOIL, 2.0), 0);
    assertEquals(2.0, r.backgroundVisibleKeVee(EnergyScale.ELECTRON_EQUIVALENT, 2.0), 0);
    assertEquals(2.0, r.signalVisibleKeVee(Process.EVES, 32, 2.0), 0);
    assertEquals(ge.visibleKeVee(2.0), r.signalVisibleKeVee(Process.CEVNS, 32, 2.0), 0);
    DetectorResponse csi = DetectorResponse.of(QuenchingByNucleus.csiCoherent2021(), 55, IdealResponse.of(), List.of());
    assertEquals(PolynomialQuenching.coherentCsI2021().visibleKeVee(10.0),
        csi.signalVisibleKeVee(Process.CEVNS, 53, 10.0), 0);
  }
}
