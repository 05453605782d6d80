package org.cevns.analysis.subtract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.hist.Histogram1D;
import org.junit.jupiter.api.Test;

/** ON − OFF and C − AC against hand calculations. */
class SubtractionTest {
  private static final BinEdges E = BinEdges.of(0.2, 0.5, 1.0);

  @Test
  void onOffSingleDetector() {
    // ON: 100 live days, OFF: 25 live days, 2 kg. ON counts (300, 50), OFF (50, 10).
    OnOffRun run = OnOffRun.of("c2", Histogram1D.ofCounts(E, new double[] {300, 50}), 100,
        Histogram1D.ofCounts(E, new double[] {50, 10}), 25, 2);
    SubtractionResult r = ReactorOnOff.subtract(run);
    // rates per kg·day: ON 300/200 = 1.5, 50/200 = 0.25; OFF 50/50 = 1, 10/50 = 0.2
    assertArrayEquals(new double[] {1.5, 0.25}, r.signalRate().contents(), 1e-15);
    assertArrayEquals(new double[] {1.0, 0.2}, r.controlRate().contents(), 1e-15);
    assertArrayEquals(new double[] {0.5, 0.05}, r.residualRate().contents(), 1e-15);
    // errors: √(300)/200 ⊕ √(50)/50 ; √(50)/200 ⊕ √(10)/50
    assertArrayEquals(new double[] {Math.sqrt(300.0 / 40000 + 50.0 / 2500), Math.sqrt(50.0 / 40000 + 10.0 / 2500)},
        r.residualRate().errors(), 1e-15);
    // residual counts in the ON exposure: ON − (100/25)·OFF = (100, 10), errors √(300 + 16·50), √(50 + 16·10)
    assertArrayEquals(new double[] {100, 10}, r.residualCounts().contents(), 1e-12);
    assertArrayEquals(new double[] {Math.sqrt(1100), Math.sqrt(210)}, r.residualCounts().errors(), 1e-12);
    assertEquals(200, r.signalExposure(), 0);
    assertEquals(50, r.controlExposure(), 0);
    assertEquals("counts/(kg*day)", r.rateUnit());
  }

  @Test
  void onOffArraySumIsExposureWeighted() {
    // detector A: 1 kg, ON 100 d, OFF 50 d; detector B: 3 kg, ON 100 d, OFF 20 d
    OnOffRun a = OnOffRun.of("a", Histogram1D.ofCounts(E, new double[] {200, 40}), 100,
        Histogram1D.ofCounts(E, new double[] {80, 20}), 50, 1);
    OnOffRun b = OnOffRun.of("b", Histogram1D.ofCounts(E, new double[] {600, 90}), 100,
        Histogram1D.ofCounts(E, new double[] {90, 12}), 20, 3);
    SubtractionResult r = ReactorOnOff.sumArray(List.of(a, b));
    // E_on = 100 + 300 = 400 kg·d; κ_a = 100/50 = 2, κ_b = 300/60 = 5
    // residual counts: (200 − 2·80) + (600 − 5·90) = 40 + 150 = 190; (40 − 40) + (90 − 60) = 30
    assertArrayEquals(new double[] {190, 30}, r.residualCounts().contents(), 1e-12);
    // variances: 200 + 4·80 + 600 + 25·90 = 3370; 40 + 4·20 + 90 + 25·12 = 510
    assertArrayEquals(new double[] {Math.sqrt(3370), Math.sqrt(510)}, r.residualCounts().errors(), 1e-12);
    assertArrayEquals(new double[] {190 / 400.0, 30 / 400.0}, r.residualRate().contents(), 1e-15);
    // = exposure-weighted mean of per-detector residual rates
    SubtractionResult ra = ReactorOnOff.subtract(a);
    SubtractionResult rb = ReactorOnOff.subtract(b);
    for (int i = 0; i < 2; i++) {
      double weighted = 0.25 * ra.residualRate().content(i) + 0.75 * rb.residualRate().content(i);
      assertEquals(weighted, r.residualRate().content(i), 1e-15);
    }
    assertArrayEquals(new double[] {800 / 400.0, 130 / 400.0}, r.signalRate().contents(), 1e-15);
  }

  @Test
  void coincidenceMinusAntiCoincidence() {
    // C window 6 µs, AC window 12 µs, both in the same 3600 s of beam.
    BeamWindowRun run = BeamWindowRun.of("csi", Histogram1D.ofCounts(E, new double[] {70, 30}), 6000,
        Histogram1D.ofCounts(E, new double[] {100, 40}), 12000, 3600);
    SubtractionResult r = BeamCoincidence.subtract(run);
    // κ = 6000/12000 = 0.5: C − 0.5 AC = (20, 10); variance 70 + 0.25·100 = 95, 30 + 0.25·40 = 40
    assertArrayEquals(new double[] {20, 10}, r.residualCounts().contents(), 1e-12);
    assertArrayEquals(new double[] {Math.sqrt(95), Math.sqrt(40)}, r.residualCounts().errors(), 1e-12);
    double ec = 6000 * 3600.0;
    assertArrayEquals(new double[] {70 / ec, 30 / ec}, r.signalRate().contents(), 1e-20);
    assertArrayEquals(new double[] {100 / (2 * ec), 40 / (2 * ec)}, r.controlRate().contents(), 1e-20);
    assertEquals("counts/(ns*s)", r.rateUnit());
    // two identical detectors: counts add, exposure doubles
    SubtractionResult sum = BeamCoincidence.sumArray(List.of(run, run));
    assertArrayEquals(new double[] {40, 20}, sum.residualCounts().contents(), 1e-12);
    assertArrayEquals(new double[] {Math.sqrt(190), Math.sqrt(80)}, sum.residualCounts().errors(), 1e-12);
    assertArrayEquals(r.residualRate().contents(), sum.residualRate().contents(), 1e-20);
  }

  @Test
  void differentBeamTimesForAntiWindow() {
    BeamWindowRun run = new BeamWindowRun("ge", Histogram1D.ofCounts(E, new double[] {50, 5}), 10000, 1000,
        Histogram1D.ofCounts(E, new double[] {160, 16}), 10000, 4000);
    // κ = (1e4·1e3)/(1e4·4e3) = 0.25: residual (10, 1)
    assertArrayEquals(new double[] {10, 1}, BeamCoincidence.subtract(run).residualCounts().contents(), 1e-12);
  }

  @Test
  void validation() {
    Histogram1D h = Histogram1D.ofCounts(E, new double[] {1, 1});
    assertThrows(IllegalArgumentException.class, () -> OnOffRun.of("x", h, 0, h, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> OnOffRun.of("x", h, 1, h, 1, -1));
    assertThrows(IllegalArgumentException.class,
        () -> OnOffRun.of("x", h, 1, Histogram1D.uniform(2, 0, 1), 1, 1));
    assertThrows(IllegalArgumentException.class, () -> ReactorOnOff.sumArray(List.of()));
    assertThrows(IllegalArgumentException.class, () -> BeamWindowRun.of("x", h, Double.NaN, h, 1, 1));
  }
}
