package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory of a {@code cevns shards} job: its JVM gets the heap the stage needs (-Xmx), and the job requests that
 * heap and the JVM's memory outside it. Before 2026-12-06 the job ran {@code java -jar cevns.jar} without -Xmx, so
 * under a batch system's memory limit (Slurm's cgroup; Java then takes a quarter of it: 512 MB of the default
 * --memory-mb 2048) every job of {@code --stage simulate configs/ess.yaml} stopped at once with "not enough heap"
 * (it needs 618 MB at one thread; 721 MB before the isotopes of one element shared their EvES tables);
 * {@code -XX:MaxRAM=2048m} below makes Java size its heap as in such a cgroup.
 */
class BatchJobMemoryTest {
  static final String ESS = GenerateCommandTest.CONFIGS.resolve("ess.yaml").toString();
  @TempDir Path tmp;

  @Test
  void aSimulateJobOfEssRunsInTheMemoryItRequests() throws Exception {
    Path batch = tmp.resolve("ess");
    CliRunner.Result r = CliRunner.run("shards", ESS, "--stage", "simulate", "--shards", "100", "--events", "20000",
        "--seed", "3", "-o", batch.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("2048M", BatchShardsTest.line(Files.readString(batch.resolve("slurm/shards.sbatch")),
        "^#SBATCH --mem=(\\S+)$"));
    CliRunner.Result s = BatchShardsTest.bash(batch.resolve("shard.sh"),
        Map.of("JAVA_TOOL_OPTIONS", "-XX:MaxRAM=2048m"), "7");
    assertEquals(0, s.exitCode(), s.out());
    assertTrue(Files.isRegularFile(batch.resolve("shards/part-00007.parquet")));
  }

  @Test
  void aMemoryRequestBelowTheHeapIsRefusedNamingWhatTheJobNeeds() {
    Path batch = tmp.resolve("small");
    CliRunner.Result r = CliRunner.run("shards", ESS, "--stage", "simulate", "--shards", "10", "--seed", "3",
        "--memory-mb", "900", "-o", batch.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("cevns: --memory-mb: a simulate job of " + ESS + " with 1 thread needs a Java heap"
        + " of "), r.err());
    assertTrue(r.err().strip().endsWith("got 900; give --memory-mb 938 or more"), r.err());
    assertTrue(Files.notExists(batch));
  }

  @Test
  void aLargerHeapRaisesTheDefaultRequest() throws Exception {
    Path batch = tmp.resolve("nucleus");
    CliRunner.Result r = CliRunner.run("shards", GenerateCommandTest.CONFIGS.resolve("nucleus.yaml").toString(),
        "--shards", "4", "--seed", "3", "--threads", "16", "-o", batch.toString());
    assertEquals(0, r.exitCode(), r.err());
    long heap = Long.parseLong(BatchShardsTest.line(Files.readString(batch.resolve("shard.sh")), " -Xmx(\\d+)m "));
    String sub = Files.readString(batch.resolve("condor/shards.sub"));
    assertEquals(heap + ShardsCommand.NON_HEAP_MB + " MB", BatchShardsTest.line(sub, "^request_memory\\s*=\\s*(.+)$"));
    assertTrue(heap + ShardsCommand.NON_HEAP_MB > ShardsCommand.DEFAULT_MEMORY_MB, sub);
  }
}
