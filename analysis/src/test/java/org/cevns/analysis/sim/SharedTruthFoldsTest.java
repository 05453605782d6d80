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
 * {@link TemplateMaker#simulateFolded} (the response variations re-folded in the nominal pass,
 * {@link SharedTruthFolds}) gives the same doubles, bit for bit, as the nominal {@link TemplateMaker#simulate} and one
 * {@link TemplateMaker#responseVariations} simulation per variation: every kind of response systematic (quenching,
 * which also moves the beam-neutron background's visible energy; energy scale, which scales the reported energies;
 * threshold; timing, which shifts the truth times; pulse width, which changes the model and is simulated apart), at
 * another thread count, and the recorded signal events the same.
 */
class SharedTruthFoldsTest {
  /** {@link TimeSystematicsVsSimulationTest}'s CsI with quenching, energy-scale and threshold systematics too. */
  static final String CONFIG = TimeSystematicsVsSimulationTest.BASE.formatted("", 0.0, -20000.0).replace(
      "detectors: {csi: {timing: {size_ns: 300}}}",
      "detectors: {csi: {timing: {size_ns: 300}, quenching: {size: 0.1}, energy_scale: {size: 0.05},"
          + " threshold: {size: 0.1}}}");
  static final long N = 100_000;
  static final long SEED = 33;

  @Test
  void foldedVariationsAreTheSeparateSimulationsBitForBit() throws Exception {
    assertNotEquals(TimeSystematicsVsSimulationTest.BASE.formatted("", 0.0, -20000.0), CONFIG);
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
