package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A normal write and read prints nothing on stderr (no native-hadoop warning, no codec-pool or record-reader
 * INFO lines) with slf4j-simple, the binding of the test class path. Runs in a fresh JVM so that no earlier
 * test has already created the loggers.
 */
class QuietStderrTest {
  @TempDir
  Path dir;

  @Test
  void normalRunIsSilentOnStderr() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        QuietRunMain.class.getName(), dir.toString()));
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    assertEquals(true, done, "child finished");
    assertEquals("", new String(err, StandardCharsets.UTF_8), "stderr");
    assertEquals("ok\n", new String(out, StandardCharsets.UTF_8));
    assertEquals(0, p.exitValue());
  }
}
