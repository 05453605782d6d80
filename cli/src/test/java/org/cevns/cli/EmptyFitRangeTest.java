package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An energy range of the fit above the signal ({@code analysis.energy} 100–200 keVee on COHERENT CsI, whose CEvNS
 * events are below ~5 keVee) is refused before any simulation in one line naming the key, exit 2, nothing
 * written. Before, every analysis command ran the pilot and the template simulations (~30 s) and then failed with
 * "no signal template has expected events inside the fit range" without the key, and {@code analyze} even
 * exited 0 with "fit: not done".
 */
class EmptyFitRangeTest {
  static final Path CSI = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml");
  @TempDir Path tmp;

  /** Nothing in {@code dir} (toys makes DIR, shared by its shards, before the work). */
  private static boolean empty(Path dir) throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  @Test
  void aFitRangeAboveTheSignalFailsBeforeAnySimulation() throws Exception {
    Path data = tmp.resolve("data.parquet");
    CliRunner.Result imp = CliRunner.run("import", "--format", "coherent-csi-2021",
        GenerateCommandTest.CONFIGS.resolve("data/coherent-csi-2021").toString(), "-o", data.toString());
    assertEquals(0, imp.exitCode(), imp.err());
    Path out = tmp.resolve("o");
    String[] range = {"--set", "analysis.energy.min_kevee=100", "--set", "analysis.energy.max_kevee=200"};
    for (List<String> args : List.of(
        List.of("fit", CSI.toString(), "-i", data.toString(), "-o", out.toString(), "--poi", "sin2_theta_w"),
        List.of("scan", CSI.toString(), "-o", out.toString(), "--poi", "mu=0:2:3"),
        List.of("analyze", CSI.toString(), "-i", data.toString(), "-o", out.toString()),
        List.of("run", CSI.toString(), "-o", out.toString()),
        List.of("sensitivity", CSI.toString(), "-o", out.toString()),
        List.of("toys", CSI.toString(), "--toys", "2", "-o", out.toString()))) {
      List<String> all = new java.util.ArrayList<>(args);
      all.addAll(List.of(range));
      CliRunner.Result r = CliRunner.run(all.toArray(String[]::new));
      assertEquals(2, r.exitCode(), args + ": " + r.err());
      assertTrue(r.err().startsWith("cevns: analysis.energy.min_kevee: the fit range starts above every observable"
          + " CEvNS energy (csi 28.8 keVee"), args + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), args + ": " + r.err());
      assertTrue(Files.notExists(out) || empty(out), args + ": output written");
    }
  }
}
