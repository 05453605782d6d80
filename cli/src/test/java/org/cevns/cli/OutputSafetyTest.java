package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 16: outputs never overwrite inputs, never appear partial, and refused outputs are one line, exit 2. */
class OutputSafetyTest {
  static final String CONFIG = GenerateShardTest.CONFIG;
  @TempDir Path tmp;

  @AfterEach
  void unlimited() {
    FailingFileSystem.BUDGET_BYTES.set(-1);
  }

  private Path copyOfConfig(String name) throws Exception {
    Path c = tmp.resolve(name);
    Files.copy(Path.of(CONFIG), c);
    return c;
  }

  @ParameterizedTest
  @ValueSource(strings = {"generate", "simulate"})
  void outputEqualToTheConfigIsRefusedWithOrWithoutOverwrite(String command) throws Exception {
    Path c = copyOfConfig("x.yaml");
    byte[] before = Files.readAllBytes(c);
    for (List<String> extra : List.<List<String>>of(List.of(), List.of("--overwrite"))) {
      List<String> args = new java.util.ArrayList<>(List.of(command, c.toString(), "-o", c.toString(), "--events",
          "10", "--quiet"));
      args.addAll(extra);
      CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
      Failures.assertClean(2, r, null);
      assertTrue(r.err().contains("is also an input"), r.err());
      assertArrayEquals(before, Files.readAllBytes(c), "the configuration is intact");
    }
  }

  @Test
  void outputThatIsALinkToTheConfigIsRefused() throws Exception {
    Path c = copyOfConfig("x.yaml");
    Path link = Files.createSymbolicLink(tmp.resolve("link.yaml"), c);
    byte[] before = Files.readAllBytes(c);
    CliRunner.Result r = CliRunner.run("generate", c.toString(), "-o", link.toString(), "--overwrite", "--events",
        "10", "--quiet");
    Failures.assertClean(2, r, null);
    assertArrayEquals(before, Files.readAllBytes(c));
    r = CliRunner.run("generate", link.toString(), "-o", tmp.resolve("./x.yaml").toString(), "--overwrite",
        "--events", "10", "--quiet");
    Failures.assertClean(2, r, null);
    assertArrayEquals(before, Files.readAllBytes(c));
  }

  /** An included configuration is an input too (regression: only the top-level file was refused). */
  @Test
  void outputThatIsAnIncludedConfigIsRefused() throws Exception {
    Path base = copyOfConfig("base.yaml");
    Path top = tmp.resolve("top.yaml");
    Files.writeString(top, "include: base.yaml\nseed: 3\n");
    byte[] before = Files.readAllBytes(base);
    CliRunner.Result r = CliRunner.run("generate", top.toString(), "-o", base.toString(), "--overwrite", "--events",
        "10", "--quiet");
    Failures.assertClean(2, r, null);
    assertTrue(r.err().contains("is also an input"), r.err());
    assertArrayEquals(before, Files.readAllBytes(base), "the included configuration is intact");
  }

  @Test
  void detsimOutputEqualToOrInsideItsInputIsRefused() throws Exception {
    Path truth = tmp.resolve("truth.parquet");
    assertEquals(0, CliRunner.run("generate", CONFIG, "-o", truth.toString(), "--events", "100", "--seed", "1",
        "--quiet").exitCode());
    byte[] before = Files.readAllBytes(truth);
    CliRunner.Result r = CliRunner.run("detsim", CONFIG, "-i", truth.toString(), "-o", truth.toString(), "--overwrite",
        "--quiet");
    Failures.assertClean(2, r, null);
    assertArrayEquals(before, Files.readAllBytes(truth));
    Path dir = Files.createDirectory(tmp.resolve("shards"));
    Files.copy(truth, dir.resolve("a.parquet"));
    r = CliRunner.run("detsim", CONFIG, "-i", dir.toString(), "-o", dir.resolve("out.parquet").toString(), "--quiet");
    Failures.assertClean(2, r, dir.resolve("out.parquet"));
    assertTrue(r.err().contains("inside the input directory"), r.err());
  }

  @Test
  void directoryOutputHoldingTheConfigIsRefused() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("out"));
    Path c = dir.resolve("x.yaml");
    Files.copy(Path.of(CONFIG), c);
    ConfigCopies.copyDataBeside(dir); // else the config's own spectrum files are the (earlier) error
    CliRunner.Result r = CliRunner.run("run", c.toString(), "-o", dir.toString(), "--overwrite", "--quiet");
    Failures.assertClean(2, r, null);
    assertTrue(r.err().contains("contains the input"), r.err());
    assertTrue(Files.exists(c));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/proc/cevns-test/x.parquet", "foo://bar/x.parquet", "s3a://bucket/x.parquet",
      "NAME_TOO_LONG"})
  void unwritableOutputsAreOneLineExit2(String output) {
    String o = output.equals("NAME_TOO_LONG") ? tmp.resolve("a".repeat(300) + ".parquet").toString() : output;
    CliRunner.Result r = CliRunner.run("generate", CONFIG, "-o", o, "--events", "10", "--quiet");
    Failures.assertClean(2, r, null);
    assertTrue(r.err().contains("cannot write here"), r.err());
    assertEquals(List.of(), Failures.temporaries(tmp));
  }

  /** Issue 12 regression: with Hadoop's file system this said "exists; use --overwrite to replace it". */
  @Test
  void parentThatIsAFileIsNotAnExistingOutput() throws Exception {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    CliRunner.Result r = CliRunner.run("generate", CONFIG, "-o", file.resolve("x.parquet").toString(), "--events",
        "10", "--quiet");
    Failures.assertClean(2, r, null);
    assertTrue(r.err().contains("cannot write here: " + file + ": not a directory"), r.err());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void readOnlyDirectoryIsOneLineExit2() throws Exception {
    Path ro = Files.createDirectory(tmp.resolve("ro"));
    assumeTrue(ro.toFile().setWritable(false, false));
    // as root, permissions are not enforced: a read-only bind mount of the directory is (mount needs root too)
    boolean mounted = Files.isWritable(ro) && sh("mount --bind '" + ro + "' '" + ro + "' && mount -o remount,bind,ro '"
        + ro + "' '" + ro + "'");
    try {
      assumeTrue(!Files.isWritable(ro) || mounted, "root without mount privileges: nothing makes it read-only");
      CliRunner.Result r = CliRunner.run("generate", CONFIG, "-o", ro.resolve("x.parquet").toString(), "--events",
          "10", "--quiet");
      Failures.assertClean(2, r, ro.resolve("x.parquet"));
      assertTrue(r.err().contains("cannot write here"), r.err());
    } finally {
      if (mounted) {
        sh("umount '" + ro + "'");
      }
      ro.toFile().setWritable(true, false);
    }
  }

  private static boolean sh(String command) {
    try {
      Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void longTargetNamesKeepTheirTemporaryNameWithinTheLimit() {
    Path ok = tmp.resolve("c".repeat(240) + ".parquet"); // fits, its temporary name must fit too
    CliRunner.Result r = CliRunner.run("generate", CONFIG, "-o", ok.toString(), "--events", "10", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(ok));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1000000000001", "9223372036854775807", "1e18"})
  void eventCountsAboveTheMaximumAreRefusedBeforeWork(String events) {
    Path out = tmp.resolve("x.parquet");
    CliRunner.Result r = CliRunner.run("generate", CONFIG, "-o", out.toString(), "--events", events, "--quiet");
    Failures.assertClean(2, r, out);
  }

  @Test
  void fullDiskIsOneLineExit1AndLeavesNothing() {
    Path out = tmp.resolve("x.parquet");
    FailingFileSystem.BUDGET_BYTES.set(200_000);
    CliRunner.Result r = CliRunner.run("generate", CONFIG, "-o", "faulty://" + out, "--events", "300000", "--seed",
        "1", "--quiet");
    Failures.assertClean(1, r, out);
    assertTrue(r.err().contains("No space left on device") && r.err().contains(out.toString()), r.err());
  }
}
