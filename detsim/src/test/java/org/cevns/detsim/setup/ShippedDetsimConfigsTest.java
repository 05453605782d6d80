package org.cevns.detsim.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.detsim.sim.DetectorSimulation;
import org.cevns.detsim.sim.ExpectedDetected;
import org.cevns.events.block.SimBlock;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.GeneratorSettings;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.events.run.ParallelRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped configuration has valid detsim sections and a response for every detector, simulates a few
 * thousand events, and gives detected expectations no larger than the generated ones.
 */
class ShippedDetsimConfigsTest {
  static Path configsDir() {
    for (Path p : List.of(Path.of("..", "configs"), Path.of("configs"))) {
      if (Files.isRegularFile(p.resolve("reference.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("configs/ not found from " + Path.of("").toAbsolutePath());
  }

  static Stream<Path> configs() throws IOException {
    try (Stream<Path> files = Files.list(configsDir())) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void validatesAndSimulates(Path file) throws Exception {
    ExperimentModel model = ExperimentModel.build(ConfigLoader.load(file));
    DetsimConfig detsim = DetsimConfig.of(model).requireResponses("shipped configurations simulate");
    BackgroundChannels backgrounds = BackgroundChannels.of(model, detsim);
    GeneratorSettings coarse = new GeneratorSettings(false, 64, 32);
    DetectorSimulation sim = DetectorSimulation.of(model, detsim, backgrounds, coarse, 1L, 3000, 1, false);
    long[] rows = {0};
    long[] detected = {0};
    ParallelRunner.run(0, sim.blockCount(), 1, SimBlock::new, sim, (k, b) -> {
      rows[0] += b.size();
      for (int i = 0; i < b.size(); i++) {
        if (b.detected[i]) {
          detected[0]++;
        }
        assertTrue(Double.isFinite(b.quenchedKeVee[i]) && b.quenchedKeVee[i] >= 0, "quenched " + b.quenchedKeVee[i]);
        assertTrue(Double.isFinite(b.observedKeVee[i]));
      }
    }, null);
    assertEquals(3000, rows[0]);
    for (ExpectedDetected.Entry e : ExpectedDetected.of(model, detsim, backgrounds)) {
      assertTrue(e.expected() >= 0 && e.expected() <= e.generated() * (1 + 1e-9), e.toString());
    }
  }
}
