package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns merge} reads every page of every shard and checks its CRC-32 (regression: it read the footers only, so
 * a shard with a page damaged in a copy passed as "2 shards of one run" and {@code detsim} of the run failed later).
 */
class MergePageChecksumTest {
  @TempDir Path tmp;

  @Test
  void aDamagedPageIsRefusedNamingTheShardAndFootersOnlySkipsTheCheck() throws Exception {
    Path run = tmp.resolve("run");
    for (int s = 0; s < 2; s++) {
      CliRunner.Result g = CliRunner.run("generate", GenerateShardTest.CONFIG, "--events", "2000", "--seed", "7",
          "--shard", s + "/2", "-o", run.resolve("part-" + s + ".parquet").toString(), "--quiet");
      assertEquals(0, g.exitCode(), g.err());
    }
    CliRunner.Result ok = CliRunner.run("merge", run.toString());
    assertEquals(0, ok.exitCode(), ok.err());
    assertTrue(ok.err().contains("2 shards of one run, 2000 events, every page's checksum verified"), ok.err());
    // flip two bytes in the first data pages of shard 1 (its pages start after the 4-byte magic "PAR1")
    Path damaged = run.resolve("part-1.parquet");
    byte[] b = Files.readAllBytes(damaged);
    b[40] ^= (byte) 0xff;
    b[41] ^= (byte) 0x55;
    Files.write(damaged, b);
    Files.delete(run.resolve(MergeCommand.RUN_FILE));
    CliRunner.Result bad = CliRunner.run("merge", run.toString());
    assertEquals(2, bad.exitCode(), bad.err());
    assertEquals(1, bad.err().lines().count(), bad.err());
    assertTrue(bad.err().startsWith("cevns: ") && bad.err().contains("part-1.parquet")
        && bad.err().contains("CRC checksum verification failed"), bad.err());
    assertFalse(Files.exists(run.resolve(MergeCommand.RUN_FILE)), "no run file for a damaged run");
    CliRunner.Result footers = CliRunner.run("merge", "--footers-only", run.toString());
    assertEquals(0, footers.exitCode(), footers.err());
    assertTrue(footers.err().contains("2 shards of one run, 2000 events; wrote"), footers.err());
  }
}
