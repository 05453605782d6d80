package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.AxisSpec;
import org.cevns.analysis.config.ConfigFixtures;
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.events.WindowSpec;
import org.cevns.analysis.fit.NormParameter;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.pipeline.BinningResolver.RangeHint;
import org.junit.jupiter.api.Test;

class PipelinePartsTest {
  @Test
  void roundBinWidthsCoverTheRange() {
    assertEquals(0.25, BinningResolver.niceWidth(0.2005), 1e-15);
    assertEquals(2.0, BinningResolver.niceWidth(1.2), 1e-15);
    assertEquals(1000.0, BinningResolver.niceWidth(666.7), 1e-12);
    assertEquals(5e-3, BinningResolver.niceWidth(4.1e-3), 1e-18);
    BinEdges e = BinningResolver.resolve(AxisSpec.defaults(20), 0.61, 4.61);
    assertEquals(BinEdges.uniform(17, 0.5, 4.75), e);
    assertTrue(e.nBins() <= 20 && e.low() <= 0.61 && e.high() >= 4.61);
    // configured ends are kept as given
    assertEquals(BinEdges.uniform(20, 0, 4.61), BinningResolver.resolve(new AxisSpec(20,
        java.util.OptionalDouble.of(0), java.util.OptionalDouble.empty(), Optional.empty()), 0.61, 4.61));
  }

  @Test
  void hintsArePooledPerGroupAndTheBeamTimeAxisIsTheRecordedSpan() {
    Map<String, RangeHint> pooled = BinningResolver.pooled(Map.of("a", new RangeHint(0.2, 1, 10),
        "b", new RangeHint(0.1, 0.8, Double.NaN), "c", new RangeHint(5, 50, 100)), Map.of("a", "Ge", "b", "Ge",
        "c", "Xe"));
    assertEquals(new RangeHint(0.1, 1, 10), pooled.get("a"));
    assertEquals(pooled.get("a"), pooled.get("b"));
    assertEquals(new RangeHint(5, 50, 100), pooled.get("c"));
    AnalysisConfig c = ConfigFixtures.beam("time: {bins: 40}\n");
    var b = BinningResolver.resolve(c, List.of("csi"), Optional.of(new WindowSpec(0, 6000, -6000)),
        Optional.of(new double[] {-20000, 20000}), BeamToys.exposure(), Map.of());
    assertEquals(BinEdges.uniform(40, -20000, 20000), b.timeNs());
    assertEquals(BinEdges.uniform(20, 0, 1), b.energy("csi"), "no hint: 20 bins over [0, 1] keVee");
  }

  @Test
  void exposuresOfRunsAddAndTemplatesFollowTheLiveTime() {
    RunExposure a = BeamToys.exposure();
    RunExposure two = a.plus(a);
    assertEquals(2 * BeamToys.BEAM_SECONDS, two.liveSeconds("csi", "beam"));
    assertEquals(2e22, two.protonsOnTarget("csi"), 1e8);
    assertEquals(14.6, two.massKg("csi"));
    SpectrumSet t = BeamToys.templates();
    SpectrumSet scaled = TemplateScaling.toExposure(t, a, two);
    SpectrumKey sig = new SpectrumKey("csi", "beam", "coincidence", "signal");
    assertEquals(2 * t.get(sig).orElseThrow().sumW(), scaled.get(sig).orElseThrow().sumW(), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> a.plus(RunExposure.fromJson(
        "[{\"detector\":\"csi\",\"mass_kg\":10,\"exposures\":[]}]")), "masses must agree");
  }

  @Test
  void windowsFromMetadata() throws Exception {
    ObjectMapper m = new ObjectMapper();
    WindowSpec before = WindowSpec.fromJson(m.readTree("{\"coincidence_start_ns\":100,\"coincidence_length_ns\":"
        + "6000,\"anticoincidence\":\"before\",\"anticoincidence_delay_ns\":10000}")).orElseThrow();
    assertEquals(-9900, before.anticoincidenceStartNs());
    WindowSpec delayed = WindowSpec.fromJson(m.readTree("{\"coincidence_start_ns\":0,\"coincidence_length_ns\":"
        + "6000,\"anticoincidence\":\"delayed\",\"anticoincidence_delay_ns\":1.67e6}")).orElseThrow();
    assertEquals(1.67e6, delayed.anticoincidenceStartNs());
    assertEquals(1.676e6, delayed.spanEndNs());
    assertTrue(WindowSpec.fromJson(m.readTree("null")).isEmpty());
  }

  @Test
  void fitModelHasOneNormPerDetectorAndComponentWithTheConfiguredPriors() {
    AnalysisConfig c = ConfigFixtures.beam("fit: {backgrounds: {steady: free, brn: 0}, signal_width: 0.1}\n");
    var built = FitModelBuilder.build(c.mode(), c.fit(), BeamToys.templates(), BeamToys.templates());
    assertEquals(List.of("csi.coincidence", "csi.anticoincidence"),
        built.channels().stream().map(FitModelBuilder.ChannelInfo::name).toList());
    // brn fixed (width 0): no parameter; steady free and shared by C and AC; signal normalisation constrained
    assertEquals(List.of("mu", "signal_norm", "csi.steady"), built.model().parameterNames());
    assertEquals(NormParameter.Kind.FREE, built.model().norm(2).kind());
    assertEquals(NormParameter.constrained("signal_norm", 0.1), built.model().norm(1));
    assertEquals(2 * BeamToys.ENERGY.nBins(), built.model().nBins());
    double[] nu = built.model().expected(built.model().nominalParameters(1.0));
    double total = 0;
    for (double v : nu) {
      total += v;
    }
    assertEquals(BeamToys.SIGNAL + 2 * BeamToys.STEADY + BeamToys.BRN, total, 1e-9);
  }
}
