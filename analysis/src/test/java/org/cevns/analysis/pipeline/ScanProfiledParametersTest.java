package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.ConfigFixtures;
import org.cevns.analysis.report.ScanOutputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns fit}/{@code scan}'s summary.json names the parameters that were profiled and those held at a value
 * ({@code fit.profiled}, {@code fit.held}). Before (until 2026-12-06) a scan of a parameter other than μ wrote an
 * empty {@code fit.nuisances} (pulls and impacts are of μ's fit only) and nothing else: the output did not say which
 * parameters had been profiled, nor that μ had been held at 1, and {@code cevns combine} could not tell which
 * nuisances two scans share.
 */
class ScanProfiledParametersTest {
  @TempDir Path tmp;

  @Test
  void summaryNamesTheProfiledAndTheHeldParameters() throws Exception {
    AnalysisConfig config = ConfigFixtures.beam("fit: {backgrounds: {steady: free, brn: 0.25}}\n");
    PoiScan s = PoiScan.run(config, BeamToys.templates(), null, TemplateSystematics.of(config.systematics()),
        List.of("csi.steady"), List.of(new PoiScan.Grid("csi.steady", 0.9, 1.1, 3)), false);
    ScanOutputs.write(s, "toy", "", tmp);
    JsonNode fit = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile()).get("fit");
    assertEquals(0, fit.get("nuisances").size()); // pulls are of a fit of mu
    List<String> profiled = new ArrayList<>();
    fit.get("profiled").forEach(n -> profiled.add(n.asText()));
    assertEquals(List.of("csi.brn"), profiled);
    assertTrue(fit.get("held").has("mu"), fit.toString());
    assertEquals(1.0, fit.get("held").get("mu").asDouble(), 0);
    assertEquals(1, fit.get("held").size(), fit.toString());
  }

  @Test
  void aFitOfMuProfilesEveryNuisanceAndHoldsNothing() throws Exception {
    AnalysisConfig config = ConfigFixtures.beam("fit: {backgrounds: {steady: free, brn: 0.25}}\n");
    PoiScan s = PoiScan.run(config, BeamToys.templates(), null, TemplateSystematics.of(config.systematics()),
        List.of("mu"), List.of(), false);
    ScanOutputs.write(s, "toy", "", tmp);
    JsonNode fit = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile()).get("fit");
    List<String> profiled = new ArrayList<>();
    fit.get("profiled").forEach(n -> profiled.add(n.asText()));
    assertEquals(List.of("csi.brn", "csi.steady"), profiled); // in the model's order
    assertEquals(0, fit.get("held").size());
  }
}
