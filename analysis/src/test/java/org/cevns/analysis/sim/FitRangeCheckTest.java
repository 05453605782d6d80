package org.cevns.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ConfigOverride;
import org.cevns.schema.ExperimentConfig;
import org.junit.jupiter.api.Test;

/**
 * An energy range of the fit above every detector's observable CEvNS energy is refused before any simulation,
 * naming the key ({@link FitRangeCheck}); every shipped configuration's range passes, and a range that a
 * detector's signal still reaches passes.
 */
class FitRangeCheckTest {
  static Path configs() {
    for (Path p : List.of(Path.of("..", "configs"), Path.of("configs"))) {
      if (Files.isRegularFile(p.resolve("reference.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("configs/ not found");
  }

  private static void check(String file, String... overrides) {
    ExperimentConfig c = ConfigLoader.load(configs().resolve(file),
        Stream.of(overrides).map(ConfigOverride::parse).toList());
    ExperimentModel m = ExperimentModel.build(c);
    FitRangeCheck.check(AnalysisConfig.of(c), SimulationSetup.of(m, DetsimConfig.of(m), "test"));
  }

  @Test
  void aRangeAboveTheSignalIsRefusedNamingTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> check("coherent-csi.yaml",
        "analysis.energy.min_kevee=100", "analysis.energy.max_kevee=200"));
    assertEquals("analysis.energy.min_kevee: the fit range starts above every observable CEvNS energy (csi 28.8"
        + " keVee: the quenched largest recoil plus 12 standard deviations of the energy response, times 2), so no"
        + " signal can fall into it; allowed: a lower end below that, got 100", e.getMessage());
    e = assertThrows(ConfigException.class, () -> check("coherent-csi.yaml",
        "analysis.energy={edges_kevee: [50, 60, 70]}"));
    assertTrue(e.getMessage().startsWith("analysis.energy.edges_kevee: the fit range starts above"), e.getMessage());
    // a per-detector range names its own key
    e = assertThrows(ConfigException.class, () -> check("coherent-csi.yaml",
        "analysis.detectors={csi: {bins: 4, min_kevee: 40, max_kevee: 50}}"));
    assertTrue(e.getMessage().startsWith("analysis.detectors.csi.min_kevee: the fit range starts above"),
        e.getMessage());
  }

  @Test
  void rangesTheSignalReachesPass() {
    check("coherent-csi.yaml", "analysis.energy.min_kevee=10", "analysis.energy.max_kevee=20");
    check("coherent-csi.yaml", "analysis.energy={bins: 4}"); // open ends: from the pilot
    try (var files = Files.list(configs())) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        check(p.getFileName().toString());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
