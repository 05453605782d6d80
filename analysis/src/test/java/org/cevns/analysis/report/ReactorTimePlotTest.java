package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cevns.analysis.events.RunExposure;
import org.junit.jupiter.api.Test;

/**
 * The reactor time plot and the exposure label of every plot. Before 2026-12-06 a period's last time bin, which
 * round bin widths seldom fit (32 bins of 1e15 ns over a 365-day year, 52 bins of 2e14 ns over CONUS+ C5's 119.5
 * days), showed counts of a fraction of a bin as a drop of the rate (to 54 % and 2.5 %); and a detector seeing
 * two reactor cores (nucleus: Chooz B1 and B2, 365 days each) was labelled "on 730 d".
 */
class ReactorTimePlotTest {
  @Test
  void lastPartlyLiveBinIsDividedByItsLiveDays() {
    double[] edges = {0, 100, 200, 300, 400};
    // 365 live days, 1 event per day: 100, 100, 100, 65
    double[][] r = ResultPlots.perLiveDay(edges, new double[] {100, 100, 100, 65}, new double[] {10, 10, 10,
        Math.sqrt(65)}, 365);
    assertArrayEquals(new double[] {1, 1, 1, 1}, r[0], 1e-12);
    assertEquals(Math.sqrt(65) / 65, r[1][3], 1e-12);
    // a shorter period (OFF, 150 days) in the same bins: the bins after it stay empty
    double[][] off = ResultPlots.perLiveDay(edges, new double[] {100, 50, 0, 0}, new double[] {10, Math.sqrt(50), 0,
        0}, 150);
    assertArrayEquals(new double[] {1, 1, 0, 0}, off[0], 1e-12);
    // events after the live time (imported calendar times): full widths
    double[][] cal = ResultPlots.perLiveDay(edges, new double[] {100, 100, 100, 65}, new double[] {10, 10, 10, 8},
        250);
    assertArrayEquals(new double[] {1, 1, 1, 0.65}, cal[0], 1e-12);
  }

  @Test
  void twoCoresAreOneLiveTime() {
    RunExposure e = RunExposure.fromJson("[{\"detector\": \"cawo4\", \"mass_kg\": 0.0068, \"exposures\": ["
        + "{\"source\": \"b1\", \"period\": \"on\", \"exposure\": 3.1536e7, \"exposure_unit\": \"live_seconds\","
        + " \"live_seconds\": 3.1536e7}, {\"source\": \"b2\", \"period\": \"on\", \"exposure\": 3.1536e7,"
        + " \"exposure_unit\": \"live_seconds\", \"live_seconds\": 3.1536e7}]}]");
    assertEquals("0.0068 kg, on 365 d", PlotLabels.exposure(e, List.of("cawo4")));
  }
}
