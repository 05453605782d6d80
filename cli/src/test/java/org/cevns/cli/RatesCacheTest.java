package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * Issue 12: {@link RatesCache} gives back the exact bytes a run printed, misses whenever an input of the run changed
 * (configuration, a file it names, an override, the output mode, the build), ignores a corrupt entry, skips a
 * directory it cannot write and can be turned off. Runs go through {@link RatesFastPath} as {@code Main} runs them;
 * a miss is seen by its warm-up hook running.
 */
class RatesCacheTest {
  @TempDir Path tmp;
  private Path cacheDir;
  private Path config;
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

  @Test
  void aHitPrintsTheSameBytesWithoutComputing() throws IOException {
    byte[] first = run("rates", config.toString());
    assertEquals(1, misses.get());
    assertTrue(new String(first, StandardCharsets.UTF_8).startsWith("experiment "));
    assertEquals(List.of(), temporaryFiles(), "no temporary file is left");
    assertEquals(1, entries().size());
    assertArrayEquals(first, run("rates", config.toString()));
    assertEquals(1, misses.get(), "the second run is a hit");
    byte[] json = run("rates", "--json", config.toString());
    assertEquals(2, misses.get(), "--json is another key");
    assertArrayEquals(json, run("rates", config.toString(), "--json"));
    assertEquals(2, misses.get());
  }

  @Test
  void aChangedConfigurationOverrideOrBuildIsAMiss() throws IOException {
    byte[] first = run("rates", config.toString());
    Files.writeString(config, "\n# a comment\n", java.nio.file.StandardOpenOption.APPEND);
    settle(config);
    assertArrayEquals(first, run("rates", config.toString()), "same numbers");
    assertEquals(2, misses.get(), "changed configuration bytes");
    byte[] heavier = run("rates", config.toString(), "--set", "detectors[0].mass_kg=3000");
    assertEquals(3, misses.get(), "an override");
    assertNotEquals(new String(first, StandardCharsets.UTF_8), new String(heavier, StandardCharsets.UTF_8));
    assertArrayEquals(heavier, run("rates", config.toString(), "--set", "detectors[0].mass_kg=3000"));
    assertEquals(3, misses.get());
    RatesCache.processDefault = RatesCache.of(cacheDir, "build 2");
    run("rates", config.toString());
    assertEquals(4, misses.get(), "another build");
  }

  @Test
  void aChangedFileTheConfigurationNamesIsAMiss() throws IOException {
    byte[] first = run("rates", config.toString());
    Path table = quenchingTable();
    List<String> lines = Files.readAllLines(table);
    // the quenching factors of sodium halved: the detected counts change
    StringBuilder halved = new StringBuilder();
    for (String line : lines) {
      String[] f = line.split(",");
      boolean data = f.length == 2 && !line.startsWith("#") && Character.isDigit(f[1].strip().charAt(0));
      halved.append(data ? f[0] + "," + Double.parseDouble(f[1].strip()) / 2 : line).append('\n');
    }
    Files.writeString(table, halved);
    settle(table);
    byte[] second = run("rates", config.toString());
    assertEquals(2, misses.get(), "a changed quenching table");
    assertNotEquals(new String(first, StandardCharsets.UTF_8), new String(second, StandardCharsets.UTF_8));
    assertTrue(RatesCacheRuns.inputsReadAgain(config, List.of()).contains(table.toAbsolutePath().normalize()));
  }

  /** The inputs a computed run records come from its own loading of the files, and equal those read again. */
  @Test
  void theInputsHandedOverByTheLoaderEqualTheOnesReadAgain() throws IOException {
    Path physics = config.getParent().resolve("physics.yaml");
    Path outer = includingPhysics(physics);
    var overrides = List.of(org.cevns.schema.ConfigOverride.parse("detectors[0].mass_kg=2"));
    List<List<Path>> handed = new java.util.ArrayList<>();
    org.cevns.schema.ConfigLoader.load(outer, overrides, (tree, included) ->
        handed.add(RatesCache.inputs(outer, tree, included)));
    assertEquals(1, handed.size());
    assertEquals(RatesCacheRuns.inputsReadAgain(outer, overrides), handed.get(0));
    assertTrue(handed.get(0).contains(physics.toAbsolutePath().normalize()), handed.toString());
    assertTrue(handed.get(0).contains(quenchingTable().toAbsolutePath().normalize()), handed.toString());
  }

  @Test
  void aChangedIncludedFileIsAMiss() throws IOException {
    // the weak mixing angle in an included file (maps merge key by key)
    Path physics = config.getParent().resolve("physics.yaml");
    Path outer = includingPhysics(physics);
    settle(physics);
    settle(outer);
    byte[] first = run("rates", outer.toString());
    assertArrayEquals(first, run("rates", outer.toString()));
    assertEquals(1, misses.get());
    Files.writeString(physics, "physics: {sin2_theta_w: 0.24}\n");
    settle(physics);
    byte[] second = run("rates", outer.toString());
    assertEquals(2, misses.get(), "a changed included file");
    assertNotEquals(new String(first, StandardCharsets.UTF_8), new String(second, StandardCharsets.UTF_8));
  }

  @Test
  void aCorruptEntryIsRecomputedAndReplaced() throws IOException {
    byte[] first = run("rates", config.toString());
    Path entry = entries().get(0);
    byte[] bytes = Files.readAllBytes(entry);
    for (byte[] bad : List.of(new byte[0], java.util.Arrays.copyOf(bytes, bytes.length / 2), flipped(bytes))) {
      Files.write(entry, bad);
      int before = misses.get();
      assertArrayEquals(first, run("rates", config.toString()));
      assertEquals(before + 1, misses.get(), "a corrupt entry is a miss");
      assertArrayEquals(bytes, Files.readAllBytes(entry), "and is written again");
    }
  }

  @Test
  void anUnwritableDirectoryIsSkipped() throws IOException {
    Files.writeString(tmp.resolve("a-file"), "in the way");
    RatesCache.processDefault = RatesCache.of(tmp.resolve("a-file").resolve("rates"), "build 1");
    byte[] first = run("rates", config.toString());
    assertTrue(new String(first, StandardCharsets.UTF_8).startsWith("experiment "));
    assertArrayEquals(first, run("rates", config.toString()));
    assertEquals(2, misses.get());
  }

  @Test
  void recentlyModifiedInputsAndFailuresAreNotStored() throws IOException {
    Files.setLastModifiedTime(quenchingTable(), FileTime.fromMillis(System.currentTimeMillis()));
    run("rates", config.toString());
    assertEquals(List.of(), entries(), "an input modified just before the run");
    settle(quenchingTable());
    run("rates", config.toString(), "--set", "detectors[0].mass_kg=-1");
    assertEquals(List.of(), entries(), "a failed run");
  }

  @Test
  void offByTheSwitchAndWithoutAJarOrDirectory() {
    assertNull(RatesCache.from("0", "/x", "/home/u", "build"));
    assertNull(RatesCache.from(" OFF ", "/x", "/home/u", "build"));
    assertNull(RatesCache.from(null, "/x", "/home/u", null), "not from a jar");
    assertNull(RatesCache.from(null, null, null, "build"), "no directory");
    assertEquals(Path.of("/x/cevns/rates"), RatesCache.from("1", "/x", "/home/u", "build").directory());
    assertEquals(Path.of("/home/u/.cache/cevns/rates"), RatesCache.from(null, "rel", "/home/u", "b").directory());
    assertEquals(Path.of("/home/u/.cache/cevns/rates"), RatesCache.from(null, "", "/home/u", "b").directory());
    RatesCache.processDefault = null;
    assertNull(RatesCache.fromEnvironment(), "tests run from a classes directory: no cache");
  }

  @Test
  void theSwitchValuesThatTurnTheCacheOff() {
    for (String v : List.of("0", "false", "OFF", " no ")) {
      assertTrue(RatesCache.off(v), v);
    }
    for (String v : List.of("1", "true", "on", "")) {
      assertFalse(RatesCache.off(v), v);
    }
    assertFalse(RatesCache.off(null), "unset: on");
  }

  /**
   * Writes {@code physics} (sin²θ_W 0.23) and, beside the configuration, outer.yaml: the configuration including it
   * (maps merge key by key); returns outer.yaml.
   */
  private Path includingPhysics(Path physics) throws IOException {
    Files.writeString(physics, "physics: {sin2_theta_w: 0.23}\n");
    Path outer = config.getParent().resolve("outer.yaml");
    Files.writeString(outer, "include: physics.yaml\n" + Files.readString(config));
    return outer;
  }

  private Path quenchingTable() {
    return config.getParent().resolve("data/quenching/nai_na_joo2019.csv");
  }

  private static void settle(Path p) throws IOException {
    RatesCacheRuns.settle(p);
  }

  private static byte[] flipped(byte[] b) {
    byte[] c = b.clone();
    c[c.length / 2] ^= 1;
    return c;
  }

  private List<Path> entries() throws IOException {
    return list(".rates");
  }

  private List<Path> temporaryFiles() throws IOException {
    return list(".tmp");
  }

  private List<Path> list(String suffix) throws IOException {
    return RatesCacheRuns.list(cacheDir, suffix);
  }

  /** Stdout of the command line as {@code Main} runs it (exit code 0 or 2 for the failure test). */
  private byte[] run(String... args) {
    return RatesCacheRuns.run(misses, args).stdout();
  }
}
