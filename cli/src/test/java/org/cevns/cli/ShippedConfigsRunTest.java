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
  private static final Pattern EXPOSURE_LINE = Pattern.compile(
      "(?m)(^|[\\s{,])(pot|beam_energy_gwh|beam_hours|years|live_days|live_days_on|live_days_off): "
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
    String resolved = ConfigLoader.load(config).resolvedYaml();
    Matcher m = EXPOSURE_LINE.matcher(resolved);
    StringBuilder scaled = new StringBuilder();
    int count = 0;
    while (m.find()) {
      double v = Double.parseDouble(m.group(3)) * EXPOSURE_FACTOR;
      m.appendReplacement(scaled, Matcher.quoteReplacement(m.group(1) + m.group(2) + ": " + v));
      count++;
    }
    m.appendTail(scaled);
    assertTrue(count > 0, "no exposure found in the resolved " + config + ":\n" + resolved);
    String coarse = scaled.toString().replaceFirst("energy_nodes: \\d+", "energy_nodes: 64")
        .replaceFirst("recoil_nodes: \\d+", "recoil_nodes: 32");
    Path dir = tmp.resolve("cfg");
    Files.createDirectories(dir);
    ConfigCopies.copyDataBeside(dir);
    Path file = dir.resolve(config.getFileName());
    Files.writeString(file, coarse);
    return file;
  }
}
