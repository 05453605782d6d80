package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One number per fissioning isotope, YAML {@code {U235: .., U238: .., Pu239: .., Pu241: ..}} (all four keys):
 * fission fractions or energies per fission of a {@link ReactorConfig}.
 *
 * @param u235 value for U-235, finite
 * @param u238 value for U-238, finite
 * @param pu239 value for Pu-239, finite
 * @param pu241 value for Pu-241, finite
 */
public record FissionValues(@JsonProperty(value = "U235", required = true) double u235,
    @JsonProperty(value = "U238", required = true) double u238,
    @JsonProperty(value = "Pu239", required = true) double pu239,
    @JsonProperty(value = "Pu241", required = true) double pu241) {
  /** The YAML keys, in this order; also the {@code parent} labels of reactor neutrinos. */
  public static final List<String> KEYS = List.of("U235", "U238", "Pu239", "Pu241");

  public FissionValues {
    DoubleRange.FINITE.check("U235", u235);
    DoubleRange.FINITE.check("U238", u238);
    DoubleRange.FINITE.check("Pu239", pu239);
    DoubleRange.FINITE.check("Pu241", pu241);
  }

  /** The values keyed as in YAML, in {@link #KEYS} order. */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("U235", u235);
    m.put("U238", u238);
    m.put("Pu239", pu239);
    m.put("Pu241", pu241);
    return m;
  }

  /** Sum of the four values. */
  public double sum() {
    return u235 + u238 + pu239 + pu241;
  }

  void check(String key, DoubleRange range) {
    asMap().forEach((isotope, v) -> range.check(key + "." + isotope, v));
  }
}
