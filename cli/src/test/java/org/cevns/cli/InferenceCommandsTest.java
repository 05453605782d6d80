package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cevns fit}, {@code cevns scan} and the systematics section on the command line. */
class InferenceCommandsTest {
  static final Path CSI = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml");
  @TempDir Path tmp;

  private Path configWith(String analysis) throws Exception {
    Path c = CSI.getParent().resolve("test-inference-" + ProcessHandle.current().pid() + ".yaml");
    String yaml = Files.readString(CSI).replaceAll("(?ms)^analysis:.*", "");
    Files.writeString(c, yaml + "\nanalysis:\n" + analysis.indent(2));
    c.toFile().deleteOnExit();
    return c;
  }

  @Test
  void malformedSystematicsEntryExitsTwoWithOneLineInEveryCommand() throws Exception {
    Path c = configWith("systematics: {detectors: {csi: {quenching: {size: -0.1}}}}\n");
    try {
      for (List<String> args : List.of(List.of("run", c.toString(), "-o", tmp.resolve("o1").toString()),
          List.of("sensitivity", c.toString()),
          List.of("fit", c.toString(), "-i", "x.parquet", "-o", tmp.resolve("o2").toString(), "--poi", "mu"),
          List.of("scan", c.toString(), "-o", tmp.resolve("o3").toString(), "--poi", "mu=0:2:5"))) {
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), args + ": " + r.err());
        assertTrue(r.err().startsWith("cevns: analysis.systematics.detectors.csi.quenching.size: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(Files.notExists(tmp.resolve("o1")) && Files.notExists(tmp.resolve("o3")));
      }
    } finally {
      Files.deleteIfExists(c);
    }
  }

  @Test
  void malformedPoiExitsTwo() {
    for (String poi : List.of("sin2_theta_w", "sin2_theta_w=0.3:0.2:5", "sin2_theta_w=0.2:0.3:1", "x=a:b:c",
        "mediator[0].mass_mev=0:100:5:log", "mediator[0].mass_mev=1:100:5:lin", "mu=1:2:3:log:x")) {
      CliRunner.Result r = CliRunner.run("scan", CSI.toString(), "-o", tmp.resolve("s").toString(), "--poi", poi);
      assertEquals(2, r.exitCode(), poi + ": " + r.err());
      assertTrue(r.err().startsWith("cevns: --poi"), r.err());
    }
  }

  /** An unknown physics name fails before any simulation, one line listing what the configuration has. */
  @Test
  void unknownNewPhysicsParameterExitsTwoListingTheAllowedNames() {
    for (String[] args : List.of(
        new String[] {"scan", CSI.toString(), "-o", tmp.resolve("s").toString(), "--poi", "mediator[0].g=0:1e-4:5"},
        new String[] {"scan", CSI.toString(), "-o", tmp.resolve("s").toString(), "--poi", "nsi.q.ee=0:1:5"},
        new String[] {"fit", CSI.toString(), "-o", tmp.resolve("f").toString(), "-i", tmp.resolve("none.parquet")
            .toString(), "--poi", "magnetic_moment_mub.nux"})) {
      CliRunner.Result r = CliRunner.run(args);
      assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
      assertTrue(r.err().startsWith("cevns: --poi: unknown physics parameter"), r.err());
      assertTrue(r.err().contains("this configuration has: mu, sin2_theta_w, rn_fm.{Cs133,I127,CsI}")
          && r.err().contains("nsi.u.{ee,mumu,tautau,emu,etau,mutau}") && r.err().contains("magnetic_moment_mub.{nue,"),
          r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertFalse(Files.exists(tmp.resolve("s")) || Files.exists(tmp.resolve("f")), "output written");
    }
  }

  @Test
  void scanWritesTheCsvJsonAndPlots() throws Exception {
    Path out = tmp.resolve("scan");
    CliRunner.Result r = CliRunner.run("scan", CSI.toString(), "-o", out.toString(), "--poi",
        "sin2_theta_w=0.2:0.28:5", "--seed", "3", "--max-template-events", "100000", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err()); // enough template events: no warning (TemplateStatisticsWarningTest)
    List<String> rows = Files.readAllLines(out.resolve("scan.csv"));
    assertEquals("sin2_theta_w,delta_chi2", rows.get(0));
    assertEquals(6, rows.size());
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertNull(s.get("templates_warning"));
    JsonNode p = s.get("fit").get("parameters").get(0);
    assertEquals("sin2_theta_w", p.get("name").asText());
    // Asimov: the best fit is the configured value
    assertEquals(0.23857, p.get("best").asDouble(), 0.23857e-3);
    assertTrue(p.get("interval_68").get("lower").asDouble() < 0.23857);
    assertTrue(p.get("interval_90").get("upper").asDouble() > p.get("interval_68").get("upper").asDouble());
    assertTrue(Files.size(out.resolve("plots/profile_sin2_theta_w.png")) > 0);
    assertTrue(Files.size(out.resolve("plots/profile_sin2_theta_w.svg")) > 0);
    // regression: the plots of fit and scan had no provenance label (those of run and analyze had); the Asimov
    // dataset is a simulation at the configured exposure, the seed that of the templates
    String label = "coherent-csi  \u00b7  14.6 kg, 3.19e23 POT  \u00b7  cevns " + org.cevns.events.CevnsVersion.get()
        + " simulation  \u00b7  seed 3";
    List<Path> svgs;
    try (var files = Files.list(out.resolve("plots"))) {
      svgs = files.filter(f -> f.toString().endsWith(".svg")).toList();
    }
    assertTrue(svgs.contains(out.resolve("plots/expected_impacts_groups_sin2_theta_w.svg")), svgs.toString());
    for (Path svg : svgs) {
      assertTrue(Files.readString(svg).contains(label), svg.getFileName() + ": no label " + label);
    }
  }

  /** The label of fit and scan says "measured data" for imported files only (as that of analyze). */
  @Test
  void measuredDataAreTheImportedFiles() {
    var simulated = new org.cevns.analysis.events.EventFile(new org.apache.hadoop.fs.Path("a.parquet"), java.util.Set.of(), 1,
        java.util.Map.of("cevns.seed", "1"), java.util.Map.of(), 1);
    var imported = new org.cevns.analysis.events.EventFile(new org.apache.hadoop.fs.Path("b.parquet"), java.util.Set.of(), 1,
        java.util.Map.of(org.cevns.analysis.importer.EventImporter.META_MAPPING, "coherent-csi-2021"),
        java.util.Map.of(), 1);
    assertFalse(ScanCommand.Inference.measured(null));
    assertFalse(ScanCommand.Inference.measured(List.of(simulated)));
    assertTrue(ScanCommand.Inference.measured(List.of(simulated, imported)));
  }

  /**
   * {@code scan --toys}: the CSV gets the toy critical-value columns, summary.json the toy-calibrated interval, the
   * same bytes with 1 and 2 threads; a bad N is one line, exit 2, before any work.
   */
  @Test
  void scanWithToysWritesTheCriticalValuesTheSameForAnyThreadCount() throws Exception {
    String[] base = {"scan", CSI.toString(), "--poi", "mu=0.6:1.4:3", "--seed", "5", "--max-template-events", "20000",
        "--toys", "20", "--quiet"};
    List<String> csv = null;
    for (String threads : List.of("1", "2")) {
      Path out = tmp.resolve("toys" + threads);
      List<String> args = new java.util.ArrayList<>(List.of(base));
      args.addAll(List.of("-o", out.toString(), "--threads", threads));
      CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
      assertEquals(0, r.exitCode(), r.err());
      List<String> rows = Files.readAllLines(out.resolve("scan.csv"));
      assertEquals("mu,delta_chi2,toy_crit_68,toy_crit_68_err,toy_crit_90,toy_crit_90_err,toy_crit_95,toy_crit_95_err,"
          + "toy_p_value,toys_used", rows.get(0));
      assertEquals(4, rows.size());
      if (csv != null) {
        assertEquals(csv, rows, "1 and 2 threads");
      }
      csv = rows;
      JsonNode t = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("toys");
      assertEquals(20, t.get("toys_per_point").asInt());
      assertEquals(5, t.get("seed").asLong());
      JsonNode i = t.get("parameters").get(0).get("interval_68");
      assertTrue(i.get("lower").asDouble() < 1 && i.get("upper").asDouble() > 1, t.toString());
      assertTrue(r.out().contains("mu (toys, grid)"), r.out());
    }
    CliRunner.Result bad = CliRunner.run("scan", CSI.toString(), "-o", tmp.resolve("bad").toString(), "--poi",
        "mu=0:2:3", "--toys", "3");
    assertEquals(2, bad.exitCode(), bad.err());
    assertEquals("cevns: --toys: must be in 10..1000000, got 3", bad.err().strip());
    assertFalse(Files.exists(tmp.resolve("bad")));
  }
}
