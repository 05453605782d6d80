package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cevns.analysis.report.ToyTable;
import org.cevns.analysis.stat.ToyStudy;
import org.cevns.events.io.OutputWriteException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small outputs written in one go (the toy table of {@code cevns toys}, the run file of {@code cevns merge}) on a
 * full disk: one line naming the file, exit 1, and no temporary file left. Before, both left {@code .NAME.inprogress}
 * (a name shared by every run, so two concurrent runs wrote the same temporary file) and said only "I/O error: No
 * space left on device".
 */
class SmallOutputFaultTest {
  @TempDir Path tmp;

  @AfterEach
  void unlimited() {
    FailingFileSystem.BUDGET_BYTES.set(-1);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aToyTableOnAFullDiskLeavesNothing() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("toys"));
    ToyStudy.Row row = new ToyStudy.Row(0, 1, 1.1, 0.2, 0.9, 1.3, true, 4, 2, true, new double[0], List.of(),
        new double[0]);
    List<ToyStudy.Row> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      rows.add(row);
    }
    FailingFileSystem.BUDGET_BYTES.set(100);
    Path file = dir.resolve("part-00000.parquet");
    OutputWriteException e = assertThrows(OutputWriteException.class,
        () -> ToyTable.write("faulty://" + file, ToyStudy.FIXED_COLUMNS, rows, Map.of("cevns.toys", "1000")));
    assertEquals("cannot write faulty:" + file + ": No space left on device", e.getMessage());
    assertEquals(List.of(), names(dir), "no temporary file left");
    FailingFileSystem.BUDGET_BYTES.set(-1);
    ToyTable.write("faulty://" + file, ToyStudy.FIXED_COLUMNS, rows, Map.of("cevns.toys", "1000"));
    assertEquals(List.of("part-00000.parquet"), names(dir), "a re-run writes the table");
  }

  @Test
  void mergeOnAFullDiskIsOneLineAndLeavesNothing() throws IOException {
    Path shards = Files.createDirectories(tmp.resolve("shards"));
    for (int i = 0; i < 2; i++) {
      CliRunner.Result g = CliRunner.run("generate", GenerateShardTest.CONFIG, "-o",
          shards.resolve("part-" + i + ".parquet").toString(), "--events", "100", "--seed", "3", "--shard", i + "/2",
          "--quiet");
      assertEquals(0, g.exitCode(), g.err());
    }
    FailingFileSystem.BUDGET_BYTES.set(100);
    CliRunner.Result r = CliRunner.run("merge", "faulty://" + shards);
    Failures.assertClean(1, r, null);
    assertEquals("cevns: I/O error: cannot write faulty:" + shards.resolve(MergeCommand.RUN_FILE)
        + ": No space left on device\n", r.err());
    assertEquals(List.of("part-0.parquet", "part-1.parquet"), names(shards), "no temporary file left");
    FailingFileSystem.BUDGET_BYTES.set(-1);
    CliRunner.Result again = CliRunner.run("merge", shards.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(Files.isRegularFile(shards.resolve(MergeCommand.RUN_FILE)));
  }
}
