package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes of walk34 (docs/design.md, "walk34"): an analyser's own CSV imported with a wrong count column, a
 * directory as the input or the output, and one file given twice. Before: a count of 3e9 was refused as "must be a
 * whole number >= 0, got 3.0E9" (it is one); a directory input was "no such file"; a directory output said "exists;
 * use --overwrite to replace it" also when --overwrite was given; the same file twice imported its events twice,
 * exit 0; one event was "imported 1 events".
 */
class ImportMistakesTest {
  @TempDir Path tmp;

  private static List<String> args(List<String> inputs, Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("import"));
    a.addAll(inputs);
    a.addAll(List.of("-o", out.toString(), "--set", "format=csv",
        "--set", "header=true", "--set", "detector=csi", "--set", "source=sns", "--set", "mass_kg=14.6",
        "--set", "exposure.protons_on_target=1e22", "--set", "exposure.live_seconds=1e6",
        "--set", "windows.coincidence_length_ns=6000", "--set", "windows.anticoincidence=before",
        "--set", "columns.energy.column=E_keV", "--set", "columns.energy.unit=kevee",
        "--set", "columns.time.column=t_us", "--set", "columns.time.unit=us", "--set", "window=coincidence"));
    for (String e : extra) {
      a.add("--set");
      a.add(e);
    }
    return a;
  }

  private static CliRunner.Result fails(List<String> args, String message) {
    CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: " + message, r.err().strip());
    return r;
  }

  private Path csv(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void aHugeCountNamesTheAllowedRange() throws Exception {
    Path in = csv("binned.csv", "E_keV,t_us,n\n1.5,0.5,3e9\n");
    Path out = tmp.resolve("binned.parquet");
    fails(args(List.of(in.toString()), out, "columns.count.column=n"),
        in + ":2: columns.count.column 'n': a count must be a whole number from 0 to 2147483647, got 3000000000");
    assertFalse(Files.exists(out));
    Path half = csv("half.csv", "E_keV,t_us,n\n1.5,0.5,2.5\n");
    fails(args(List.of(half.toString()), out, "columns.count.column=n"),
        half + ":2: columns.count.column 'n': a count must be a whole number from 0 to 2147483647, got 2.5");
    assertFalse(Files.exists(out));
  }

  @Test
  void aDirectoryIsNeitherAnInputFileNorTheOutput() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("events"));
    Path out = tmp.resolve("out.parquet");
    fails(args(List.of(dir.toString()), out), dir + ": is a directory; allowed: an event file (a directory with a"
        + " mapping whose files: key lists its files, as --format's)");
    assertFalse(Files.exists(out));

    Path in = csv("ok.csv", "E_keV,t_us\n1.5,0.5\n");
    Path outDir = Files.createDirectory(tmp.resolve("results"));
    Path kept = Files.writeString(outDir.resolve("notes.txt"), "keep", StandardCharsets.UTF_8);
    List<String> a = args(List.of(in.toString()), outDir);
    a.add("--overwrite");
    fails(a, outDir + ": is a directory; the output is one Parquet file: give its file name");
    assertTrue(Files.isDirectory(outDir));
    assertEquals("keep", Files.readString(kept));
  }

  @Test
  void aFileGivenTwiceIsRefused() throws Exception {
    Path in = csv("ok.csv", "E_keV,t_us\n1.5,0.5\n");
    Path out = tmp.resolve("out.parquet");
    fails(args(List.of(in.toString(), in.toString()), out), in + ": given twice; allowed: each input file once (its"
        + " events would be imported twice against one exposure)");
    assertFalse(Files.exists(out));
    String other = tmp.resolve(".").resolve("ok.csv").toString();
    fails(args(List.of(in.toString(), other), out), other + ": given twice (also as " + in + "); allowed: each input"
        + " file once (its events would be imported twice against one exposure)");
    assertFalse(Files.exists(out));
  }

  @Test
  void oneEventIsOneEvent() throws Exception {
    Path in = csv("one.csv", "E_keV,t_us\n1.5,0.5\n");
    Path out = tmp.resolve("one.parquet");
    CliRunner.Result r = CliRunner.run(args(List.of(in.toString()), out).toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("imported 1 event (1 coincidence) of detector csi into " + out, r.out().strip());
  }
}
