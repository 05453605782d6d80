package org.cevns.analysis.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.WriteOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cevns.events.io.EventFileWriter;

/**
 * Histogramming is identical, bit for bit, for any thread count, also for weights whose sums depend on the
 * order of the additions, and one file with several row groups is shared out to the threads.
 */
@Tag("slow")
class ThreadCountTest {
  @TempDir Path tmp;

  @Test
  void sameSumsForAnyThreadCountWithinOneFileAndAcrossShards() throws Exception {
    String exposure = TestFiles.exposure(Map.of("a", 1.0), Map.of("a", Map.of("beam", 500.0)), "sns",
        "protons_on_target");
    Map<String, String> meta = TestFiles.metadata(exposure, TestFiles.WINDOWS_6US, true, 7);
    Path one = tmp.resolve("one.parquet");
    Path dir = Files.createDirectories(tmp.resolve("shards"));
    // 64 kB row groups: one file of many row groups
    WriteOptions small = WriteOptions.defaults().withRowGroupSizeBytes(1 << 16).withPageSizeBytes(8 << 10);
    SplittableRandom rng = new SplittableRandom(11);
    try (EventFileWriter w = EventFileWriter.open(one.toString(), List.of("a"), List.of("beam"),
        List.of("signal", "x"), meta, small);
        EventFileWriter s0 = EventFileWriter.open(dir.resolve("part-0.parquet").toString(), List.of("a"),
            List.of("beam"), List.of("signal", "x"), TestFiles.shard(meta, 0, 2), small);
        EventFileWriter s1 = EventFileWriter.open(dir.resolve("part-1.parquet").toString(), List.of("a"),
            List.of("beam"), List.of("signal", "x"), TestFiles.shard(meta, 1, 2), small)) {
      for (int i = 0; i < 60_000; i++) {
        double t = -7000 + 14000 * rng.nextDouble();
        int win = t >= 0 && t < 6000 ? 0 : t < 0 && t >= -6000 ? 1 : 2;
        double e = 10 * rng.nextDouble();
        double weight = 0.1 + rng.nextDouble(); // not dyadic: sums depend on the order of the additions
        boolean det = rng.nextDouble() < 0.7;
        int c = rng.nextInt(2);
        w.add(0, 0, win, c, det, e, (int) (e * 10), t, weight);
        (i < 25_000 ? s0 : s1).add(0, 0, win, c, det, e, (int) (e * 10), t, weight);
      }
    }
    EventFile file = EventFile.list(List.of(one.toString()), HadoopFiles.configuration()).get(0);
    assertTrue(file.rowGroups() >= 4, "row groups: " + file.rowGroups());
    HistogramBinning binning = TestFiles.binning(List.of("a"), BinEdges.uniform(7, 0, 10),
        BinEdges.uniform(14, -7000, 7000));
    for (List<String> input : List.of(List.of(one.toString()), List.of(dir.toString()))) {
      var reference = EventFileHistogrammer.histogram(input, binning, 1);
      for (int threads : new int[] {2, 3, 8}) {
        var other = EventFileHistogrammer.histogram(input, binning, threads);
        assertEquals(reference.rowsRead(), other.rowsRead());
        assertEquals(reference.spectra().keys(), other.spectra().keys());
        for (SpectrumKey k : reference.spectra().keys()) {
          KeySpectra x = reference.spectra().get(k).orElseThrow();
          KeySpectra y = other.spectra().get(k).orElseThrow();
          String at = input + " " + threads + " threads " + k;
          assertArrayEquals(x.energy().contents(), y.energy().contents(), at);
          assertArrayEquals(x.energy().sumW2s(), y.energy().sumW2s(), at);
          assertArrayEquals(x.time().contents(), y.time().contents(), at);
          assertEquals(x.sumW(), y.sumW(), 0.0, at);
          assertEquals(x.rows(), y.rows(), at);
        }
      }
    }
  }
}
