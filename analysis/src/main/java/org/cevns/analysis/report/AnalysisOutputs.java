package org.cevns.analysis.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cevns.analysis.fit.PyhfWorkspace;
import org.cevns.analysis.pipeline.AnalysisResult;

/**
 * Writes every output of an analysis into a directory: {@value #SUMMARY} ({@link SummaryJson}),
 * {@value #SUMMARY_TEXT} (the {@link TerminalSummary}), {@code csv/} ({@link CsvTables}), {@code plots/}
 * ({@link ResultPlots}, PNG and SVG) and {@value #WORKSPACE}, the binned model with the data as a pyhf JSON
 * workspace ({@link PyhfWorkspace}).
 */
public final class AnalysisOutputs {
  public static final String SUMMARY = "summary.json";
  public static final String SUMMARY_TEXT = "summary.txt";
  public static final String WORKSPACE = "workspace.json";
  public static final String CSV_DIR = "csv";
  public static final String PLOT_DIR = "plots";

  private AnalysisOutputs() {}

  /** Writes the outputs into {@code dir} (created); returns the files written. */
  public static List<Path> write(AnalysisResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    Path summary = dir.resolve(SUMMARY);
    Files.writeString(summary, SummaryJson.text(r), StandardCharsets.UTF_8);
    out.add(summary);
    Path text = dir.resolve(SUMMARY_TEXT);
    String provenance = r.inputs().provenance().map(p -> "\n" + p.label() + "\nconfig sha256 " + p.configSha256()
        + "\n").orElse("");
    Files.writeString(text, TerminalSummary.render(r) + provenance, StandardCharsets.UTF_8);
    out.add(text);
    out.addAll(CsvTables.write(r, dir.resolve(CSV_DIR)));
    out.addAll(ResultPlots.write(r, dir.resolve(PLOT_DIR)));
    if (r.fit().isPresent()) {
      String label = PlotLabels.of(r, r.detectors());
      out.addAll(ScanOutputs.NuisancePlots.write(r.fit().get().nuisances(), r.inputs().experiment(), label,
          dir.resolve(PLOT_DIR)));
      out.addAll(ImpactOutputs.plots(r.fit().get().allImpacts(), r.inputs().experiment(), label,
          ImpactOutputs.FIT_PREFIX, dir.resolve(PLOT_DIR)));
    }
    if (r.fit().isPresent()) {
      Path ws = dir.resolve(WORKSPACE);
      var f = r.fit().get();
      PyhfWorkspace.write(f.built().model(), f.observations(), f.options(), r.inputs().experiment(), ws);
      out.add(ws);
    }
    return out;
  }
}
