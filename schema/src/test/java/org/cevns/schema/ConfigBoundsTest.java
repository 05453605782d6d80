package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: bounds that keep hostile configurations from hanging or overflowing, and YAML scalar aliases. */
class ConfigBoundsTest {
  @TempDir Path tmp;

  private static final String MONO = String.join("\n",
      "name: mono",
      "sources:",
      "  - name: s",
      "    type: monoenergetic",
      "    energy_mev: 30",
      "    flavor: nue",
      "    rate_per_s: 1e15",
      "    exposure: {live_days: 1}",
      "detectors:",
      "  - name: d",
      "    target: {formula: Ge}",
      "    mass_kg: 1",
      "    distance_m: 10",
      "");

  private String error(String yaml) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, tmp)).getMessage();
  }

  @Test
  void energiesBeyondAnySourceAreRefused() {
    assertEquals("sources[0].energy_mev: must be a number of magnitude at most 1e30, got 1.0e300",
        error(MONO.replace("energy_mev: 30", "energy_mev: 1e300")));
    assertTrue(error(MONO.replace("energy_mev: 30", "energy_mev: 1e4")).startsWith("sources[0].energy_mev: must be in"));
  }

  @Test
  void everyNumberIsBoundedInMagnitude() {
    assertEquals("detectors[0].mass_kg: must be a number of magnitude at most 1e30, got 1.0e31",
        error(MONO.replace("mass_kg: 1", "mass_kg: 1e31")));
    assertEquals("sources[0].flux_per_cm2_s: must be a number of magnitude at most 1e30, got "
        + "1000000000000000000000000000000000000000", error(MONO.replace("rate_per_s: 1e15",
        "flux_per_cm2_s: 1000000000000000000000000000000000000000")).replace(".0", ""));
  }

  /** Issue 16: each numeric key of the experiment has a physical range, refused with the reason in the message. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "mass_kg: 1|mass_kg: 1e12|detectors[0].mass_kg: must be <= 1000000000 (up to 1 Mt), got 1000000000000",
      "distance_m: 10|distance_m: 1e9|detectors[0].distance_m: must be <= 13000000 (up to the Earth's diameter),"
          + " got 1000000000",
      "rate_per_s: 1e15|flux_per_cm2_s: 1e25|sources[0].flux_per_cm2_s: must be <= 1.0e20 (up to 1e20),"
          + " got 1.0e25",
      "rate_per_s: 1e15|rate_per_s: 1e29|sources[0].rate_per_s: must be <= 1.0e24 (up to 1e24), got 1.0e29",
      "live_days: 1|live_days: 1e6|sources[0].exposure.live_days: must be <= 36525 (up to a century), got 1000000",
      "live_days: 1|years: 1000|sources[0].exposure.years: must be <= 100 (up to a century), got 1000",
      "mass_kg: 1|mass_kg: -3|detectors[0].mass_kg: must be > 0, got -3",
      // walkfuzz: a detector nearer than 1 cm to a point source had infinitely many events (the flux overflowed)
      "distance_m: 10|distance_m: 1.0e-300|detectors[0].distance_m: must be >= 0.01, got 1.0e-300",
      "distance_m: 10|distance_m: 0.01|OK",
      "distance_m: 10|geometry: {position_m: [0, 1.0e-150, 0]}|detectors[0].geometry.position_m: must be in"
          + " [0.01, 13000000] m from the source position [0, 0, 0] (its length is the distance), got [0.0, 1.0E-150, 0.0]"})
  void physicalRangesNameTheirReason(String from, String to, String message) {
    if (message.equals("OK")) {
      ConfigLoader.parse(MONO.replace(from, to), tmp);
      return;
    }
    assertEquals(message, error(MONO.replace(from, to)));
  }

  @Test
  void quotedNumbersAreRefusedForEveryNumericKey() {
    assertEquals("sources[0].flux_per_cm2_s: must be a number, got '1e6'",
        error(MONO.replace("rate_per_s: 1e15", "flux_per_cm2_s: \"1e6\"")));
    assertEquals("sources[0].energy_mev: must be a number, got '30'",
        error(MONO.replace("energy_mev: 30", "energy_mev: '30'")));
  }

  @Test
  void pulseLongerThanTheRepetitionPeriodIsRefused() {
    String sns = String.join("\n", "name: t", "sources:", "  - name: sns", "    type: pion-dar", "    facility: sns",
        "    pulse_fwhm_ns: 2e7", "    exposure: {beam_energy_gwh: 1}", "detectors:", "  - name: csi",
        "    target: {formula: CsI}", "    mass_kg: 14.6", "    distance_m: 19.3", "");
    assertEquals("sources[0].pulse_fwhm_ns: the pulse (20000000 ns) must be shorter than the repetition period"
        + " 1/repetition_hz = 1.666666667e7 ns, got 20000000", error(sns));
    // the preset pulse (380 ns) against a faster repetition given in the configuration: beyond 1 MHz (period
    // 1000 ns, longer than any pulse preset) the repetition rate is refused by its own physical range
    assertEquals("sources[0].repetition_hz: must be <= 1000000 (up to 1 MHz), got 10000000",
        error(sns.replace("pulse_fwhm_ns: 2e7", "repetition_hz: 1e7")));
    // walkfuzz: a slower repetition made the beam period infinite ("internal error: lengthNs must be finite")
    assertEquals("sources[0].repetition_hz: must be >= 0.001, got 1.0e-300",
        error(sns.replace("pulse_fwhm_ns: 2e7", "repetition_hz: 1.0e-300")));
    assertTrue(error(sns.replace("pulse_fwhm_ns: 2e7", "repetition_hz: 1e6\n    pulse_fwhm_ns: 2000"))
        .startsWith("sources[0].pulse_fwhm_ns: the pulse (2000 ns) must be shorter"));
  }

  @Test
  void scalarAliasesWork() {
    ExperimentConfig c = ConfigLoader.parse(MONO.replace("energy_mev: 30", "energy_mev: &e 30")
        .replace("rate_per_s: 1e15", "rate_per_s: *e"), tmp);
    MonoenergeticConfig s = (MonoenergeticConfig) c.sources().get(0);
    assertEquals(30, s.ratePerS().getAsDouble());
  }

  @Test
  void aliasBombsAndDeepNestingAreBounded() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j > 0 ? ", " : "").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    assertTrue(error(bomb.toString()).contains("document too large"));
    assertTrue(error("a: " + "[".repeat(1000) + "]".repeat(1000) + "\n").contains("nested deeper than 64 levels"));
  }

  @Test
  void configurationsAreReadOnlyFromBoundedRegularFiles() throws Exception {
    assertEquals("/dev/zero: cannot read configuration: not a regular file (a FIFO, device or socket)",
        assertThrows(ConfigException.class, () -> ConfigLoader.load(Path.of("/dev/zero"))).getMessage());
    Path big = Files.write(tmp.resolve("big.yaml"), new byte[(int) ConfigLoader.MAX_CONFIG_BYTES + 1]);
    assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(big)).getMessage()
        .contains("more than the 1048576 allowed"));
    Path fifo = tmp.resolve("fifo.yaml");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo available");
    // would block forever if it were opened for reading
    assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(fifo)).getMessage()
        .endsWith("not a regular file (a FIFO, device or socket)"));
  }
}
