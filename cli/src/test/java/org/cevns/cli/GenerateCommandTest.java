package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.EventFileReader;
import org.cevns.events.io.ParquetMetadataReader;
import org.cevns.events.io.TruthMetadata;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class GenerateCommandTest {
  static final Path CONFIGS = Path.of("../configs").toAbsolutePath().normalize();
  @TempDir Path tmp;

  @Test
  void versionAndHelp() {
    CliRunner.Result v = CliRunner.run("--version");
    assertEquals(0, v.exitCode());
    assertTrue(v.out().startsWith("cevns "), v.out());
    for (String cmd : List.of("rates", "generate")) {
      CliRunner.Result h = CliRunner.run(cmd, "--help");
      assertEquals(0, h.exitCode(), cmd);
      assertTrue(h.out().contains("Usage: cevns " + cmd), h.out());
    }
  }

  @Test
  void ratesJsonHasTheDocumentedKeysAndTheReferenceCrossSection() throws IOException {
    CliRunner.Result r = CliRunner.run("rates", CONFIGS.resolve("coherent-csi.yaml").toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode d = new ObjectMapper().readTree(r.out()).get("detectors").get(0);
    assertEquals("csi", d.get("name").asText());
    assertTrue(d.get("expected_events").get("cevns").asDouble() > 0);
    assertTrue(d.get("expected_events").has("eves"));
    assertTrue(d.get("flux_averaged_xs_cm2").get("eves").asDouble() > 0);
    // docs/physics.md, "Validation": SNS flux-averaged CsI cross section per nucleus 187e-40 cm2 (Helm, tree level);
    // the default PDG couplings (issue #10) give 192.8e-40 (golden: ExperimentModelTest, 2026-12-03)
    assertEquals(192.8e-40, d.get("flux_averaged_xs_cm2").get("cevns").asDouble(), 0.001 * 192.8e-40);
  }

  @Test
  void everyShippedConfigGivesRates() throws IOException {
    try (Stream<Path> s = Files.list(CONFIGS)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        CliRunner.Result r = CliRunner.run("rates", p.toString());
        assertEquals(0, r.exitCode(), p + ": " + r.err());
      }
    }
  }

  @Test
  void badConfigExitsTwoWithOneLineAndNoOutputFile() throws IOException {
    Path cfg = tmp.resolve("bad.yaml");
    String good = Files.readString(CONFIGS.resolve("coherent-csi.yaml"));
    Files.writeString(cfg, good.replaceFirst("mass_kg: 14\\.6", "mass_kg: -3"));
    Path out = tmp.resolve("out.parquet");
    CliRunner.Result r = CliRunner.run("generate", cfg.toString(), "-o", out.toString());
    assertEquals(Main.EXIT_USER_ERROR, r.exitCode());
    assertEquals("cevns: detectors[0].mass_kg: must be > 0, got -3\n", r.err());
    assertFalse(Files.exists(out));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(cfg), s.toList(), "nothing but the config in the directory");
    }
  }

  @Test
  void existingOutputIsAUserError() throws IOException {
    Path out = tmp.resolve("x.parquet");
    Files.writeString(out, "keep me");
    CliRunner.Result r = CliRunner.run("generate", CONFIGS.resolve("coherent-csi.yaml").toString(), "-o",
        out.toString(), "--events", "10", "--seed", "1");
    assertEquals(Main.EXIT_USER_ERROR, r.exitCode());
    assertTrue(r.err().contains("exists; use --overwrite"), r.err());
    assertEquals("keep me", Files.readString(out));
  }

  @Test
  void missingConfigIsAUserError() {
    CliRunner.Result r = CliRunner.run("rates", tmp.resolve("nope.yaml").toString());
    assertEquals(Main.EXIT_USER_ERROR, r.exitCode());
    assertTrue(r.err().startsWith("cevns: ") && r.err().contains("file not found"), r.err());
    assertFalse(r.err().contains("at org."), "no stack trace");
  }

  /** Same seed gives identical content; 1 and 2 threads give identical content (3 blocks and a partial one). */
  @Test
  void sameSeedSameContentForAnyThreadCount() throws IOException {
    String cfg = CONFIGS.resolve("coherent-csi.yaml").toString();
    int events = 3 * EventBlock.CAPACITY + 1234;
    Path a = tmp.resolve("a.parquet");
    Path b = tmp.resolve("b.parquet");
    Path c = tmp.resolve("c.parquet");
    assertEquals(0, CliRunner.run("generate", cfg, "-o", a.toString(), "--events", "" + events, "--seed", "7",
        "--threads", "1", "--quiet").exitCode());
    assertEquals(0, CliRunner.run("generate", cfg, "-o", b.toString(), "--events", "" + events, "--seed", "7",
        "--threads", "2", "--quiet").exitCode());
    assertEquals(0, CliRunner.run("generate", cfg, "-o", c.toString(), "--events", "" + events, "--seed", "8",
        "--threads", "2", "--quiet").exitCode());
    List<double[]> ea = read(a);
    List<double[]> eb = read(b);
    assertEquals(events, ea.size());
    assertEquals(ea.size(), eb.size());
    for (int i = 0; i < ea.size(); i++) {
      assertArrayEquals(ea.get(i), eb.get(i), "event " + i);
    }
    List<double[]> ec = read(c);
    assertFalse(java.util.Arrays.equals(ea.get(0), ec.get(0)), "another seed gives other events");
    Map<String, String> meta = ParquetMetadataReader.read(a.toString());
    assertEquals("7", meta.get(TruthMetadata.SEED));
    assertEquals(Integer.toString(events), meta.get(TruthMetadata.EVENTS));
    assertTrue(meta.get(TruthMetadata.CONFIG).contains("coherent-csi"));
    assertTrue(meta.get(TruthMetadata.EXPECTED_EVENTS).contains("flux_averaged_xs_cm2"));
  }

  /**
   * The row groups are encoded on the worker threads (one per block) and appended in block order by one writer:
   * the file has the same bytes for 1, 2 and 3 threads, and parquet-java's own reader reads every row of it.
   */
  @Test
  void parallelEncodedFileHasTheSameBytesForAnyThreadCountAndParquetJavaReadsIt() throws IOException {
    String cfg = CONFIGS.resolve("coherent-lar.yaml").toString();
    int events = 2 * EventBlock.CAPACITY + 17;
    Path[] files = new Path[3];
    for (int t = 1; t <= 3; t++) {
      files[t - 1] = tmp.resolve("t" + t + ".parquet");
      CliRunner.Result r = CliRunner.run("generate", cfg, "-o", files[t - 1].toString(), "--events", "" + events,
          "--seed", "11", "--threads", "" + t, "--quiet");
      assertEquals(0, r.exitCode(), r.err());
    }
    assertEquals(-1L, Files.mismatch(files[0], files[1]), "1 and 2 threads");
    assertEquals(-1L, Files.mismatch(files[0], files[2]), "1 and 3 threads");
    org.apache.parquet.io.InputFile in = new org.apache.parquet.io.LocalInputFile(files[0]);
    try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(in)) {
      assertEquals(3, reader.getRowGroups().size(), "one row group per block");
      assertEquals(events, reader.getRecordCount());
      org.apache.parquet.schema.MessageType schema = reader.getFileMetaData().getSchema();
      org.apache.parquet.io.MessageColumnIO io = new org.apache.parquet.io.ColumnIOFactory().getColumnIO(schema);
      long rows = 0;
      long lastId = -1;
      org.apache.parquet.column.page.PageReadStore group;
      while ((group = reader.readNextRowGroup()) != null) {
        var records = io.getRecordReader(group,
            new org.apache.parquet.example.data.simple.convert.GroupRecordConverter(schema));
        for (long i = 0; i < group.getRowCount(); i++) {
          org.apache.parquet.example.data.Group g = records.read();
          long id = g.getLong("event_id", 0);
          assertEquals(lastId + 1, id, "event ids in order");
          lastId = id;
          rows++;
        }
      }
      assertEquals(events, rows);
    }
  }

  @Test
  void exposureRunIsPoissonAroundTheExpectationAndRecordsIt() throws IOException {
    Path a = tmp.resolve("toy.parquet");
    CliRunner.Result r = CliRunner.run("generate", CONFIGS.resolve("coherent-csi.yaml").toString(), "-o",
        a.toString(), "--seed", "3");
    assertEquals(0, r.exitCode(), r.err());
    Map<String, String> meta = ParquetMetadataReader.read(a.toString());
    double expected = Double.parseDouble(meta.get("cevns.expected_total_events"));
    long n = Long.parseLong(meta.get(TruthMetadata.EVENTS));
    assertEquals("poisson", meta.get("cevns.event_count_mode"));
    // 5 sigma band of the Poisson draw: fails for a correct generator with probability 6e-7
    assertTrue(Math.abs(n - expected) < 5 * Math.sqrt(expected), n + " vs " + expected);
    Path m = tmp.resolve("mean.parquet");
    assertEquals(0, CliRunner.run("generate", CONFIGS.resolve("coherent-csi.yaml").toString(), "-o", m.toString(),
        "--seed", "3", "--mean", "--quiet").exitCode());
    assertEquals(Long.toString(Math.round(expected)), ParquetMetadataReader.read(m.toString()).get(TruthMetadata.EVENTS));
  }

  private static List<double[]> read(Path p) throws IOException {
    List<double[]> out = new ArrayList<>();
    try (EventFileReader r = EventFileReader.open(p.toString())) {
      EventBlock b = new EventBlock();
      while (r.next(b)) {
        for (int i = 0; i < b.size(); i++) {
          out.add(new double[] {b.eventId[i], b.detector[i], b.process[i], b.flavor[i], b.parent[i], b.enuMeV[i],
              b.targetZ[i], b.targetA[i], b.recoilKeV[i], b.timeNs[i], b.period[i], b.weight[i]});
        }
      }
    }
    return out;
  }
}
