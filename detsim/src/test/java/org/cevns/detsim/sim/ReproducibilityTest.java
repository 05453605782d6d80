package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.ColumnarFileReader;
import org.cevns.events.io.EventFileReader;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.TruthColumns;
import org.cevns.events.io.TruthParquetSink;
import org.cevns.events.io.WriteOptions;
import org.cevns.generator.run.EventCount;
import org.cevns.events.run.ParallelRunner;
import org.cevns.generator.run.TruthGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cevns.events.block.SimBlock;
import org.cevns.events.io.SimColumns;
import org.cevns.events.io.SimParquetSink;

/**
 * Same configuration and seed give the same events for any thread count; {@code detsim} reads a directory of
 * shards, equals {@code simulate} for a configuration without backgrounds, and appends its backgrounds after
 * the truth events.
 */
@Tag("slow")
class ReproducibilityTest {
  @TempDir Path dir;

  /** Digest of every column of every block, in order. */
  static long digest(DetectorSimulation sim, int threads) throws Exception {
    long[] h = {17};
    ParallelRunner.run(0, sim.blockCount(), threads, SimBlock::new, sim, (k, b) -> h[0] = fold(h[0], b), null);
    return h[0];
  }

  static long fold(long h, SimBlock b) {
    EventBlock t = b.truth;
    for (int i = 0; i < b.size(); i++) {
      h = mix(h, t.eventId[i]);
      h = mix(h, t.detector[i]);
      h = mix(h, t.process[i]);
      h = mix(h, t.flavor[i]);
      h = mix(h, t.parent[i]);
      h = mix(h, Double.doubleToLongBits(t.enuMeV[i]));
      h = mix(h, t.targetZ[i] * 1000L + t.targetA[i]);
      h = mix(h, Double.doubleToLongBits(t.recoilKeV[i]));
      h = mix(h, Double.doubleToLongBits(t.timeNs[i]));
      h = mix(h, t.period[i]);
      h = mix(h, Double.doubleToLongBits(t.weight[i]));
      h = mix(h, b.component[i]);
      h = mix(h, Double.doubleToLongBits(b.quenchedKeVee[i]));
      h = mix(h, Double.doubleToLongBits(b.observedKeVee[i]));
      h = mix(h, b.npe[i]);
      h = mix(h, b.detected[i] ? 1 : 0);
      h = mix(h, b.window[i]);
    }
    return h;
  }

  private static long mix(long h, long v) {
    long x = (h ^ v) * 0x9e3779b97f4a7c15L;
    return x ^ (x >>> 29);
  }

  @Test
  void simulateDoesNotDependOnThreadCount() throws Exception {
    SimTestSupport.Setup s = SimTestSupport.Setup.of(TestConfigs.REACTOR, dir);
    long events = 3 * EventBlock.CAPACITY + 1234;
    for (boolean drop : new boolean[] {false, true}) {
      long one = digest(s.simulation(99L, events, drop), 1);
      long two = digest(s.simulation(99L, events, drop), 2);
      long four = digest(s.simulation(99L, events, drop), 4);
      assertEquals(one, two, "drop " + drop);
      assertEquals(one, four, "drop " + drop);
    }
    assertNotEquals(digest(s.simulation(99L, events, false), 2), digest(s.simulation(100L, events, false), 2));
  }

  @Test
  void detsimOfShardsEqualsSimulateWithoutBackgrounds() throws Exception {
    SimTestSupport.Setup full = SimTestSupport.Setup.of(TestConfigs.SNS, dir);
    DetsimConfig noBg = full.detsim().withoutBackgrounds();
    BackgroundChannels none = BackgroundChannels.of(full.model(), noBg);
    long seed = 5L;
    long events = 2 * EventBlock.CAPACITY + 777;
    // truth in two shards: blocks 0-1 and block 2
    TruthGenerator truth = TruthGenerator.of(full.model(), full.model().config().generator(), seed, events, 2);
    Path shards = Files.createDirectories(dir.resolve("truth"));
    List<TruthParquetSink> sinks = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      sinks.add(TruthParquetSink.open(shards.resolve("part-0000" + i + ".parquet").toString(),
          full.model().dictionary(), Map.of("cevns.seed", Long.toString(seed)), WriteOptions.defaults()));
    }
    ParallelRunner.run(0, truth.blockCount(), 2, EventBlock::new, truth,
        (k, b) -> sinks.get(k < 2 ? 0 : 1).accept(k, b), null);
    for (TruthParquetSink sink : sinks) {
      sink.close();
    }
    DetectorSimulation direct = DetectorSimulation.of(full.model(), noBg, none, full.model().config().generator(),
        seed, events, 2, false);
    long expected = digest(direct, 2);
    for (int threads : new int[] {1, 2}) {
      long[] h = {17};
      try (EventFileReader reader = EventFileReader.open(HadoopFiles.path(shards.toString()), TruthColumns.NAMES,
          full.model().dictionary(), HadoopFiles.configuration(), ColumnarFileReader.ReadPath.PAGES)) {
        assertEquals(2, reader.files().size());
        TruthFileSimulation sim = TruthFileSimulation.of(reader, BlockResponse.of(full.model(), noBg), none,
            full.model().dictionary(), seed, false, false);
        sim.run(threads, (k, b) -> h[0] = fold(h[0], b), null);
      }
      assertEquals(expected, h[0], "threads " + threads);
    }
  }

  @Test
  void detsimAppendsBackgroundsAfterTheTruthEvents() throws Exception {
    SimTestSupport.Setup s = SimTestSupport.Setup.of(TestConfigs.SNS, dir);
    long seed = 11L;
    long events = 1000;
    TruthGenerator truth = TruthGenerator.of(s.model(), s.model().config().generator(), seed, events, 2);
    Path truthFile = dir.resolve("truth.parquet");
    TruthParquetSink sink = TruthParquetSink.open(truthFile.toString(), s.model().dictionary(), Map.of(),
        WriteOptions.defaults());
    ParallelRunner.run(0, truth.blockCount(), 2, EventBlock::new, truth, sink::accept, null);
    sink.close();
    Path out = dir.resolve("events.parquet");
    try (EventFileReader reader = EventFileReader.open(HadoopFiles.path(truthFile.toString()), TruthColumns.NAMES,
        s.model().dictionary(), HadoopFiles.configuration(), ColumnarFileReader.ReadPath.PAGES)) {
      TruthFileSimulation sim = TruthFileSimulation.of(reader, BlockResponse.of(s.model(), s.detsim()),
          s.backgrounds(), s.model().dictionary(), seed, true, false);
      assertEquals(EventCount.poisson(s.backgrounds().totalExpected(), SimStreams.backgroundSeed(seed)).events(),
          sim.backgroundEvents());
      SimParquetSink events2 = SimParquetSink.open(out.toString(), s.model().dictionary(),
          s.backgrounds().componentNames(), Map.of(), WriteOptions.defaults());
      SimJobs.detsim(sim, 2, events2, null);
      assertEquals(events + sim.backgroundEvents(), events2.events());
    }
    try (ColumnarFileReader r = ColumnarFileReader.open(out.toString())) {
      var b = r.select(List.of(TruthColumns.EVENT_ID, SimColumns.COMPONENT, TruthColumns.PROCESS), 1 << 16);
      long row = 0;
      while (r.next(b)) {
        long[] ids = b.longs(TruthColumns.EVENT_ID);
        int[] comp = b.codes(SimColumns.COMPONENT);
        boolean[] processNull = b.nulls(TruthColumns.PROCESS);
        List<String> names = b.strings(SimColumns.COMPONENT).values();
        for (int i = 0; i < b.size(); i++, row++) {
          assertEquals(row, ids[i]);
          boolean signal = names.get(comp[i]).equals("signal");
          assertEquals(row < events, signal, "row " + row);
          assertEquals(!signal, processNull[i], "row " + row);
        }
      }
    }
  }

  @Test
  void detsimRejectsTruthOfAnotherDetector() throws Exception {
    SimTestSupport.Setup s = SimTestSupport.Setup.of(TestConfigs.SNS, dir);
    SimTestSupport.Setup other = SimTestSupport.Setup.of(TestConfigs.SNS.replace("- name: csi", "- name: nai"), dir);
    TruthGenerator truth = TruthGenerator.of(other.model(), other.model().config().generator(), 1L, 100, 1);
    Path truthFile = dir.resolve("other.parquet");
    TruthParquetSink sink = TruthParquetSink.open(truthFile.toString(), other.model().dictionary(), Map.of(),
        WriteOptions.defaults());
    ParallelRunner.run(0, truth.blockCount(), 1, EventBlock::new, truth, sink::accept, null);
    sink.close();
    try (EventFileReader reader = EventFileReader.open(HadoopFiles.path(truthFile.toString()), TruthColumns.NAMES,
        s.model().dictionary(), HadoopFiles.configuration(), ColumnarFileReader.ReadPath.PAGES)) {
      TruthFileSimulation sim = TruthFileSimulation.of(reader, BlockResponse.of(s.model(), s.detsim()),
          s.backgrounds(), s.model().dictionary(), 1L, false, false);
      Path out = dir.resolve("bad.parquet");
      SimParquetSink events = SimParquetSink.open(out.toString(), s.model().dictionary(),
          s.backgrounds().componentNames(), Map.of(), WriteOptions.defaults());
      SimulationInputException e = assertThrows(SimulationInputException.class, () -> SimJobs.detsim(sim, 1, events,
          null));
      assertEquals("truth detector 'nai' is not a detector of the configuration, allowed: csi", e.getMessage());
      assertTrue(Files.notExists(out));
    }
  }
}
