package org.cevns.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rows of the table of analysis/.../validate/shipped-runs.md (appended to docs/validation.md by
 * {@code cevns validate}) from the reduced runs of {@link ShippedConfigsRunTest}: one row per configuration, in the
 * file's format, and the file with the measured rows put in place of the old ones (rows not measured are kept).
 * {@value #PROPERTY}{@code =true} writes the measured rows into {@link #FILE} at the end of the test class
 * ({@link #REMEASURE}); any other value is a path to write the updated file to instead.
 */
final class ShippedRunsTable {
  /** The system property that asks for the rows to be written. */
  static final String PROPERTY = "cevns.write-shipped-runs";
  /** The system property restricting the test to some configurations (comma-separated file names). */
  static final String ONLY = "cevns.shipped-runs";
  /** The command that re-measures the rows. */
  static final String REMEASURE = "mvn -B -o -q -pl cli -am test -Dtest=ShippedConfigsRunTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -D" + PROPERTY + "=true";
  /** The table's file in the source tree (the working directory of the cli tests is cli/). */
  static final Path FILE = Path.of("../analysis/src/main/resources/org/cevns/analysis/validate/shipped-runs.md")
      .toAbsolutePath().normalize();
  /** The table's header line. */
  static final String HEADER =
      "| config | template events | events/expected | μ̂ | 90 % CL | (μ̂ − 1)/σ | χ² / ndf | p |";

  private ShippedRunsTable() {}

  /** Where to write the rows, if asked ({@link #PROPERTY}). */
  static java.util.Optional<Path> target() {
    String v = System.getProperty(PROPERTY, "");
    if (v.isBlank() || v.equals("false")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(v.equals("true") ? FILE : Path.of(v).toAbsolutePath());
  }

  /**
   * The row of one reduced run.
   *
   * @param config the configuration's file name (config.yaml)
   * @param templateEvents the run's {@code --max-template-events}
   * @param summary the run's summary.json
   */
  static String row(String config, long templateEvents, JsonNode summary) {
    JsonNode fit = summary.get("fit");
    double mu = fit.get("mu_hat").asDouble();
    JsonNode i90 = fit.get("interval_90");
    double lower = i90.get("lower").asDouble();
    double upper = i90.get("upper").asDouble();
    double sigma = (mu < 1 ? upper - mu : mu - lower) / ShippedConfigsRunTest.Z_90;
    JsonNode gof = fit.get("goodness_of_fit");
    int ndf = gof.get("ndf").asInt();
    // a deviance of -1e-9 (rounding at a perfect fit, coherent-ge) is written 0.0, not -0.0
    double chi2 = Math.max(0.0, gof.get("chi2").asDouble());
    String p = ndf >= 1 ? sig(gof.get("p_value").asDouble(), 2) : "—";
    return "| " + config.replaceFirst("\\.yaml$", "") + " | " + events(templateEvents) + " | "
        + sig(summary.get("templates").get("statistics_factor").asDouble(), 3) + " | " + muHat(mu) + " | ["
        + sig(lower, 3) + ", " + sig(upper, 3) + "] | " + String.format(Locale.ROOT, "%+.2f", (mu - 1) / sigma)
        + " | " + String.format(Locale.ROOT, "%.1f / %d", chi2, ndf) + " | " + p + " |";
  }

  /**
   * {@code text} (shipped-runs.md) with the row of each configuration file of {@code rows} replaced or added, in
   * the order of the file names (that of ShippedConfigsRunTest: conus-plus.yaml before conus.yaml).
   */
  static String merge(String text, Map<String, String> rows) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int header = lines.indexOf(HEADER);
    if (header < 0) {
      throw new IllegalArgumentException("no table header '" + HEADER + "' in shipped-runs.md");
    }
    int first = header + 2;
    int end = first;
    while (end < lines.size() && lines.get(end).startsWith("| ")) {
      end++;
    }
    Map<String, String> table = new TreeMap<>();
    for (String r : lines.subList(first, end)) {
      table.put(name(r) + ".yaml", r);
    }
    table.putAll(rows);
    lines.subList(first, end).clear();
    lines.addAll(first, table.values());
    return String.join("\n", lines);
  }

  /** Writes the file of {@link #target()} with {@code rows} merged in (nothing when not asked or no rows). */
  static void writeWhenAsked(Map<String, String> rows) throws IOException {
    java.util.Optional<Path> to = target();
    if (to.isEmpty() || rows.isEmpty()) {
      return;
    }
    String merged = merge(Files.readString(FILE, StandardCharsets.UTF_8), rows);
    Path tmp = to.get().resolveSibling(to.get().getFileName() + ".tmp");
    Files.writeString(tmp, merged, StandardCharsets.UTF_8);
    Files.move(tmp, to.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The configuration a table row names. */
  static String name(String row) {
    return row.substring(2, row.indexOf(" |", 2));
  }

  /** 5000, 2e5, 2e6: below 1e5 in full, else a one-digit mantissa (the caps are round numbers). */
  static String events(long n) {
    if (n < 100_000) {
      return Long.toString(n);
    }
    int exponent = (int) Math.floor(Math.log10(n));
    long unit = (long) Math.pow(10, exponent);
    return n % unit == 0 ? (n / unit) + "e" + exponent : Long.toString(n);
  }

  /** μ̂ to 3 significant digits; one on a boundary of the physical region (|μ̂| &lt; 5e-4) as ±0.000. */
  static String muHat(double mu) {
    if (Math.abs(mu) < 5e-4) {
      return (mu < 0 ? "−" : "") + "0.000";
    }
    return sig(mu, 3);
  }

  /** {@code v} to {@code digits} significant digits (%g) without trailing zeros: 16, 18.9, -3.5, 0.00806, 1e-05. */
  static String sig(double v, int digits) {
    String s = String.format(Locale.ROOT, "%." + digits + "g", v);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return e < 0 ? mantissa : mantissa + s.substring(e);
  }
}
