package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.cevns.analysis.fit.GroupImpacts;
import org.junit.jupiter.api.Test;

/**
 * An impact breakdown whose POI interval ends at the parameter's bound below the best fit (the lower impacts NaN,
 * {@link GroupImpacts}) is written as null with a note in summary.json, as "n/a (bound)" with a footnote in the
 * table and with a note under the plot's title, not as 0 or "nan"; a breakdown without a bound is written as before
 * (no note key, no footnote, the provenance label alone).
 */
class ImpactAtBoundOutputTest {
  private static GroupImpacts atLowerBound() {
    return new GroupImpacts("rn_fm.I127", List.of(new GroupImpacts.Row("rn_fm.I127", GroupImpacts.TOTAL, 0.061, 1.1),
        new GroupImpacts.Row("rn_fm.I127", GroupImpacts.STATISTICAL, 0.061, 0.64),
        new GroupImpacts.Row("rn_fm.I127", GroupImpacts.SYSTEMATIC_TOTAL, Double.NaN, 0.89),
        new GroupImpacts.Row("rn_fm.I127", "flux", Double.NaN, 0.67)), true, false);
  }

  private static GroupImpacts free() {
    return new GroupImpacts("mu", List.of(new GroupImpacts.Row("mu", GroupImpacts.TOTAL, 0.14, 0.16),
        new GroupImpacts.Row("mu", GroupImpacts.STATISTICAL, 0.082, 0.084),
        new GroupImpacts.Row("mu", GroupImpacts.SYSTEMATIC_TOTAL, 0.11, 0.14),
        new GroupImpacts.Row("mu", "flux", 0.083, 0.11)));
  }

  @Test
  void jsonWritesNullAndANoteAtTheBoundOnly() throws Exception {
    JsonNode rows = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(SummaryRecords.Impact.of(List.of(free(),
        atLowerBound()))));
    assertEquals(8, rows.size());
    for (int i = 0; i < 4; i++) {
      assertFalse(rows.get(i).has("note"), rows.get(i).toString());
      assertEquals(List.of("poi", "group", "minus", "plus"), fieldNames(rows.get(i)));
    }
    JsonNode flux = rows.get(7);
    assertEquals("flux", flux.get("group").asText());
    assertTrue(flux.get("minus").isNull(), flux.toString());
    assertEquals(0.67, flux.get("plus").asDouble(), 0);
    assertTrue(flux.get("note").asText().startsWith("the lower end of the 68.27 % interval at the parameter's bound"),
        flux.toString());
    assertEquals(0.061, rows.get(4).get("minus").asDouble(), 0);
    assertTrue(rows.get(4).has("note"));
  }

  @Test
  void tableSaysNotAvailableAtTheBound() {
    String t = ImpactOutputs.table(List.of(free(), atLowerBound()), "Impacts");
    assertTrue(t.contains(ImpactOutputs.AT_BOUND + " / 0.67"), t);
    assertTrue(t.contains(ImpactOutputs.AT_BOUND + " / 0.89"), t);
    assertFalse(t.contains("nan"), t);
    assertTrue(t.contains(ImpactOutputs.AT_BOUND + ": rn_fm.I127's interval ends at its bound below"), t);
    String plain = ImpactOutputs.table(List.of(free()), "Impacts");
    assertFalse(plain.contains(ImpactOutputs.AT_BOUND), plain);
    assertTrue(plain.endsWith("0.083 / 0.11\n"), plain);
  }

  @Test
  void plotSaysWhyTheLowerBarsAreMissing() {
    String label = "exp  \u00b7  seed 7";
    assertEquals(label + "  \u00b7  lower end of the interval at its bound: no impacts there",
        subtitle(ImpactOutputs.chart(atLowerBound(), "exp", label, ImpactOutputs.FIT_PREFIX)));
    assertEquals("lower end of the interval at its bound: no impacts there",
        subtitle(ImpactOutputs.chart(atLowerBound(), "exp", "", ImpactOutputs.EXPECTED_PREFIX)));
    assertEquals(label, subtitle(ImpactOutputs.chart(free(), "exp", label, ImpactOutputs.FIT_PREFIX)));
  }

  /**
   * walk31: the subtitle said "no impacts there" while the statistical row's lower bar (its minus half-width, the
   * distance to the bound) was drawn. Now no bar reaches below 0 at a lower bound; the upper bars and a plot without a
   * bound are drawn as before.
   */
  @Test
  void plotDrawsNoBarOnTheSideAtTheBound() {
    double[] atBound = extent(ImpactOutputs.chart(atLowerBound(), "exp", "", ImpactOutputs.FIT_PREFIX));
    assertEquals(0, atBound[0], 0, "no bar below 0");
    assertEquals(0.89, atBound[1], 1e-12);
    double[] plain = extent(ImpactOutputs.chart(free(), "exp", "", ImpactOutputs.FIT_PREFIX));
    assertEquals(-0.11, plain[0], 1e-12);
    assertEquals(0.14, plain[1], 1e-12);
  }

  /** The least and greatest x of the chart's bars (every dataset's every item). */
  private static double[] extent(org.jfree.chart.JFreeChart c) {
    org.jfree.chart.plot.XYPlot plot = c.getXYPlot();
    double lo = 0;
    double hi = 0;
    for (int d = 0; d < plot.getDatasetCount(); d++) {
      org.jfree.data.xy.XYDataset ds = plot.getDataset(d);
      for (int s = 0; ds != null && s < ds.getSeriesCount(); s++) {
        for (int i = 0; i < ds.getItemCount(s); i++) {
          lo = Math.min(lo, ds.getXValue(s, i));
          hi = Math.max(hi, ds.getXValue(s, i));
        }
      }
    }
    return new double[] {lo, hi};
  }

  private static String subtitle(org.jfree.chart.JFreeChart c) {
    assertEquals(1, c.getSubtitleCount());
    return ((org.jfree.chart.title.TextTitle) c.getSubtitle(0)).getText();
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
