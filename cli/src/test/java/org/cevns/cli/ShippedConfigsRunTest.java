package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped configuration (issue #10: one per system) gives {@code rates} and a {@code run} at reduced
 * exposure: the resolved configuration with every exposure scaled by {@value #EXPOSURE_FACTOR}, coarse
 * sampling tables (64 x 32 nodes, as ShippedDetsimConfigsTest), templates capped at 5000 events (more where
 * {@link #LARGER_TEMPLATES} says why), one thread.
 * The test checks that every configuration runs end to end, not its numbers (docs/validation.md does that).
 * Tagged {@code slow} (several minutes): it runs in the {@code slow} profile; {@code ShippedDetsimConfigsTest} and
 * the config tests load every shipped configuration in the default build.
 */
@Tag("slow")
class ShippedConfigsRunTest {
  static final double EXPOSURE_FACTOR = 0.02;
  /** Template events of the reduced run (the cap of {@code --max-template-events}). */
  static final long TEMPLATE_EVENTS = 5000;
  /**
   * Configurations that need a larger template cap, with the reason. NEON: only ~6e-6 of the CEvNS recoils are
   * detected (the measured Na/I quenching puts almost all below the 0.6 keVee threshold), so 5000 template
   * events hold no detected signal and {@code run} refuses the fit ("no signal template has expected events
   * inside the fit range"); 2e6 events hold ~12 detected ones (about 25 s at load 19, one thread).
   */
  static final java.util.Map<String, Long> LARGER_TEMPLATES = java.util.Map.of("neon.yaml", 2_000_000L);
  private static final Pattern EXPOSURE_VALUE = Pattern.compile(
      "(^|[\\s{,])(pot|beam_energy_gwh|beam_hours|years|live_days|live_days_on|live_days_off): "
          + "([0-9.eE+-]+)(?=[,}\\s]|$)");

  @TempDir Path tmp;

  static Stream<Path> configs() throws IOException {
    try (Stream<Path> s = Files.list(GenerateCommandTest.CONFIGS)) {
      return s.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("reference.yaml"))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void ratesAndReducedExposureRun(Path config) throws Exception {
    CliRunner.Result rates = CliRunner.run("rates", config.toString());
    assertEquals(0, rates.exitCode(), config + ": " + rates.err());
    assertTrue(rates.out().contains("signal cevns"), "detected counts of " + config);
    Path reduced = reduced(config);
    Path out = tmp.resolve("out");
    long templates = LARGER_TEMPLATES.getOrDefault(config.getFileName().toString(), TEMPLATE_EVENTS);
    CliRunner.Result run = CliRunner.run("run", reduced.toString(), "-o", out.toString(), "--threads", "1",
        "--max-template-events", Long.toString(templates), "--seed", "7", "--quiet");
    assertEquals(0, run.exitCode(), config + ": " + run.err());
    assertTrue(Files.isRegularFile(out.resolve("summary.json")), "summary.json of " + config);
  }

  /**
   * The resolved configuration (block-style YAML written by cevns) with every exposure value scaled, next to a
   * copy of configs/data.
   */
  private Path reduced(Path config) throws IOException {
    String coarse = scaledExposures(ConfigLoader.load(config).resolvedYaml(), EXPOSURE_FACTOR)
        .replaceFirst("energy_nodes: \\d+", "energy_nodes: 64").replaceFirst("recoil_nodes: \\d+", "recoil_nodes: 32");
    Path dir = tmp.resolve("cfg");
    Files.createDirectories(dir);
    ConfigCopies.copyDataBeside(dir);
    Path file = dir.resolve(config.getFileName());
    Files.writeString(file, coarse);
    return file;
  }

  /**
   * {@code resolved} (a resolved configuration) with the exposure values scaled by {@code factor}: only those of
   * an {@code exposure} mapping (a source's {@code exposure: {...}} and a detector's {@code exposure:} block of
   * per-source flow mappings). Other keys of the same names are not exposures: the {@code pot} of an
   * {@code analysis.fit.template_files} entry is the exposure the file's counts are for (coherent-lar: the
   * release's 13.8e22 POT); scaled with the source, the release's PDFs kept their full-exposure counts against a
   * toy of 2 % of them, and the run fitted mu = -10.4 with chi2 = 3930 / 119.
   */
  static String scaledExposures(String resolved, double factor) {
    StringBuilder out = new StringBuilder();
    int blockIndent = -1;
    int count = 0;
    for (String line : resolved.split("\n", -1)) {
      String body = line.stripLeading();
      int indent = line.length() - body.length();
      if (blockIndent >= 0 && !body.isEmpty() && indent <= blockIndent) {
        blockIndent = -1;
      }
      String scaled = line;
      if (blockIndent >= 0 || body.startsWith("exposure: {")) {
        Matcher m = EXPOSURE_VALUE.matcher(line);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
          double v = Double.parseDouble(m.group(3)) * factor;
          m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + m.group(2) + ": " + v));
          count++;
        }
        m.appendTail(b);
        scaled = b.toString();
      }
      if (body.equals("exposure:")) {
        blockIndent = indent;
      }
      out.append(scaled).append('\n');
    }
    assertTrue(count > 0, "no exposure found in the resolved configuration:\n" + resolved);
    return out.substring(0, out.length() - 1);
  }
}
