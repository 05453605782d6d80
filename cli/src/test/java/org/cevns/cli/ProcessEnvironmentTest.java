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
}
