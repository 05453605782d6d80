package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.cevns.analysis.events.EventFileHistogrammer;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.hist.BinEdges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reactor data as a reactor experiment usually has them: a list of energies, no event times. Until 2026-12-06
 * {@code cevns import} refused them ({@code columns.time: required}), and an event without a time could not be
 * histogrammed (a NaN time broke the time-bin lookup). Now data without windows may omit {@code columns.time}: the
 * events get time NaN ("unknown"), fill the energy spectra and the fit but no time bin, and the detector gets no
 * time plot; {@code analyze} of ON and OFF files of one detector of a three-detector configuration fits.
 */
class ImportReactorEnergiesTest {
  @TempDir Path tmp;

  private Path csv(String name, double... keVee) throws IOException {
    StringBuilder sb = new StringBuilder("E_keVee\n");
    for (double e : keVee) {
      sb.append(e).append('\n');
    }
    return Files.writeString(tmp.resolve(name), sb.toString(), StandardCharsets.UTF_8);
  }

  private static List<String> args(Path in, Path out, String period, double liveSeconds, String... extra) {
    List<String> a = new ArrayList<>(List.of("import", in.toString(), "-o", out.toString(), "--set", "format=csv",
        "--set", "header=true", "--set", "detector=C2", "--set", "source=kkl", "--set", "mass_kg=0.95",
        "--set", "period=" + period, "--set", "exposure.live_seconds=" + liveSeconds,
        "--set", "columns.energy.column=E_keVee", "--set", "columns.energy.unit=kevee"));
    for (String e : extra) {
      a.add("--set");
      a.add(e);
    }
    return a;
  }

  private static List<double[]> rows(Path file) throws IOException {
    List<double[]> out = new ArrayList<>();
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(file.toUri())).build()) {
      Group g;
      while ((g = r.read()) != null) {
        out.add(new double[] {g.getDouble("observed_kevee", 0), g.getDouble("time_ns", 0)});
      }
    }
    return out;
  }

  @Test
  void energiesWithoutTimesAreImportedWithUnknownTimes() throws IOException {
    Path in = csv("on.csv", 0.2, 0.25, 0.3);
    Path out = tmp.resolve("on.parquet");
    CliRunner.Result r = CliRunner.run(args(in, out, "on", 1.0e7).toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("imported 3 events (period on, no event times) of detector C2 into " + out, r.out().strip());
    List<double[]> rows = rows(out);
    assertEquals(3, rows.size());
    assertEquals(0.25, rows.get(1)[0], 1e-12);
    for (double[] row : rows) {
      assertTrue(Double.isNaN(row[1]), "no time: NaN");
    }
    // histogrammed: every event in the energy spectrum, none in a time bin (before: NaN broke the bin lookup)
    HistogramBinning b = new HistogramBinning(Map.of("C2", BinEdges.uniform(4, 0.14, 0.42)), Map.of(),
        BinEdges.uniform(10, 0, 1e16), Optional.empty());
    KeySpectra s = EventFileHistogrammer.histogram(List.of(out.toString()), b, 1).spectra()
        .sum(k -> k.detector().equals("C2")).orElseThrow();
    assertEquals(3.0, s.energy().integral(), 0.0);
    assertEquals(0.0, s.time().integral() + s.time().underflow() + s.time().overflow(), 0.0);
  }

  @Test
  void dataWithWindowsStillNeedTimes() throws IOException {
    Path in = csv("c.csv", 1.0, 2.0);
    Path out = tmp.resolve("c.parquet");
    List<String> a = new ArrayList<>(List.of("import", in.toString(), "-o", out.toString(), "--set", "format=csv",
        "--set", "header=true", "--set", "detector=csi", "--set", "source=sns", "--set", "mass_kg=14.6",
        "--set", "exposure.protons_on_target=1e22", "--set", "exposure.live_seconds=1e6",
        "--set", "windows.coincidence_length_ns=6000", "--set", "windows.anticoincidence=before",
        "--set", "columns.energy.column=E_keVee",
        "--set", "columns.energy.unit=kevee"));
    CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: columns.time: required", r.err().strip());
    assertFalse(Files.exists(out));
  }

  @Test
  void analyzeFitsOnAndOffEnergiesOfOneDetector() throws IOException {
    // C2 of conus-plus: 117.1 d ON, 21.2 d OFF; C3 and C5 of the configuration have no data (before: "no
    // exposure for detector 'C3'" in the ON - OFF subtraction)
    Path on = tmp.resolve("on.parquet");
    Path off = tmp.resolve("off.parquet");
    double[] e = new double[40];
    for (int i = 0; i < e.length; i++) {
      e[i] = 0.15 + 0.0065 * i;
    }
    assertEquals(0, CliRunner.run(args(csv("on.csv", e), on, "on", 117.1 * 86400).toArray(String[]::new))
        .exitCode());
    assertEquals(0, CliRunner.run(args(csv("off.csv", 0.2, 0.3, 0.4), off, "off", 21.2 * 86400)
        .toArray(String[]::new)).exitCode());
    Path dir = tmp.resolve("fit");
    CliRunner.Result r = CliRunner.run("analyze", GenerateCommandTest.CONFIGS.resolve("conus-plus.yaml").toString(), "-i",
        on.toString(), off.toString(), "-o", dir.toString(), "--seed", "1", "--max-template-events", "20000",
        "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    String summary = Files.readString(dir.resolve("summary.txt"));
    assertTrue(summary.contains("C2        on            40"), summary);
    assertTrue(Files.exists(dir.resolve("plots/spectrum_C2.png")));
    assertFalse(Files.exists(dir.resolve("plots/time_C2.png")), "no times: no time plot");
  }
}
