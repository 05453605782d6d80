package org.cevns.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.cevns.generator.config.ConfigLoader;
import org.cevns.generator.config.ExperimentConfig;
import org.cevns.generator.model.ExperimentModel;

/** Loading and checking a configuration before any work, shared by the commands. */
final class ConfigSupport {
  private ConfigSupport() {}

  /** Loads and validates the configuration and builds the physics model; throws ConfigException (exit 2). */
  static ExperimentModel model(Path config) {
    ExperimentConfig c = ConfigLoader.load(config);
    return ExperimentModel.build(c);
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
