package org.cevns.analysis.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cevns.analysis.config.FitSettings;
import org.cevns.analysis.config.TemplateFile;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.hist.Histogram1D;
import org.cevns.analysis.hist.Histogram2D;
import org.cevns.analysis.events.RunExposure;

/**
 * Puts the binned templates of {@code analysis.fit.template_files} into the templates: each file's rows are
 * filled at their energy and time into the analysis binning (Σw² = 0: a file template has no Monte Carlo
 * statistics of its own) and replace the simulated template of the file's key. Each variant becomes the ±1σ
 * templates of its shape parameter. The response systematics' re-folded templates of a replaced key are set to
 * the file's nominal template: a re-folded simulation does not move a template read from a file.
 */
public final class FileTemplates {
  private FileTemplates() {}

  /** The key a template file replaces. */
  static SpectrumKey key(TemplateFile t) {
    return new SpectrumKey(t.detector(), t.period(), t.window(), t.component());
  }

  /**
   * {@code templates} with the files' templates in place of the simulated ones (unchanged without files), each
   * file's counts scaled to the templates' {@code exposure} when the file gives its {@code pot}
   * ({@link TemplateFile#factorAt}; null: not scaled).
   */
  public static SpectrumSet apply(FitSettings fit, SpectrumSet templates, RunExposure exposure) {
    if (fit.templateFiles().isEmpty()) {
      return templates;
    }
    Map<SpectrumKey, KeySpectra> m = new TreeMap<>(templates.asMap());
    for (TemplateFile t : fit.templateFiles()) {
      m.put(key(t), histogram(t, t.expected(), t.factorAt(exposure), templates.binning()));
    }
    return SpectrumSet.of(templates.binning(), m);
  }

  /**
   * {@code s} with the variants' ±1σ templates (under the variant names) and the replaced keys' nominal file
   * templates in every re-folded set; {@code nominal} is the result of {@link #apply(FitSettings, SpectrumSet,
   * RunExposure)} at the same {@code exposure}, by which the variants are scaled as the nominal files are.
   */
  public static TemplateSystematics apply(FitSettings fit, TemplateSystematics s, SpectrumSet nominal,
      RunExposure exposure) {
    if (fit.templateFiles().isEmpty()) {
      return s;
    }
    Map<String, SpectrumSet> up = new LinkedHashMap<>();
    Map<String, SpectrumSet> down = new LinkedHashMap<>();
    s.up().forEach((name, set) -> up.put(name, withFileKeys(fit.templateFiles(), set, nominal)));
    s.down().forEach((name, set) -> down.put(name, withFileKeys(fit.templateFiles(), set, nominal)));
    for (TemplateFile t : fit.templateFiles()) {
      for (TemplateFile.Variant v : t.variants()) {
        double f = t.factorAt(exposure);
        put(up, v.name(), key(t), histogram(t, v.up(), f, nominal.binning()), nominal);
        put(down, v.name(), key(t), histogram(t, v.down(), f, nominal.binning()), nominal);
      }
    }
    return new TemplateSystematics(s.config(), up, down, s.events(), s.family(), s.periodSource());
  }

  private static void put(Map<String, SpectrumSet> sets, String name, SpectrumKey k, KeySpectra h,
      SpectrumSet nominal) {
    SpectrumSet old = sets.get(name);
    Map<SpectrumKey, KeySpectra> m = new TreeMap<>(old == null ? Map.of() : old.asMap());
    m.put(k, h);
    sets.put(name, SpectrumSet.of(nominal.binning(), m));
  }

  private static SpectrumSet withFileKeys(List<TemplateFile> files, SpectrumSet set, SpectrumSet nominal) {
    Map<SpectrumKey, KeySpectra> m = new TreeMap<>(set.asMap());
    for (TemplateFile t : files) {
      nominal.get(key(t)).ifPresent(h -> m.put(key(t), h));
    }
    return SpectrumSet.of(set.binning(), m);
  }

  /** The rows of {@code t} with the expected counts {@code factor} × {@code counts} filled into {@code binning}. */
  static KeySpectra histogram(TemplateFile t, double[] counts, double factor, HistogramBinning binning) {
    BinEdges energy = binning.energy(t.detector());
    double[] e = new double[energy.nBins() + 2];
    double[] time = new double[binning.timeNs().nBins() + 2];
    Optional<BinEdges> fitTime = binning.fitTime().map(f -> f.edges());
    double start = binning.fitTime().map(f -> f.startNs(t.window())).orElse(Double.NaN);
    int ny = fitTime.map(BinEdges::nBins).orElse(0) + 2;
    double[] cells = new double[(energy.nBins() + 2) * ny];
    double total = 0;
    for (int i = 0; i < counts.length; i++) {
      double w = counts[i] * factor;
      total += w;
      int ix = energy.findBin(t.energyKeVee()[i]) + 1;
      e[ix] += w;
      double tNs = t.timeNs()[i];
      if (!Double.isNaN(tNs)) {
        time[binning.timeNs().findBin(tNs) + 1] += w;
        if (fitTime.isPresent() && !Double.isNaN(start)) {
          cells[ix * ny + fitTime.get().findBin(tNs - start) + 1] += w;
        }
      }
    }
    if (fitTime.isPresent() && Double.isNaN(t.timeNs()[0])) {
      throw new IllegalArgumentException("analysis.fit.template_files " + t.file() + ": the energy-time fit needs"
          + " a time column (columns.time_us or columns.time_ns)");
    }
    Optional<Histogram2D> et = fitTime.map(f -> Histogram2D.ofSums(energy, f, cells, new double[cells.length]));
    return new KeySpectra(Histogram1D.ofSums(energy, e, new double[e.length]), Optional.empty(),
        Histogram1D.ofSums(binning.timeNs(), time, new double[time.length]), et, total, 0.0, counts.length);
  }
}
