package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.EventFileReader;
import org.cevns.events.io.ParquetMetadataReader;
import org.cevns.events.io.TruthMetadata;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --shard I/N}: the shards of a run hold exactly its events. */
@Tag("slow")
class GenerateShardTest {
  static final String CONFIG = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml").toString();
  @TempDir Path tmp;

  /** N = 3 over 4 full blocks and a partial one: shard files concatenated = the unsharded file, event by event. */
  @Test
  void threeShardsConcatenatedEqualTheUnshardedFile() throws IOException {
    int events = 4 * EventBlock.CAPACITY + 1234;
    Path whole = tmp.resolve("whole.parquet");
    CliRunner.Result w = CliRunner.run("generate", CONFIG, "-o", whole.toString(), "--events", "" + events,
        "--seed", "11", "--threads", "2", "--quiet");
    assertEquals(0, w.exitCode(), w.err());
    Path dir = tmp.resolve("shards");
    long[] sizes = new long[3];
    List<double[]> concatenated = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path shard = dir.resolve("part-" + i + ".parquet");
      CliRunner.Result r = CliRunner.run("generate", CONFIG, "-o", shard.toString(), "--events", "" + events,
          "--seed", "11", "--threads", i == 1 ? "1" : "2", "--shard", i + "/3");
      assertEquals(0, r.exitCode(), r.err());
      assertTrue(r.err().contains("(shard " + i + "/3)"), r.err());
      List<double[]> part = read(shard);
      sizes[i] = part.size();
      concatenated.addAll(part);
      Map<String, String> meta = ParquetMetadataReader.read(shard.toString());
      assertEquals(i + "/3", meta.get(TruthMetadata.SHARD));
      assertEquals("" + events, meta.get(TruthMetadata.RUN_EVENTS));
      assertEquals("" + sizes[i], meta.get(TruthMetadata.EVENTS));
    }
    // blocks [0,1), [1,3), [3,5) of B = 5
    assertArrayEquals(new long[] {EventBlock.CAPACITY, 2 * EventBlock.CAPACITY, EventBlock.CAPACITY + 1234}, sizes);
    List<double[]> expected = read(whole);
    assertEquals(expected.size(), concatenated.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), concatenated.get(i), "event " + i);
    }
    // the directory of shards reads as the whole run
    List<double[]> fromDir = read(dir);
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), fromDir.get(i), "event " + i + " from the directory");
    }
    Map<String, String> wholeMeta = ParquetMetadataReader.read(whole.toString());
    assertNull(wholeMeta.get(TruthMetadata.SHARD), "an unsharded file has no shard entries");
    assertNull(wholeMeta.get(TruthMetadata.RUN_EVENTS));
  }

  /** A Poisson toy: every shard draws the same total, so the shards add up to the unsharded run. */
  @Test
  void poissonTotalIsTheSameInEveryShard() throws IOException {
    Path whole = tmp.resolve("toy.parquet");
    assertEquals(0, CliRunner.run("generate", CONFIG, "-o", whole.toString(), "--seed", "5", "--quiet").exitCode());
    long total = 0;
    for (int i = 0; i < 2; i++) {
      Path shard = tmp.resolve("toy-" + i + ".parquet");
      assertEquals(0, CliRunner.run("generate", CONFIG, "-o", shard.toString(), "--seed", "5", "--shard", i + "/2",
          "--quiet").exitCode());
      Map<String, String> meta = ParquetMetadataReader.read(shard.toString());
      assertEquals(ParquetMetadataReader.read(whole.toString()).get(TruthMetadata.EVENTS),
          meta.get(TruthMetadata.RUN_EVENTS));
      total += Long.parseLong(meta.get(TruthMetadata.EVENTS));
    }
    assertEquals(read(whole).size(), total);
  }

  @Test
  void badShardIsAUserErrorWithTheRule() throws IOException {
    Path out = tmp.resolve("x.parquet");
    CliRunner.Result r = CliRunner.run("generate", CONFIG, "-o", out.toString(), "--seed", "1", "--shard", "3/3");
    assertEquals(Main.EXIT_USER_ERROR, r.exitCode());
    assertEquals("cevns: --shard: must be I/N with 0 <= I < N (shards are numbered from 0: 0..2 for N = 3), got 3/3\n",
        r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void shardWithoutAFixedSeedIsAUserError() {
    Path out = tmp.resolve("x.parquet");
    CliRunner.Result r = CliRunner.run("generate", CONFIG, "-o", out.toString(), "--shard", "0/2");
    assertEquals(Main.EXIT_USER_ERROR, r.exitCode());
    assertTrue(r.err().startsWith("cevns: --shard: needs a fixed seed"), r.err());
    assertFalse(Files.exists(out));
  }

  /** Every event of a file or directory of shards, all truth columns as numbers (string columns as codes). */
  static List<double[]> read(Path p) throws IOException {
    List<double[]> out = new ArrayList<>();
    try (EventFileReader r = EventFileReader.open(p.toString())) {
      EventBlock b = new EventBlock();
      while (r.next(b)) {
        for (int i = 0; i < b.size(); i++) {
          out.add(new double[] {b.eventId[i], b.detector[i], b.process[i], b.flavor[i], b.parent[i], b.enuMeV[i],
              b.targetZ[i], b.targetA[i], b.recoilKeV[i], b.timeNs[i], b.period[i], b.weight[i]});
        }
      }
    }
    return out;
  }
}
