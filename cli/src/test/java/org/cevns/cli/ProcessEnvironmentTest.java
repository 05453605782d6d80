package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misbehaving environment, with real processes ({@code java -cp <test class path> org.cevns.cli.Main}): a file size
 * limit while {@code convert} writes, the C locale with a non-ASCII output path, a temporary directory that does not
 * exist. Each is one line naming the cause, no output and no stray file or directory.
 */
@Tag("slow")
class ProcessEnvironmentTest {
  static final String CONFIG = GenerateShardTest.CONFIG;
  @TempDir Path tmp;

  record Run(int exitCode, String err) {}

  private Run run(List<String> prefix, List<String> jvm, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.addAll(jvm);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile())
        .start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished");
    return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Regression: the message was "I/O error: File too large", without the output's name. */
  @Test
  void convertOnAFullDiskNamesTheOutput() throws Exception {
    Path truth = tmp.resolve("truth.parquet");
    assertEquals(0, run(List.of(), List.of(), "generate", CONFIG, "-o", truth.toString(), "--events", "30000",
        "--seed", "1", "--quiet").exitCode());
    Path out = tmp.resolve("x.hepmc3");
    Run r = run(List.of("bash", "-c", "ulimit -f 3000 && exec \"$@\"", "cevns"), List.of(), "convert",
        truth.toString(), "--to", "hepmc3", "-o", out.toString(), "--quiet");
    Failures.assertClean(1, r.exitCode(), r.err(), out);
    assertEquals("cevns: I/O error: cannot write " + out + ": File too large\n", r.err());
  }

  /**
   * Regression: under the C locale the JVM decodes arguments as ASCII; generate -o DIR/ü/x.parquet made all its
   * events, then failed with "internal error: java.nio.file.InvalidPathException ..." and left a directory "??".
   */
  @Test
  void aNonAsciiPathUnderTheCLocaleIsRefusedBeforeAnyWork() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("c-locale"));
    Run r = run(List.of("env", "LC_ALL=C", "bash", "-c", "exec \"$@\" -o \"$0/\"$'\\xc3\\xbc'\"/x.parquet\"",
        dir.toString()), List.of(), "generate", CONFIG, "--events", "10", "--quiet");
    Failures.assertClean(2, r.exitCode(), r.err(), null);
    assertTrue(r.err().contains("the locale's encoding (ANSI_X3.4-1968) cannot represent; run cevns under a UTF-8"
        + " locale, e.g. LC_ALL=C.UTF-8"), r.err());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(), s.toList(), "nothing created");
    }
  }

  /** Regression: "internal error: java.lang.ExceptionInInitializerError: Cannot unpack libzstd-jni-...". */
  @Test
  void aMissingTemporaryDirectoryIsNamed() throws Exception {
    Path missing = tmp.resolve("no-such-tmp");
    Path out = tmp.resolve("g.parquet");
    Run r = run(List.of(), List.of("-Djava.io.tmpdir=" + missing), "generate", CONFIG, "-o", out.toString(),
        "--events", "10", "--quiet");
    Failures.assertClean(1, r.exitCode(), r.err(), out);
    assertTrue(r.err().startsWith("cevns: cannot load the native ZSTD library, which zstd-jni unpacks into the"
        + " temporary directory " + missing + " ("), r.err());
  }

  /**
   * Regression: under the C locale a non-ASCII file name inside a configuration was refused with "must be a valid file
   * path (Malformed input or input contains unmappable characters)", without naming the locale as the argument check
   * does. Each of the three readers (sources' spectrum file, a detector's table, a template file) now says it in the
   * argument check's words. The configurations are ASCII ({@code \u00fc} in double-quoted YAML) and run with
   * {@code java} itself: bin/cevns would switch to C.UTF-8.
   */
  @Test
  void aNonAsciiFileNameInAConfigurationUnderTheCLocaleNamesTheLocale() throws Exception {
    String data = GenerateCommandTest.CONFIGS.resolve("data") + "/";
    String spectrum = String.join("\n", "name: c-locale", "sources:", "  - name: custom", "    type: spectrum-file",
        "    file: \"brn \\u00fc.csv\"", "    flavor: nuebar", "    rate_per_s: 1.0e18", "    exposure: {live_days: 10}",
        "detectors:", "  - name: d", "    target: {formula: Ge}", "    mass_kg: 1", "    distance_m: 10",
        "    response: {quenching: {model: lindhard, k: 0.162}, energy: {model: ideal}}", "analysis: {mode: single}",
        "");
    String table = Files.readString(GenerateCommandTest.CONFIGS.resolve("coherent-nai.yaml"))
        .replace("file: data/quenching/nai_na_joo2019.csv", "file: \"q\\u00fc.csv\"").replace("data/", data);
    String template = Files.readString(GenerateCommandTest.CONFIGS.resolve("coherent-lar.yaml"))
        .replace("file: data/coherent-lar-2020/cevnspdf.txt", "file: \"pdf\\u00fc.txt\"").replace("data/", data);
    String[][] cases = {
        {spectrum, "rates", "sources[0].file: must be a file name without"},
        {table, "rates", "detectors[0].response.quenching.by_element.Na.file: must be a file name without"},
        {template, "sensitivity", "analysis.fit.template_files[0].file: must be a file name without"}};
    for (int i = 0; i < cases.length; i++) {
      String[] c = cases[i];
      Path config = Files.writeString(tmp.resolve("c" + i + ".yaml"), c[0]);
      Run r = run(List.of("env", "LC_ALL=C"), List.of(), c[1], config.toString());
      Failures.assertClean(2, r.exitCode(), r.err(), null);
      assertTrue(r.err().contains(c[2] + " characters that the locale's encoding (ANSI_X3.4-1968) cannot represent;"
          + " run cevns under a UTF-8 locale, e.g. LC_ALL=C.UTF-8, got '"), r.err());
    }
  }
}
