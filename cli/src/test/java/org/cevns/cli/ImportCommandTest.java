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
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.events.io.ParquetMetadataReader;
import org.cevns.events.io.TruthMetadata;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns import}: the COHERENT CsI[Na] 2021 release (copied to configs/data/coherent-csi-2021 with its
 * attribution) imports to exactly its published event counts; C − AC in 2.5–62.5 PE over 0–6 µs equals the count
 * made here by hand from the released text files; the exposure equals that of configs/coherent-csi.yaml; error
 * cases give their one-line message and exit 2 without leaving an output.
 */
class ImportCommandTest {
  static final Path CSI_RELEASE = GenerateCommandTest.CONFIGS.resolve("data/coherent-csi-2021");
  static final Path LAR_RELEASE = GenerateCommandTest.CONFIGS.resolve("data/coherent-lar-2020");
  /** Light yield of the release, PE/keVee (Akimov et al., PRL 129 (2022) 081801). */
  static final double PE_PER_KEVEE = 13.35;

  @TempDir Path tmp;

  private Path importCsi() {
    Path out = tmp.resolve("csi.parquet");
    CliRunner.Result r = CliRunner.run("import", "--format", "coherent-csi-2021", CSI_RELEASE.toString(), "-o",
        out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("imported 10032 events (5142 coincidence, 4890 anticoincidence)"), r.out());
    return out;
  }

  /** (window, observed keVee, time ns) of every row, read with Parquet's record API (not cevns' reader). */
  private static List<Object[]> rows(Path file) throws IOException {
    List<Object[]> out = new ArrayList<>();
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(file.toUri())).build()) {
      Group g;
      while ((g = r.read()) != null) {
        out.add(new Object[] {g.getString("beam_window", 0), g.getDouble("observed_kevee", 0),
            g.getDouble("time_ns", 0), g.getString("component", 0), g.getBoolean("detected", 0),
            g.getFieldRepetitionCount("recoil_kev") == 0});
      }
    }
    return out;
  }

  @Test
  void theCsiReleaseGivesExactly5142CoincidenceAnd4890AnticoincidenceEvents() throws IOException {
    List<Object[]> rows = rows(importCsi());
    long c = rows.stream().filter(r -> r[0].equals("coincidence")).count();
    long ac = rows.stream().filter(r -> r[0].equals("anticoincidence")).count();
    assertEquals(5142, c);
    assertEquals(4890, ac);
    for (Object[] r : rows) {
      assertEquals("data", r[3]);
      assertEquals(Boolean.TRUE, r[4]);
      assertEquals(Boolean.TRUE, r[5], "recoil_kev is null on measured rows");
      double t = (Double) r[2];
      // AC window before the pulse: [-6000, 0) ns; coincidence [0, 6000) ns
      assertTrue(r[0].equals("coincidence") ? t >= 0 && t < 6000 : t >= -6000 && t < 0, "time " + t);
    }
  }

  /** Counts events of a release file with PE in [lo, hi) and time in [0, 6) us, parsing the text by hand. */
  private static long handCount(Path file, double loPe, double hiPe) throws IOException {
    long n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      double pe = Double.parseDouble(f[0]);
      double us = Double.parseDouble(f[1]);
      if (pe >= loPe && pe < hiPe && us >= 0 && us < 6) {
        n++;
      }
    }
    return n;
  }

  @Test
  void coincidenceMinusAnticoincidenceMatchesTheReleasedFilesCountedByHand() throws IOException {
    long byHand = handCount(CSI_RELEASE.resolve("dataBeamOnC.txt"), 2.5, 62.5)
        - handCount(CSI_RELEASE.resolve("dataBeamOnAC.txt"), 2.5, 62.5);
    Path file = importCsi();
    // the imported rows, counted with the same PE edges converted as the importer converts (x / 13.35)
    double lo = 2.5 * (1.0 / PE_PER_KEVEE);
    double hi = 62.5 * (1.0 / PE_PER_KEVEE);
    long imported = 0;
    for (Object[] r : rows(file)) {
      double e = (Double) r[1];
      if (e >= lo && e < hi) {
        imported += r[0].equals("coincidence") ? 1 : -1;
      }
    }
    assertEquals(byHand, imported);
    // and through the analysis' own histogrammer (the path of cevns analyze)
    HistogramBinning b = new HistogramBinning(Map.of("csi", BinEdges.of(lo, hi)), Map.of(),
        BinEdges.uniform(12, -6000, 6000), Optional.empty());
    var read = EventFileHistogrammer.histogram(List.of(file.toString()), b, 2);
    double c = read.spectra().region("csi", new SpectrumKey.Region("beam", "coincidence")).orElseThrow()
        .energy().content(0);
    double ac = read.spectra().region("csi", new SpectrumKey.Region("beam", "anticoincidence")).orElseThrow()
        .energy().content(0);
    assertEquals(byHand, c - ac, 0.0);
    assertTrue(byHand > 250 && byHand < 400, "C - AC " + byHand);
  }

  @Test
  void theImportedExposureIsThatOfTheCsiConfiguration() throws Exception {
    Path file = importCsi();
    Map<String, String> md = ParquetMetadataReader.read(file.toString());
    RunExposure data = RunExposure.fromJson(md.get(TruthMetadata.EXPOSURE));
    RunExposure config = RunExposure.of(ExperimentModel.build(
        ConfigLoader.load(GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml"))));
    assertEquals(config.massKg("csi"), data.massKg("csi"), 0.0);
    assertEquals(config.protonsOnTarget("csi"), data.protonsOnTarget("csi"), 1e-9 * data.protonsOnTarget("csi"));
    assertEquals(config.liveSeconds("csi", "beam"), data.liveSeconds("csi", "beam"),
        1e-9 * data.liveSeconds("csi", "beam"));
    assertEquals("import", md.get("cevns.stage"));
    assertTrue(md.get("cevns.import.inputs").contains("\"events\":5142"), md.get("cevns.import.inputs"));
  }

  @Test
  void theLarReleaseExpandsItsBinnedCountsToEvents() throws IOException {
    Path out = tmp.resolve("lar.parquet");
    CliRunner.Result r = CliRunner.run("import", "--format", "coherent-lar-2020", LAR_RELEASE.toString(), "-o",
        out.toString());
    assertEquals(0, r.exitCode(), r.err());
    long byHand = 0;
    for (String line : Files.readAllLines(LAR_RELEASE.resolve("datanobkgsub.txt"))) {
      if (!line.isBlank()) {
        byHand += Math.round(Double.parseDouble(line.trim().split("\\s+")[3]));
      }
    }
    assertEquals(3752, byHand);
    assertEquals(byHand, rows(out).size());
  }

  @Test
  void aGenericCsvImportWithTheMappingOnTheCommandLine() throws IOException {
    Path csv = tmp.resolve("events.csv");
    Files.writeString(csv, "E_keV,t_us\n1.5,0.25\n2.0,5.5\n");
    Path out = tmp.resolve("csv.parquet");
    CliRunner.Result r = CliRunner.run(csvArgs(csv, out).toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    List<Object[]> rows = rows(out);
    assertEquals(2, rows.size());
    assertEquals(1.5, (Double) rows.get(0)[1], 0.0);
    assertEquals(250.0, (Double) rows.get(0)[2], 1e-9);
  }

  @Test
  void parquetAndTsvInputs() throws IOException {
    // a Parquet input: the imported CsI file itself, energy and time by column name, every row outside the windows
    Path pq = importCsi();
    Path out = tmp.resolve("from-parquet.parquet");
    CliRunner.Result r = CliRunner.run("import", pq.toString(), "-o", out.toString(), "--set", "format=parquet",
        "--set", "detector=csi", "--set", "source=sns", "--set", "mass_kg=14.6",
        "--set", "exposure.protons_on_target=1e22", "--set", "exposure.live_seconds=1e6",
        "--set", "windows.coincidence_length_ns=6000", "--set", "windows.anticoincidence=before",
        "--set", "window=none", "--set", "columns.energy.column=observed_kevee", "--set", "columns.energy.unit=kevee",
        "--set", "columns.time.column=time_ns", "--set", "columns.time.unit=ns");
    assertEquals(0, r.exitCode(), r.err());
    List<Object[]> before = rows(pq);
    List<Object[]> after = rows(out);
    assertEquals(10032, after.size());
    for (int i = 0; i < after.size(); i++) {
      assertEquals("none", after.get(i)[0]);
      assertEquals((Double) before.get(i)[1], (Double) after.get(i)[1], 0.0);
      assertEquals((Double) before.get(i)[2], (Double) after.get(i)[2], 0.0);
    }
    // TSV with positions, energy in eVee, time in ms
    Path tsv = tmp.resolve("events.tsv");
    Files.writeString(tsv, "# E\tt\n1500\t0.001\n");
    Path o2 = tmp.resolve("tsv.parquet");
    List<String> a = csvArgs(tsv, o2, "format=tsv", "header=false", "columns.energy.column=1",
        "columns.energy.unit=evee", "columns.time.column=2", "columns.time.unit=ms");
    assertEquals(0, CliRunner.run(a.toArray(String[]::new)).exitCode());
    List<Object[]> t = rows(o2);
    assertEquals(1.5, (Double) t.get(0)[1], 1e-12);
    assertEquals(1000.0, (Double) t.get(0)[2], 1e-9);
  }

  private List<String> csvArgs(Path csv, Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("import", csv.toString(), "-o", out.toString(), "--set", "format=csv",
        "--set", "header=true", "--set", "detector=csi", "--set", "source=sns", "--set", "mass_kg=14.6",
        "--set", "exposure.protons_on_target=1e22", "--set", "exposure.live_seconds=1e6",
        "--set", "windows.coincidence_length_ns=6000", "--set", "windows.anticoincidence=before",
        "--set", "columns.energy.column=E_keV", "--set", "columns.energy.unit=kevee",
        "--set", "columns.time.column=t_us", "--set", "columns.time.unit=us"));
    for (String e : extra) {
      a.add("--set");
      a.add(e);
    }
    return a;
  }

  private void fails(List<String> args, Path out, String message) {
    CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: " + message, r.err().strip());
    assertFalse(Files.exists(out), "no output after a failure");
  }

  @Test
  void errorsAreOneLineWithExitCode2AndNoOutput() throws IOException {
    Path csv = tmp.resolve("events.csv");
    Files.writeString(csv, "E_keV,t_us\n1.5,0.25\n2.0,x\n");
    Path out = tmp.resolve("o.parquet");
    fails(List.of("import", "--format", "coherent-csi-2021", tmp.resolve("nowhere").toString(), "-o", out.toString()),
        out, tmp.resolve("nowhere") + ": is not a directory; the mapping lists its files (dataBeamOnC.txt,"
        + " dataBeamOnAC.txt), INPUT must be the directory holding them");
    Files.createDirectories(tmp.resolve("empty"));
    fails(List.of("import", "--format", "coherent-csi-2021", tmp.resolve("empty").toString(), "-o", out.toString()),
        out, tmp.resolve("empty").resolve("dataBeamOnC.txt") + ": no such file");
    fails(csvArgs(tmp.resolve("missing.csv"), out), out, tmp.resolve("missing.csv") + ": no such file");
    fails(csvArgs(csv, out, "columns.energy.column=E"), out, csv + ": columns.energy.column: no column 'E', columns"
        + " are [E_keV, t_us]");
    fails(csvArgs(csv, out, "columns.energy.unit=kev"), out, "columns.energy.unit: must be one of kevee, evee,"
        + " mevee, pe, got 'kev'");
    fails(csvArgs(csv, out, "columns.time.unit=sec"), out, "columns.time.unit: must be one of ns, us, ms, s, got"
        + " 'sec'");
    fails(csvArgs(csv, out, "columns.energy.unit=pe"), out, "columns.energy.pe_per_kevee: required with unit pe (the"
        + " light yield)");
    fails(csvArgs(csv, out, "mass_kg=-3"), out, "mass_kg: must be > 0, got -3");
    fails(csvArgs(csv, out, "colums.energy.unit=kevee"), out, "colums: unknown key, allowed: columns, description,"
        + " detector, exposure, files, format, header, mass_kg, period, reference, source, window, windows");
    // a bad value is found while writing: the staged output is removed
    fails(csvArgs(csv, out), out, csv + ":3: columns.time.column 't_us': not a number: 'x'");
    Files.writeString(csv, "E_keV,t_us\n1.5,7\n");
    fails(csvArgs(csv, out), out, csv + ":2: columns.time.column 't_us': 7.0 us is outside the coincidence window"
        + " [0, 6) us from the pulse start");
    fails(List.of("import", "--format", "coherent-csi-2020", CSI_RELEASE.toString(), "-o", out.toString()), out,
        "--format: must be one of coherent-csi-2021, coherent-lar-2020, got 'coherent-csi-2020'");
  }

  @Test
  void anInputIsNeverOverwritten() throws IOException {
    Path csv = tmp.resolve("events.csv");
    Files.writeString(csv, "E_keV,t_us\n1.5,0.25\n");
    CliRunner.Result r = CliRunner.run(csvArgs(csv, csv, "format=csv").toArray(String[]::new));
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("is also an input"), r.err());
    assertEquals("E_keV,t_us\n1.5,0.25\n", Files.readString(csv));
    Path out = tmp.resolve("o.parquet");
    assertEquals(0, CliRunner.run(csvArgs(csv, out).toArray(String[]::new)).exitCode());
    CliRunner.Result again = CliRunner.run(csvArgs(csv, out).toArray(String[]::new));
    assertEquals(2, again.exitCode());
    assertEquals("cevns: " + out + ": exists; use --overwrite to replace it", again.err().strip());
  }
}
