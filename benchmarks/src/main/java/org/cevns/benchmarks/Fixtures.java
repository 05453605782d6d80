package org.cevns.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;

/**
 * The real objects of a shipped configuration (CsI at the SNS by default), so that the benchmarks measure the
 * code paths a run uses. The configuration path is relative to the repository root (the working directory
 * of {@code bench/run.sh}); the system property {@code cevns.bench.config} overrides it.
 */
final class Fixtures {
  static final String DEFAULT_CONFIG = "configs/coherent-csi.yaml";

  private Fixtures() {}

  static ExperimentConfig config() {
    Path p = Path.of(System.getProperty("cevns.bench.config", DEFAULT_CONFIG));
    if (!Files.isRegularFile(p) && Files.isRegularFile(Path.of("..").resolve(p))) {
      p = Path.of("..").resolve(p); // run from benchmarks/
    }
    return ConfigLoader.load(p);
  }

  static ExperimentModel model() {
    return ExperimentModel.build(config());
  }

  /** {@code process/isotope/parent/flavor}, e.g. {@code cevns/Cs133/mu_delayed/nue}. */
  static String label(Channel c) {
    return c.process().columnName() + "/" + c.isotope().label() + "/" + c.component().parent() + "/"
        + c.component().flavor().columnName();
  }

  /** The first channel (any detector) with this label. */
  static Channel channel(ExperimentModel model, String label) {
    List<String> labels = new ArrayList<>();
    for (Channel c : model.channels()) {
      if (label(c).equals(label)) {
        return c;
      }
      labels.add(label(c));
    }
    throw new IllegalArgumentException("no channel '" + label + "'; the configuration has " + labels);
  }
}
