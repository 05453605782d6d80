package org.cevns.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cevns.analysis.pipeline.AnalysisResult;
import org.cevns.analysis.pipeline.TemplateStatistics;
import org.cevns.analysis.report.ToyTable;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.EventFile;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.analysis.sim.SimulationSetup;
import org.cevns.analysis.sim.TemplateMaker;
import org.cevns.events.io.HadoopFiles;
import picocli.CommandLine.Model.CommandSpec;

/** Shared by {@code analyze}, {@code sensitivity}, {@code toys}, {@code fit}, {@code scan} and {@code run}: options, output directory, input files. */
final class AnalysisSupport {
  private AnalysisSupport() {}

  /** Fails (exit 2) if {@code dir} is a file, or a non-empty directory without {@code overwrite}. */
  static void checkOutputDirectory(Path dir, boolean overwrite) throws IOException {
    StagedDirectory.check(dir, overwrite);
  }

  /** The event files of the inputs, footers read; unreadable or missing inputs are user errors. */
  static List<EventFile> inputs(List<String> inputs) {
    try {
      List<EventFile> files = EventFile.list(inputs, HadoopFiles.configuration());
      for (EventFile f : files) {
        f.projection();
      }
      return files;
    } catch (IOException | RuntimeException e) {
      throw new UserException("cannot read the input events: " + e.getMessage(), e);
    }
  }

  /**
   * {@link #inputs}, refusing a file of a fixed event count ({@code generate}/{@code simulate --events N}, unweighted):
   * the analysis counts a data file's rows as observed events at the exposure it records, while such a file holds
   * N events for the expected count of that exposure (each row stands for {@code cevns.weight_per_event} expected
   * events), so a fit would return μ scaled by N / expected without a word (coherent-csi, 200000 events for 42974
   * expected: μ̂ = 4.76). Also refuses a weighted file ({@code generate}/{@code simulate --weighted}, any count
   * mode): its rows carry weights that sum to the expected count, so its histogram is an expectation with the
   * sampling noise of the weights, not a Poisson realisation, and μ̂, the goodness of fit and the significance are
   * not those of an experiment (reduced coherent-csi, 808 weighted rows: 118.0 "observed" coincidence events of
   * which 44.7 in the fit range, μ̂ = 1.9 +0.9 −0.7, "3.5σ", χ² p = 0.15, all without a word). Toy experiments (no
   * {@code --events}, unit weights) and {@code --mean} files are data; imported files have no count mode.
   */
  static List<EventFile> dataInputs(List<String> inputs) {
    List<EventFile> files = inputs(inputs);
    for (EventFile f : files) {
      java.util.Map<String, String> m = f.metadata();
      if ("true".equals(m.get(org.cevns.events.io.TruthMetadata.WEIGHTED))) {
        throw new UserException(org.cevns.events.io.HadoopFiles.display(f.path()) + ": a weighted sample (--weighted; its weights sum to the expected count),"
            + " not a dataset: its histogram would be an expectation, not a Poisson realisation, and the fit's goodness"
            + " of fit and significance not those of an experiment; as data give a toy experiment (simulate without"
            + " --weighted and --events), a --mean file, or no -i (fit, scan: the Asimov dataset), and this file as"
            + " analyze --templates");
      }
      if (!org.cevns.generator.run.EventCount.Mode.FIXED.metadataValue()
          .equals(m.get(org.cevns.events.io.TruthMetadata.EVENT_COUNT_MODE))) {
        continue;
      }
      double w;
      try {
        w = Double.parseDouble(m.getOrDefault(org.cevns.events.io.TruthMetadata.WEIGHT_PER_EVENT, "1"));
      } catch (NumberFormatException e) {
        continue;
      }
      if (w != 1) {
        throw new UserException(String.format(java.util.Locale.ROOT, "%s: a sample of a fixed number of events"
            + " (--events N; each row stands for %.4g expected events), not a dataset: its rows would be counted as"
            + " observed events at %.4g times the exposure it records; as data give a toy experiment (simulate"
            + " without --events) or a --mean file, and this file as analyze --templates", org.cevns.events.io.HadoopFiles.display(f.path()), w, 1 / w));
      }
    }
    return files;
  }

  /** Prints "cevns COMMAND: warning: MESSAGE" lines on stderr, whatever {@code --quiet} says. */
  static Consumer<String> warn(PrintWriter err, String command) {
    return m -> {
      err.println("cevns " + command + ": warning: " + m);
      err.flush();
    };
  }

  /** A log that prints "cevns: MESSAGE" lines on stderr unless quiet. */
  static Consumer<String> log(PrintWriter err, boolean quiet) {
    return m -> {
      if (!quiet) {
        err.println("cevns: " + m);
        err.flush();
      }
    };
  }

  /** The simulation setup of a loaded configuration (every detector needs a response). */
  static SimulationSetup setup(ConfigSupport.Loaded loaded, String command) {
    return SimulationSetup.of(loaded.model(), loaded.detsim(), "cevns " + command
        + " simulates detector-level templates");
  }

  /** The analysis settings with command-line overrides. */
  static AnalysisConfig analysisConfig(ConfigSupport.Loaded loaded, Integer toys, Integer coverageToys) {
    AnalysisConfig a = loaded.analysis();
    if (toys != null) {
      if (toys < 0) {
        throw new UserException("--toys: must be >= 0, got " + toys);
      }
      a = a.withFit(a.fit().withToys(toys));
    }
    if (coverageToys != null) {
      if (coverageToys < 0) {
        throw new UserException("--coverage-toys: must be >= 0, got " + coverageToys);
      }
      a = a.withSensitivity(a.sensitivity().withCoverageToys(coverageToys));
    }
    return a;
  }

  static AnalysisJob.Options options(int threads, long seed, String templates, Long maxTemplateEvents,
      Consumer<String> log, TemplateStatistics.Remedy remedy) {
    ThreadCount.check("--threads", threads);
    long max = maxTemplateEvents == null ? TemplateMaker.DEFAULT_MAX_EVENTS : maxTemplateEvents;
    if (max < 1) {
      throw new UserException("--max-template-events: must be >= 1, got " + max);
    }
    return new AnalysisJob.Options(threads, seed, Optional.ofNullable(templates), max, log, remedy);
  }

  /**
   * The options that command {@code spec}'s template-statistics warning names: {@code --max-template-events}, and
   * {@code --templates} if the command has it.
   */
  static TemplateStatistics.Remedy remedy(CommandSpec spec) {
    return TemplateStatistics.Remedy.of(spec.findOption("--templates") != null);
  }

  /**
   * Prints the template-statistics warning of {@code r} ({@link AnalysisResult#templateWarning}), if any, on
   * {@code err} as {@code cevns COMMAND: warning: ...}, whatever {@code --quiet} says.
   */
  static void warnTemplateStatistics(PrintWriter err, String command, AnalysisResult r) {
    warnTemplateStatistics(err, command, r.templateWarning());
  }

  /**
   * Prints {@code warning} ({@link TemplateStatistics}'s line, computed once by the command's pipeline), if any, on
   * {@code err} as {@code cevns COMMAND: warning: ...}, whatever {@code --quiet} says.
   */
  static void warnTemplateStatistics(PrintWriter err, String command, Optional<String> warning) {
    warning.ifPresent(warn(err, command));
  }

  /**
   * Repeats the template-statistics warning that {@code cevns toys} recorded in a toy table ({@code --toy-results}),
   * if any, as {@code cevns COMMAND: warning: --toy-results: ...} (told apart from the command's own line).
   */
  static void warnToyTemplateStatistics(PrintWriter err, String command, ToyTable.Columns toys) {
    warnTemplateStatistics(err, command, toys.templateWarning().map(w -> "--toy-results: " + w));
  }
}
