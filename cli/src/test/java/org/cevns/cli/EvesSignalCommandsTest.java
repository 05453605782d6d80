package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Neutrino-electron scattering as the signal of a configuration without CEvNS (configs/xenon-solar-er.yaml: solar
 * pp/⁷Be electron recoils in 1 t yr of xenon, 1-10 keV, no background). Before, `sensitivity`, `scan`, `fit`, `run`
 * and `analyze` refused it ("no signal template has expected events inside the fit range"): EvES was always the
 * background component eves. Reduced template statistics (5000 events, ~10x the 519 expected EvES events of all
 * recoil energies, ~260 of them in the window) keep each command to a few seconds.
 */
class EvesSignalCommandsTest {
  static final Path XENON = GenerateCommandTest.CONFIGS.resolve("xenon-solar-er.yaml");
  @TempDir Path tmp;

  private static JsonNode json(Path p) throws Exception {
    return new ObjectMapper().readTree(p.toFile());
  }

  @Test
  void sensitivityOfAnEvesOnlyConfigurationGivesTheMuUncertainty() throws Exception {
    Path out = tmp.resolve("s");
    CliRunner.Result r = CliRunner.run("sensitivity", XENON.toString(), "-o", out.toString(), "--seed", "1",
        "--max-template-events", "5000", "--threads", "1", "--set", "analysis.sensitivity.exposure_factors=[1]");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode row = json(out.resolve("sensitivity.json")).get("rows").get(0);
    double sigma = row.get("sigma_mu").asDouble();
    // 26.77 expected events (cevns rates), no background: Poisson 1/sqrt(26.77) = 0.193, plus the 5000-event
    // templates' statistics (~260 events in the window, Barlow-Beeston: 0.06 in quadrature); 0.2 with 10383
    // template events (docs/physics.md)
    assertTrue(sigma > 0.17 && sigma < 0.26, row.toString());
    JsonNode mu = json(out.resolve("sensitivity.json")).get("expected_precision").get(0);
    assertEquals("mu", mu.get("name").asText());
    assertTrue(mu.get("minus").asDouble() > 0.15 && mu.get("plus").asDouble() < 0.3, mu.toString());
  }

  /**
   * The ⁷Be line alone (0.8618 MeV ν_e, 4.93e9 cm⁻²s⁻¹, unoscillated) on 10 t of xenon for a year, 1-10 keV: a light
   * EvES-only configuration (one source line, one flavour) whose model builds in a fraction of xenon-solar-er's time.
   */
  private Path be7Line() throws Exception {
    Files.writeString(tmp.resolve("window.csv"), "kevee,efficiency\n0,1\n10,1\n10.000001,0\n2000,0\n");
    Path c = tmp.resolve("be7.yaml");
    Files.writeString(c, String.join("\n", "name: be7-line", "physics: {processes: [eves]}", "sources:",
        "  - {name: be7, type: monoenergetic, energy_mev: 0.8618, flavor: nue, flux_per_cm2_s: 4.93e9,"
            + " exposure: {years: 1}}",
        "detectors:", "  - name: xe", "    target: {formula: Xe}", "    mass_kg: 10000", "    response:",
        "      quenching: {model: none}", "      energy: {model: ideal}", "      threshold_kevee: 1.0",
        "      efficiency: {model: tabulated, variable: kevee, file: window.csv}",
        "analysis:", "  energy: {bins: 9, min_kevee: 1, max_kevee: 10}", ""));
    return c;
  }

  /** The spectrum plot names the signal's process: "signal (EvES)", not "signal" (walkleft, twenty-ninth session). */
  @Test
  void theSpectrumPlotNamesTheEvesSignal() throws Exception {
    Path out = tmp.resolve("run");
    CliRunner.Result r = CliRunner.run("run", be7Line().toString(), "-o", out.toString(), "--seed", "1",
        "--max-template-events", "5000", "--threads", "1", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    try (var files = Files.list(out.resolve("plots"))) {
      Path svg = files.filter(f -> f.getFileName().toString().matches("spectrum_.*\\.svg")).findFirst().orElseThrow();
      String text = Files.readString(svg);
      assertTrue(text.contains("Fit: signal (EvES)"), svg + " has no 'Fit: signal (EvES)'");
      assertFalse(text.contains("Fit: signal<") || text.contains("signal (CEvNS)"), svg.toString());
    }
  }

  @Test
  void scanOfTheMagneticMomentGivesAnUpperLimit() throws Exception {
    Path out = tmp.resolve("scan");
    CliRunner.Result r = CliRunner.run("scan", be7Line().toString(), "-o", out.toString(), "--seed", "1",
        "--max-template-events", "5000", "--threads", "1", "--poi", "magnetic_moment_mub.nue=0:2e-11:11");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode band = json(out.resolve("summary.json")).get("grid_bands").get(0).get("bands_90");
    assertEquals(1, band.size(), band.toString());
    double upper = band.get(0).get("upper").asDouble();
    assertFalse(band.get(0).get("upper_open").asBoolean(), band.toString());
    // Hand check: the window holds 32.18 Standard-Model events (cevns rates; EvesDetectedWindowTest: 3.218 per t yr)
    // and 51.05 with mu_nu = 1e-11 mu_B (cevns rates --set physics.magnetic_moment_mub.nue=1e-11), the magnetic
    // term growing as mu_nu^2. Counting alone (Asimov, Poisson: 2[(s+m) - s + s ln(s/(s+m))] = 2.71) gives
    // 7.37e-12 mu_B; the binned fit also sees the 1/T shape against the flat Standard-Model spectrum and is tighter:
    // 6.97e-12 on this grid of step 2e-12 (crossings interpolated linearly), 2026-12-06.
    assertTrue(upper > 6.0e-12 && upper < 7.6e-12, band.toString());
  }

  /**
   * The flavour-universal moment magnetic_moment_mub.all (μ_ee = μ_μμ = μ_ττ) on a ν_e-only source is ν_e's moment:
   * the same templates (simulated at the grid's far end, where only ν_e's moment acts) and the same limit as the
   * scan of magnetic_moment_mub.nue, to the last digit. Scanning it beside one flavour's moment is refused before
   * any simulation (exit 2, one line).
   */
  @Test
  void theFlavourUniversalMomentOfANueSourceIsTheNueMoment() throws Exception {
    Path config = be7Line();
    double[] upper = new double[2];
    String[] names = {"magnetic_moment_mub.nue", "magnetic_moment_mub.all"};
    for (int i = 0; i < 2; i++) {
      Path out = tmp.resolve("scan-" + i);
      CliRunner.Result r = CliRunner.run("scan", config.toString(), "-o", out.toString(), "--seed", "1",
          "--max-template-events", "5000", "--threads", "1", "--poi", names[i] + "=0:2e-11:11");
      assertEquals(0, r.exitCode(), r.err());
      upper[i] = json(out.resolve("summary.json")).get("grid_bands").get(0).get("bands_90").get(0).get("upper")
          .asDouble();
    }
    assertEquals(upper[0], upper[1], 0.0);
    CliRunner.Result both = CliRunner.run("scan", config.toString(), "-o", tmp.resolve("both").toString(),
        "--poi", "magnetic_moment_mub.all=0:2e-11:3", "--poi", "magnetic_moment_mub.nue=0:2e-11:3");
    assertEquals(2, both.exitCode(), both.err());
    assertEquals("cevns: --poi: magnetic_moment_mub.all and magnetic_moment_mub.nue cannot vary together:"
        + " magnetic_moment_mub.all sets magnetic_moment_mub.nue, magnetic_moment_mub.numu, magnetic_moment_mub.nutau"
        + " to one value", both.err().strip());
    assertFalse(Files.exists(tmp.resolve("both")));
  }

  @Test
  void analyzeWithTemplatesFromAFileFitsTheEvesSignal() throws Exception {
    Path config = be7Line();
    Path data = tmp.resolve("data.parquet");
    Path templates = tmp.resolve("templates.parquet");
    assertEquals(0, CliRunner.run("simulate", config.toString(), "-o", data.toString(), "--seed", "5", "--quiet",
        "--threads", "1").exitCode());
    assertEquals(0, CliRunner.run("simulate", config.toString(), "-o", templates.toString(), "--seed", "6",
        "--events", "20000", "--quiet", "--threads", "1").exitCode());
    Path out = tmp.resolve("a");
    CliRunner.Result r = CliRunner.run("analyze", config.toString(), "-i", data.toString(), "-o", out.toString(),
        "--templates", templates.toString(), "--seed", "5", "--quiet", "--threads", "1");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode summary = json(out.resolve("summary.json"));
    JsonNode fit = summary.get("fit");
    // mu_hat of one toy of 32.18 expected events in the window: within 3 sigma (sigma ~0.18) of 1 (fixed seed; a
    // false failure rate of ~0.3 % over seeds)
    assertTrue(Math.abs(fit.get("mu_hat").asDouble() - 1) < 0.55, fit.toString());
    assertFalse(summary.toString().contains("\"eves\""), "no eves component: " + summary);
  }

  /**
   * A configuration with CEvNS keeps CEvNS as the signal and EvES as the background component eves: the sensitivity
   * of coherent-csi is bit-identical to that of the code before EvES could be the signal (commit 95deeb15,
   * 2026-12-06; also sensitivity.json as a whole apart from provenance, and sensitivity.csv). Run with the response
   * variations additive, the default of that code (norm-plus-shape since 2026-12-07 gives z_median 7.712329).
   */
  @Test
  @Tag("slow")
  void aCevnsConfigurationsSensitivityIsUnchanged() throws Exception {
    Path out = tmp.resolve("csi");
    CliRunner.Result r = CliRunner.run("sensitivity", AnalysisCommandsTest.CSI.toString(), "-o", out.toString(),
        "--seed", "1", "--max-template-events", "20000", "--threads", "1", "--set",
        "analysis.sensitivity.exposure_factors=[1]", "--set", "analysis.systematics.response_interpolation=additive");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode s = json(out.resolve("sensitivity.json"));
    assertEquals(7.711370734743025, s.get("rows").get(0).get("z_median").asDouble(), 0);
    assertEquals(0.20634405744491352, s.get("rows").get(0).get("sigma_mu").asDouble(), 0);
    double[][] before = {{0.1869818003934024, 0.22570625076306405}, {0.03374854298146718, 0.03633357816843574},
        {1.027018608858405, 1.1010304783366998}, {1.045085272934568, 1.000307282721936}};
    String[] names = {"mu", "sin2_theta_w", "rn_fm.Cs133", "rn_fm.I127"};
    for (int i = 0; i < names.length; i++) {
      JsonNode p = s.get("expected_precision").get(i);
      assertEquals(names[i], p.get("name").asText());
      assertEquals(before[i][0], p.get("minus").asDouble(), 0, names[i]);
      assertEquals(before[i][1], p.get("plus").asDouble(), 0, names[i]);
    }
  }
}
