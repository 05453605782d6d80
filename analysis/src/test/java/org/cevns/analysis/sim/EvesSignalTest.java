package org.cevns.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.EventColumns;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SignalProcess;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.pipeline.FitModelBuilder;
import org.cevns.analysis.pipeline.TemplateSystematics;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.physics.Process;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.junit.jupiter.api.Test;

/**
 * Neutrino-electron scattering (EvES) is the fit's signal, scaled by μ, when the configuration simulates neither
 * CEvNS nor upscattering ({@link SignalProcess}); with CEvNS it stays the background component {@code eves}.
 * Before, an EvES-only configuration (configs/xenon-solar-er.yaml) had its EvES events filed under {@code eves} and
 * no signal template: the model builder refused it ("no signal template has expected events inside the fit
 * range").
 */
class EvesSignalTest {
  /** A reactor Ge detector read out in keVee from threshold to 4 keVee, with a flat steady background. */
  static final String GE = """
      name: ge-eves
      physics: {processes: %s}
      sources:
        - name: core
          type: reactor
          thermal_power_mw: 3600
          exposure: {live_days_on: 100, live_days_off: 20}
      detectors:
        - name: ge
          target: {formula: Ge}
          mass_kg: 10
          distance_m: 20
          response:
            quenching: {model: lindhard, k: 0.162}
            energy: {model: ideal}
            threshold_kevee: 0.2
          backgrounds:
            - {name: flat, type: steady, spectrum: {shape: flat, min_kev: 0.1, max_kev: 5}, counts_per_kg_per_day: 1}
      analysis:
        energy: {bins: 8, min_kevee: 0.2, max_kevee: 4}
      %s""";

  static SimulationSetup setup(String processes, String analysis) {
    ExperimentConfig c = ConfigLoader.parse(GE.formatted(processes, analysis), Path.of("."));
    ExperimentModel m = ExperimentModel.build(c);
    return SimulationSetup.of(m, DetsimConfig.of(m), "test");
  }

  static AnalysisJob.Prepared prepare(SimulationSetup s) throws Exception {
    return AnalysisJob.prepare(s, AnalysisConfig.of(s.model().config()),
        new AnalysisJob.Options(1, 7, Optional.empty(), 5000, x -> { }));
  }

  private static double total(SpectrumSet s, String component) {
    return s.keys().stream().filter(k -> k.component().equals(component))
        .mapToDouble(k -> s.get(k).map(KeySpectra::sumW).orElse(0.0)).sum();
  }

  @Test
  void theSignalIsEvesExactlyWhenNeitherCevnsNorUpscatteringIsSimulated() {
    assertEquals(SignalProcess.ELECTRON, SignalProcess.of(EnumSet.of(Process.EVES)));
    assertEquals(SignalProcess.NUCLEAR, SignalProcess.of(EnumSet.of(Process.CEVNS, Process.EVES)));
    assertEquals(SignalProcess.NUCLEAR, SignalProcess.of(EnumSet.of(Process.CEVNS)));
    assertEquals(SignalProcess.NUCLEAR, SignalProcess.of(EnumSet.of(Process.EVES, Process.UPSCATTER)));
    assertEquals(EventColumns.EVES_COMPONENT, SignalProcess.NUCLEAR.component(EventColumns.SIGNAL, true));
    assertEquals(EventColumns.SIGNAL, SignalProcess.NUCLEAR.component(EventColumns.SIGNAL, false));
    assertEquals(EventColumns.SIGNAL, SignalProcess.ELECTRON.component(EventColumns.SIGNAL, true));
    // a background row is never renamed, whatever its process column says
    assertEquals("flat", SignalProcess.NUCLEAR.component("flat", true));
    assertTrue(SignalProcess.NUCLEAR.evesIsBackground());
    assertFalse(SignalProcess.ELECTRON.evesIsBackground());
  }

  @Test
  void anEvesOnlyConfigurationHasAnEvesSignalTemplateAndNoEvesComponent() throws Exception {
    SimulationSetup eves = setup("[eves]", "");
    AnalysisJob.Prepared p = prepare(eves);
    SpectrumSet t = p.templates().expected();
    assertEquals(SignalProcess.ELECTRON, p.signal());
    assertTrue(total(t, EventColumns.SIGNAL) > 0, t.keys().toString());
    assertEquals(0.0, total(t, EventColumns.EVES_COMPONENT), t.keys().toString());
    // the same configuration with CEvNS: EvES is the component eves with the same expectation (template totals set
    // to the model's expected detected counts, so that Monte Carlo differences do not enter)
    String model = "  fit: {template_normalisation: model}\n";
    SpectrumSet tm = prepare(setup("[eves]", model)).templates().expected();
    SpectrumSet tb = prepare(setup("[cevns, eves]", model)).templates().expected();
    double evesBackground = total(tb, EventColumns.EVES_COMPONENT);
    assertTrue(evesBackground > 0, tb.keys().toString());
    assertEquals(evesBackground, total(tm, EventColumns.SIGNAL), 1e-9 * evesBackground);
    assertEquals(0.0, total(tm, EventColumns.EVES_COMPONENT));
    // the model has a signal (the old code refused it: no signal template inside the fit range)
    var built = FitModelBuilder.build(AnalysisConfig.of(eves.model().config()).mode(),
        AnalysisConfig.of(eves.model().config()).fit(), t, t, TemplateSystematics.none(), List.of());
    assertTrue(built.model().parameterNames().contains("mu"));
    assertFalse(built.backgroundNorms().containsValue(EventColumns.EVES_COMPONENT), built.backgroundNorms().toString());
    assertTrue(t.keys().stream().map(SpectrumKey::component).noneMatch(EventColumns.EVES_COMPONENT::equals));
  }

  @Test
  void aPriorOnEvesIsRefusedWhenEvesIsTheSignal() {
    String prior = "  fit: {backgrounds: {eves: 0.1}}\n";
    ConfigException e = assertThrows(ConfigException.class, () -> AnalysisConfig.of(
        ConfigLoader.parse(GE.formatted("[eves]", prior), Path.of("."))));
    assertTrue(e.getMessage().contains("analysis.fit.backgrounds.eves"), e.getMessage());
    assertTrue(e.getMessage().contains("components are flat"), e.getMessage());
    AnalysisConfig withCevns = AnalysisConfig.of(ConfigLoader.parse(GE.formatted("[cevns, eves]", prior),
        Path.of(".")));
    assertEquals(0.1, withCevns.fit().constraint(EventColumns.EVES_COMPONENT).relativeWidth(), 0);
  }

  @Test
  void theFitHasNoEvesNormalisationWhenEvesIsTheSignal() {
    SimulationSetup eves = setup("[eves]", "");
    assertFalse(FitParameterNames.nuisances(AnalysisConfig.of(eves.model().config()), eves).contains("ge.eves"));
    SimulationSetup both = setup("[cevns, eves]", "");
    assertTrue(FitParameterNames.nuisances(AnalysisConfig.of(both.model().config()), both).contains("ge.eves"));
  }
}
