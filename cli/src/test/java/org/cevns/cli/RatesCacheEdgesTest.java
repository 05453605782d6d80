package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * Edges of {@link RatesCache}: an included file reached through a symbolic link that is re-pointed is a miss (also to
 * a file with the same bytes: the entry records each input's real path), and the cache directory stays bounded (the
 * least recently used entries are deleted beyond the limits, a hit counts as a use, stale temporary files go).
 */
class RatesCacheEdgesTest {
  @TempDir Path tmp;
  private Path cacheDir;
  private Path dir;
  private final AtomicInteger misses = new AtomicInteger();

  @BeforeEach
  void setUp() throws IOException {
    cacheDir = tmp.resolve("cache");
    dir = tmp.resolve("configs");
    Files.createDirectories(dir);
    Files.copy(GenerateCommandTest.CONFIGS.resolve("coherent-nai.yaml"), dir.resolve("coherent-nai.yaml"));
    ConfigCopies.copyDataBeside(dir);
    RatesCache.processDefault = RatesCache.of(cacheDir, "build 1");
  }

  @AfterEach
  void tearDown() {
    RatesCache.processDefault = null;
  }

  @Test
  void aRePointedSymbolicLinkToAnIncludedFileIsAMiss() throws IOException {
    Path a = Files.createDirectories(dir.resolve("a")).resolve("physics.yaml");
    Path b = Files.createDirectories(dir.resolve("b")).resolve("physics.yaml");
    Path same = Files.createDirectories(dir.resolve("c")).resolve("physics.yaml");
    Files.writeString(a, "physics: {sin2_theta_w: 0.23}\n");
    Files.writeString(b, "physics: {sin2_theta_w: 0.24}\n");
    Files.writeString(same, "physics: {sin2_theta_w: 0.24}\n");
    Path link = Files.createSymbolicLink(dir.resolve("physics.yaml"), a);
    Path outer = dir.resolve("outer.yaml");
    Files.writeString(outer, "include: physics.yaml\n" + Files.readString(dir.resolve("coherent-nai.yaml")));
    settleAll();
    byte[] first = run(outer);
    assertArrayEquals(first, run(outer));
    assertEquals(1, misses.get(), "a hit");
    Files.delete(link);
    Files.createSymbolicLink(link, b);
    byte[] second = run(outer);
    assertEquals(2, misses.get(), "the link re-pointed to another file is a miss");
    assertNotEquals(new String(first, StandardCharsets.UTF_8), new String(second, StandardCharsets.UTF_8));
    assertArrayEquals(second, run(outer));
    assertEquals(2, misses.get());
    Files.delete(link);
    Files.createSymbolicLink(link, same);
    assertArrayEquals(second, run(outer), "same bytes, same numbers");
    assertEquals(3, misses.get(), "re-pointed to a file with the same bytes: another real path, a miss");
  }

  @Test
  void pruningKeepsTheMostRecentlyUsedEntriesWithinTheLimits() throws IOException {
    Files.createDirectories(cacheDir);
    long now = System.currentTimeMillis();
    for (int i = 0; i < 10; i++) { // entry i used i minutes ago, 100 bytes each
      Path e = cacheDir.resolve("e" + i + ".rates");
      Files.write(e, new byte[100]);
      Files.setLastModifiedTime(e, FileTime.fromMillis(now - i * 60_000L));
    }
    Path staleTmp = cacheDir.resolve(".rates-1.tmp");
    Path freshTmp = cacheDir.resolve(".rates-2.tmp");
    Path other = cacheDir.resolve("notes.txt");
    Files.write(staleTmp, new byte[1]);
    Files.setLastModifiedTime(staleTmp, FileTime.fromMillis(now - 2 * RatesCacheBound.STALE_TMP_MILLIS));
    Files.write(freshTmp, new byte[1]);
    Files.write(other, new byte[1000]);
    RatesCacheBound.prune(cacheDir, 10, 1000, now);
    assertEquals(List.of("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9"), entryNames(),
        "within both limits: all kept");
    assertTrue(Files.exists(freshTmp) && !Files.exists(staleTmp) && Files.exists(other), "only the stale tmp goes");
    RatesCacheBound.prune(cacheDir, 6, 1000, now);
    assertEquals(List.of("e0", "e1", "e2", "e3", "e4", "e5"), entryNames(), "the 6 most recently used");
    RatesCacheBound.prune(cacheDir, 6, 350, now);
    assertEquals(List.of("e0", "e1", "e2"), entryNames(), "at most 350 bytes: the 3 most recently used");
  }

  @Test
  void aHitIsAUseAndAStoreBoundsTheDirectory() throws IOException {
    Path config = dir.resolve("coherent-nai.yaml");
    settleAll();
    run(config);
    List<Path> entries = entries();
    assertEquals(1, entries.size());
    Path entry = entries.get(0);
    long old = System.currentTimeMillis() - 86_400_000L;
    Files.setLastModifiedTime(entry, FileTime.fromMillis(old));
    run(config);
    assertEquals(1, misses.get());
    assertTrue(Files.getLastModifiedTime(entry).toMillis() > old + 3_600_000L, "a hit touches its entry");
    for (int i = 0; i < RatesCache.MAX_ENTRIES + 5; i++) { // older, unused entries of other runs
      Path e = cacheDir.resolve("old" + i + ".rates");
      Files.write(e, new byte[10]);
      Files.setLastModifiedTime(e, FileTime.fromMillis(old - i));
    }
    run(config, "--json");
    assertEquals(2, misses.get());
    assertEquals(RatesCache.MAX_ENTRIES, entries().size(), "a store prunes to the limit");
    assertTrue(Files.exists(entry), "the recently used entry is kept");
  }

  private List<String> entryNames() throws IOException {
    return entries().stream().map(p -> p.getFileName().toString().replace(".rates", "")).sorted().toList();
  }

  private List<Path> entries() throws IOException {
    return RatesCacheRuns.list(cacheDir, ".rates");
  }

  private void settleAll() throws IOException {
    RatesCacheRuns.settleAll(dir);
  }

  /** Stdout of {@code rates CONFIG [EXTRA...]} as {@code Main} runs it (exit code 0). */
  private byte[] run(Path config, String... extra) {
    String[] args = new String[2 + extra.length];
    args[0] = "rates";
    args[1] = config.toString();
    System.arraycopy(extra, 0, args, 2, extra.length);
    RatesCacheRuns.Run r = RatesCacheRuns.run(misses, args);
    assertEquals(0, r.exitCode());
    return r.stdout();
  }
}
