package org.cevns.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.FitTimeAxis;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.hist.Histogram2D;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.junit.jupiter.api.Test;

/**
 * The beam timing and pulse width systematics re-fold the template events with shifted times; each shifted
 * template equals a direct re-simulation with the shifted time, compared bin by bin in the energy × time fit
 * histograms of the C and AC windows: χ² = Σ (a − b)²/(σ_a² + σ_b²), p &gt; 1e-3 (false-failure rate 1e-3 per
 * comparison, seeds fixed), and the test has power (the shift moves the nominal far away: checked).
 *
 * <ul>
 *   <li>timing +δ: beam-related times t → t + δ before the windows and the time efficiency. Direct: the nominal
 *       response with every window start (and the recorded span) moved by −δ, which sees each beam event at the
 *       same time since its window start. The signal and BRN keys are the same events (same seed), so they agree
 *       to rounding; the steady background is uniform in time and agrees statistically.
 *   <li>pulse width × f: {@link PulseWidthVariation} against a configuration written with the wider
 *       {@code pulse_fwhm_ns} (the same code path by construction: the test checks that the config copy changes
 *       only the width, and that the stretch is seen in the time spectrum).
 * </ul>
 */
class TimeSystematicsVsSimulationTest {
  static final String BASE = """
      name: ts
      sources:
        - name: sns
          type: pion-dar
          facility: sns
          %s
          exposure: {pot: 3.0e23}
      detectors:
        - name: csi
          target: {formula: CsI}
          mass_kg: 14.6
          distance_m: 19.3
          response:
            quenching: {model: polynomial, coefficients_mev: [0.0554628, 4.30681, -111.707, 840.384], max_kevnr: 60}
            energy: {model: light-yield, light_yield_pe_per_kevee: 13.35, smearing: poisson}
            efficiency: {model: logistic, variable: pe, a: 1.32045, b: 0.285979, c: 10.8646, d: -0.333322}
            time_efficiency: {flat_ns: 520, decay_per_us: 0.0494}
          backgrounds:
            - {name: brn, type: beam-neutrons, spectrum: {shape: exponential, slope_kev: 15}, counts_per_gwh: 40}
            - {name: steady, type: steady, spectrum: {shape: flat, min_kev: 0, max_kev: 6}, counts_per_kg_per_day: 40}
      windows: {coincidence_start_ns: %s, coincidence_length_ns: 6000, anticoincidence: before,
                record_start_ns: %s, record_length_ns: 40000}
      analysis:
        fit: {observable: energy-time, time_bins: 12}
        systematics:
          template_statistics: false
          sources: {sns: {pulse_width: {size: 0.2}}}
          detectors: {csi: {timing: {size_ns: 300}}}
      """;
  static final long N = 300_000;
  static final long SEED = 21;

  static SimulationSetup setup(String source, double startNs) {
    ExperimentConfig c = ConfigLoader.parse(BASE.formatted(source, startNs, -20000 + startNs), Path.of("."));
    ExperimentModel m = ExperimentModel.build(c);
    return SimulationSetup.of(m, DetsimConfig.of(m), "test");
  }

  static HistogramBinning binning(double startNs) {
    return new HistogramBinning(Map.of("csi", BinEdges.uniform(12, 0.5, 4.5)), Map.of(),
        BinEdges.uniform(1, -1e9, 1e9), Optional.of(new FitTimeAxis(startNs, startNs - 6000, 6000, 12)));
  }

  /** The templates of {@code s} as the fit makes them (same event count and seed as the systematic variations). */
  static SpectrumSet simulate(SimulationSetup s, double startNs) throws Exception {
    AnalysisConfig a = AnalysisConfig.of(s.model().config());
    return TemplateMaker.simulate(s, s.model().config().generator(), a.fit(), binning(startNs), SEED, 1, N, null)
        .expected();
  }

  /** χ² and number of non-empty bins over every window key (C and AC) of {@code component}. */
  static double[] chi2(SpectrumSet a, SpectrumSet b, String component) {
    double c = 0;
    int ndf = 0;
    for (SpectrumKey k : b.keys()) {
      if (!k.component().equals(component) || k.window().equals("none")) {
        continue;
      }
      Histogram2D x = a.get(k).flatMap(KeySpectra::energyTime).orElseThrow();
      Histogram2D y = b.get(k).flatMap(KeySpectra::energyTime).orElseThrow();
      for (int i = 0; i < x.xEdges().nBins(); i++) {
        for (int j = 0; j < x.yEdges().nBins(); j++) {
          double v = x.sumW2(i, j) + y.sumW2(i, j);
          if (v > 0) {
            double d = x.content(i, j) - y.content(i, j);
            c += d * d / v;
            ndf++;
          }
        }
      }
    }
    return new double[] {c, ndf};
  }

  static void assertAgree(SpectrumSet a, SpectrumSet b, String component, String what) {
    double[] c = chi2(a, b, component);
    double p = ChiSquaredDistribution.of(c[1]).survivalProbability(c[0]);
    assertTrue(c[1] > 20 && p > 1e-3, what + " " + component + ": chi2 = " + c[0] + " / " + c[1] + ", p = " + p);
  }

  static void assertDiffer(SpectrumSet a, SpectrumSet b, String component, String what) {
    double[] c = chi2(a, b, component);
    assertTrue(c[0] > c[1] + 8 * Math.sqrt(2 * c[1]), what + " " + component + ": no power, chi2 " + c[0]);
  }

  @Test
  void timingShiftedTemplatesEqualASimulationWithShiftedWindows() throws Exception {
    SimulationSetup nominal = setup("", 0);
    AnalysisConfig a = AnalysisConfig.of(nominal.model().config());
    var v = TemplateMaker.responseVariations(nominal, nominal.model().config().generator(), a.fit(),
        a.systematics(), binning(0), SEED, 1, N);
    SpectrumSet up = v.get(0).get("csi.timing");
    SpectrumSet down = v.get(1).get("csi.timing");
    SpectrumSet n0 = simulate(nominal, 0);
    for (double delta : new double[] {300, -300}) {
      SpectrumSet direct = simulate(setup("", -delta), -delta);
      SpectrumSet varied = delta > 0 ? up : down;
      for (String component : List.of("signal", "brn", "steady")) {
        assertAgree(varied, direct, component, "timing " + delta);
      }
      // the beam-related events are the same ones: equal to rounding, not only statistically
      assertTrue(chi2(varied, direct, "signal")[0] < 1e-6, "signal events differ: " + chi2(varied, direct, "signal")[0]);
      assertDiffer(varied, n0, "signal", "timing " + delta);
      assertDiffer(varied, n0, "brn", "timing " + delta);
    }
  }

  @Test
  void pulseWidthTemplatesEqualASimulationWithTheWiderPulse() throws Exception {
    SimulationSetup nominal = setup("", 0);
    SimulationSetup wider = PulseWidthVariation.of(nominal, "sns", 1.2);
    assertEquals(380 * 1.2, ((org.cevns.physics.source.PionDarSource) wider.model().exposures().get(0).source()
        .orElseThrow()).parameters().pulseWidthNs(), 1e-9);
    SpectrumSet direct = simulate(setup("pulse_fwhm_ns: 456", 0), 0);
    SpectrumSet varied = simulate(wider, 0);
    SpectrumSet n0 = simulate(nominal, 0);
    for (String component : List.of("signal", "brn", "steady")) {
      assertAgree(varied, direct, component, "pulse width");
    }
    assertTrue(chi2(varied, direct, "signal")[0] < 1e-6, "signal events differ");
    assertDiffer(varied, n0, "brn", "pulse width");
    // the response's expected totals are unchanged by the width (same events, same count)
    assertEquals(nominal.expectedEvents(), wider.expectedEvents(), 1e-9 * nominal.expectedEvents());
  }

  /**
   * A zero offset and a width factor of 1 are no variation: the templates equal the nominal ones bit for bit (the
   * configuration refuses size 0; a configuration without the entries runs the nominal code path unchanged).
   */
  @Test
  void zeroShiftGivesTheNominalTemplatesExactly() throws Exception {
    SimulationSetup nominal = setup("", 0);
    SpectrumSet n0 = simulate(nominal, 0);
    SimulationSetup zero = SimulationSetup.of(nominal.model(), nominal.detsim().withResponse(0,
        nominal.detsim().response(0).withBeamTimeOffsetNs(0.0)), "test");
    for (SimulationSetup s : List.of(zero, PulseWidthVariation.of(nominal, "sns", 1.0))) {
      SpectrumSet t = simulate(s, 0);
      assertEquals(n0.keys(), t.keys());
      for (SpectrumKey k : n0.keys()) {
        Histogram2D a = n0.get(k).flatMap(KeySpectra::energyTime).orElse(null);
        Histogram2D b = t.get(k).flatMap(KeySpectra::energyTime).orElse(null);
        assertEquals(a == null, b == null, k.toString());
        if (a != null) {
          for (int i = 0; i < a.xEdges().nBins(); i++) {
            for (int j = 0; j < a.yEdges().nBins(); j++) {
              assertEquals(a.content(i, j), b.content(i, j), 0.0, k + " bin " + i + "," + j);
            }
          }
        }
        assertEquals(n0.get(k).orElseThrow().sumW(), t.get(k).orElseThrow().sumW(), 0.0, k.toString());
      }
    }
  }
}
