package org.cevns.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.pipeline.SensitivityReport;
import org.cevns.analysis.pipeline.TemplateStatistics;
import org.cevns.generator.run.RecoilFloors;
import org.junit.jupiter.api.Test;

/**
 * Per-component template sizes (tmplsizes, twenty-sixth session). coherent-cryocsi expects ~50 steady events over its
 * 40 µs record (~7 in each 6 µs window) beside ~760 CEvNS: with {@code template_factor} 20 for every component its
 * steady template held ~4 events per bin, the Barlow–Beeston-lite factors of ±50–100 % let the background-only fit
 * give up the anticoincidence window, and Z_median at the configured exposure was 22.1 against 36.2 without the
 * template-statistics terms (seed 1; 13.6 and 18.3 for seeds 2 and 3). With
 * {@code analysis.fit.min_background_template_events} the steady template is importance-sampled to 1e5 events of
 * weight λ/1e5 while the signal keeps its 20 ×. Simulations with fixed seeds: deterministic.
 */
class TemplateSizesTest {
  private static final long MIN_EVENTS = 100_000;
  private static final long SEED = 1;

  private static SimulationSetup setup(String... overrides) {
    return TemplateRecoilFloorsTest.setup(TemplateRecoilFloorsTest.load("coherent-cryocsi.yaml", overrides));
  }

  private static AnalysisJob.Prepared prepare(String... overrides) throws Exception {
    var c = TemplateRecoilFloorsTest.load("coherent-cryocsi.yaml", overrides);
    return AnalysisJob.prepare(TemplateRecoilFloorsTest.setup(c), AnalysisConfig.of(c),
        new AnalysisJob.Options(2, SEED, Optional.empty(), TemplateMaker.DEFAULT_MAX_EVENTS, s -> { }));
  }

  private static SensitivityReport sensitivity(AnalysisJob.Prepared p, String... overrides) {
    var c = TemplateRecoilFloorsTest.load("coherent-cryocsi.yaml", overrides);
    return AnalysisJob.sensitivity(AnalysisConfig.of(c), p, SEED, TemplateStatistics.Remedy.MAX_EVENTS);
  }

  private static double zAtConfiguredExposure(SensitivityReport r) {
    return r.rows().stream().filter(row -> row.exposureFactor() == 1.0).findFirst().orElseThrow().zMedian();
  }

  /**
   * Before: one factor for every component, the warning of walkdesign, Z 22.1 for 36.2 without the terms. Now: the
   * steady template holds 1e5 events, Z is within 10 % of the Z without template-statistics terms (the warning's own
   * criterion) and the warning is silent; the signal template is as large as before.
   */
  @Test
  void smallBackgroundTemplateNoLongerCostsTheSignificance() throws Exception {
    String old = "analysis.fit.min_background_template_events=0";
    SensitivityReport before = sensitivity(prepare(old), old);
    String w = before.templateWarning().orElseThrow();
    assertTrue(w.contains("analysis.fit.min_background_template_events"), w);
    double zWithout = Double.parseDouble(w.replaceAll(".* from ([0-9.e+]+) \\(without.*", "$1"));
    double zBefore = zAtConfiguredExposure(before);
    assertTrue(zBefore < 0.7 * zWithout, w);

    String now = "analysis.fit.min_background_template_events=" + MIN_EVENTS;
    AnalysisJob.Prepared p = prepare(now);
    SensitivityReport after = sensitivity(p, now);
    assertTrue(after.templateWarning().isEmpty(), after.templateWarning().toString());
    double zAfter = zAtConfiguredExposure(after);
    assertTrue(zAfter > 0.9 * zWithout && zAfter < 1.05 * zWithout, zAfter + " vs " + zWithout + " (" + zBefore
        + " before)");
    assertEquals(20.0, p.templates().info().factor(), 1e-3);
  }

  /**
   * The weights: each steady key still sums to its expectation (totals of the boosted and the former templates
   * within 3 combined σ: a false failure 2.7e-3 per seed), one steady event weighs 1/b of the former one, b = 1e5 /
   * (20 λ) (to 1e-3: exact but for the rounding of event counts), so its Σw², what the Barlow–Beeston-lite terms read,
   * is that of its own events, and a signal event keeps its weight.
   */
  @Test
  void eachComponentIsWeightedToItsExpectationWithItsOwnStatistics() throws Exception {
    AnalysisJob.Prepared p = prepare("analysis.fit.min_background_template_events=0");
    SimulationSetup setup = setup();
    AnalysisConfig a = AnalysisConfig.of(TemplateRecoilFloorsTest.load("coherent-cryocsi.yaml"));
    var fit0 = a.fit().withMinBackgroundTemplateEvents(0);
    var fitM = a.fit().withMinBackgroundTemplateEvents(MIN_EVENTS);
    SpectrumSet t0 = TemplateMaker.simulate(setup, setup.model().config().generator(), fit0, p.binning(), 5, 2,
        TemplateMaker.DEFAULT_MAX_EVENTS, null).expected();
    SpectrumSet tM = TemplateMaker.simulate(setup, setup.model().config().generator(), fitM, p.binning(), 5, 2,
        TemplateMaker.DEFAULT_MAX_EVENTS, null).expected();
    TemplateSizes sizes = TemplateSizes.of(setup, RecoilFloors.NONE, 20, MIN_EVENTS, TemplateMaker.DEFAULT_MAX_EVENTS);
    assertEquals(1, sizes.boostedSlots());
    double lambda = setup.backgrounds().totalExpected();
    double boost = MIN_EVENTS / (sizes.eventsPerExpected() * lambda);
    assertTrue(boost > 50, "boost " + boost);
    int steadyKeys = 0;
    for (SpectrumKey k : tM.keys()) {
      KeySpectra m = tM.get(k).orElseThrow();
      KeySpectra o = t0.get(k).orElseThrow();
      if (k.component().equals("steady")) {
        steadyKeys++;
        double sigma = Math.sqrt(m.sumW2() + o.sumW2());
        assertTrue(Math.abs(m.sumW() - o.sumW()) < 3 * sigma, k + ": " + m.sumW() + " vs " + o.sumW());
        // one event's weight (Σw²/Σw: the events of a slot have equal weights) is the former one / b, so the
        // key's Σw², which the Barlow-Beeston-lite terms read, is that of its own (Σw)²/Σw² = Σw/w events
        double w0 = o.sumW2() / o.sumW();
        double wM = m.sumW2() / m.sumW();
        assertEquals(boost, w0 / wM, 1e-3 * boost, k.toString());
        assertTrue(m.sumW() / wM > 0.1 * MIN_EVENTS, k + ": " + m.sumW() / wM + " events");
      } else if (k.component().equals("signal")) {
        assertEquals(o.sumW2() / o.sumW(), m.sumW2() / m.sumW(), 1e-3 * o.sumW2() / o.sumW(), k.toString());
      }
    }
    assertTrue(steadyKeys >= 2, steadyKeys + " steady keys"); // the coincidence and AC windows, and outside them
  }

  /** The same seed gives the same templates whatever the thread count, with a boost too. */
  @Test
  void boostedTemplatesDoNotDependOnTheThreadCount() throws Exception {
    AnalysisJob.Prepared p = prepare("analysis.fit.min_background_template_events=0");
    SimulationSetup setup = setup();
    var fit = AnalysisConfig.of(TemplateRecoilFloorsTest.load("coherent-cryocsi.yaml")).fit()
        .withMinBackgroundTemplateEvents(MIN_EVENTS);
    SpectrumSet one = TemplateMaker.simulate(setup, setup.model().config().generator(), fit, p.binning(), 9, 1,
        TemplateMaker.DEFAULT_MAX_EVENTS, null).expected();
    SpectrumSet two = TemplateMaker.simulate(setup, setup.model().config().generator(), fit, p.binning(), 9, 2,
        TemplateMaker.DEFAULT_MAX_EVENTS, null).expected();
    assertEquals(one.keys(), two.keys());
    for (SpectrumKey k : one.keys()) {
      KeySpectra a = one.get(k).orElseThrow();
      KeySpectra b = two.get(k).orElseThrow();
      assertEquals(a.sumW(), b.sumW(), 0.0, k.toString());
      assertEquals(a.sumW2(), b.sumW2(), 0.0, k.toString());
      assertArrayEquals(a.energy().contents(), b.energy().contents(), 0.0, k.toString());
    }
  }

  /** Without a minimum (or with every background above it) the plan is the former one: the same events. */
  @Test
  void withoutABoostThePlanIsTheFormerOne() {
    SimulationSetup setup = setup();
    double expected = TemplateMaker.expectedEvents(setup, RecoilFloors.NONE);
    for (long min : new long[] {0, 10}) {
      TemplateSizes s = TemplateSizes.of(setup, RecoilFloors.NONE, 20, min, TemplateMaker.DEFAULT_MAX_EVENTS);
      assertEquals(Math.round(20 * expected), s.events());
      assertEquals(expected, s.samplingExpected(), 0.0);
      assertArrayEquals(setup.backgrounds().expected(), s.backgroundSampling(), 0.0);
      assertNull(s.slotScale());
      assertEquals(0, s.extraEvents());
    }
    // the cap of --max-template-events caps the base; the background minimum comes on top of it
    TemplateSizes capped = TemplateSizes.of(setup, RecoilFloors.NONE, 20, MIN_EVENTS, 5000);
    assertEquals(5000 + capped.extraEvents(), capped.events());
    assertTrue(capped.extraEvents() > 0.99 * MIN_EVENTS, capped.toString());
  }
}
