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
