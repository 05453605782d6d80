package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12: commands that need no file system load no Hadoop class (Hadoop's classes and its Configuration cost
 * start-up time). Each case runs cevns in a fresh JVM with {@code -verbose:class} and reads the class-loading log;
 * the command's own output must still be there (so the test fails if the command did not run).
 */
class LazyHadoopTest {
  @TempDir Path tmp;

  /** Runs cevns in a fresh JVM with {@code -verbose:class}; returns the class-loading log (stdout). */
  private Process run(List<String> args, Path out, Path err) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Xshare:off", "-verbose:class", "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished");
    return p;
  }

  private static List<String> hadoopClasses(Path log) throws java.io.IOException {
    return Files.readString(log, StandardCharsets.UTF_8).lines()
        .filter(l -> l.contains("class,load") && l.contains("org.apache.hadoop")).toList();
  }

  /**
   * Issue 12: a Parquet output on the local file system (a plain path or a {@code file:} URI) is written without
   * Hadoop: generate and simulate load no {@code org.apache.hadoop} class (566 before, of which 147 from
   * {@code org.apache.hadoop.fs}). A scheme that only Hadoop knows ({@code faulty://}, a test file system) still
   * goes through Hadoop's file systems.
   */
  @ParameterizedTest
  @ValueSource(strings = {"generate|coherent-lar.yaml|plain", "generate|coherent-lar.yaml|file://",
      "simulate|coherent-csi.yaml|plain", "generate|coherent-lar.yaml|faulty://"})
  void localParquetOutputsLoadNoHadoopClass(String argLine) throws Exception {
    String[] a = argLine.split("\\|");
    Path file = tmp.resolve("sub").resolve(a[0] + ".parquet");
    String output = "plain".equals(a[2]) ? file.toString() : a[2] + file;
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = run(List.of(a[0], GenerateCommandTest.CONFIGS.resolve(a[1]).toString(), "--events", "3000",
        "--seed", "1", "--threads", "2", "-o", output), out, err);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), stderr);
    assertTrue(Files.size(file) > 1000, "written: " + file);
    assertTrue(stderr.contains(" to " + ("faulty://".equals(a[2]) ? "faulty:" : "file:") + file), stderr);
    List<String> hadoop = hadoopClasses(out);
    if (a[2].equals("faulty://")) {
      assertTrue(hadoop.stream().anyMatch(l -> l.contains("org.apache.hadoop.fs.FileSystem ")), "through Hadoop");
    } else {
      assertEquals(List.of(), hadoop, argLine + " loaded Hadoop classes");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "--help", "rates|coherent-lar.yaml", "rates|xenonnt-b8.yaml|--json",
      "rates|no-such-config.yaml"})
  void loadsNoHadoopClass(String argLine) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Xshare:off", "-verbose:class", "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    for (String a : argLine.split("\\|")) {
      cmd.add(a.endsWith(".yaml") ? GenerateCommandTest.CONFIGS.resolve(a).toString() : a);
    }
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished");
    String log = Files.readString(out, StandardCharsets.UTF_8);
    List<String> hadoop = log.lines().filter(l -> l.contains("class,load") && l.contains("org.apache.hadoop"))
        .toList();
    assertEquals(List.of(), hadoop, argLine + " loaded Hadoop classes");
    if (argLine.contains("no-such-config")) {
      assertEquals(Main.EXIT_USER_ERROR, p.exitValue());
      assertTrue(Files.readString(err, StandardCharsets.UTF_8).startsWith("cevns: "));
    } else {
      assertEquals(0, p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
      String printed = log.lines().filter(l -> !l.startsWith("[")).reduce("", (a, b) -> a + b + "\n");
      assertTrue(printed.contains(argLine.startsWith("rates") ? "expected" : "cevns"), printed);
    }
  }
}
