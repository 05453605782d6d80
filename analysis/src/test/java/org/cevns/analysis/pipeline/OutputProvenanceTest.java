package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.ConfigFixtures;
import org.cevns.analysis.report.ScanOutputs;
import org.cevns.analysis.report.SensitivityOutputs;
import org.cevns.generator.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary.json of {@code fit}/{@code scan} and {@code sensitivity.json} record how they were made (version,
 * commit, seed, config_sha256 and label), as {@code run}'s summary.json does and README.md promises ("summaries
 * record version, seed and the SHA-256 of the resolved configuration"): a script that runs a parameter study (many
 * {@code --set} variants) can tell its outputs apart. Before, both files had no provenance at all.
 */
class OutputProvenanceTest {
  private static final Provenance RUN = new Provenance("9.9.9", "0123456789abcdef0123", 42, "ab".repeat(32));

  @TempDir Path tmp;

  private static void assertProvenance(JsonNode root) {
    JsonNode p = root.get("provenance");
    assertEquals("9.9.9", p.get("version").asText(), root.toString());
    assertEquals("0123456789abcdef0123", p.get("commit").asText());
    assertEquals("42", p.get("seed").asText());
    assertEquals("ab".repeat(32), p.get("config_sha256").asText());
    assertEquals(RUN.label(), p.get("label").asText());
  }

  @Test
  void fitAndScanSummaryRecordTheProvenance() throws Exception {
    AnalysisConfig config = ConfigFixtures.beam("fit: {backgrounds: {steady: free, brn: 0.25}}\n");
    PoiScan s = PoiScan.run(config, BeamToys.templates(), null, TemplateSystematics.of(config.systematics()),
        List.of("mu"), List.of(), true);
    ScanOutputs.write(s, "toy", "", RUN, tmp.resolve("fit"));
    assertProvenance(new ObjectMapper().readTree(tmp.resolve("fit/summary.json").toFile()));
    ScanOutputs.write(s, "toy", "", tmp.resolve("bare"));
    assertNull(new ObjectMapper().readTree(tmp.resolve("bare/summary.json").toFile()).get("provenance"));
  }

  @Test
  void sensitivityJsonRecordsTheProvenance() throws Exception {
    AnalysisConfig config = ConfigFixtures.beam("""
        fit: {backgrounds: {steady: free, brn: 0.25}}
        sensitivity: {exposure_factors: [1, 4], coverage_toys: 0}
        """);
    SensitivityReport s = SensitivityReport.run(config, BeamToys.templates(), BeamToys.exposure(), 99);
    SensitivityOutputs.write(s, "toy", 42, RUN, tmp.resolve("sens"));
    assertProvenance(new ObjectMapper().readTree(tmp.resolve("sens/sensitivity.json").toFile()));
    // the CSV names the unit of its exposure column (it had none: POT or kg·d, only in the JSON and the table)
    List<String> csv = java.nio.file.Files.readAllLines(tmp.resolve("sens/sensitivity.csv"));
    assertEquals("exposure_factor,exposure,z_median,sigma_mu,exposure_unit", csv.get(0));
    assertEquals(3, csv.size());
    assertEquals(true, csv.get(1).endsWith(",POT"), csv.get(1));
  }
}
