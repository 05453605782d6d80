package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.ConfigFixtures;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.hist.Histogram1D;
import org.junit.jupiter.api.Test;

/**
 * A low-background design whose background templates hold few simulated events (walkdesign, twenty-fifth session):
 * the Barlow–Beeston-lite factors of the anticoincidence window (±50 % per bin) let the background-only fit give up
 * the control region, and the median significance falls far below the one without template-statistics terms. Before,
 * {@code cevns sensitivity} said nothing (σ_μ hardly moves, so {@link TemplateStatistics#impactWarning} is silent);
 * now it warns and names {@code analysis.fit.template_factor}. Asimov fits: deterministic.
 */
class SensitivitySignificanceWarningTest {

  /** Signal 600 and steady 2 events per window; every template event of weight {@code weight}. */
  private static SpectrumSet templates(double weight) {
    Map<SpectrumKey, KeySpectra> m = new LinkedHashMap<>();
    m.put(new SpectrumKey("csi", "beam", "coincidence", "signal"),
        spectra(BeamToys.exponential(600, BeamToys.SIGNAL_SLOPE_KEVEE), weight));
    m.put(new SpectrumKey("csi", "beam", "coincidence", "steady"), spectra(BeamToys.flat(2), weight));
    m.put(new SpectrumKey("csi", "beam", "anticoincidence", "steady"), spectra(BeamToys.flat(2), weight));
    return SpectrumSet.of(BeamToys.binning(), m);
  }

  private static KeySpectra spectra(double[] energy, double weight) {
    double total = 0;
    double[] err = new double[energy.length];
    for (int i = 0; i < energy.length; i++) {
      total += energy[i];
      err[i] = Math.sqrt(weight * energy[i]);
    }
    return new KeySpectra(Histogram1D.ofContents(BeamToys.ENERGY, energy, err), Optional.empty(),
        Histogram1D.of(BeamToys.TIME), Optional.empty(), total, 0, 0);
  }

  private static final AnalysisConfig CONFIG = ConfigFixtures.beam("""
      fit: {backgrounds: {steady: free}}
      sensitivity: {exposure_factors: [0.1, 1]}
      """);

  @Test
  void fewBackgroundTemplateEventsLoweringZAreWarnedAbout() {
    // 20 template events per expected event: 4 per steady bin, Barlow-Beeston-lite widths of 50 %
    SensitivityReport s = SensitivityReport.run(CONFIG, templates(0.05), BeamToys.exposure(), 1);
    String w = s.templateWarning().orElseThrow();
    assertTrue(w.startsWith("the templates' Monte Carlo statistics lower the median significance at the configured"
        + " exposure from "), w);
    assertTrue(w.contains("analysis.fit.template_factor"), w);
    assertTrue(w.contains("analysis.fit.min_background_template_events"), w);
    double zWithout = Double.parseDouble(w.replaceAll(".* from ([0-9.e+]+) \\(without.*", "$1"));
    double zWith = Double.parseDouble(w.replaceAll(".* to ([0-9.e+]+), so Z.*", "$1"));
    assertEquals(s.rows().get(1).zMedian(), zWith, 0.005 * zWith);
    assertTrue(zWith < 0.9 * zWithout, w);
  }

  @Test
  void plentifulTemplatesAreNotWarnedAbout() {
    // 1000 template events per expected event: the terms cost well under the 10 % the warning needs
    SensitivityReport s = SensitivityReport.run(CONFIG, templates(0.001), BeamToys.exposure(), 1);
    assertTrue(s.templateWarning().isEmpty(), s.templateWarning().toString());
  }

  @Test
  void thresholdOfTheWarning() {
    assertTrue(TemplateStatistics.significanceWarning(9.1, 10, TemplateStatistics.Remedy.MAX_EVENTS).isEmpty());
    assertTrue(TemplateStatistics.significanceWarning(8.9, 10, TemplateStatistics.Remedy.MAX_EVENTS).isPresent());
    assertTrue(TemplateStatistics.significanceWarning(1, 0, TemplateStatistics.Remedy.MAX_EVENTS).isEmpty());
    assertTrue(TemplateStatistics.significanceWarning(Double.NaN, 10, TemplateStatistics.Remedy.MAX_EVENTS)
        .isEmpty());
  }
}
