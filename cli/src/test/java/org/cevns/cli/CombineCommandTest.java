package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns combine}: the sum of two scans' profiles, the shared nuisance named as uncorrelated, the outputs;
 * inputs that are not scans, given twice or mismatched are refused with one line, exit 2, nothing written.
 */
class CombineCommandTest {
  @TempDir Path tmp;

  /** A scan output of a Gaussian profile in sin2_theta_w (centre, sigma), as cevns scan writes it. */
  private Path scan(String name, String experiment, double centre, double sigma, int points, String data,
      List<String> profiled) throws Exception {
    Path d = Files.createDirectories(tmp.resolve(name));
    StringBuilder csv = new StringBuilder("sin2_theta_w,delta_chi2\n");
    for (int i = 0; i < points; i++) {
      double x = 0.1 + 0.4 * i / (points - 1);
      csv.append(x).append(',').append(Math.pow((x - centre) / sigma, 2)).append('\n');
    }
    Files.writeString(d.resolve("scan.csv"), csv);
    String json = String.format(Locale.ROOT, "{\"experiment\": \"%s\", \"data\": \"%s\", \"fit\": {\"parameters\":"
        + " [{\"name\": \"sin2_theta_w\", \"best\": %s, \"interval_68\": {\"lower\": %s, \"upper\": %s}}],"
        + " \"profiled\": %s, \"held\": {\"mu\": 1.0}}}", experiment, data, centre, centre - sigma, centre + sigma,
        new ObjectMapper().writeValueAsString(profiled));
    Files.writeString(d.resolve("summary.json"), json);
    return d;
  }

  @Test
  void combinesTwoScansAndNamesTheSharedNuisance() throws Exception {
    Path csi = scan("csi", "coherent-csi", 0.20, 0.027, 81, "event files", List.of("sns.flux", "csi.steady"));
    Path lar = scan("lar", "coherent-lar", 0.30, 0.056, 81, "event files", List.of("sns.flux", "lar.steady"));
    Path out = tmp.resolve("comb");
    CliRunner.Result r = CliRunner.run("combine", csi.toString(), lar.toString(), "-o", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("cevns combine: warning: nuisance 'sns.flux' is in coherent-csi and coherent-lar:"
        + " profiled separately in each (treated as uncorrelated, not as one shared parameter; combine --joint shares"
        + " it)"), r.err());
    assertTrue(r.out().contains("combined (grid)"), r.out());
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    double w1 = 1 / (0.027 * 0.027);
    double w2 = 1 / (0.056 * 0.056);
    assertEquals((0.20 * w1 + 0.30 * w2) / (w1 + w2), s.at("/parameters/0/best").asDouble(), 1e-9);
    assertEquals(List.of("coherent-csi", "coherent-lar"),
        List.of(s.at("/shared_nuisances/sns.flux/0").asText(), s.at("/shared_nuisances/sns.flux/1").asText()));
    assertEquals(1, s.at("/compatibility/dof").asInt());
    assertTrue(s.get("method").asText().contains("none is shared"));
    List<String> lines = Files.readAllLines(out.resolve("scan.csv"));
    assertEquals("sin2_theta_w,delta_chi2,delta_chi2.coherent-csi,delta_chi2.coherent-lar", lines.get(0));
    assertEquals(82, lines.size());
    assertTrue(Files.size(out.resolve("plots/profile_sin2_theta_w.png")) > 0);
  }

  @Test
  void mixingDataAndAsimovIsAProjection() throws Exception {
    Path csi = scan("csi", "coherent-csi", 0.20, 0.027, 41, "event files", List.of("sns.flux"));
    Path conus = scan("conus", "conus-plus", 0.24, 0.05, 41, "Asimov dataset at the nominal parameters",
        List.of("kkl.flux"));
    CliRunner.Result r = CliRunner.run("combine", csi.toString(), conus.toString(), "-o", tmp.resolve("o").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("the inputs mix measured data and Asimov (expected) scans"), r.err());
    assertFalse(r.err().contains("nuisance '"), r.err());
  }

  @Test
  void badInputsAreRefusedBeforeAnyOutput() throws Exception {
    Path csi = scan("csi", "coherent-csi", 0.20, 0.027, 41, "event files", List.of("sns.flux"));
    Path fit = Files.createDirectories(tmp.resolve("fit"));
    Files.writeString(fit.resolve("summary.json"), "{\"experiment\": \"x\", \"fit\": {\"parameters\": []}}");
    Path out = tmp.resolve("o");
    CliRunner.Result r = CliRunner.run("combine", csi.toString(), fit.toString(), "-o", out.toString());
    assertEquals(2, r.exitCode());
    assertEquals("cevns: " + fit + ": no scan.csv (an output of cevns fit has no grid: run cevns scan --poi"
        + " NAME=A:B:N)", r.err().strip());
    r = CliRunner.run("combine", csi.toString(), csi.toString(), "-o", out.toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("given twice"), r.err());
    r = CliRunner.run("combine", csi.toString(), "-o", out.toString());
    assertEquals(2, r.exitCode(), r.err());
    r = CliRunner.run("combine", csi.toString(), tmp.resolve("csi2").toString(), "-o", csi.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertFalse(Files.exists(out));
  }
}
