package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The row writer of ShippedConfigsRunTest ({@link ShippedRunsTable}) and the table it writes into. */
class ShippedRunsTableTest {
  private static JsonNode summary(double mu, double lower, double upper, double chi2, int ndf, double p,
      double factor) throws Exception {
    return new ObjectMapper().readTree(String.format(java.util.Locale.ROOT, "{\"templates\": {\"statistics_factor\":"
        + " %s}, \"fit\": {\"mu_hat\": %s, \"interval_90\": {\"lower\": %s, \"upper\": %s}, \"goodness_of_fit\":"
        + " {\"chi2\": %s, \"ndf\": %d, \"p_value\": %s}}}", factor, mu, lower, upper, chi2, ndf, p));
  }

  /** Rows of the file reproduced from the numbers behind them (summary.json's doubles). */
  @Test
  void rowsHaveTheFilesFormat() throws Exception {
    assertEquals("| coh-ar-750 | 2e5 | 16 | 1.16 | [0.667, 1.77] | +0.53 | 237.4 / 202 | 0.044 |",
        ShippedRunsTable.row("coh-ar-750.yaml", 200_000, summary(1.1604, 0.66712, 1.7713, 237.41, 202, 0.04412,
            16.0021)));
    // (mu - 1) / sigma with sigma = (upper - mu) / 1.645 for mu < 1; mu on the boundary written as -0.000
    assertEquals("| conus | 5000 | 2.99 | −0.000 | [-0.00191, 0.474] | -3.47 | 35.3 / 37 | 0.55 |",
        ShippedRunsTable.row("conus.yaml", 5000, summary(-2.1e-6, -0.0019102, 0.47400, 35.31, 37, 0.5501,
            2.9904)));
    assertEquals("| neon | 2e6 | 20 | -5.16 | [-68.7, 42.8] | -0.21 | 12.7 / 26 | 0.99 |",
        ShippedRunsTable.row("neon.yaml", 2_000_000, summary(-5.161, -68.70, 42.80, 12.71, 26, 0.9876, 20)));
    assertEquals("| x | 5000 | 20 | 1 | [0.5, 1.5] | +0.00 | 0.0 / 0 | — |",
        ShippedRunsTable.row("x.yaml", 5000, summary(1, 0.5, 1.5, 0, 0, 1, 20)));
    // a deviance a rounding below 0 at a perfect fit (coherent-ge) is 0.0, as the file had it (the writer said -0.0)
    assertEquals("| coherent-ge | 5000 | 18.4 | −0.000 | [-0.00806, 2.02] | -0.81 | 0.0 / 10 | 1 |",
        ShippedRunsTable.row("coherent-ge.yaml", 5000, summary(-1e-7, -0.008061, 2.0203, -3e-10, 10, 1, 18.4)));
    assertEquals("1e-05", ShippedRunsTable.sig(1.0e-5, 2));
    assertEquals("-3.5", ShippedRunsTable.sig(-3.5004, 3));
  }

  /** Measured rows replace their configuration's row; the others stay, in the order of the file names. */
  @Test
  void mergeReplacesMeasuredRowsOnly() {
    String text = "intro\n\n" + ShippedRunsTable.HEADER + "\n|---|\n| a | 1 |\n| c | 3 |\n\nafter\n";
    assertEquals("intro\n\n" + ShippedRunsTable.HEADER + "\n|---|\n| a | 1 |\n| b | 2 |\n| c | 33 |\n\nafter\n",
        ShippedRunsTable.merge(text, Map.of("c.yaml", "| c | 33 |", "b.yaml", "| b | 2 |")));
    // conus-plus.yaml sorts before conus.yaml (as ShippedConfigsRunTest's files), not after conus
    assertEquals(ShippedRunsTable.HEADER + "\n|---|\n| conus-plus | 2 |\n| conus | 1 |",
        ShippedRunsTable.merge(ShippedRunsTable.HEADER + "\n|---|\n| conus | 1 |", Map.of("conus-plus.yaml",
            "| conus-plus | 2 |")));
  }

  /** The shipped table has one row per configuration ShippedConfigsRunTest runs, and no other. */
  @Test
  void theTableHasARowPerRunConfiguration() throws Exception {
    List<String> lines = Files.readAllLines(ShippedRunsTable.FILE, StandardCharsets.UTF_8);
    int header = lines.indexOf(ShippedRunsTable.HEADER);
    assertFalse(header < 0, "no table header in " + ShippedRunsTable.FILE);
    List<String> rows = lines.stream().skip(header + 2).takeWhile(l -> l.startsWith("| "))
        .map(ShippedRunsTable::name).toList();
    List<String> configs = ShippedConfigsRunTest.configs().map(f -> f.getFileName().toString()
        .replaceFirst("\\.yaml$", "")).toList();
    assertEquals(configs, rows);
    assertEquals(String.join("\n", lines), ShippedRunsTable.merge(String.join("\n", lines), Map.of()));
  }
}
