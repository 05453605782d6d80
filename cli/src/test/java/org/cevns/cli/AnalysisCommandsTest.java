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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cevns run, analyze and sensitivity end to end on the shipped COHERENT CsI configuration, and their errors. */
@Tag("slow")
class AnalysisCommandsTest {
  static final Path CSI = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml");

  /** The shipped configs name data and spectrum files relative to their directory: copies beside the test's configs. */
  @org.junit.jupiter.api.BeforeEach
  void copySpectra() throws java.io.IOException {
    ConfigCopies.copyDataBeside(tmp);
  }
  @TempDir Path tmp;

  private Path configWith(String analysis) throws Exception {
    Path c = tmp.resolve("c.yaml");
    String yaml = Files.readString(CSI).replaceAll("(?ms)^analysis:.*", "");
    Files.writeString(c, yaml + "\nanalysis:\n" + analysis.indent(2));
    // relative paths in the configuration (tables) resolve against its directory
    return c;
  }

  @Test
  void badAnalysisSectionExitsTwoInEveryCommand() throws Exception {
    Path c = configWith("fit: {backgrounds: {brm: 0.25}}\n");
    for (List<String> args : List.of(List.of("rates", c.toString()),
        List.of("run", c.toString(), "-o", tmp.resolve("o1").toString()),
        List.of("analyze", c.toString(), "-i", "x.parquet", "-o", tmp.resolve("o2").toString()),
        List.of("sensitivity", c.toString()))) {
      CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
      assertEquals(2, r.exitCode(), args + ": " + r.err());
      assertEquals("cevns: analysis.fit.backgrounds.brm: unknown background component 'brm', components are brn,"
          + " nin, steady, eves\n", r.err(), args.toString());
      assertTrue(Files.notExists(tmp.resolve("o1")), "nothing written before validation");
    }
  }

  @Test
  void runWritesEveryOutputAndAnalyzeOfItsEventsAgrees() throws Exception {
    Path out = tmp.resolve("run");
    CliRunner.Result r = CliRunner.run("run", CSI.toString(), "-o", out.toString(), "--seed", "7", "--threads", "2",
        "--max-template-events", "100000", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Profile-likelihood fit"), r.out());
    // 100,000 template events are enough: no template-statistics warning (TemplateStatisticsWarningTest)
    assertEquals("", r.err());
    assertFalse(Files.readString(out.resolve("summary.txt")).contains("warning"));
    for (String f : List.of("events.parquet", "summary.json", "summary.txt", "workspace.json", "sensitivity.json",
        "sensitivity.csv", "csv/energy.csv", "csv/time.csv", "csv/pe.csv", "csv/subtraction.csv", "csv/fit.csv",
        "plots/spectrum_csi.png", "plots/spectrum_csi.svg", "plots/spectrum_csi.pdf", "plots/time_csi.png",
        "plots/time_csi.svg", "plots/time_csi.pdf", "plots/profile.png", "plots/profile.svg", "plots/profile.pdf",
        "plots/sensitivity.png", "plots/sensitivity.svg", "plots/sensitivity.pdf")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode run = json.readTree(out.resolve("summary.json").toFile());
    assertEquals("beam", run.get("mode").asText());
    double mu = run.get("fit").get("mu_hat").asDouble();
    assertTrue(run.get("fit").get("interval_68").get("lower").asDouble() < mu);
    assertTrue(run.get("fit").get("significance").get("z").asDouble() > 3, "the CsI signal is seen");
    // issue 8's output contract (exact names): fit.parameters for μ and every analysis.parameters entry, fit.nuisances
    // with pull and constraint, sensitivity.json expected_precision for the same POIs
    List<String> pois = List.of("mu", "sin2_theta_w", "rn_fm.Cs133", "rn_fm.I127");
    JsonNode params = run.get("fit").get("parameters");
    assertEquals(pois.size(), params.size(), params.toString());
    for (int k = 0; k < pois.size(); k++) {
      JsonNode p = params.get(k);
      assertEquals(pois.get(k), p.get("name").asText());
      double best = p.get("best").asDouble();
      assertTrue(p.get("interval_68").get("lower").asDouble() <= best && best <= p.get("interval_68").get("upper")
          .asDouble(), p.toString());
      assertTrue(p.get("interval_90").get("lower").asDouble() <= p.get("interval_68").get("lower").asDouble()
          && p.get("interval_90").get("upper").asDouble() >= p.get("interval_68").get("upper").asDouble(), p.toString());
    }
    JsonNode nuisances = run.get("fit").get("nuisances");
    assertTrue(nuisances.size() >= 5, nuisances.toString());
    for (JsonNode n : nuisances) {
      assertTrue(n.get("name").isTextual() && n.get("pull").isNumber() && n.get("constraint").asDouble() > 0,
          n.toString());
    }
    JsonNode precision = json.readTree(out.resolve("sensitivity.json").toFile()).get("expected_precision");
    assertEquals(pois.size(), precision.size(), precision.toString());
    for (int k = 0; k < pois.size(); k++) {
      JsonNode e = precision.get(k);
      assertEquals(pois.get(k), e.get("name").asText());
      assertTrue(e.get("nominal").isNumber() && e.get("minus").asDouble() > 0 && e.get("plus").asDouble() > 0,
          e.toString());
    }
    // the beam-timing nuisance is in the pulls/impacts and in the pyhf export as a normsys of each sample's
    // normalisation and a histosys of its shape (response_interpolation: norm-plus-shape, the default)
    List<String> names = new java.util.ArrayList<>();
    run.get("fit").get("nuisances").forEach(n -> names.add(n.get("name").asText()));
    assertTrue(names.contains("csi.timing") && names.contains("csi.efficiency"), names.toString());
    List<String> timingTypes = new java.util.ArrayList<>();
    json.readTree(out.resolve("workspace.json").toFile()).get("channels").forEach(ch -> ch.get("samples").forEach(
        smp -> smp.get("modifiers").forEach(m -> {
          if (m.get("name").asText().equals("csi.timing")) {
            timingTypes.add(m.get("type").asText());
          }
        })));
    assertTrue(timingTypes.contains("histosys") && timingTypes.contains("normsys")
        && timingTypes.stream().allMatch(t -> t.equals("histosys") || t.equals("normsys")), timingTypes.toString());

    // the same seed gives the same templates: analysing the toy's events reproduces the run's fit
    Path out2 = tmp.resolve("analyze");
    CliRunner.Result a = CliRunner.run("analyze", CSI.toString(), "-i", out.resolve("events.parquet").toString(),
        "-o", out2.toString(), "--seed", "7", "--threads", "1", "--max-template-events", "100000", "--quiet");
    assertEquals(0, a.exitCode(), a.err());
    JsonNode an = json.readTree(out2.resolve("summary.json").toFile());
    assertEquals("", a.err());
    assertNull(an.get("templates").get("warning"));
    assertNull(run.get("templates").get("warning"));
    assertEquals(mu, an.get("fit").get("mu_hat").asDouble(), 1e-9);
    assertEquals(run.get("counts"), an.get("counts"));

    // an existing, non-empty output directory needs --overwrite
    CliRunner.Result again = CliRunner.run("run", CSI.toString(), "-o", out.toString(), "--seed", "7");
    assertEquals(2, again.exitCode());
    assertTrue(again.err().contains("exists and is not empty; use --overwrite"), again.err());
  }

  @Test
  void analyzeWithATemplateFileFromSimulate() throws Exception {
    Path data = tmp.resolve("data.parquet");
    Path templates = tmp.resolve("templates.parquet");
    // physics parameters and response systematics re-weight / re-fold the events of an in-memory template
    // simulation: with --templates they are one-line errors, before any input is read (-i is not even Parquet)
    String yaml = Files.readString(CSI);
    String noParameters = yaml.replaceFirst("(?m)^  parameters: \\[[^\n]*\n", "");
    String without = noParameters.replaceAll("(?m)^        response_variants:\n(?: {10,}[^\n]*\n)+", "")
        .replaceAll("(?m)^        timing: [^\n]*\n", "");
    assertTrue(noParameters.contains("\n        response_variants:\n")
        && !without.contains("\n        response_variants:\n") && noParameters.contains("\n        timing: ")
        && !without.contains("\n        timing: "),
        "the shipped config's response variants (efficiency and scintillation curves) and beam timing");
    Path p = tmp.resolve("no-parameters.yaml");
    Files.writeString(p, noParameters);
    for (Path config : List.of(CSI, p)) {
      Path refused = tmp.resolve("refused");
      CliRunner.Result no = CliRunner.run("analyze", config.toString(), "-i", CSI.toString(), "-o",
          refused.toString(), "--templates", CSI.toString(), "--quiet");
      assertEquals(2, no.exitCode(), no.err());
      assertEquals(config == CSI
          ? "cevns: analysis.parameters: physics parameters [sin2_theta_w, rn_fm.Cs133, rn_fm.I127] re-weight the"
              + " template simulation's events and are not available with --templates; remove them or simulate the"
              + " templates\n"
          : "cevns: analysis.systematics.detectors.csi.timing: response systematics re-fold the template"
              + " simulation and are not available with --templates; remove it or simulate the templates\n", no.err());
      assertFalse(Files.exists(refused));
    }
    // the same configuration without them takes the file's templates
    Path c = tmp.resolve("no-response-syst.yaml");
    Files.writeString(c, without);
    assertEquals(0, CliRunner.run("simulate", c.toString(), "-o", data.toString(), "--seed", "5", "--quiet",
        "--threads", "2").exitCode());
    assertEquals(0, CliRunner.run("simulate", c.toString(), "-o", templates.toString(), "--seed", "6",
        "--events", "120000", "--quiet", "--threads", "2").exitCode());
    Path out = tmp.resolve("a");
    CliRunner.Result r = CliRunner.run("analyze", c.toString(), "-i", data.toString(), "-o", out.toString(),
        "--templates", templates.toString(), "--seed", "5", "--quiet", "--threads", "2");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(templates.toString(), s.get("templates").get("source").asText());
    // 120000 template events for the expectation of 42974 events (2266.4 signal + 36.3 BRN + 10.1 NIN + 40661
    // steady-state, the template file's cevns.expected_total_events metadata): ~2.8x the statistics
    assertEquals(120000 / 42974.0, s.get("templates").get("statistics_factor").asDouble(), 0.05);
    assertTrue(Math.abs(s.get("fit").get("mu_hat").asDouble() - 1) < 0.5, s.get("fit").toString());
  }

  @Test
  void analyzeRejectsTruthFilesAndMissingInputs() throws Exception {
    Path truth = tmp.resolve("truth.parquet");
    assertEquals(0, CliRunner.run("generate", CSI.toString(), "-o", truth.toString(), "--events", "1000",
        "--seed", "1", "--quiet").exitCode());
    CliRunner.Result r = CliRunner.run("analyze", CSI.toString(), "-i", truth.toString(), "-o",
        tmp.resolve("o").toString());
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("no column 'beam_window'; the analysis reads detector-level files"), r.err());
    CliRunner.Result m = CliRunner.run("analyze", CSI.toString(), "-i", tmp.resolve("missing").toString(), "-o",
        tmp.resolve("o").toString());
    assertEquals(2, m.exitCode(), m.err());
    assertTrue(m.err().startsWith("cevns: cannot read the input events:"), m.err());
  }

  @Test
  void sensitivityPrintsTheScanAndWritesItsOutputs() throws Exception {
    Path c = configWith("sensitivity: {exposure_factors: [0.1, 1, 10]}\nparameters: [sin2_theta_w]\n");
    Path out = tmp.resolve("sens");
    CliRunner.Result r = CliRunner.run("sensitivity", c.toString(), "-o", out.toString(), "--seed", "3",
        "--max-template-events", "100000", "--quiet", "--threads", "2");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Z_median"), r.out());
    JsonNode s = new ObjectMapper().readTree(out.resolve("sensitivity.json").toFile());
    // 100,000 template events: enough for mu, but their Monte Carlo statistics carry 30 % of sin2_theta_w's expected
    // variance (+-0.0117 of +-0.0214), which sensitivity says in one line (TemplateStatistics.impactWarning)
    String head = "cevns sensitivity: warning: ";
    assertTrue(r.err().startsWith(head + "the templates' Monte Carlo statistics carry ") && r.err().contains(
        " of the expected variance of sin2_theta_w ") && r.err().lines().count() == 1, r.err());
    assertEquals(r.err().strip().substring(head.length()), s.get("templates_warning").asText());
    assertEquals(3, s.get("rows").size());
    double z01 = s.get("rows").get(0).get("z_median").asDouble();
    double z1 = s.get("rows").get(1).get("z_median").asDouble();
    double z10 = s.get("rows").get(2).get("z_median").asDouble();
    // Z grows with exposure, at first about as sqrt(exposure) (x3.2 per decade), then more slowly: the systematics
    // and the template statistics (100,000 template events here; empty template bins are profiled, Barlow-Beeston)
    // set a floor. Measured 2026-12-03: 3.99, 10.49, 17.94 (before empty bins were profiled: 3.99, 11.23, 23.77).
    assertTrue(z01 < z1 && z1 < z10 && z1 > 2 * z01, "Z grows with exposure; got " + s.get("rows"));
    assertTrue(Files.size(out.resolve("plots/sensitivity.png")) > 0);
    // precision of sin2_theta_w vs exposure (issue 8): one row per factor, shrinking with exposure, at factor 1
    // the same Asimov interval as expected_precision
    JsonNode v = s.get("precision_vs_exposure");
    assertEquals(3, v.size(), v.toString());
    double[] rel = new double[3];
    for (int i = 0; i < 3; i++) {
      assertEquals("sin2_theta_w", v.get(i).get("name").asText());
      assertEquals(0.23857, v.get(i).get("nominal").asDouble(), 1e-12);
      rel[i] = v.get(i).get("relative").asDouble();
    }
    assertTrue(rel[0] > rel[1] && rel[1] > rel[2], v.toString());
    // x100 exposure: between the statistics-only x10 and no gain at all (systematics floor)
    assertTrue(rel[0] / rel[2] > 1.5 && rel[0] / rel[2] < 11, v.toString());
    JsonNode e = s.get("expected_precision").get(1);
    assertEquals("sin2_theta_w", e.get("name").asText());
    assertEquals(e.get("minus").asDouble(), v.get(1).get("minus").asDouble(), 1e-3 * e.get("minus").asDouble());
    assertEquals(e.get("plus").asDouble(), v.get(1).get("plus").asDouble(), 1e-3 * e.get("plus").asDouble());
    assertTrue(r.out().contains("expected 68.27 % CL precision vs exposure"), r.out());
  }
}
