package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of a fixed event count ({@code simulate --events N}) given as data is refused (exit 2, one line, nothing
 * written): the analysis counts a data file's rows as observed events at the exposure the file records, while such a
 * file holds N events for the expected count of that exposure. Found by trying {@code cevns fit} as a user:
 * coherent-csi with 200000 events for 42974 expected fitted μ̂ = 4.76 without a word. The same file is accepted as
 * {@code analyze --templates} (AnalysisCommandsTest).
 */
class FixedCountDataTest {
  static final String CONFIG = GenerateShardTest.CONFIG;
  @TempDir Path tmp;

  @Test
  void aFixedCountFileIsNotData() throws Exception {
    Path sample = tmp.resolve("sample.parquet");
    assertEquals(0, CliRunner.run("simulate", CONFIG, "-o", sample.toString(), "--events", "2000", "--seed", "3",
        "--quiet").exitCode());
    assertRefusedAsData(tmp, sample, "a sample of a fixed number of events (--events N; each row stands for ",
        "as data give a toy experiment (simulate without --events)");
  }

  /**
   * {@code analyze}, {@code fit} and {@code scan} of CONFIG with {@code sample} as data: exit 2, one line starting
   * "cevns: SAMPLE: {@code start}" and containing {@code remedy}, no output directory (in {@code tmp}).
   */
  static void assertRefusedAsData(Path tmp, Path sample, String start, String remedy) {
    for (List<String> args : List.of(List.of("analyze", CONFIG), List.of("fit", CONFIG, "--poi", "mu"),
        List.of("scan", CONFIG, "--poi", "mu=0:2:3"))) {
      Path out = tmp.resolve("out-" + args.get(0));
      List<String> all = new java.util.ArrayList<>(args);
      all.addAll(List.of("-i", sample.toString(), "-o", out.toString(), "--quiet"));
      CliRunner.Result r = CliRunner.run(all.toArray(new String[0]));
      assertEquals(2, r.exitCode(), args + ": " + r.err());
      assertTrue(r.err().startsWith("cevns: " + sample + ": " + start), r.err());
      assertTrue(r.err().contains(remedy), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(Files.notExists(out), args.toString());
    }
  }
}
