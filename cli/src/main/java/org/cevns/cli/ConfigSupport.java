package org.cevns.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.reweight.CevnsFamily;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.detsim.sim.CevnsDetectability;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.SchemaRecorder;
import org.cevns.generator.model.ExperimentModel;

/** Loading and checking a configuration before any work, shared by the commands. */
final class ConfigSupport {
  private ConfigSupport() {}

  /** A configuration with every stage section validated. */
  record Loaded(ExperimentModel model, DetsimConfig detsim, AnalysisConfig analysis) {
    ExperimentConfig config() {
      return model.config();
    }
  }

  /**
   * Loads and validates the configuration (generator keys, then the detsim sections, then the analysis
   * section) with the {@code --set} overrides applied, and builds the physics model; throws ConfigException
   * (exit 2).
   */
  static Loaded load(Path config, ConfigOverrides overrides) {
    return load(config, overrides, null);
  }

  /**
   * As {@link #load(Path, ConfigOverrides)}; {@code read} (if not null) is given the configuration's tree and included
   * files as the loader read them ({@link ConfigLoader#load(Path, java.util.List, java.util.function.BiConsumer)}).
   */
  static Loaded load(Path config, ConfigOverrides overrides,
      java.util.function.BiConsumer<com.fasterxml.jackson.databind.node.ObjectNode, java.util.List<Path>> read) {
    ExperimentConfig c = ConfigLoader.load(config, overrides.parsed(), read);
    // The analysis section needs only the configuration: it is parsed on a second thread while this one builds
    // the model and the detsim sections (~15 % of `rates` on 2 idle cores, docs/performance-history.md, "Sixth pass").
    // Errors are reported in the order of the sequential code: the model's and detsim's first, then the analysis'.
    // While the JSON schema is recorded (a per-thread recorder, ConfigJsonSchemaTest), everything stays on this thread.
    CompletableFuture<AnalysisConfig> analysis = CompletableFuture.supplyAsync(() -> AnalysisConfig.of(c), r -> {
      if (SchemaRecorder.recording()) {
        r.run();
        return;
      }
      startDaemon(r, "cevns-analysis-config");
    });
    ExperimentModel model = ExperimentModel.build(c);
    // the analysis parameters' names are checked against the model's cross-section family (~5 % of a cold `rates`'
    // main thread) on a thread of their own while this one builds the detsim sections; the analysis' failure or
    // theirs is thrown below, after detsim's, as the sequential code threw them
    CompletableFuture<AnalysisConfig> checked = analysis.thenApplyAsync(a -> {
      checkParameterNames(a, model);
      return a;
    }, r -> {
      if (SchemaRecorder.recording()) {
        r.run();
        return;
      }
      startDaemon(r, "cevns-parameter-names");
    });
    DetsimConfig detsim = DetsimConfig.of(model);
    CevnsDetectability.check(model, detsim);
    AnalysisConfig a = join(checked);
    return new Loaded(model, detsim, a);
  }

  /**
   * Refuses an {@code analysis.parameters} entry this configuration does not have (e.g. {@code rn_fm.Cs133} with a
   * Ge target), with the message of the analysis' own check ({@code AnalysisJob.checkParameterNames}), so that
   * {@code rates} (the complete check of a configuration) and {@code generate} refuse what {@code sensitivity}
   * refuses. The family of cross sections is built from the model only (cheap), and only when there are entries.
   */
  static void checkParameterNames(AnalysisConfig analysis, ExperimentModel model) {
    if (analysis.parameters().stream().allMatch("mu"::equals)) {
      return;
    }
    CevnsFamily family = org.cevns.analysis.sim.AnalysisJob.family(model);
    for (int i = 0; i < analysis.parameters().size(); i++) {
      String n = analysis.parameters().get(i);
      if (!n.equals("mu")) {
        String key = "analysis.parameters[" + i + "]";
        org.cevns.analysis.sim.FitParameterNames.unknownPhysics(n, family).ifPresent(problem -> {
          throw new ConfigException(key, problem);
        });
      }
    }
  }

  /** Runs {@code r} on a new daemon thread named {@code name} (a set-up task beside the main thread). */
  static void startDaemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  /** The value of {@code f}; its exception as it was thrown (unchecked exceptions and errors only). */
  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Loads and validates the configuration and builds the physics model; throws ConfigException (exit 2). */
  static ExperimentModel model(Path config, ConfigOverrides overrides) {
    return load(config, overrides).model();
  }

  /** The seed: the command line's, else the configuration's, else a fresh one (recorded in the output). */
  static long seed(Long commandLineSeed, ExperimentConfig config) {
    if (commandLineSeed != null) {
      return commandLineSeed;
    }
    if (config.seed().isPresent()) {
      return config.seed().getAsLong();
    }
    return new SecureRandom().nextLong();
  }
}
