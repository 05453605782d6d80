package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code generator} section: precision of the sampling tables and event weighting. Every key optional.
 *
 * @param weighted write weighted events (uniform sampling with a weight column) instead of unit-weight
 *     events; default false
 * @param energyNodes neutrino-energy nodes of the sampling tables, in [{@value #MIN_NODES},
 *     {@value #MAX_NODES}]; default {@value #DEFAULT_ENERGY_NODES}
 * @param recoilNodes recoil-energy nodes per energy node, in [{@value #MIN_NODES}, {@value #MAX_NODES}];
 *     default {@value #DEFAULT_RECOIL_NODES}
 */
public record GeneratorSettings(boolean weighted, int energyNodes, int recoilNodes) {
  /** Smallest table size accepted. */
  public static final int MIN_NODES = 16;
  /** Largest table size accepted (8192² doubles would already be 512 MB). */
  public static final int MAX_NODES = 8192;
  /** Default {@code energy_nodes}. */
  public static final int DEFAULT_ENERGY_NODES = 512;
  /** Default {@code recoil_nodes}. */
  public static final int DEFAULT_RECOIL_NODES = 256;

  public GeneratorSettings {
    checkNodes("energy_nodes", energyNodes);
    checkNodes("recoil_nodes", recoilNodes);
  }

  private static void checkNodes(String key, int nodes) {
    if (nodes < MIN_NODES || nodes > MAX_NODES) {
      throw new ConfigException(key, "must be an integer in [" + MIN_NODES + ", " + MAX_NODES + "]", Integer.toString(nodes));
    }
  }

  /** Binds the YAML section ({@link ConfigBinding}); absent keys take their defaults. */
  @JsonCreator
  static GeneratorSettings bind(@JsonProperty("weighted") Boolean weighted,
      @JsonProperty("energy_nodes") @IntBounds(min = MIN_NODES, max = MAX_NODES) Integer energyNodes,
      @JsonProperty("recoil_nodes") @IntBounds(min = MIN_NODES, max = MAX_NODES) Integer recoilNodes) {
    return new GeneratorSettings(weighted != null && weighted,
        energyNodes == null ? DEFAULT_ENERGY_NODES : energyNodes, recoilNodes == null ? DEFAULT_RECOIL_NODES : recoilNodes);
  }

  /** All defaults: unweighted, 512 × 256 nodes. */
  public static GeneratorSettings defaults() {
    return new GeneratorSettings(false, DEFAULT_ENERGY_NODES, DEFAULT_RECOIL_NODES);
  }
}
