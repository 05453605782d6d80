package org.cevns.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
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
    ExperimentConfig c = ConfigLoader.load(config, overrides.parsed());
    ExperimentModel model = ExperimentModel.build(c);
    DetsimConfig detsim = DetsimConfig.of(model);
    return new Loaded(model, detsim, AnalysisConfig.of(c));
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
