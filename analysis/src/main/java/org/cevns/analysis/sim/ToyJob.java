package org.cevns.analysis.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.pipeline.FitModelBuilder;
import org.cevns.analysis.pipeline.PoiFits;
import org.cevns.analysis.pipeline.TemplateStatistics;
import org.cevns.analysis.report.ToyTable;
import org.cevns.analysis.stat.ToyStudy;
import org.cevns.events.CevnsVersion;
import org.cevns.events.io.TruthMetadata;
import org.cevns.generator.Provenance;

/**
 * Toy experiments of a configuration ({@code cevns toys}, {@code cevns mapreduce toys}): the templates are
 * simulated once ({@link SensitivityRanges#prepare}, from the seed, so every task of a sharded study builds the same
 * ones), the fit models are built as for {@code cevns run} (μ = 1, nominal nuisances and nominal physics
 * parameters are the truth), and toy k is simulated and fitted from its own random stream ({@link ToyStudy}).
 */
public final class ToyJob {
  private ToyJob() {}

  /**
   * Builds the templates and the study of {@code seed}: the likelihood of {@code cevns run} and {@code cevns fit}
   * (templates × norms, every configured systematic as a nuisance, Barlow–Beeston-lite), and for every physics
   * parameter of {@code analysis.parameters} the model in which it floats ({@link PoiFits#model}).
   */
  public static ToyStudy prepare(SimulationSetup setup, AnalysisConfig config, AnalysisJob.Options o, long seed)
      throws Exception {
    return study(setup, config, o, seed).study();
  }

  /**
   * A toy study and the warning about its templates.
   *
   * @param study the study
   * @param templateWarning {@link TemplateStatistics#asimovWarning} of the templates the toys are drawn from and
   *     fitted with, if they hold too few simulated events (one per study, not per toy)
   */
  public record Study(ToyStudy study, Optional<String> templateWarning) {}

  /** {@link #prepare} with the template-statistics warning of the templates. */
  public static Study study(SimulationSetup setup, AnalysisConfig config, AnalysisJob.Options o, long seed)
      throws Exception {
    // the default ranges of analysis.parameters as in fit and sensitivity, chosen once per study
    AnalysisJob.Prepared p = SensitivityRanges.prepare(setup, config, o);
    SpectrumSet t = p.templates().expected();
    FitModelBuilder.Built built = FitModelBuilder.build(config.mode(), config.fit(), t, t, p.systematics(),
        List.of());
    List<ToyStudy.Poi> pois = new ArrayList<>();
    for (String name : config.parameters()) {
      if (!name.equals(BinnedModel.POI_NAME)) {
        pois.add(new ToyStudy.Poi(name, PoiFits.model(config, t, t, p.systematics(), List.of(name)).model()));
      }
    }
    return new Study(ToyStudy.of(built.model(), built.model().nominalParameters(1.0), config.fit().fitOptions(), seed,
        pois), TemplateStatistics.asimovWarning(t, o.remedy()));
  }

  /** Toys {@code [from, to)} on {@code threads} threads; rows in toy order, whatever the thread count. */
  public static List<ToyStudy.Row> run(ToyStudy study, long from, long to, int threads) throws Exception {
    if (from < 0 || to < from || threads < 1) {
      throw new IllegalArgumentException("need 0 <= from <= to and threads >= 1, got [" + from + ", " + to
          + ") and " + threads);
    }
    long n = to - from;
    if (threads == 1 || n < 2) {
      return study.run(from, to);
    }
    int chunks = (int) Math.min(n, threads * 8L);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<ToyStudy.Row>>> parts = new ArrayList<>();
      for (int c = 0; c < chunks; c++) {
        long a = from + n * c / chunks;
        long b = from + n * (c + 1) / chunks;
        parts.add(pool.submit(() -> study.run(a, b)));
      }
      List<ToyStudy.Row> rows = new ArrayList<>((int) n);
      for (Future<List<ToyStudy.Row>> f : parts) {
        rows.addAll(f.get());
      }
      return rows;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Metadata of a toy table file holding toys {@code [from, to)} of {@code toys}: the version, the resolved
   * configuration, the seed, the git commit and the configuration's SHA-256 (as an event file's, so that a toy table
   * says which build and inputs made it) and the toy range.
   */
  public static Map<String, String> metadata(String resolvedYaml, long seed, long toys, long from, long to) {
    return metadata(resolvedYaml, seed, toys, from, to, Optional.empty());
  }

  /**
   * As above, with the study's template-statistics warning ({@link Study#templateWarning}) as
   * {@link ToyTable#TEMPLATES_WARNING} when there is one (without one, the same metadata as before it existed).
   */
  public static Map<String, String> metadata(String resolvedYaml, long seed, long toys, long from, long to,
      Optional<String> templateWarning) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TruthMetadata.VERSION, CevnsVersion.get());
    m.put(TruthMetadata.CONFIG, resolvedYaml);
    m.put(TruthMetadata.SEED, Long.toString(seed));
    m.put(TruthMetadata.GIT_COMMIT, CevnsVersion.commit());
    m.put(TruthMetadata.CONFIG_SHA256, Provenance.sha256(resolvedYaml));
    m.put(ToyTable.TOYS, Long.toString(toys));
    m.put(ToyTable.FIRST_TOY, Long.toString(from));
    m.put(ToyTable.END_TOY, Long.toString(to));
    templateWarning.ifPresent(w -> m.put(ToyTable.TEMPLATES_WARNING, w));
    return m;
  }
}
