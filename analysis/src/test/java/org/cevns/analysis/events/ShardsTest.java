package org.cevns.analysis.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cevns.events.io.EventFileWriter;

/** A directory of shards gives the same histograms and exposure as one file with the same events. */
class ShardsTest {
  @TempDir Path tmp;

  @Test
  void directoryOfShardsEqualsOneFile() throws Exception {
    String exposure = TestFiles.exposure(Map.of("a", 1.0, "b", 2.0),
        Map.of("a", Map.of("beam", 500.0), "b", Map.of("beam", 500.0)), "sns", "protons_on_target");
    Map<String, String> meta = TestFiles.metadata(exposure, TestFiles.WINDOWS_6US, true, 7);
    Path one = tmp.resolve("one.parquet");
    Path dir = tmp.resolve("shards");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("_SUCCESS"), "");
    List<String> dets = List.of("a", "b");
    List<String> comps = List.of("signal", "x", "y");
    int n = 150_000; // more than two blocks
    int[] cut = {40_000, 41_000, 123_457};
    EventFileWriter single = EventFileWriter.open(one.toString(), dets, List.of("beam"), comps, meta,
        WriteOptions.defaults());
    EventFileWriter[] shards = new EventFileWriter[cut.length + 1];
    for (int s = 0; s < shards.length; s++) {
      shards[s] = EventFileWriter.open(dir.resolve("part-" + s + ".parquet").toString(), dets, List.of("beam"),
          comps, TestFiles.shard(meta, s, shards.length), WriteOptions.defaults().withCompression("snappy"));
    }
    SplittableRandom rng = new SplittableRandom(5);
    int shard = 0;
    for (int i = 0; i < n; i++) {
      while (shard < cut.length && i >= cut[shard]) {
        shard++;
      }
      int d = rng.nextInt(2);
      int c = rng.nextInt(3);
      double t = -7000 + 14000 * rng.nextDouble();
      int win = t >= 0 && t < 6000 ? 0 : t < 0 && t >= -6000 ? 1 : 2;
      double e = 10 * rng.nextDouble();
      int npe = d == 0 ? (int) (e * 10) : EventFileWriter.NO_NPE;
      double weight = 0.25 * (1 + rng.nextInt(4)); // exact binary fractions: sums independent of the order
      boolean det = rng.nextDouble() < 0.7;
      single.add(d, 0, win, c, det, e, npe, t, weight);
      shards[shard].add(d, 0, win, c, det, e, npe, t, weight);
    }
    single.close();
    for (EventFileWriter w : shards) {
      w.close();
    }
    HistogramBinning binning = TestFiles.binning(dets, BinEdges.uniform(7, 0, 10), BinEdges.uniform(14, -7000, 7000));
    var a = EventFileHistogrammer.histogram(List.of(one.toString()), binning, 1);
    var b = EventFileHistogrammer.histogram(List.of(dir.toString()), binning, 2);
    var c = EventFileHistogrammer.histogram(List.of(dir.toString()), binning, 1);
    assertEquals(1, a.files().size());
    assertEquals(4, b.files().size());
    assertEquals(n, a.rowsRead());
    assertEquals(a.rowsRead(), b.rowsRead());
    assertEquals(a.rowsDetected(), b.rowsDetected());
    for (var other : List.of(b, c)) {
      assertEquals(a.spectra().keys(), other.spectra().keys());
      for (SpectrumKey k : a.spectra().keys()) {
        KeySpectra x = a.spectra().get(k).orElseThrow();
        KeySpectra y = other.spectra().get(k).orElseThrow();
        assertArrayEquals(x.energy().contents(), y.energy().contents(), k.toString());
        assertArrayEquals(x.energy().sumW2s(), y.energy().sumW2s(), k.toString());
        assertArrayEquals(x.time().contents(), y.time().contents(), k.toString());
        assertEquals(x.pe().isPresent(), y.pe().isPresent());
        if (x.pe().isPresent()) {
          assertArrayEquals(x.pe().get().contents(), y.pe().get().contents());
        }
        assertEquals(x.sumW(), y.sumW());
        assertEquals(x.rows(), y.rows());
      }
    }
    // shards of one run (same seed and config) count their exposure once
    assertEquals(500.0, b.exposure().orElseThrow().liveSeconds("a", "beam"));
    assertEquals(a.exposure().get().liveSeconds("b", "beam"), b.exposure().get().liveSeconds("b", "beam"));
    // detector "b" has no PE: no PE histogram
    assertTrue(a.spectra().keys().stream().filter(k -> k.detector().equals("b"))
        .allMatch(k -> a.spectra().get(k).orElseThrow().pe().isEmpty()));
  }

  @Test
  void projectionSkipsRedundantAndConstantColumns() throws Exception {
    String exposure = TestFiles.exposure(Map.of("a", 1.0), Map.of("a", Map.of("run", 10.0)), "sun", "live_seconds");
    Path f = tmp.resolve("f.parquet");
    Map<String, String> meta = new java.util.HashMap<>(TestFiles.metadata(exposure, null, false, 1));
    meta.put(EventColumns.META_DROP_UNDETECTED, "true");
    try (EventFileWriter w = EventFileWriter.open(f.toString(), List.of("a"), List.of("run"),
        List.of("signal", "bkg"), meta, WriteOptions.defaults())) {
      for (int i = 0; i < 1000; i++) {
        w.add(0, 0, 2, i % 2, true, i * 0.01, EventFileWriter.NO_NPE, i, 1);
      }
    }
    EventFile ef = EventFile.list(List.of(f.toString()), HadoopFiles.configuration()).get(0);
    // detector, period and window hold one value each (footer statistics); weights are 1; all rows detected
    assertEquals(Map.of("detector", "a", "period", "run", "beam_window", "none"), ef.constants());
    assertEquals(List.of("observed_kevee", "time_ns", "component", "process", "npe"), ef.projection());
    assertFalse(ef.projection().contains("recoil_kev"));
    var r = EventFileHistogrammer.histogram(List.of(ef), TestFiles.binning(List.of("a"), BinEdges.uniform(10, 0, 10),
        BinEdges.uniform(10, 0, 1000)), 1, HadoopFiles.configuration());
    assertEquals(500, r.spectra().get(new SpectrumKey("a", "run", "none", "bkg")).orElseThrow().rows());
  }
}
