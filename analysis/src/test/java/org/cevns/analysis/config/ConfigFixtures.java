package org.cevns.analysis.config;

import java.nio.file.Path;
import org.cevns.schema.ConfigLoader;

/** Analysis configurations for tests, parsed from YAML like a user's file. */
public final class ConfigFixtures {
  private ConfigFixtures() {}

  /** The YAML of {@link #beam} without an analysis section. */
  public static String beamYaml() {
    return AnalysisConfigTest.BEAM;
  }

  /** A pulsed-beam configuration (detector csi, backgrounds steady and brn) with the given analysis keys. */
  public static AnalysisConfig beam(String analysisYaml) {
    String yaml = AnalysisConfigTest.BEAM + "analysis:\n" + analysisYaml.indent(2);
    return AnalysisConfig.of(ConfigLoader.parse(yaml, Path.of(".")));
  }
}
