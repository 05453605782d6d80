package org.cevns.generator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.sample.RecoilSampler;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.GeneratorSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TableFootprint} counts the tables {@link TruthGenerator#of} builds: one per sampler key, with as many
 * rows as the built sampler has energy nodes (line spectra one). Small node counts keep the builds quick.
 */
class TableFootprintTest {
  private static final Path CONFIGS = Path.of("../configs").toAbsolutePath().normalize();

  @ParameterizedTest
  @ValueSource(strings = {"reference.yaml", "coherent-lar.yaml", "xenonnt-b8.yaml", "coherent-csi-newphysics.yaml"})
  void rowArraysMatchTheBuiltSamplers(String config) {
    ExperimentModel model = ExperimentModel.build(ConfigLoader.load(CONFIGS.resolve(config)));
    GeneratorSettings settings = new GeneratorSettings(false, 40, 24);
    TableFootprint f = TableFootprint.of(model, settings);
    Map<String, Channel> first = new LinkedHashMap<>();
    int live = 0;
    for (Channel c : model.channels()) {
      if (c.expectedEvents() > 0) {
        live++;
        first.putIfAbsent(TruthGenerator.key(model, c), c);
      }
    }
    assertEquals(live, f.channels());
    assertEquals(first.size(), f.tables());
    int i = 0;
    long rows = 0;
    for (Channel c : first.values()) {
      RecoilSampler s = RecoilSampler.of(c.component().spectrum(), c.xs(), 40, 24);
      long expected = s.isEmpty() && s.energyNodeCount() == 0 ? 0 : 16 + 4L * s.energyNodeCount() * (4 * 24 + 1);
      assertEquals(expected, f.rowsArrays()[i++], config + ": " + c);
      rows += s.energyNodeCount();
    }
    assertTrue(f.arrayBytes() >= 4L * rows * (4 * 24 + 1), config);
  }

  /** reference.yaml at the default 512 x 256 nodes: 2.1 MB arrays, 3 regions of 1 MB each in G1. */
  @org.junit.jupiter.api.Test
  void humongousArraysTakeWholeRegions() {
    ExperimentModel model = ExperimentModel.build(ConfigLoader.load(CONFIGS.resolve("reference.yaml")));
    TableFootprint f = TableFootprint.of(model, GeneratorSettings.defaults());
    long region = TableFootprint.g1RegionBytes(288L << 20);
    assertEquals(1L << 20, region);
    long big = 0;
    for (long b : f.rowsArrays()) {
      if (b == 16 + 4L * 512 * 1025) {
        big++;
      }
    }
    assertTrue(big > 50, "tables of 512 rows: " + big);
    assertTrue(f.heapBytes(region) >= f.otherBytes() + big * (3L << 20));
    assertEquals(32L << 20, TableFootprint.g1RegionBytes(1L << 40));
    assertEquals(4L << 20, TableFootprint.g1RegionBytes(8L << 30));
    assertEquals(4L << 20, TableFootprint.g1RegionBytes(6L << 30));
    assertEquals(2L << 20, TableFootprint.g1RegionBytes(3L << 30));
    assertEquals(2L << 20, TableFootprint.g1RegionBytes(2049L << 20));
    assertEquals(1L << 20, TableFootprint.g1RegionBytes(2047L << 20));
  }
}
