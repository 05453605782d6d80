package org.cevns.analysis.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.hist.Histogram1D;
import org.cevns.analysis.pipeline.AnalysisResult;
import org.cevns.analysis.pipeline.FitReport;
import org.cevns.analysis.pipeline.SubtractionReport;
import org.cevns.analysis.subtract.SubtractionResult;

/**
 * The CSV histograms of an analysis, in long ("tidy") form, one file per quantity:
 *
 * <ul>
 *   <li>{@value #ENERGY}, {@value #TIME}, {@value #PE}: {@code sample,detector,period,beam_window,component,bin_low,
 *       bin_high,content,error}, sample {@code observed} (the data) or {@code expected} (templates at μ = 1);
 *       energy in keVee, time in ns, PE in photoelectrons;
 *   <li>{@value #SUBTRACTION}: {@code detector,bin_low,bin_high,signal_rate,signal_rate_error,control_rate,
 *       control_rate_error,residual_rate,residual_rate_error,residual_counts,residual_counts_error} (detector
 *       {@code array} for the sum), rates in the unit of the summary;
 *   <li>{@value #FIT}: {@code channel,bin,observed,fitted_total,fitted_signal,fitted_background,expected_signal}
 *       per fit bin.
 * </ul>
 *
 * Numbers are written with {@link Double#toString} (round-trip exact).
 */
public final class CsvTables {
  public static final String ENERGY = "energy.csv";
  public static final String TIME = "time.csv";
  public static final String PE = "pe.csv";
  public static final String SUBTRACTION = "subtraction.csv";
  public static final String FIT = "fit.csv";

  private CsvTables() {}

  /** Writes the CSV files into {@code dir} (created); returns the files written. */
  public static List<Path> write(AnalysisResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    out.add(write(dir.resolve(ENERGY), spectra(r, s -> Optional.of(s.energy()))));
    out.add(write(dir.resolve(TIME), spectra(r, s -> Optional.of(s.time()))));
    String pe = spectra(r, KeySpectra::pe);
    if (pe.indexOf('\n') < pe.length() - 1) {
      out.add(write(dir.resolve(PE), pe));
    }
    r.subtraction().ifPresent(s -> out.add(uncheckedWrite(dir.resolve(SUBTRACTION), subtraction(s))));
    r.fit().ifPresent(f -> out.add(uncheckedWrite(dir.resolve(FIT), fit(f))));
    return out;
  }

  static String spectra(AnalysisResult r, Function<KeySpectra, Optional<Histogram1D>> pick) {
    StringBuilder sb = new StringBuilder("sample,detector,period,beam_window,component,bin_low,bin_high,content,error\n");
    append(sb, "observed", r.inputs().data(), pick);
    append(sb, "expected", r.inputs().templates(), pick);
    return sb.toString();
  }

  private static void append(StringBuilder sb, String sample, SpectrumSet set,
      Function<KeySpectra, Optional<Histogram1D>> pick) {
    for (SpectrumKey k : set.keys()) {
      Optional<Histogram1D> h = pick.apply(set.get(k).orElseThrow());
      if (h.isEmpty()) {
        continue;
      }
      BinEdges e = h.get().edges();
      String prefix = sample + "," + k.detector() + "," + k.period() + "," + k.window() + "," + k.component() + ",";
      for (int i = 0; i < e.nBins(); i++) {
        sb.append(prefix).append(e.lowEdge(i)).append(',').append(e.highEdge(i)).append(',')
            .append(h.get().content(i)).append(',').append(h.get().error(i)).append('\n');
      }
    }
  }

  static String subtraction(SubtractionReport s) {
    StringBuilder sb = new StringBuilder("detector,bin_low,bin_high,signal_rate,signal_rate_error,control_rate,"
        + "control_rate_error,residual_rate,residual_rate_error,residual_counts,residual_counts_error\n");
    for (SubtractionReport.Entry e : s.perDetector()) {
      rows(sb, e.detector(), e.result());
    }
    s.array().ifPresent(a -> rows(sb, "array", a));
    return sb.toString();
  }

  private static void rows(StringBuilder sb, String name, SubtractionResult x) {
    Histogram1D res = x.residualCounts();
    BinEdges e = x.signalRate().edges();
    for (int i = 0; i < e.nBins(); i++) {
      sb.append(name).append(',').append(e.lowEdge(i)).append(',').append(e.highEdge(i)).append(',')
          .append(x.signalRate().content(i)).append(',').append(x.signalRate().error(i)).append(',')
          .append(x.controlRate().content(i)).append(',').append(x.controlRate().error(i)).append(',')
          .append(x.residualRate().content(i)).append(',').append(x.residualRate().error(i)).append(',')
          .append(res.content(i)).append(',').append(res.error(i)).append('\n');
    }
  }

  static String fit(FitReport f) {
    StringBuilder sb = new StringBuilder("channel,bin,observed,fitted_total,fitted_signal,fitted_background,"
        + "expected_signal\n");
    for (int c = 0; c < f.built().channels().size(); c++) {
      double[] n = f.observed(c);
      double[] t = f.fittedTotal(c);
      double[] s = f.fittedSignal(c);
      double[] b = f.fittedBackground(c);
      double[] e = SummaryJson.expectedSignal(f, c);
      String name = f.built().channels().get(c).name();
      for (int i = 0; i < n.length; i++) {
        sb.append(name).append(',').append(i).append(',').append(n[i]).append(',').append(t[i]).append(',')
            .append(s[i]).append(',').append(b[i]).append(',').append(e[i]).append('\n');
      }
    }
    return sb.toString();
  }

  private static Path uncheckedWrite(Path p, String text) {
    try {
      return write(p, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path write(Path p, String text) throws IOException {
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }
}
