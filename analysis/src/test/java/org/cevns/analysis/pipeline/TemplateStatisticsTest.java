package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.hist.Histogram1D;
import org.junit.jupiter.api.Test;

class TemplateStatisticsTest {
  private static final SpectrumKey SIGNAL = new SpectrumKey("csi", "beam", "coincidence", "signal");
  private static final SpectrumKey STEADY = new SpectrumKey("csi", "beam", "coincidence", "steady");
  /** A second detector with other energy edges (the data's total must not add histograms across detectors). */
  private static final SpectrumKey GE = new SpectrumKey("ge", "beam", "coincidence", "steady");
  private static final BinEdges GE_ENERGY = BinEdges.uniform(14, 0, 280);

  /** A key of {@code events} simulated events of equal weight, {@code expected} in total. */
  private static KeySpectra simulated(double expected, long events) {
    return simulated(BeamToys.ENERGY, expected, events);
  }

  private static KeySpectra simulated(BinEdges energy, double expected, long events) {
    double w = expected / events;
    return new KeySpectra(Histogram1D.of(energy), Optional.empty(), Histogram1D.of(BeamToys.TIME),
        Optional.empty(), expected, events * w * w, events);
  }

  private static SpectrumSet set(KeySpectra signal, KeySpectra steady) {
    Map<SpectrumKey, KeySpectra> m = new LinkedHashMap<>();
    m.put(SIGNAL, signal);
    m.put(STEADY, steady);
    m.put(GE, simulated(GE_ENERGY, 50, 50));
    return SpectrumSet.of(new HistogramBinning(Map.of("csi", BeamToys.ENERGY, "ge", GE_ENERGY),
        Map.of("csi", BinEdges.uniform(10, 0, 100), "ge", BinEdges.uniform(10, 0, 100)), BeamToys.TIME,
        Optional.empty()), m);
  }

  /**
   * Regression (ess.yaml with --max-template-events 5000 at 2 % exposure: 0.22 template events per expected event,
   * chi2 = 1209 / 88 without a word): fewer template events than expected data events are named in one line.
   */
  @Test
  void fewerTemplateEventsThanDataWarns() {
    SpectrumSet templates = set(simulated(60, 6000), simulated(4000, 1000));
    SpectrumSet data = set(simulated(61, 61), simulated(3950, 3950));
    Optional<String> w = TemplateStatistics.warning(templates, data);
    assertTrue(w.isPresent());
    assertTrue(w.get().contains("(4061 observed events)"), w.get());
    assertTrue(w.get().contains("csi beam coincidence steady has 1000 effective template events for 4000 expected"
        + " (0.250 per expected event)"), w.get());
    assertTrue(w.get().contains("at least 4 times more"), w.get());
    assertEquals(-1, w.get().indexOf('\n'));
  }

  @Test
  void enoughTemplateEventsOrFileTemplatesDoNotWarn() {
    SpectrumSet data = set(simulated(61, 61), simulated(3950, 3950));
    assertTrue(TemplateStatistics.warning(set(simulated(60, 6000), simulated(4000, 4000)), data).isEmpty());
    KeySpectra file = new KeySpectra(Histogram1D.of(BeamToys.ENERGY), Optional.empty(), Histogram1D.of(BeamToys.TIME),
        Optional.empty(), 4000, 0, 0);
    assertTrue(TemplateStatistics.warning(set(simulated(60, 6000), file), data).isEmpty());
  }

  /**
   * Without data (sensitivity, toys, an Asimov scan) the expectations are the templates: the line counts their
   * expected events and names the same key and ratio as with data.
   */
  @Test
  void asimovWarningCountsTheExpectedEvents() {
    SpectrumSet templates = set(simulated(60, 6000), simulated(4000, 1000));
    String w = TemplateStatistics.asimovWarning(templates).orElseThrow();
    assertTrue(w.startsWith("the templates hold fewer simulated events than the data (4110 expected events at the"
        + " configured exposure): csi beam coincidence steady has 1000 effective template events for 4000 expected"
        + " (0.250 per expected event), so the Asimov and toy expectations follow the templates' fluctuations"
        + " (sensitivity biased); simulate at least 4 times more"), w);
    assertEquals(-1, w.indexOf('\n'));
    assertTrue(TemplateStatistics.asimovWarning(set(simulated(60, 6000), simulated(4000, 4000))).isEmpty());
  }

  /**
   * The line ends with the options that give more template events: those of the command giving it. The default
   * (analyze, sensitivity, toys: both options) is unchanged; run, fit, scan and mapreduce toys have no --templates.
   */
  @Test
  void theHintNamesTheOptionsOfTheCommand() {
    SpectrumSet templates = set(simulated(60, 6000), simulated(4000, 1000));
    SpectrumSet data = set(simulated(61, 61), simulated(3950, 3950));
    String both = "simulate at least 4 times more template events (--max-template-events, or a larger --templates"
        + " run)";
    String capOnly = "simulate at least 4 times more template events (--max-template-events)";
    assertTrue(TemplateStatistics.warning(templates, data).orElseThrow().endsWith("; " + both));
    assertTrue(TemplateStatistics.asimovWarning(templates).orElseThrow().endsWith("; " + both));
    var withFile = TemplateStatistics.Remedy.MAX_EVENTS_OR_TEMPLATE_FILE;
    assertEquals(TemplateStatistics.warning(templates, data), TemplateStatistics.warning(templates, data, withFile));
    assertEquals(TemplateStatistics.asimovWarning(templates), TemplateStatistics.asimovWarning(templates, withFile));
    var capOnlyRemedy = TemplateStatistics.Remedy.MAX_EVENTS;
    String w = TemplateStatistics.warning(templates, data, capOnlyRemedy).orElseThrow();
    assertTrue(w.endsWith("; " + capOnly), w);
    assertEquals(TemplateStatistics.warning(templates, data).orElseThrow().replace(both, capOnly), w);
    String a = TemplateStatistics.asimovWarning(templates, capOnlyRemedy).orElseThrow();
    assertTrue(a.endsWith("(sensitivity biased); " + capOnly), a);
    assertEquals(-1, a.indexOf("--templates"), a);
    assertEquals(capOnlyRemedy, TemplateStatistics.Remedy.of(false));
    assertEquals(withFile, TemplateStatistics.Remedy.of(true));
  }

  static PoiFit withImpacts(String name, double total, double templateStatistics) {
    var rows = java.util.List.of(
        new org.cevns.analysis.fit.GroupImpacts.Row(name, "total", total, total),
        new org.cevns.analysis.fit.GroupImpacts.Row(name, "template_statistics", templateStatistics,
            templateStatistics));
    return new PoiFit(name, 1, 1, Optional.empty(), Optional.empty(), Optional.empty(), java.util.List.of(),
        Optional.of(new org.cevns.analysis.fit.GroupImpacts(name, rows)));
  }

  /**
   * NEON's projection (configs/neon.yaml, `sensitivity --seed 1`): the template statistics carried ±7.0 of
   * σ_μ = ±14.5, 23 % of the variance, with no warning (its templates hold 4 × the expected events, so the
   * per-key count check passed). Regression: now one line; 6 × more events bring the share to 5 %.
   */
  @Test
  void templateStatisticsCarryingMuchOfTheVarianceWarn() {
    var remedy = TemplateStatistics.Remedy.MAX_EVENTS;
    String w = TemplateStatistics.impactWarning(java.util.List.of(withImpacts("mu", 14.5, 0.1),
        withImpacts("rn_fm.NaI", 14.5, 6.97)), remedy).orElseThrow();
    assertEquals("the templates' Monte Carlo statistics carry 23 % of the expected variance of rn_fm.NaI"
        + " (template_statistics impact +-6.97 of +-14.5 at the configured exposure), so the sensitivity reflects"
        + " the simulation as much as the experiment; simulate about 6 times more template events"
        + " (--max-template-events)", w);
    // coherent-csi: +-0.011 of +-0.157 (0.5 %), and no template_statistics group at all: no warning
    assertEquals(Optional.empty(), TemplateStatistics.impactWarning(java.util.List.of(withImpacts("mu", 0.157,
        0.011)), remedy));
    assertEquals(Optional.empty(), TemplateStatistics.impactWarning(java.util.List.of(new PoiFit("mu", 1, 1,
        Optional.empty(), Optional.empty(), Optional.empty(), java.util.List.of(), Optional.empty())), remedy));
    // just below and above the 10 % share
    assertEquals(Optional.empty(), TemplateStatistics.impactWarning(java.util.List.of(withImpacts("mu", 1,
        Math.sqrt(0.099))), remedy));
    assertTrue(TemplateStatistics.impactWarning(java.util.List.of(withImpacts("mu", 1, Math.sqrt(0.101))), remedy)
        .isPresent());
  }
}
