package org.cevns.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.reweight.SignalEvents;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.RecoilFloors;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * {@link TemplateMaker#simulateFolded} (the response variations re-folded in the nominal pass, {@link SharedTruthFolds})
 * gives the same doubles, bit for bit, as the nominal {@link TemplateMaker#simulate} and one
 * {@link TemplateMaker#responseVariations} simulation per variation: every kind of response systematic (quenching,
 * which also moves the beam-neutron background's visible energy; energy scale, which scales the reported energies;
 * threshold; timing, which shifts the truth times; pulse width, which changes the model and is simulated apart), at
 * another thread count, and the recorded signal events the same.
 */
class SharedTruthFoldsTest {
  static final String CONFIG = """
      name: folds
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
            time_efficiency: {flat_ns: 520, decay_per_us: 0.0494}
          backgrounds:
            - {name: brn, type: beam-neutrons, spectrum: {shape: exponential, slope_kev: 15}, counts_per_gwh: 40}
            - {name: steady, type: steady, spectrum: {shape: flat, min_kev: 0, max_kev: 6}, counts_per_kg_per_day: 40}
      windows: {coincidence_start_ns: 0, coincidence_length_ns: 6000, anticoincidence: before,
                record_start_ns: -20000, record_length_ns: 40000}
      analysis:
        energy: {bins: 12, min_kevee: 0.5, max_kevee: 4.5}
        fit: {observable: energy-time, time_bins: 6}
        systematics:
          template_statistics: false
          sources: {sns: {pulse_width: {size: 0.2}}}
          detectors:
            csi:
              quenching: {size: 0.1}
              energy_scale: {size: 0.05}
              threshold: {size: 0.1}
              timing: {size_ns: 300}
      """;
  static final long N = 100_000;
  static final long SEED = 33;

  @Test
  void foldedVariationsAreTheSeparateSimulationsBitForBit() throws Exception {
    ExperimentModel m = ExperimentModel.build(ConfigLoader.parse(CONFIG, Path.of(".")));
    SimulationSetup setup = SimulationSetup.of(m, DetsimConfig.of(m), "test");
    AnalysisConfig a = AnalysisConfig.of(m.config());
    var binning = AnalysisJob.prepare(setup, a, new AnalysisJob.Options(1, SEED, java.util.Optional.empty(), 1000,
        s -> { })).binning();
    var gs = m.config().generator();
    SignalEvents e1 = new SignalEvents();
    var nominal = TemplateMaker.simulate(setup, gs, a.fit(), binning, SEED, 1, N, null, null, e1, RecoilFloors.NONE);
    List<Map<String, SpectrumSet>> separate = TemplateMaker.responseVariations(setup, gs, a.fit(), a.systematics(),
        binning, SEED, 1, N, RecoilFloors.NONE);
    SignalEvents e2 = new SignalEvents();
    TemplateMaker.Folded folded = TemplateMaker.simulateFolded(setup, gs, a.fit(), a.systematics(), binning, SEED, 2,
        N, e2, RecoilFloors.NONE);
    assertSame(nominal.expected(), folded.templates().expected(), "nominal");
    assertEquals(nominal.info(), folded.templates().info());
    assertEquals(nominal.exposure().toString(), folded.templates().exposure().toString());
    for (int s = 0; s < 2; s++) {
      assertEquals(List.copyOf(separate.get(s).keySet()), List.copyOf(folded.variations().get(s).keySet()));
      assertEquals(5, separate.get(s).size());
      for (String p : separate.get(s).keySet()) {
        assertSame(separate.get(s).get(p), folded.variations().get(s).get(p), p + (s == 0 ? " up" : " down"));
        // the variation moves the templates (the comparison has power)
        assertNotEquals(total(nominal.expected(), "signal"), total(folded.variations().get(s).get(p), "signal"), p);
      }
    }
    // the quenching variation moves the beam neutrons' visible energy (re-quenched with the varied response)
    assertNotEquals(total(nominal.expected(), "brn"), total(folded.variations().get(0).get("csi.quenching"), "brn"));
    assertEquals(e1.size(), e2.size());
    for (int i = 0; i < e1.size(); i++) {
      assertEquals(e1.observedKeVee(i), e2.observedKeVee(i));
      assertEquals(e1.timeNs(i), e2.timeNs(i));
      assertEquals(e1.weight(i), e2.weight(i));
      assertEquals(e1.key(i), e2.key(i));
    }
  }

  /** The energy and time histograms of every key of {@code component}, as text. */
  private static String total(SpectrumSet s, String component) {
    StringBuilder t = new StringBuilder();
    for (SpectrumKey k : s.keys()) {
      if (k.component().equals(component)) {
        KeySpectra x = s.get(k).orElseThrow();
        t.append(k).append(java.util.Arrays.toString(x.energy().contents()))
            .append(java.util.Arrays.toString(x.time().contents()));
      }
    }
    return t.toString();
  }

  private static void assertSame(SpectrumSet a, SpectrumSet b, String what) {
    assertEquals(a.keys(), b.keys(), what);
    for (SpectrumKey k : a.keys()) {
      KeySpectra x = a.get(k).orElseThrow();
      KeySpectra y = b.get(k).orElseThrow();
      assertArrayEquals(x.energy().contents(), y.energy().contents(), what + " " + k);
      assertArrayEquals(x.energy().sumW2s(), y.energy().sumW2s(), what + " " + k);
      assertArrayEquals(x.time().contents(), y.time().contents(), what + " " + k);
      assertEquals(x.pe().map(h -> java.util.Arrays.toString(h.contents())),
          y.pe().map(h -> java.util.Arrays.toString(h.contents())), what + " " + k);
      assertEquals(x.energyTime().map(h -> java.util.Arrays.toString(h.flatten().contents())
          + java.util.Arrays.toString(h.flatten().sumW2s())), y.energyTime().map(h -> java.util.Arrays.toString(
          h.flatten().contents()) + java.util.Arrays.toString(h.flatten().sumW2s())), what + " " + k);
      assertEquals(x.sumW(), y.sumW(), what + " " + k);
      assertEquals(x.sumW2(), y.sumW2(), what + " " + k);
      assertEquals(x.rows(), y.rows(), what + " " + k);
    }
  }
}
