package org.cevns.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad row of a spectrum file is reported under the key that names the file. */
class SpectrumFileErrorTest {
  @TempDir Path dir;

  @Test
  void badRowIsReportedUnderTheFileKey() throws IOException {
    Path csv = dir.resolve("neg.csv");
    Files.writeString(csv, "energy_mev,dn_de\n1,0\n5,-1\n10,0\n");
    String yaml = """
        name: t
        sources:
          - {name: custom, type: spectrum-file, file: neg.csv, flavor: nuebar, rate_per_s: 1.0e18,
             exposure: {live_days: 10}}
        detectors:
          - {name: ge, target: {formula: Ge}, mass_kg: 1, distance_m: 10}
        """;
    ConfigException e = assertThrows(ConfigException.class,
        () -> ExperimentModel.build(ConfigLoader.parse(yaml, dir)));
    // before: "sources[0]: /.../neg.csv:3: ..." (the source, not its file key)
    assertEquals("sources[0].file: " + csv + ":3: dn_de must be >= 0, got -1.0", e.getMessage());
  }
}
