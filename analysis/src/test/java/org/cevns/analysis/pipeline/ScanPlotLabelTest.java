package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.ConfigFixtures;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.report.AnalysisOutputs;
import org.cevns.analysis.report.ScanOutputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every plot of {@code cevns fit} and {@code cevns scan} (profile, contours, pulls, impacts, impact groups) carries
 * the provenance label under its title, as those of {@code run}, {@code analyze} and {@code sensitivity} do
 * (README.md: "every plot labelled with experiment, exposure, cevns version and seed"); before, {@link ScanOutputs}
 * wrote them without it. The label changes the plots only: scan.csv and summary.json are the same without it.
 */
class ScanPlotLabelTest {
  private static final String LABEL = "exp  \u00b7  14.6 kg, 3.19e23 POT  \u00b7  cevns 1.0 simulation  \u00b7  seed 7";

  @TempDir Path tmp;

  private static PoiScan scan(List<String> pois, List<PoiScan.Grid> grids) {
    AnalysisConfig config = ConfigFixtures.beam("fit: {backgrounds: {steady: free, brn: 0.25}}\n");
    return PoiScan.run(config, BeamToys.templates(), null, TemplateSystematics.of(config.systematics()), pois, grids,
        true);
  }

  /** Writes {@code s} with and without the label; checks every plot has it and the rest is the same bytes. */
  private void check(PoiScan s, String name, List<String> plots) throws IOException {
    Path labelled = tmp.resolve(name + "-label");
    Path bare = tmp.resolve(name + "-bare");
    ScanOutputs.write(s, "exp", LABEL, labelled);
    ScanOutputs.write(s, "exp", "", bare);
    List<Path> svgs;
    try (Stream<Path> f = Files.list(labelled.resolve(AnalysisOutputs.PLOT_DIR))) {
      svgs = f.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
    }
    assertEquals(plots, svgs.stream().map(p -> p.getFileName().toString()).toList());
    for (Path svg : svgs) {
      assertTrue(Files.readString(svg, StandardCharsets.UTF_8).contains(LABEL), svg + " has no provenance label");
      String other = Files.readString(bare.resolve(AnalysisOutputs.PLOT_DIR).resolve(svg.getFileName()),
          StandardCharsets.UTF_8);
      assertTrue(!other.contains("cevns 1.0 simulation"), svg.getFileName() + " labelled without a label");
    }
    for (String f : List.of(ScanOutputs.CSV, ScanOutputs.JSON)) {
      if (Files.exists(bare.resolve(f))) {
        assertArrayEquals(Files.readAllBytes(bare.resolve(f)), Files.readAllBytes(labelled.resolve(f)), f);
      }
    }
  }

  @Test
  void profileScanPlotsCarryTheLabel() throws IOException {
    check(scan(List.of("mu"), List.of(new PoiScan.Grid("mu", 0.5, 1.5, 5))), "scan1d",
        List.of("expected_impacts_groups_mu.svg", "impacts.svg", "profile_mu.svg", "pulls.svg"));
  }

  @Test
  void contourScanPlotsCarryTheLabel() throws IOException {
    // mu and the nuisance of a model fitted to data (plots named without "expected_")
    BinnedModel m = OneBestFitTest.model(1);
    PoiScan s = PoiScan.fit(m, OneBestFitTest.data(m, 1, -0.8), FitOptions.defaults(), List.of("mu", "shape"),
        List.of(new PoiScan.Grid("mu", 0.5, 2.5, 4), new PoiScan.Grid("shape", -2, 2, 5)), true, Map.of(),
        Optional.empty(), false, Optional.empty());
    check(s, "scan2d", List.of("contour_mu_shape.svg", "impacts.svg", "impacts_groups_mu.svg",
        "impacts_groups_shape.svg", "pulls.svg"));
  }

  @Test
  void fitPlotsCarryTheLabel() throws IOException {
    check(scan(List.of("mu"), List.of()), "fit",
        List.of("expected_impacts_groups_mu.svg", "impacts.svg", "pulls.svg"));
  }
}
