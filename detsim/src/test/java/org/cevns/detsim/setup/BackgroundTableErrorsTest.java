package org.cevns.detsim.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A tabulated background spectrum ({@code spectrum: {shape: tabulated, file: ...}}) with a bad row is refused with
 * the file's line and column, as the quenching and efficiency tables are. Before, a negative density or energy, or
 * densities all 0, were refused with the internal argument names of the spectrum class and no line
 * ({@code relativeDensities[1] must be finite and >= 0, got -1.0}).
 */
class BackgroundTableErrorsTest {
  @TempDir Path dir;

  static final String AT = "detectors[0].backgrounds[0].spectrum.file";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "energy_kev,density\\n0.1,3\\n5,-1\\n10,1\\n | bkg.csv:3: density must be >= 0, got -1.0",
      "energy_kev,density\\n-0.5,3\\n10,1\\n | bkg.csv:2: energy_kev must be >= 0, got -0.5",
      "energy_kev,density\\n0.1,0\\n# none\\n10,0\\n | bkg.csv: density is 0 on every row, the spectrum has no area"})
  void badRowNamesFileLineAndColumn(String table, String problem) throws IOException {
    Files.writeString(dir.resolve("bkg.csv"), table.strip().replace("\\n", "\n"));
    ConfigException e = assertThrows(ConfigException.class, () -> load());
    assertEquals(AT + ": must be a valid table (" + problem + "), got 'bkg.csv'", e.getMessage());
  }

  @Test
  void aTableThatIsNotUtf8IsNamedAsSuch() throws IOException {
    // before: "must be a readable file (Input length = 1)", the decoder's words
    Files.write(dir.resolve("bkg.csv"), "# \u00b5 in Latin-1\nenergy_kev,density\n0.1,3\n10,1\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    ConfigException e = assertThrows(ConfigException.class, () -> load());
    assertEquals(AT + ": must be a valid table (bkg.csv: not UTF-8 text (a byte that is not UTF-8, e.g. a Latin-1 or"
        + " Windows-1252 \u00b5, \u00b0 or umlaut in a comment); save the file as UTF-8), got 'bkg.csv'", e.getMessage());
  }

  @Test
  void validTableWithBomAndCrlfLoads() throws IOException {
    Files.writeString(dir.resolve("bkg.csv"), "\uFEFFenergy_kev,density\r\n0.1,3\r\n10,0\r\n");
    assertEquals(1, load().backgrounds().get(0).size());
  }

  private DetsimConfig load() {
    String yaml = DetsimConfigErrorsTest.geBackground(
        "{name: s, type: steady, spectrum: {shape: tabulated, file: bkg.csv}, counts_per_kg_per_day: 1}");
    return DetsimConfig.of(ExperimentModel.build(ConfigLoader.parse(yaml, dir)));
  }
}
