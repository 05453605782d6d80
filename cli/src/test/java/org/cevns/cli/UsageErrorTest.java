package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage errors are one line, "cevns: KEY: what is wrong", exit 2, nothing written. Regressions found by trying the
 * commands as a user: picocli's mutually-exclusive message read "cevns: Error: --events=N, --mean are ...", and a
 * bad codec "cevns: --compression: compression must be one of ...".
 */
class UsageErrorTest {
  @TempDir Path tmp;

  @Test
  void mutuallyExclusiveOptionsAreOneLineWithoutPicocliPrefix() {
    Path out = tmp.resolve("x.parquet");
    CliRunner.Result r = CliRunner.run("generate", GenerateShardTest.CONFIG, "--events", "10", "--mean", "-o",
        out.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: --events=N, --mean are mutually exclusive (specify only one) (try 'cevns generate --help')\n",
        r.err());
    assertTrue(Files.notExists(out));
  }

  @Test
  void anUnknownCodecNamesTheOptionOnce() {
    Path out = tmp.resolve("x.parquet");
    CliRunner.Result r = CliRunner.run("generate", GenerateShardTest.CONFIG, "--events", "10", "--compression",
        "brotli", "-o", out.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: --compression: must be one of uncompressed, snappy, zstd, gzip, lz4_raw, got 'brotli'\n",
        r.err());
    assertTrue(Files.notExists(out));
  }
}
