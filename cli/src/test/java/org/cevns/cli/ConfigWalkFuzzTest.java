package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A user who gets configuration values wrong, systematically: every key path of the key reference and of five
 * shipped configurations ({@link ConfigWalk}) with every mutation that applies to its value (negative, zero, .nan,
 * .inf, 1e300, 1e-300, wrong types, empty, null, unknown words, duplicate and misspelled keys, ...), checked with
 * {@code cevns rates} (the complete check of a configuration). Each case must exit 0 or 2, never 1 or with an
 * uncaught exception, and an accepted value must not make rates print NaN, an infinity or a number beyond 1e40; exit 2 prints exactly one line naming the key path mutated (or its parent, child or the key
 * itself), no Java class name, no "Exception", no "null" message, and nothing on stdout.
 *
 * <p>The default run takes a fixed-seed sample of {@value #SAMPLE} cases (of 12181); the {@code slow} variant runs
 * every case.
 */
class ConfigWalkFuzzTest {
  static final int SAMPLE = 400;
  private static final Pattern JAVA_NAME = Pattern.compile(
      "\\b(java|javax|org|com|picocli)\\.[a-z]+\\.|Exception|\\b[A-Z][A-Za-z]+(Node|Error)\\b|@[0-9a-f]{6,}");
  /** NaN, an infinity or a number beyond 1e40 (no expected count or cross section comes near it) in rates' output. */
  private static final Pattern OVERFLOW =
      Pattern.compile("(?i)\\bnan\\b|\\binf\\b|infinity|\\d[.]?\\d*e\\+?([4-9]\\d|\\d{3})\\b");
  @TempDir static Path dir;
  private static int counter;

  @BeforeAll
  static void dataFiles() throws IOException {
    ConfigCopies.copyDataBeside(dir);
  }

  static Stream<ConfigWalk.Case> sample() throws IOException {
    List<ConfigWalk.Case> all = new ArrayList<>(ConfigWalk.allCases());
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2024L);
    for (int i = all.size() - 1; i > 0; i--) { // Fisher-Yates with a fixed seed: the same sample on every run
      java.util.Collections.swap(all, i, rng.nextInt(i + 1));
    }
    return all.stream().limit(SAMPLE);
  }

  static Stream<ConfigWalk.Case> every() throws IOException {
    return ConfigWalk.allCases().stream();
  }

  @ParameterizedTest
  @MethodSource("sample")
  void sampledMutationIsAcceptedOrOneLineExit2(ConfigWalk.Case c) throws IOException {
    assertNull(problem(c, run(c)), c.toString());
  }

  @Tag("slow")
  @ParameterizedTest
  @MethodSource("every")
  void everyMutationIsAcceptedOrOneLineExit2(ConfigWalk.Case c) throws IOException {
    assertNull(problem(c, run(c)), c.toString());
  }

  static CliRunner.Result run(ConfigWalk.Case c) throws IOException {
    Path config = ConfigWalk.write(c, dir, counter++);
    try {
      return CliRunner.run("rates", config.toString());
    } finally {
      Files.deleteIfExists(config);
    }
  }

  /** What is wrong with the result of case {@code c}, or null if nothing. */
  static String problem(ConfigWalk.Case c, CliRunner.Result r) {
    String err = r.err();
    if (r.exitCode() == 0) {
      // an accepted value must not make a derived number overflow (the promise of configs/reference.yaml)
      // (an open keVnr window, "CEvNS window 2.500-inf keVnr", is no overflow). charge_radius_cm2 = -1 cm^2, which
      // gave 7e66 events, is now refused (NewPhysicsBounds: |<r^2>| <= 1e-28 cm^2)
      return r.out().lines().filter(l -> OVERFLOW.matcher(l).find() && !l.contains("CEvNS window")).findFirst()
          .map(l -> "accepted, but rates printed a non-finite or absurd number: " + l).orElse(null);
    }
    if (r.exitCode() != 2) {
      return "exit " + r.exitCode() + ": " + err;
    }
    List<String> lines = err.lines().toList();
    if (lines.size() != 1 || !lines.get(0).startsWith("cevns: ")) {
      return "not one line: " + err;
    }
    if (!r.out().isEmpty()) {
      return "output on stdout with exit 2: " + r.out();
    }
    String message = lines.get(0).substring("cevns: ".length());
    if (JAVA_NAME.matcher(message).find() || message.equals("null") || message.endsWith(": null")
        && !c.mutation().equals("null")) {
      return "Java in the message: " + message;
    }
    return related(c, message) ? null : "message does not name " + c.keyPath() + ": " + message;
  }

  /**
   * Whether {@code message} names the mutated key path, an ancestor of it, a key beside or below it, or (for errors
   * of the file itself, such as a duplicate key) the key's own name.
   */
  static boolean related(ConfigWalk.Case c, String message) {
    String path = c.keyPath();
    int colon = message.indexOf(": ");
    String messagePath = colon < 0 ? "" : message.substring(0, colon);
    String parent = ConfigWalk.keyPath(c.path().subList(0, c.path().size() - 1));
    Object last = c.path().get(c.path().size() - 1);
    if (message.contains(path) || !messagePath.isEmpty() && path.startsWith(messagePath)) {
      return true;
    }
    if (!parent.isEmpty() && messagePath.startsWith(parent)) {
      return true;
    }
    // a check across keys of one detector or source (a light yield so small that no recoil is detected)
    if (c.path().size() >= 3 && messagePath.startsWith(ConfigWalk.keyPath(c.path().subList(0, 2)) + ".")) {
      return true;
    }
    // a renamed name that other keys refer to: the referring key names it
    if (c.mutation().equals("unknown-word") && message.contains("zzfuzz-word")
        || c.mutation().equals("long-string") && message.contains("xxxxxxxxxx")) {
      return true;
    }
    return last instanceof String key && Pattern.compile("\\b" + Pattern.quote(key) + "\\b").matcher(message).find();
  }
}
