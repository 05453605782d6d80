package org.cevns.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.report.ToyTable;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.analysis.sim.ToyJob;
import org.cevns.analysis.stat.ToyStudy;
import org.cevns.events.run.Shard;
import org.cevns.schema.SensitivityKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns toys}: toy experiments simulated and fitted here, one Parquet row per toy. */
@Command(
    name = "toys",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates and fits N toy experiments, one Parquet row per toy.",
      "Templates are simulated once; the fit model is that of `cevns run`",
      "(every analysis.systematics entry a nuisance, its auxiliary measurement",
      "fluctuated in each toy); mu = 1, nominal nuisances and nominal physics",
      "parameters are the truth. Each toy is fitted in mu and, with mu held at 1,",
      "in each analysis.parameters entry. Columns (docs/scale.md): toy, mu_hat,",
      "68 %% interval, covered_68, q0, z, converged; per analysis.parameters entry",
      "NAME_true, NAME_hat, NAME_lower_68, NAME_upper_68, NAME_covered_68,",
      "NAME_converged; fit.PARAMETER ...; pull.NUISANCE ...; in",
      "DIR/part-IIIII.parquet. Toy k uses its own random stream, so the rows are",
      "the same for any --threads, --shard split or `cevns mapreduce toys` run.",
      "Summarise with `cevns sensitivity CONFIG --toy-results DIR`."
    },
    footer = {"", HelpText.EXAMPLES,
        "  cevns toys configs/coherent-csi.yaml --toys 1000 --seed 7 -o out/toys",
        "  cevns sensitivity configs/coherent-csi.yaml --toy-results out/toys \\",
        "      -o out/toy-summary",
        "", HelpText.EXIT_CODES})
final class ToysCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML)")
  Path config;

  @picocli.CommandLine.Mixin ConfigOverrides overrides = new ConfigOverrides();

  @Option(names = "--toys", required = true, paramLabel = "N", description = "number of toy experiments")
  long toys;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory")
  String output;

  @Option(names = "--seed", paramLabel = "S", description = "seed of templates and toys (default: the config's seed; else drawn)")
  Long seed;

  @Option(names = "--shard", paramLabel = "I/N", description = "only toys [I*N_toys/N, (I+1)*N_toys/N), as DIR/part-I.parquet")
  String shard;

  @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores, ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--templates", paramLabel = "FILE_OR_DIR", description = "high-statistics cevns simulate output to use as templates")
  String templates;

  @Option(names = "--max-template-events", paramLabel = "N", description = "cap on the events of the template simulation (default 1e7); fewer than one template event per expected data event is warned about (stderr, the table's footer)")
  Long maxTemplateEvents;

  @Option(names = "--quiet", description = "no progress messages")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (toys < 1 || toys > SensitivityKeys.MAX_TOYS) { // 1e13 toys ran out of memory (exit 1) after making DIR
      throw new UserException("--toys: must be in [1, " + SensitivityKeys.MAX_TOYS + "], got " + toys);
    }
    ThreadCount.check("--threads", threads); // the options' checks before DIR is made: a refused run leaves nothing
    if (maxTemplateEvents != null && maxTemplateEvents < 1) {
      throw new UserException("--max-template-events: must be >= 1, got " + maxTemplateEvents);
    }
    Shard part = ShardOption.parse(shard);
    String file = output + "/" + partName(part.index());
    OutputFiles.refuseInputs(output, java.util.Arrays.asList(config.toString(), templates));
    refuseNonDirectory(output);
    if (Files.exists(Path.of(file))) {
      throw new UserException(file + ": exists (toys of an earlier run); choose another DIR or delete it");
    }
    // the configuration before DIR is made: a refused one (a bad --set) left an empty DIR
    ConfigSupport.Loaded loaded = ConfigSupport.load(config, overrides);
    try {
      Files.createDirectories(Path.of(output)); // before the work: the part file is the output, DIR is shared
    } catch (java.io.IOException | SecurityException e) {
      throw OutputFiles.cannotWrite(output, e);
    }
    ShardOption.requireSeed(part, seed, loaded.config());
    long runSeed = ConfigSupport.seed(seed, loaded.config());
    AnalysisConfig analysis = AnalysisSupport.analysisConfig(loaded, null, null);
    AnalysisJob.Options o = AnalysisSupport.options(threads, runSeed, templates, maxTemplateEvents,
        AnalysisSupport.log(spec.commandLine().getErr(), quiet), AnalysisSupport.remedy(spec));
    long from = toys * part.index() / part.count();
    long to = toys * (part.index() + 1) / part.count();
    long t0 = System.nanoTime();
    ToyJob.Study study;
    List<ToyStudy.Row> rows;
    try {
      study = ToyJob.study(AnalysisSupport.setup(loaded, "toys"), analysis, o, runSeed);
      long t1 = System.nanoTime();
      rows = ToyJob.run(study.study(), from, to, threads);
      o.log().accept(String.format(Locale.ROOT, "%d toys in %.2f s (%.0f toys/s, templates %.1f s)", to - from,
          (System.nanoTime() - t1) / 1e9, (to - from) / ((System.nanoTime() - t1) / 1e9), (t1 - t0) / 1e9));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
    ToyTable.write(file, study.study().columns(), rows,
        ToyJob.metadata(loaded.config().resolvedYaml(), runSeed, toys, from, to, study.templateWarning()));
    AnalysisSupport.warnTemplateStatistics(spec.commandLine().getErr(), "toys", study.templateWarning());
    if (!quiet) {
      spec.commandLine().getErr().printf(Locale.ROOT, "cevns: wrote %d toys to %s (seed %d)%n", rows.size(), file,
          runSeed);
      spec.commandLine().getErr().flush();
    }
    return 0;
  }

  /**
   * Refuses, before any toy is made, an output DIR that is a file or lies under one (the part file could only fail at
   * the end, after all the work).
   */
  private static void refuseNonDirectory(String output) {
    for (Path p = Path.of(output).toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          throw new UserException(output + ": cannot write here: " + p + " is not a directory");
        }
        return;
      }
    }
  }

  /** {@code part-IIIII.parquet}: name order is toy order. */
  static String partName(int index) {
    return String.format(Locale.ROOT, "part-%05d.parquet", index);
  }
}
