package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reduced-exposure configurations of {@link ShippedConfigsRunTest} (default build: loading only): exposures
 * scaled, nothing else.
 */
class ShippedConfigsReductionTest {
  private static final Pattern POT = Pattern.compile("(?m)^(\\s*)(exposure: \\{)?pot: ([0-9.eE+-]+)");

  /**
   * Regression: the template files' {@code pot} of coherent-lar (the exposure of the release's PDFs) was scaled with
   * the source's, so the PDFs kept their full-exposure counts (3810 expected events) against a toy of 2 % of them
   * (mu = -10.4, chi2 = 3930 / 119).
   */
  @Test
  void templateFilePotIsNotAnExposure() throws Exception {
    String resolved = ConfigLoader.load(GenerateCommandTest.CONFIGS.resolve("coherent-lar.yaml")).resolvedYaml();
    String reduced = ShippedConfigsRunTest.scaledExposures(resolved, 0.02);
    Matcher m = POT.matcher(reduced);
    int sources = 0;
    int files = 0;
    while (m.find()) {
      double pot = Double.parseDouble(m.group(3));
      if (m.group(2) != null) {
        assertEquals(13.8e22 * 0.02, pot, 1e-6 * pot, "the source's exposure");
        sources++;
      } else {
        assertEquals(13.8e22, pot, 1e-6 * pot, "a template file's pot");
        files++;
      }
    }
    assertEquals(1, sources, reduced);
    assertEquals(4, files, reduced);
  }

  /** Every shipped configuration has an exposure to scale, and only lines with exposure keys change. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.cevns.cli.ShippedConfigsRunTest#configs")
  void onlyExposuresChange(Path config) throws Exception {
    String resolved = ConfigLoader.load(config).resolvedYaml();
    String[] before = resolved.split("\n", -1);
    String[] after = ShippedConfigsRunTest.scaledExposures(resolved, 0.02).split("\n", -1);
    assertEquals(before.length, after.length);
    int changed = 0;
    for (int i = 0; i < before.length; i++) {
      if (!before[i].equals(after[i])) {
        changed++;
        assertTrue(before[i].matches(".*\\b(pot|beam_energy_gwh|beam_hours|years|live_days\\w*): .*"), before[i]);
      }
    }
    assertTrue(changed > 0, config.toString());
  }
}
