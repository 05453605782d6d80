package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cevns.analysis.fit.GroupImpacts;
import org.cevns.analysis.pipeline.NuisanceReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;

/**
 * The pull, impact and impact-group plots carry the provenance label under their title (experiment, exposure, cevns
 * version, seed) as the spectra and the sensitivity plot do (README.md: "every plot labelled with experiment,
 * exposure, cevns version and seed"); before, {@code cevns run} and {@code analyze} wrote them without it.
 */
class ProvenanceLabelTest {
  private static final String LABEL = "exp  \u00b7  14.6 kg, 3.19e23 POT  \u00b7  cevns 1.0 simulation  \u00b7  seed 7";

  private static String subtitle(JFreeChart c) {
    assertEquals(1, c.getSubtitleCount(), "one subtitle: the provenance label");
    return ((TextTitle) c.getSubtitle(0)).getText();
  }

  @Test
  void pullAndImpactPlotsCarryTheLabel() {
    NuisanceReport r = new NuisanceReport(List.of(new NuisanceReport.Entry("sns.flux", 0.1, 0.9, -0.1, 0.12),
        new NuisanceReport.Entry("csi.efficiency", -0.2, 0.5, 0.03, -0.04)));
    List<JFreeChart> charts = ScanOutputs.NuisancePlots.charts(r, "exp", LABEL);
    assertEquals(2, charts.size());
    for (JFreeChart c : charts) {
      assertEquals(LABEL, subtitle(c));
    }
    assertEquals(0, ScanOutputs.NuisancePlots.charts(r, "exp", "").get(0).getSubtitleCount());
    // σ_prior and σ_post as subscripts, not with a literal underscore
    assertEquals("(\u03b8\u0302 \u2212 a)/\u03c3prior", yLabel(charts.get(0)));
    assertEquals("\u0394\u03bc (\u03b8 at \u00b1\u03c3post)", yLabel(charts.get(1)));
  }

  private static String yLabel(JFreeChart c) {
    java.text.AttributedCharacterIterator it = ((org.jfree.chart.plot.XYPlot) c.getPlot()).getRangeAxis()
        .getAttributedLabel().getIterator();
    StringBuilder sb = new StringBuilder();
    for (char ch = it.first(); ch != java.text.CharacterIterator.DONE; ch = it.next()) {
      sb.append(ch);
    }
    return sb.toString();
  }

  @Test
  void impactGroupPlotsCarryTheLabel() {
    GroupImpacts g = new GroupImpacts("mu", List.of(new GroupImpacts.Row("mu", GroupImpacts.TOTAL, 0.16, 0.19),
        new GroupImpacts.Row("mu", GroupImpacts.STATISTICAL, 0.09, 0.092),
        new GroupImpacts.Row("mu", "flux", 0.1, 0.14)));
    assertEquals(LABEL, subtitle(ImpactOutputs.chart(g, "exp", LABEL, ImpactOutputs.FIT_PREFIX)));
    assertEquals(LABEL, subtitle(ImpactOutputs.chart(g, "exp", LABEL, ImpactOutputs.EXPECTED_PREFIX)));
  }
}
