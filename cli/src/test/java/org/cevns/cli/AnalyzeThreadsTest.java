package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cevns analyze} gives the same summary for any --threads (histograms, templates, fit). */
@Tag("slow")
class AnalyzeThreadsTest {
  static final String CONFIG = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml").toString();
  @TempDir Path tmp;

  @Test
  void summaryDoesNotDependOnTheThreadCount() throws Exception {
    Path events = tmp.resolve("toy.parquet");
    assertEquals(0, CliRunner.run("simulate", CONFIG, "-o", events.toString(), "--seed", "31", "--quiet")
        .exitCode());
    JsonNode[] summaries = new JsonNode[2];
    int[] threads = {1, 2};
    for (int i = 0; i < 2; i++) {
      Path out = tmp.resolve("analysis-" + threads[i]);
      CliRunner.Result r = CliRunner.run("analyze", CONFIG, "-i", events.toString(), "-o", out.toString(),
          "--seed", "4", "--threads", "" + threads[i]);
      assertEquals(0, r.exitCode(), r.err());
      summaries[i] = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }
    assertEquals(summaries[0], summaries[1]);
  }
}
