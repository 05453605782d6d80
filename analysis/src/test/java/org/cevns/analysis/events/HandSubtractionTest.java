package org.cevns.analysis.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisMode;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.hist.Histogram1D;
import org.cevns.analysis.pipeline.SubtractionReport;
import org.cevns.analysis.subtract.SubtractionResult;
import org.cevns.physics.constants.Units;
import org.cevns.events.io.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cevns.events.io.EventFileWriter;

/**
 * ON − OFF and C − AC from small hand-made files, against arithmetic done by hand: the events are read back
 * with the projection, undetected events are dropped, and the exposure comes from the file metadata.
 */
class HandSubtractionTest {
  static final BinEdges ENERGY = BinEdges.uniform(3, 0, 3);
  @TempDir Path tmp;

  @Test
  void beamCoincidenceMinusAntiCoincidenceByHand() throws Exception {
    String file = tmp.resolve("beam.parquet").toString();
    String exposure = TestFiles.exposure(Map.of("csi", 14.6), Map.of("csi", Map.of("beam", 1000.0)), "sns",
        "protons_on_target");
    try (EventFileWriter w = EventFileWriter.open(file, List.of("csi"), List.of("beam"),
        List.of("signal", "steady"), TestFiles.metadata(exposure, TestFiles.WINDOWS_6US, false, 1),
        WriteOptions.defaults())) {
      // C: bin0 gets 3 (2 signal + 1 steady), bin1 gets 2, bin2 gets 0; AC: bin0 1, bin1 1, bin2 2
      w.add("csi", "beam", "coincidence", "signal", true, 0.5, 7, 100, 1);
      w.add("csi", "beam", "coincidence", "signal", true, 0.2, 3, 900, 1);
      w.add("csi", "beam", "coincidence", "steady", true, 0.9, 12, 5000, 1);
      w.add("csi", "beam", "coincidence", "signal", true, 1.5, 20, 2000, 1);
      w.add("csi", "beam", "coincidence", "steady", true, 1.0, 13, 3000, 1); // lower edge of bin 1
      w.add("csi", "beam", "coincidence", "signal", false, 0.5, 7, 100, 1); // undetected: ignored
      w.add("csi", "beam", "coincidence", "signal", true, 3.0, 40, 100, 1); // overflow
      w.add("csi", "beam", "anticoincidence", "steady", true, 0.1, 1, -100, 1);
      w.add("csi", "beam", "anticoincidence", "steady", true, 1.9, 25, -2000, 1);
      w.add("csi", "beam", "anticoincidence", "steady", true, 2.5, 33, -3000, 1);
      w.add("csi", "beam", "anticoincidence", "steady", true, 2.0, 27, -5999, 1);
      w.add("csi", "beam", "none", "steady", true, 1.0, 13, 7000, 1); // outside both windows
    }
    EventFileHistogrammer.Result r = EventFileHistogrammer.histogram(List.of(file),
        TestFiles.binning(List.of("csi"), ENERGY, BinEdges.uniform(4, -6000, 6000)), 2);
    assertEquals(12, r.rowsRead());
    assertEquals(11, r.rowsDetected());
    SubtractionReport s = SubtractionReport.of(AnalysisMode.BEAM, r.spectra(), r.exposure().orElseThrow(),
        r.windows(), List.of("csi")).orElseThrow();
    SubtractionResult x = s.perDetector().get(0).result();
    double exposureNsS = 6000.0 * 1000.0; // window length x beam seconds, same for C and AC
    double[] c = {3, 2, 0};
    double[] ac = {1, 1, 2};
    for (int i = 0; i < 3; i++) {
      assertEquals(c[i] / exposureNsS, x.signalRate().content(i), 1e-18);
      assertEquals(ac[i] / exposureNsS, x.controlRate().content(i), 1e-18);
      assertEquals((c[i] - ac[i]) / exposureNsS, x.residualRate().content(i), 1e-18);
      assertEquals(Math.sqrt(c[i] + ac[i]) / exposureNsS, x.residualRate().error(i), 1e-18);
      assertEquals(c[i] - ac[i], x.residualCounts().content(i), 1e-9);
    }
    assertEquals(1.0, s.perDetector().get(0).kappa());
    assertEquals(0.0 + 3 + 2 + 0 - 4, x.residualCounts().integral(), 1e-9);
    assertEquals(1.0, x.signalRate().overflow() * exposureNsS, 1e-9);
  }

  @Test
  void reactorOnMinusOffByHandForOneDetectorAndAnArray() throws Exception {
    String file = tmp.resolve("reactor.parquet").toString();
    double day = Units.S_PER_DAY;
    String exposure = TestFiles.exposure(Map.of("g1", 1.0, "g2", 2.0),
        Map.of("g1", Map.of("on", 100 * day, "off", 50 * day), "g2", Map.of("on", 100 * day, "off", 20 * day)),
        "core", "live_seconds");
    int[][] onG1 = {{0, 4}, {1, 2}, {2, 1}};
    int[][] offG1 = {{0, 1}, {2, 1}};
    int[][] onG2 = {{0, 6}, {1, 3}};
    int[][] offG2 = {{0, 1}, {1, 1}, {2, 1}};
    try (EventFileWriter w = EventFileWriter.open(file, List.of("g1", "g2"), List.of("on", "off"),
        List.of("signal", "bkg"), TestFiles.metadata(exposure, null, false, 2), WriteOptions.defaults())) {
      fill(w, "g1", "on", onG1);
      fill(w, "g1", "off", offG1);
      fill(w, "g2", "on", onG2);
      fill(w, "g2", "off", offG2);
      w.add("g2", "off", "none", "bkg", false, 0.5, -1, 0, 1); // undetected
    }
    EventFileHistogrammer.Result r = EventFileHistogrammer.histogram(List.of(file),
        TestFiles.binning(List.of("g1", "g2"), ENERGY, BinEdges.uniform(2, 0, 100 * day * 1e9)), 1);
    SubtractionReport s = SubtractionReport.of(AnalysisMode.ON_OFF, r.spectra(), r.exposure().orElseThrow(),
        Optional.empty(), List.of("g1", "g2")).orElseThrow();
    // g1: ON exposure 100 kg d, OFF 50 kg d, kappa 2; g2: ON 200 kg d, OFF 40 kg d, kappa 5
    double[] on1 = {4, 2, 1};
    double[] off1 = {1, 0, 1};
    double[] on2 = {6, 3, 0};
    double[] off2 = {1, 1, 1};
    SubtractionResult g1 = s.perDetector().get(0).result();
    SubtractionResult g2 = s.perDetector().get(1).result();
    assertEquals(2.0, s.perDetector().get(0).kappa(), 1e-12);
    assertEquals(5.0, s.perDetector().get(1).kappa(), 1e-12);
    Histogram1D arrayRes = s.array().orElseThrow().residualCounts();
    for (int i = 0; i < 3; i++) {
      assertEquals(on1[i] / 100 - off1[i] / 50, g1.residualRate().content(i), 1e-12);
      assertEquals(Math.sqrt(on1[i] / 1e4 + off1[i] / 2500), g1.residualRate().error(i), 1e-12);
      assertEquals(on2[i] - 5 * off2[i], g2.residualCounts().content(i), 1e-9);
      assertEquals(Math.sqrt(on2[i] + 25 * off2[i]), g2.residualCounts().error(i), 1e-9);
      // array: residual counts add, kappa per detector; rate per total ON exposure (300 kg d)
      double counts = on1[i] - 2 * off1[i] + on2[i] - 5 * off2[i];
      assertEquals(counts, arrayRes.content(i), 1e-9);
      assertEquals(Math.sqrt(on1[i] + 4 * off1[i] + on2[i] + 25 * off2[i]), arrayRes.error(i), 1e-9);
      assertEquals(counts / 300, s.array().get().residualRate().content(i), 1e-12);
    }
    assertTrue(s.array().get().rateUnit().contains("kg"));
  }

  private static void fill(EventFileWriter w, String det, String period, int[][] binCounts) throws Exception {
    for (int[] bc : binCounts) {
      for (int k = 0; k < bc[1]; k++) {
        w.add(det, period, "none", k % 2 == 0 ? "signal" : "bkg", true, bc[0] + 0.25 + 0.1 * k, -1, 1e9 * k, 1);
      }
    }
  }
}
