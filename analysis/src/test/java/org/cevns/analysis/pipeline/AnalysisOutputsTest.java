package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.ConfigFixtures;
import org.cevns.analysis.events.EventFileHistogrammer;
import org.cevns.analysis.events.FitTimeAxis;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.events.WindowSpec;
import org.cevns.analysis.report.AnalysisOutputs;
import org.cevns.analysis.report.CsvTables;
import org.cevns.analysis.report.SummaryJson;
import org.cevns.analysis.report.TerminalSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One toy beam experiment from file to every output: summary.json, CSV, PNG and SVG plots, pyhf workspace. */
class AnalysisOutputsTest {
  @TempDir Path tmp;

  @Test
  void everyOutputIsWrittenAndConsistent() throws Exception {
    AnalysisConfig config = ConfigFixtures.beam("fit: {backgrounds: {steady: free, brn: 0.25}, toys: 50}\n");
    AnalysisResult r = AnalysisResult.of(toyInputs(config));
    Path out = System.getProperty("cevns.peek") != null ? Path.of(System.getProperty("cevns.peek"))
        : tmp.resolve("out");
    List<Path> files = AnalysisOutputs.write(r, out);
    for (String name : List.of("summary.json", "summary.txt", "workspace.json", "csv/energy.csv", "csv/time.csv",
        "csv/pe.csv", "csv/subtraction.csv", "csv/fit.csv", "plots/spectrum_csi.png", "plots/spectrum_csi.svg",
        "plots/spectrum_csi.pdf", "plots/time_csi.png", "plots/time_csi.svg", "plots/time_csi.pdf", "plots/profile.png",
        "plots/profile.svg", "plots/profile.pdf")) {
      assertTrue(Files.size(out.resolve(name)) > 0, name);
      assertTrue(files.contains(out.resolve(name)), name);
    }
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals("beam", s.get("mode").asText());
    JsonNode fit = s.get("fit");
    // configured priors in name order, then the default (regression: the order followed Map.copyOf's per-JVM salt)
    JsonNode priors = fit.get("configured_priors");
    assertEquals("brn", priors.get(0).get("component").asText());
    assertEquals("steady", priors.get(1).get("component").asText());
    assertEquals("(default)", priors.get(2).get("component").asText());
    double mu = fit.get("mu_hat").asDouble();
    assertTrue(fit.get("interval_68").get("lower").asDouble() < mu && mu < fit.get("interval_68").get("upper")
        .asDouble());
    assertTrue(fit.get("interval_90").get("lower").asDouble() < fit.get("interval_68").get("lower").asDouble());
    assertTrue(fit.get("significance").get("z").asDouble() > 2, "60 signal on 95 background: clearly seen");
    assertEquals(50, fit.get("toy_significance").get("toys").asInt() + fit.get("toy_significance").get("failed")
        .asInt());
    assertTrue(fit.get("goodness_of_fit").get("ndf").asInt() > 0);
    // counts: observed rows per key are those written (coincidence signal etc.); expected from templates
    double observedC = 0;
    for (JsonNode c : s.get("counts")) {
      if (c.get("beam_window").asText().equals("coincidence")) {
        observedC += c.get("observed_events").asDouble();
      }
      if (c.get("component").asText().equals("signal")) {
        assertEquals(BeamToys.SIGNAL, c.get("expected_events").asDouble(), 1e-9);
      }
    }
    JsonNode sub = s.get("subtraction").get("detectors").get(0);
    assertEquals(observedC, sub.get("signal_counts").asDouble(), 1e-9);
    assertEquals(sub.get("signal_counts").asDouble() - sub.get("control_counts_scaled").asDouble(),
        sub.get("residual_counts").asDouble(), 1e-9);
    // CSV headers and the pyhf workspace
    assertTrue(Files.readString(out.resolve("csv/" + CsvTables.ENERGY)).startsWith(
        "sample,detector,period,beam_window,component,bin_low,bin_high,content,error\n"));
    JsonNode ws = new ObjectMapper().readTree(out.resolve("workspace.json").toFile());
    assertEquals(2, ws.get("channels").size());
    assertEquals("mu", ws.get("measurements").get(0).get("config").get("poi").asText());
    assertTrue(Files.readString(out.resolve("plots/profile.svg")).contains("<svg"));
    // the impact breakdown of mu: total = the 68 % interval, statistical² + systematic_total² = total², the groups
    JsonNode impacts = fit.get("impacts");
    Map<String, JsonNode> byGroup = new java.util.LinkedHashMap<>();
    impacts.forEach(i -> {
      assertEquals("mu", i.get("poi").asText());
      byGroup.put(i.get("group").asText(), i);
    });
    assertEquals(List.of("total", "statistical", "systematic_total"), List.copyOf(byGroup.keySet()).subList(0, 3));
    assertEquals(java.util.Set.of("background_norm.brn", "background_norm.steady"),
        java.util.Set.copyOf(List.copyOf(byGroup.keySet()).subList(3, byGroup.size())));
    assertEquals(mu - fit.get("interval_68").get("lower").asDouble(), byGroup.get("total").get("minus").asDouble(),
        1e-12);
    for (String side : List.of("minus", "plus")) {
      double t = byGroup.get("total").get(side).asDouble();
      double st = byGroup.get("statistical").get(side).asDouble();
      double sy = byGroup.get("systematic_total").get(side).asDouble();
      assertEquals(t * t, st * st + sy * sy, 1e-12);
      assertTrue(st > 0 && st < t, side);
    }
    for (String ext : List.of("png", "svg", "pdf")) {
      assertTrue(Files.size(out.resolve("plots/impacts_groups_mu." + ext)) > 0, ext);
      assertTrue(files.contains(out.resolve("plots/impacts_groups_mu." + ext)), ext);
    }
    assertTrue(Files.readString(out.resolve("plots/impacts_groups_mu.svg")).contains("background_norm.steady"));
    String text = TerminalSummary.render(r);
    assertTrue(text.contains("Impact of each group of nuisances"), text);
    assertTrue(text.lines().allMatch(l -> l.codePointCount(0, l.length()) <= 100), text);
    assertTrue(text.lines().count() < 40, text);
  }

  @Test
  void energyTimeFitFromWeightedTemplateFile() throws Exception {
    // templates: a 20x toy with weights 1/20 written as events (the high-statistics template file route)
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(12);
    String tmplFile = tmp.resolve("templates.parquet").toString();
    String dataFile = tmp.resolve("data.parquet").toString();
    BeamToys.write(dataFile, 1.0, rng, 2);
    Path dir = tmp.resolve("tdir");
    Files.createDirectories(dir);
    for (int i = 0; i < 20; i++) {
      BeamToys.write(dir.resolve("part-" + i + ".parquet").toString(), 1.0, rng, 100 + i);
    }
    AnalysisConfig config = ConfigFixtures.beam("fit: {observable: energy-time, time_bins: 3}\n");
    WindowSpec w = new WindowSpec(0, 6000, -6000);
    HistogramBinning binning = new HistogramBinning(Map.of("csi", BeamToys.ENERGY), Map.of(), BeamToys.TIME,
        Optional.of(FitTimeAxis.of(w, 3)));
    var data = EventFileHistogrammer.histogram(List.of(dataFile), binning, 1);
    var tmpl = EventFileHistogrammer.histogram(List.of(dir.toString()), binning, 2);
    // 20 runs (distinct seeds): exposures add up, so scaling to the data exposure divides by 20
    assertEquals(20 * BeamToys.BEAM_SECONDS, tmpl.exposure().orElseThrow().liveSeconds("csi", "beam"), 1e-6);
    SpectrumSet templates = TemplateScaling.toExposure(tmpl.spectra(), tmpl.exposure().get(),
        data.exposure().orElseThrow());
    AnalysisInputs in = new AnalysisInputs("toy", config, data.spectra(), data.exposure().get(), templates,
        new AnalysisInputs.TemplateInfo("file", 20, "simulation", 0), Optional.of(w), 5);
    AnalysisResult r = AnalysisResult.of(in);
    var fit = r.fit().orElseThrow();
    assertEquals(2 * 10 * 3, fit.built().model().nBins(), "2 channels x 10 energy x 3 time bins");
    assertTrue(fit.best().converged());
    assertTrue(fit.interval68().orElseThrow().contains(fit.best().mu()));
    assertTrue(Math.abs(fit.best().mu() - 1) < 4 * fit.interval68().get().halfWidth(), "mu-hat near 1");
    Path out = tmp.resolve("out");
    AnalysisOutputs.write(r, out);
    assertTrue(Files.exists(out.resolve("plots/spectrum_csi.png")));
  }

  /**
   * The template-statistics warning of {@code run}/{@code analyze} is in summary.json too ({@code templates.warning}),
   * for tools that read it rather than stderr; absent when the templates hold enough events.
   */
  @Test
  void templateStatisticsWarningIsInSummaryJson() throws Exception {
    AnalysisConfig config = ConfigFixtures.beam("fit: {backgrounds: {steady: free, brn: 0.25}}\n");
    AnalysisInputs enough = toyInputs(config);
    JsonNode none = new ObjectMapper().readTree(SummaryJson.text(AnalysisResult.of(enough)));
    assertTrue(none.get("templates").get("seed") != null && none.get("templates").get("warning") == null,
        none.get("templates").toString());
    // the same templates as simulated ones of 0.1 effective events per expected event (sum w2 = 10 sum w)
    Map<SpectrumKey, KeySpectra> sparse = new LinkedHashMap<>();
    for (SpectrumKey k : enough.templates().keys()) {
      KeySpectra s = enough.templates().get(k).orElseThrow();
      sparse.put(k, new KeySpectra(s.energy(), s.pe(), s.time(), s.energyTime(), s.sumW(), 10 * s.sumW(), s.rows()));
    }
    AnalysisInputs few = new AnalysisInputs(enough.experiment(), config, enough.data(), enough.exposure(),
        SpectrumSet.of(enough.templates().binning(), sparse), enough.templateInfo(), enough.windows(), 3);
    JsonNode warned = new ObjectMapper().readTree(SummaryJson.text(AnalysisResult.of(few)));
    String w = warned.get("templates").get("warning").asText();
    assertEquals(TemplateStatistics.warning(few).orElseThrow(), w);
    assertTrue(w.contains("0.100 per expected event"), w);
  }

  /**
   * walk33: a detector on the recoil scale ({@code quenching: {model: none}}: a xenon ⁸B design, the ESS projections,
   * a calorimeter) has its observed energy in keVnr; its spectrum plot said {@code E_ee [keVee]} and {@code Counts /
   * 0.1 keVee}. The configuration records such detectors, and the plot's axes name keVnr; others keep keVee.
   */
  @Test
  void recoilScaleDetectorIsPlottedInKeVnr() throws Exception {
    String yaml = ConfigFixtures.beamYaml().replace("    backgrounds:",
        "    response: {quenching: {model: none}, energy: {model: ideal}}\n    backgrounds:");
    assertTrue(yaml.contains("model: none"), yaml);
    AnalysisConfig parsed = AnalysisConfig.of(org.cevns.schema.ConfigLoader.parse(yaml, Path.of(".")));
    assertEquals(java.util.Set.of("csi"), parsed.recoilScaleDetectors());
    AnalysisConfig ee = ConfigFixtures.beam("fit: {backgrounds: {steady: free, brn: 0.25}}\n");
    assertEquals(java.util.Set.of(), ee.recoilScaleDetectors());
    AnalysisConfig nr = new AnalysisConfig(ee.modeAsWritten(), ee.mode(), ee.energy(), ee.energyByDetector(), ee.pe(),
        ee.time(), ee.fit(), ee.sensitivity(), ee.systematics(), ee.parameters(), parsed.recoilScaleDetectors());
    for (var c : List.of(ee, nr)) {
      var plots = org.cevns.analysis.report.ResultPlots.spectra(AnalysisResult.of(toyInputs(c)));
      assertTrue(!plots.isEmpty());
      for (var named : plots) {
        String axes = labels(named.plot());
        String unit = c == nr ? "keVnr" : "keVee";
        // the x axis [unit] and the y axis Counts / WIDTH unit
        assertTrue(axes.contains("[" + unit + "]") && axes.split(unit, -1).length == 3,
            named.name() + " (" + unit + "): " + axes);
        assertTrue(!axes.contains(c == nr ? "keVee" : "keVnr"), named.name() + ": " + axes);
      }
      // the terminal's C - kappa AC line names the same unit (it said keVee for a recoil-scale detector)
      String terminal = org.cevns.analysis.report.TerminalSummary.render(AnalysisResult.of(toyInputs(c)));
      String line = terminal.lines().filter(l -> l.contains("in the fit energy range")).findFirst().orElseThrow();
      assertTrue(line.contains(c == nr ? " keVnr (" : " keVee ("), line);
    }
  }

  /** The domain and range axis labels of a chart and of its subplots, joined. */
  private static String labels(org.jfree.chart.JFreeChart chart) {
    StringBuilder b = new StringBuilder();
    var plot = chart.getXYPlot();
    b.append(text(plot.getDomainAxis())).append(" | ").append(text(plot.getRangeAxis()));
    if (plot instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined) {
      for (Object sub : combined.getSubplots()) {
        b.append(" | ").append(text(((org.jfree.chart.plot.XYPlot) sub).getRangeAxis()));
      }
    }
    return b.toString();
  }

  /** An axis label as text (HepTheme sets sub- and superscripts as an attributed label). */
  private static String text(org.jfree.chart.axis.Axis a) {
    if (a == null) {
      return "";
    }
    if (a.getAttributedLabel() == null) {
      return String.valueOf(a.getLabel());
    }
    StringBuilder b = new StringBuilder();
    var it = a.getAttributedLabel().getIterator();
    for (char c = it.first(); c != java.text.CharacterIterator.DONE; c = it.next()) {
      b.append(c);
    }
    return b.toString();
  }

  /** One toy beam experiment (seed 11) written to events.parquet and read back, with the analytic templates. */
  private AnalysisInputs toyInputs(AnalysisConfig config) throws Exception {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11);
    String file = tmp.resolve("events.parquet").toString();
    BeamToys.write(file, 1.0, rng, 1);
    var read = EventFileHistogrammer.histogram(List.of(file), BeamToys.binning(), 1);
    return BeamToys.inputs(config, read.spectra(), read.exposure().orElseThrow(), 3);
  }
}
