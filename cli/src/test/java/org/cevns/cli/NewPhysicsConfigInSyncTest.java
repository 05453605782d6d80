package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.cevns.schema.YamlReader;
import org.junit.jupiter.api.Test;

/**
 * configs/coherent-csi-newphysics.yaml is the COHERENT CsI experiment of configs/coherent-csi.yaml with new physics
 * switched on: its sources, detectors (response and backgrounds from the 2021 data release) and windows must be the
 * same. Regression: its detector block was an older copy whose flat steady background put ~317 detected events in
 * the 0.5–4.5 keVee fit range where the release's anti-coincidence window holds 1298, so its new-physics reach was
 * computed against a background ~4× too small (found by the recalled branch, twenty-ninth session).
 */
class NewPhysicsConfigInSyncTest {
  @Test
  void sourcesDetectorsAndWindowsAreCoherentCsis() throws Exception {
    JsonNode csi = read("coherent-csi.yaml");
    JsonNode np = read("coherent-csi-newphysics.yaml");
    for (String section : new String[] {"sources", "detectors", "windows"}) {
      assertEquals(csi.get(section), np.get(section), section);
    }
  }

  private static JsonNode read(String name) throws Exception {
    return YamlReader.read(Files.readString(GenerateCommandTest.CONFIGS.resolve(name)), name);
  }
}
