package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.ConfigFixtures;
import org.cevns.analysis.report.SensitivityOutputs;
import org.cevns.analysis.stat.SensitivityScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitivityReportTest {
  @TempDir Path tmp;

  @Test
  void significanceGrowsAsRootExposureAndCoverageIsNominal() throws Exception {
    AnalysisConfig config = ConfigFixtures.beam("""
        fit: {backgrounds: {steady: free, brn: 0.25}}
        sensitivity: {exposure_factors: [1, 100, 400], coverage_toys: 300}
        """);
    SensitivityReport s = SensitivityReport.run(config, BeamToys.templates(), BeamToys.exposure(), 99);
    List<SensitivityScan.Row> rows = s.rows();
    assertEquals(3, rows.size());
    assertTrue(rows.get(0).zMedian() < rows.get(1).zMedian());
    // at large exposure the systematic-free statistics scale: Z ~ sqrt(exposure), sigma_mu ~ 1/sqrt(exposure);
    // the 25 % BRN prior makes sigma_mu approach a floor, so allow 10 %
    assertEquals(2.0, rows.get(2).zMedian() / rows.get(1).zMedian(), 0.2);
    assertTrue(rows.get(2).sigmaMu() < rows.get(1).sigmaMu());
    assertEquals(1e22, s.nominalExposure(), 1e10);
    assertEquals("POT", s.exposureUnit());
    var c = s.coverage().orElseThrow();
    // 300 toys: binomial sd 2.7 %; +-6 % is 2.2 sd (false-failure rate ~3 %, deterministic for this seed)
    assertEquals(0.6827, c.coverage(), 0.06);
    List<Path> files = SensitivityOutputs.write(s, "toy", 1L, tmp);
    assertTrue(files.contains(tmp.resolve("plots/sensitivity.png")));
    // the expected (Asimov) impact breakdown of mu, and its ranking plot
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("sensitivity.json").toFile());
    var impacts = json.get("expected_impacts");
    assertEquals("mu", impacts.get(0).get("poi").asText());
    assertEquals("total", impacts.get(0).get("group").asText());
    assertEquals(s.expected().get(0).interval68().orElseThrow().plusError(), impacts.get(0).get("plus").asDouble(),
        1e-12);
    assertEquals("statistical", impacts.get(1).get("group").asText());
    assertTrue(impacts.findValuesAsText("group").contains("background_norm.brn"), impacts.toString());
    for (String ext : List.of("png", "svg", "pdf")) {
      assertTrue(files.contains(tmp.resolve("plots/expected_impacts_groups_mu." + ext)), ext);
      assertTrue(Files.size(tmp.resolve("plots/expected_impacts_groups_mu." + ext)) > 0, ext);
    }
    assertTrue(SensitivityOutputs.render(s, "toy").contains("expected impact of each group"));
    assertTrue(Files.readString(tmp.resolve("sensitivity.csv")).startsWith("exposure_factor,exposure,z_median"));
    assertTrue(SensitivityOutputs.render(s, "toy").contains("coverage of the 68.27 % interval"));
  }
}
