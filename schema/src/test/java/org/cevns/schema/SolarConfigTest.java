package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cevns.physics.source.SolarBranch;
import org.junit.jupiter.api.Test;

/** The {@code solar} source type (pp, pep, ⁷Be, CNO): defaults, overrides, one-line errors, round trip. */
class SolarConfigTest {
  private static String yaml(String sourceKeys) {
    return String.join("\n", "name: t", "physics: {processes: [eves]}", "sources:", "  - name: sun", "    type: solar",
        sourceKeys, "    exposure: {years: 1}", "detectors:", "  - name: xe", "    target: {formula: Xe}",
        "    mass_kg: 1000", "");
  }

  private static SolarConfig parse(String sourceKeys) {
    return (SolarConfig) ConfigLoader.parse(yaml(sourceKeys), Path.of(".")).sources().get(0);
  }

  private static String error(String sourceKeys) {
    return assertThrows(ConfigException.class, () -> parse(sourceKeys)).getMessage();
  }

  @Test
  void defaultsAreEveryBranchAtItsB16Gs98FluxWithOscillations() {
    SolarConfig c = parse("    oscillations: true");
    assertEquals(List.of(SolarBranch.values()), c.branches());
    assertEquals(5.98e10, c.resolvedFluxesPerCm2S().get(SolarBranch.PP));
    assertEquals(4.93e9, c.resolvedFluxesPerCm2S().get(SolarBranch.BE7));
    assertEquals(true, c.oscillations());
    assertFalse(c.pointSource());
  }

  @Test
  void branchesAndFluxesAreTaken() {
    SolarConfig c = parse("    branches: [be7, pp]\n    fluxes_per_cm2_s: {pp: 6.03e10}\n    oscillations: false");
    assertEquals(Map.of(SolarBranch.BE7, 4.93e9, SolarBranch.PP, 6.03e10), c.resolvedFluxesPerCm2S());
    assertEquals(List.of(SolarBranch.BE7, SolarBranch.PP), c.branches());
    assertEquals(false, c.oscillations());
  }

  @Test
  void badKeysAreRefusedInOneLineNamingTheKey() {
    assertEquals("sources[0].branches: must list at least one of pp, pep, be7, n13, o15, f17",
        error("    branches: []"));
    assertEquals("sources[0].branches: must not repeat a branch, got [pp, pp]", error("    branches: [pp, pp]"));
    assertEquals("sources[0].fluxes_per_cm2_s.n13: is not one of the listed branches [pp]",
        error("    branches: [pp]\n    fluxes_per_cm2_s: {n13: 1e8}"));
    assertEquals(true, error("    fluxes_per_cm2_s: {pp: -1}").startsWith("sources[0].fluxes_per_cm2_s.pp: must be"),
        error("    fluxes_per_cm2_s: {pp: -1}"));
    assertEquals(true, error("    branches: [b8]").startsWith("sources[0].branches[0]: must be one of pp, pep, be7"),
        error("    branches: [b8]"));
  }

  @Test
  void resolvedYamlRoundTrips() {
    ExperimentConfig c = ConfigLoader.parse(yaml("    branches: [pp, be7]\n    fluxes_per_cm2_s: {be7: 4.5e9}"),
        Path.of("."));
    String resolved = c.resolvedYaml();
    ExperimentConfig again = ConfigLoader.parse(resolved, Path.of("."));
    assertEquals(c.sources(), again.sources());
  }
}
