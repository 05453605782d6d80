package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance tests: a simulated SNS coincidence/anti-coincidence run and a reactor ON/OFF run,
 * written to Parquet and read back; detected events counted per period, window and component match the
 * expectations of {@link ExpectedDetected} (what {@code cevns rates} prints; computed by numerical integration,
 * independently of the sampling) within Poisson errors.
 *
 * <p>Criterion: |N − E| ≤ 4 √max(E, 1) + 10⁻³ E for every key (the 10⁻³ covers the quadrature accuracy). With
 * a random seed each comparison would fail with probability ≲ 6·10⁻⁵, i.e. ≲ 10⁻³ for the ~15 keys of a test;
 * the seeds are fixed, so the tests are deterministic.
 */
class ExpectedCountsTest {
  @TempDir Path dir;

  @Test
  void snsCoincidenceAndAnticoincidenceCountsMatchRates() throws Exception {
    SimTestSupport.Setup s = SimTestSupport.Setup.of(TestConfigs.SNS, dir);
    Path file = dir.resolve("sns.parquet");
    s.simulateToFile(file, 20211L, 2, false);
    Map<String, Long> counts = SimTestSupport.detectedCounts(file);
    Map<String, Double> expected = SimTestSupport.expectedCounts(s);
    compare(counts, expected);
    // the window structure itself: beam-related components sit in the coincidence window, the steady
    // background is the same in both windows, and signal is absent from the anti-coincidence window
    assertTrue(expected.get("csi/beam/coincidence/signal/cevns") > 200, expected.toString());
    assertEquals(expected.get("csi/beam/coincidence/steady"), expected.get("csi/beam/anticoincidence/steady"),
        1e-9 * expected.get("csi/beam/coincidence/steady"));
    assertTrue(expected.getOrDefault("csi/beam/anticoincidence/signal/cevns", 0.0) < 1e-6);
    assertTrue(expected.get("csi/beam/coincidence/steady") > 300, expected.toString());
    assertTrue(counts.containsKey("csi/beam/none/steady"));
  }

  /**
   * With a time efficiency (here 0.2 /µs after 520 ns, so 0.18 at the end of the 10 µs windows: a strong effect) the
   * detected counts of both windows are those the simulation keeps. Regression: {@link ExpectedDetected} ignored
   * {@code response.time_efficiency}, so {@code cevns rates} of configs/coherent-csi.yaml printed 383.4 CEvNS events in
   * the coincidence window where the simulation detects 359.8 (found by the walkdata branch).
   */
  @Test
  void timeEfficiencyCountsMatchRates() throws Exception {
    String config = TestConfigs.SNS.replace(
        "efficiency: {model: logistic, variable: pe, a: 1.32045, b: 0.285979, c: 10.8646, d: -0.333322}\n",
        "efficiency: {model: logistic, variable: pe, a: 1.32045, b: 0.285979, c: 10.8646, d: -0.333322}\n"
            + "      time_efficiency: {flat_ns: 520, decay_per_us: 0.2}\n");
    assertTrue(config.contains("time_efficiency"));
    SimTestSupport.Setup s = SimTestSupport.Setup.of(config, dir);
    Path file = dir.resolve("sns-time.parquet");
    s.simulateToFile(file, 20212L, 2, false);
    Map<String, Long> counts = SimTestSupport.detectedCounts(file);
    Map<String, Double> expected = SimTestSupport.expectedCounts(s);
    compare(counts, expected);
    // the test has power: the steady background keeps (0.52 + (1 - exp(-0.2 x 9.48)) / 0.2) / 10 = 0.476 of its
    // window fraction, far more than 4 sigma of the ~1000 counts
    Map<String, Double> without = SimTestSupport.expectedCounts(SimTestSupport.Setup.of(TestConfigs.SNS, dir));
    double ratio = expected.get("csi/beam/coincidence/steady") / without.get("csi/beam/coincidence/steady");
    assertEquals((0.52 + (1 - Math.exp(-0.2 * 9.48)) / 0.2) / 10, ratio, 1e-9);
    assertEquals(expected.get("csi/beam/coincidence/steady"), expected.get("csi/beam/anticoincidence/steady"),
        1e-9 * expected.get("csi/beam/coincidence/steady"));
    assertEquals(without.get("csi/beam/none/steady"), expected.get("csi/beam/none/steady"),
        1e-12 * without.get("csi/beam/none/steady"), "outside the windows nothing is lost");
  }

  @Test
  void reactorOnOffCountsMatchRates() throws Exception {
    SimTestSupport.Setup s = SimTestSupport.Setup.of(TestConfigs.REACTOR, dir);
    Path file = dir.resolve("reactor.parquet");
    s.simulateToFile(file, 7L, 2, true);
    Map<String, Long> counts = SimTestSupport.detectedCounts(file);
    Map<String, Double> expected = SimTestSupport.expectedCounts(s);
    compare(counts, expected);
    // ON has signal and twice the OFF reactor-correlated rate per day (100 d ON, 50 d OFF: 4x the counts)
    assertTrue(expected.get("ge/on/none/signal/cevns") > 50, expected.toString());
    assertTrue(!expected.containsKey("ge/off/none/signal/cevns"));
    assertEquals(4.0, expected.get("ge/on/none/reactor_n") / expected.get("ge/off/none/reactor_n"), 1e-9);
    assertEquals(2.0, expected.get("ge/on/none/flat") / expected.get("ge/off/none/flat"), 1e-9);
  }

  static void compare(Map<String, Long> counts, Map<String, Double> expected) {
    TreeSet<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(counts.keySet());
    StringBuilder report = new StringBuilder();
    boolean ok = true;
    for (String k : keys) {
      long n = counts.getOrDefault(k, 0L);
      double e = expected.getOrDefault(k, 0.0);
      double tolerance = 4 * Math.sqrt(Math.max(e, 1.0)) + 1e-3 * e;
      boolean pass = Math.abs(n - e) <= tolerance;
      ok &= pass;
      report.append(String.format("%n  %-40s observed %8d expected %12.3f %s", k, n, e, pass ? "" : "FAIL"));
    }
    assertTrue(ok, report.toString());
  }
}
