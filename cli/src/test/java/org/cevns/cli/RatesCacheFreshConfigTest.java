package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script that writes a configuration and runs {@code cevns rates} on it at once (a parameter study written from
 * Python) is cached: the configuration's bytes are in the key, so only a rewrite while the run read it must keep the
 * run out of the cache. Before, every configuration modified less than 2 s before its run was left out, so such a
 * study ran cold on every pass (walkscript, twenty-second session).
 */
class RatesCacheFreshConfigTest {
  @TempDir Path tmp;
  private Path config;
  private Path cacheDir;
  private final AtomicInteger misses = new AtomicInteger();

  @BeforeEach
  void setUp() throws IOException {
    cacheDir = tmp.resolve("cache");
    config = tmp.resolve("configs").resolve("coherent-nai.yaml");
    Files.createDirectories(config.getParent());
    Files.copy(GenerateCommandTest.CONFIGS.resolve("coherent-nai.yaml"), config);
    ConfigCopies.copyDataBeside(config.getParent());
    RatesCacheRuns.settleAll(config.getParent());
    RatesCache.processDefault = RatesCache.of(cacheDir, "build 1");
  }

  @AfterEach
  void tearDown() {
    RatesCache.processDefault = null;
  }

  /** Dates the configuration {@code millis} ms (plus a sub-second part unless {@code whole}) before now. */
  private void fresh(long millis, boolean whole) throws IOException {
    long t = System.currentTimeMillis() - millis;
    t = whole ? t - t % 1000 : t - t % 1000 + 123;
    Files.setLastModifiedTime(config, FileTime.fromMillis(t));
  }

  @Test
  void aConfigurationWrittenJustBeforeItsRunIsCached() throws IOException {
    Files.writeString(config, "\n# scan point 1\n", java.nio.file.StandardOpenOption.APPEND);
    fresh(0, false);
    byte[] first = run(() -> { });
    assertEquals(1, misses.get());
    assertEquals(1, RatesCacheRuns.list(cacheDir, ".rates").size(), "stored");
    assertArrayEquals(first, run(() -> { }));
    assertEquals(1, misses.get(), "the second run is a hit");
  }

  @Test
  void aConfigurationRewrittenWhileTheRunReadItIsNotStored() throws IOException {
    fresh(0, false);
    long before = Files.getLastModifiedTime(config).toMillis();
    // the rewrite happens after the key is read and before the configuration is loaded (the miss hook), and keeps
    // the modification time, as within one tick of a coarse clock: the bytes differ from the key's
    run(() -> rewrite(before));
    assertEquals(List.of(), entries(), "computed from other bytes than the key's");
    run(() -> { });
    assertEquals(2, misses.get(), "nothing was stored for the key of the rewritten bytes either");
  }

  @Test
  void onWholeSecondTimesAFreshConfigurationIsStillNotStored() throws IOException {
    fresh(0, true);
    run(() -> { });
    assertEquals(List.of(), entries(), "a whole-second time may hide a rewrite within its second");
    fresh(3_000, true);
    run(() -> { });
    assertEquals(1, entries().size(), "settled for longer than the settling time");
  }

  private void rewrite(long millis) {
    try {
      Files.writeString(config, "\n# rewritten\n", java.nio.file.StandardOpenOption.APPEND);
      Files.setLastModifiedTime(config, FileTime.fromMillis(millis));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<Path> entries() throws IOException {
    return RatesCacheRuns.list(cacheDir, ".rates");
  }

  /** Stdout of {@code rates CONFIG} as {@code Main} runs it, {@code onMiss} run (and counted) on a miss. */
  private byte[] run(Runnable onMiss) {
    RatesCommand cmd = RatesFastPath.parse(new String[] {"rates", config.toString()});
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = RatesFastPath.run(cmd, () -> {
        misses.incrementAndGet();
        onMiss.run();
      });
    } finally {
      System.setOut(stdout);
    }
    assertEquals(0, code);
    assertTrue(out.size() > 0);
    return out.toByteArray();
  }
}
