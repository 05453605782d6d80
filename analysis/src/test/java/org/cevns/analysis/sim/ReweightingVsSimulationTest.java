package org.cevns.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.hist.Histogram1D;
import org.cevns.analysis.reweight.CevnsFamily;
import org.cevns.analysis.reweight.SignalEvents;
import org.cevns.analysis.reweight.SignalReweighter;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.EventCount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Event-wise reweighting equals a direct simulation at the shifted parameter: the detected CsI signal spectrum
 * (observed keVee, light-yield response with threshold curve) of a simulation at the nominal physics, reweighted
 * to sin²θ_W = 0.30 or to R_n(Cs133) = 5.5 fm, is compared bin by bin with an independent simulation made at that
 * point: χ² = Σ (a − b)²/(σ_a² + σ_b²) over the bins, p-value &gt; 1e-3 (false-failure rate 1e-3 per case; seeds
 * fixed). The test has power: the shift changes the spectrum by many σ (checked).
 */
class ReweightingVsSimulationTest {
  static final String BASE = """
      name: rw
      %s
      sources:
        - name: sns
          type: pion-dar
          facility: sns
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
      """;
  static final long N = 400_000;

  static SimulationSetup setup(String physics) {
    // tree-level couplings read sin2_theta_w (the PDG scheme fixes it); same scheme at both points
    physics = physics.isEmpty() ? "physics: {couplings: tree}" : physics;
    ExperimentConfig c = ConfigLoader.parse(BASE.formatted(physics), Path.of("."));
    ExperimentModel m = ExperimentModel.build(c);
    return SimulationSetup.of(m, DetsimConfig.of(m), "test");
  }

  static HistogramBinning binning() {
    return new HistogramBinning(Map.of("csi", BinEdges.uniform(24, 0.5, 6.5)), Map.of(), BinEdges.uniform(1, -1e9, 1e9),
        Optional.empty());
  }

  static SpectrumSet simulate(SimulationSetup s, long seed, SignalEvents events) throws Exception {
    double expected = s.expectedEvents();
    return SimulatedSpectra.histogram(s, s.model().config().generator(), seed, EventCount.fixed(N, expected), 1,
        binning(), expected / N, null, null, null, events);
  }

  /**
   * The reweighter of the events {@code events} of {@code nominal}'s templates {@code t0} in parameter {@code name},
   * with the family of the nominal physics and the detector's isotopes as {@code family} adjusts it.
   */
  static SignalReweighter reweighter(SimulationSetup nominal, SignalEvents events, SpectrumSet t0,
      java.util.function.UnaryOperator<CevnsFamily> family, String name) {
    var isotopes = new java.util.ArrayList<org.cevns.physics.nucleus.Isotope>();
    var target = nominal.model().detectors().get(0).target();
    for (int i = 0; i < target.size(); i++) {
      isotopes.add(target.isotope(i));
    }
    Map<SpectrumKey, Double> totals = new java.util.HashMap<>();
    t0.keys().forEach(k -> totals.put(k, t0.get(k).orElseThrow().sumW()));
    return SignalReweighter.of(events, binning(), family.apply(CevnsFamily.of(nominal.model().config().physics(),
        isotopes)), List.of(name), totals);
  }

  static Histogram1D signal(SpectrumSet s) {
    SpectrumKey k = s.keys().stream().filter(SpectrumKey::isSignal).findFirst().orElseThrow();
    return s.get(k).map(KeySpectra::energy).orElseThrow();
  }

  static double chi2(Histogram1D a, Histogram1D b) {
    double c = 0;
    for (int i = 0; i < a.nBins(); i++) {
      double v = a.sumW2(i) + b.sumW2(i);
      if (v > 0) {
        double d = a.content(i) - b.content(i);
        c += d * d / v;
      }
    }
    return c;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "sin2_theta_w|0.30|'physics: {sin2_theta_w: 0.30, couplings: tree}'",
    "rn_fm.Cs133|5.5|'physics: {couplings: tree, nuclei: {Cs133: {neutron_rms_radius_fm: 5.5}}}'",
  })
  void reweightedEqualsDirect(String name, double value, String physics) throws Exception {
    SimulationSetup nominal = setup("");
    SignalEvents events = new SignalEvents();
    SpectrumSet t0 = simulate(nominal, 11, events);
    SignalReweighter r = reweighter(nominal, events, t0, f -> f, name);
    Histogram1D reweighted = signal(r.at(new double[] {value}));
    Histogram1D direct = signal(simulate(setup(physics), 12, null));
    int ndf = 0;
    for (int i = 0; i < direct.nBins(); i++) {
      ndf += direct.content(i) > 0 ? 1 : 0;
    }
    double c = chi2(reweighted, direct);
    double p = ChiSquaredDistribution.of(ndf).survivalProbability(c);
    assertTrue(p > 1e-3, name + ": chi2 = " + c + " / " + ndf + ", p = " + p);
    // power: the nominal spectrum is far from the shifted one
    double shift = chi2(signal(t0), direct);
    assertTrue(shift > ndf + 8 * Math.sqrt(2.0 * ndf), name + ": nominal vs shifted chi2 only " + shift);
  }
}
