package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.ConfigFixtures;
import org.cevns.analysis.fit.GroupImpacts;
import org.cevns.analysis.report.ScanOutputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cevns fit}/{@code scan}: the impact breakdown of the POI in scan.json ({@code fit.impacts}) and plots. */
class ScanImpactsTest {
  @TempDir Path tmp;

  @Test
  void asimovScanReportsTheImpactBreakdown() throws Exception {
    AnalysisConfig config = ConfigFixtures.beam("fit: {backgrounds: {steady: free, brn: 0.25}}\n");
    PoiScan s = PoiScan.run(config, BeamToys.templates(), null, TemplateSystematics.of(config.systematics()),
        List.of("mu"), List.of(new PoiScan.Grid("mu", 0.5, 1.5, 5)), true);
    assertEquals(1, s.impacts().size());
    GroupImpacts g = s.impacts().get(0);
    assertEquals("mu", g.poi());
    var i68 = s.intervals().get(0).orElseThrow()[0];
    assertEquals(i68.minusError(), g.row(GroupImpacts.TOTAL).orElseThrow().minus(), 0);
    assertTrue(g.row("background_norm.brn").isPresent() && g.row("background_norm.steady").isPresent(),
        g.rows().toString());
    List<Path> files = ScanOutputs.write(s, "toy", "", tmp);
    JsonNode root = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
    JsonNode impacts = root.get("fit").get("impacts");
    // the 68.27 % set read from the grid (one band here) agrees with the crossing search to the grid's
    // linear-interpolation error: steps of 0.25 ~ the interval's half-width 0.23; the chord of a parabola across
    // its crossing lies inside it by up to ~0.03 here (measured 0.023 and 0.015)
    JsonNode band = root.get("grid_bands").get(0);
    assertEquals("mu", band.get("name").asText());
    assertEquals(1, band.get("bands_68").size());
    assertEquals(i68.lower(), band.get("bands_68").get(0).get("lower").asDouble(), 0.03);
    assertEquals(i68.upper(), band.get("bands_68").get(0).get("upper").asDouble(), 0.03);
    assertEquals(g.rows().size(), impacts.size());
    assertEquals("statistical", impacts.get(1).get("group").asText());
    assertEquals(g.row(GroupImpacts.STATISTICAL).orElseThrow().plus(), impacts.get(1).get("plus").asDouble(), 0);
    for (String ext : List.of("png", "svg", "pdf")) {
      Path p = tmp.resolve("plots/expected_impacts_groups_mu." + ext);
      assertTrue(files.contains(p) && Files.size(p) > 0, ext);
    }
    assertTrue(ScanOutputs.render(s, "toy").contains("Impact of each group"));
  }
}
