package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cevns.detsim.efficiency.WindowTimeEfficiency;
import org.cevns.events.block.SimBlock;
import org.cevns.events.block.WindowKind;
import org.cevns.events.run.ParallelRunner;
import org.cevns.schema.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code response.time_efficiency}: the detected steady-state background (uniform in time) follows ∫ε(t) over
 * 1-µs bins of the time since the window start, in both windows (χ², seed fixed); events outside the windows
 * are not affected; the draws do not depend on the thread count; bad keys give one-line errors.
 */
class TimeEfficiencyTest {
  @TempDir Path dir;

  static String config(boolean withTime) {
    int i = TestConfigs.SNS.indexOf("efficiency: {model: logistic");
    int start = TestConfigs.SNS.lastIndexOf('\n', i) + 1;
    int end = TestConfigs.SNS.indexOf('\n', i) + 1;
    String indent = TestConfigs.SNS.substring(start, i);
    String time = indent + "time_efficiency: {flat_ns: 520, decay_per_us: 0.0494}\n";
    return TestConfigs.SNS.substring(0, end) + (withTime ? time : "") + TestConfigs.SNS.substring(end);
  }

  /** Detected steady events per 1-µs bin of the time in window: [0..9] coincidence, [10..19] AC; [20] outside. */
  static long[] counts(SimTestSupport.Setup s, int threads) throws Exception {
    DetectorSimulation sim = s.simulation(11, Math.round(s.expected()), false);
    long[] n = new long[21];
    int steady = s.backgrounds().componentNames().indexOf("steady");
    ParallelRunner.run(0, sim.blockCount(), threads, SimBlock::new, sim, (k, b) -> {
      for (int i = 0; i < b.size(); i++) {
        if (!b.detected[i] || b.component[i] != steady) {
          continue;
        }
        double t = b.truth.timeNs[i];
        if (b.window[i] == WindowKind.COINCIDENCE.ordinal()) {
          n[(int) (t / 1000)]++;
        } else if (b.window[i] == WindowKind.ANTICOINCIDENCE.ordinal()) {
          n[10 + (int) ((t + 10000) / 1000)]++;
        } else {
          n[20]++;
        }
      }
    }, null);
    return n;
  }

  @Test
  void detectedSteadyEventsFollowTheEfficiencyInTheTimeSinceTheWindowStart() throws Exception {
    SimTestSupport.Setup with = SimTestSupport.Setup.of(config(true), dir);
    assertTrue(with.detsim().response(0).timeEfficiency().isPresent());
    long[] n = counts(with, 2);
    WindowTimeEfficiency eff = with.detsim().response(0).timeEfficiency().get();
    double[] w = new double[10];
    double sumW = 0;
    for (int b = 0; b < 10; b++) {
      for (int k = 0; k < 1000; k++) { // midpoint rule, 1 ns steps
        w[b] += eff.probability(b * 1000 + k + 0.5) / 1000;
      }
      sumW += w[b];
    }
    long inWindows = 0;
    for (int b = 0; b < 20; b++) {
      inWindows += n[b];
    }
    double chi2 = 0;
    for (int b = 0; b < 20; b++) {
      double expected = inWindows * w[b % 10] / (2 * sumW);
      chi2 += (n[b] - expected) * (n[b] - expected) / expected;
    }
    // 19 degrees of freedom (multinomial over 20 bins); 43.8 is the 0.999 quantile: false failures 1e-3
    assertTrue(chi2 < 43.8, "chi2 " + chi2);
    assertTrue(inWindows > 2000, "events " + inWindows);
    // without the time efficiency: as many events outside the windows, more inside (by 10 / sum of w)
    long[] m = counts(SimTestSupport.Setup.of(config(false), dir), 2);
    long mIn = 0;
    for (int b = 0; b < 20; b++) {
      mIn += m[b];
    }
    double ratio = (double) inWindows / mIn;
    double sigma = ratio * Math.sqrt(1.0 / inWindows + 1.0 / mIn);
    assertEquals(sumW / 10, ratio, 4 * sigma);
    assertEquals(1.0, (double) n[20] / m[20], 4 * Math.sqrt(1.0 / n[20] + 1.0 / m[20]));
    // thread count does not matter
    assertEquals(java.util.Arrays.toString(n), java.util.Arrays.toString(counts(with, 1)));
  }

  @Test
  void badKeysAreOneLineErrors() {
    String bad = config(true).replace("decay_per_us: 0.0494", "decay_per_us: -1");
    ConfigException e = assertThrows(ConfigException.class, () -> SimTestSupport.Setup.of(bad, dir));
    assertEquals("detectors[0].response.time_efficiency.decay_per_us: must be >= 0, got -1", e.getMessage());
    String unknown = config(true).replace("flat_ns: 520", "flat_us: 0.52");
    e = assertThrows(ConfigException.class, () -> SimTestSupport.Setup.of(unknown, dir));
    assertTrue(e.getMessage().startsWith("detectors[0].response.time_efficiency.flat_us: unknown key"), e.getMessage());
  }

  @Test
  void theEfficiencyIsFlatThenExponential() {
    WindowTimeEfficiency e = WindowTimeEfficiency.of(520, 0.0494);
    assertEquals(1.0, e.probability(0), 0.0);
    assertEquals(1.0, e.probability(520), 0.0);
    assertEquals(Math.exp(-0.0494 * 5.48), e.probability(6000), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> WindowTimeEfficiency.of(-1, 0.1));
  }
}
