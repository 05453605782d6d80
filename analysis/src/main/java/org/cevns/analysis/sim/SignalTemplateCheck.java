package org.cevns.analysis.sim;

import java.util.Locale;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.TemplateFile;
import org.cevns.analysis.events.EventColumns;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SignalProcess;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.detsim.sim.ExpectedDetected;
import org.cevns.physics.Process;
import org.cevns.schema.ConfigException;

/**
 * Refuses, right after the template simulation, a design whose signal is too small to have a template: the simulation
 * draws {@code template_factor} × the expected events of all components, so a signal of 2.4e-4 detected events beside
 * 36 background events (COHERENT CsI with {@code --set detectors[0].mass_kg=1e-5}) gets ~0.02 template events and
 * usually none. Before, the fit model then failed with "no signal template has expected events inside the fit range:
 * widen the energy binning (analysis.energy) or check the detector response", which named neither the cause nor a
 * key that helps. Refused only when the templates hold no signal at all and fewer than {@value #FEW} signal template
 * events were expected (a signal of zero detection efficiency keeps the fit model's message).
 */
public final class SignalTemplateCheck {
  /** Expected signal template events below which an empty signal template is the small signal's doing. */
  static final double FEW = 3;

  private SignalTemplateCheck() {}

  /**
   * @param templates the simulated templates (nominal)
   * @param sizes the template simulation's plan
   * @throws ConfigException naming the detectors' masses, the exposure and {@code analysis.fit.template_factor}
   */
  public static void check(SimulationSetup setup, AnalysisConfig config, SpectrumSet templates, TemplateSizes sizes) {
    if (config.fit().templateFiles().stream().map(TemplateFile::component).anyMatch(EventColumns.SIGNAL::equals)) {
      return; // the signal template is read from a file
    }
    boolean any = templates.keys().stream().filter(k -> k.isSignal())
        .anyMatch(k -> templates.get(k).map(KeySpectra::sumW).orElse(0.0) > 0);
    if (any) {
      return;
    }
    SignalProcess signal = SignalProcess.of(setup.model().config());
    double detected = 0;
    double background = 0;
    for (ExpectedDetected.Entry e : ExpectedDetected.of(setup.model(), setup.detsim(), setup.backgrounds())) {
      if (EventColumns.SIGNAL.equals(signal.component(e.component(), e.process() == Process.EVES))) {
        detected += e.expected();
      } else {
        background += e.expected();
      }
    }
    double inTemplates = detected * sizes.eventsPerExpected();
    if (!(detected > 0) || inTemplates >= FEW) {
      return; // not a small signal: the fit model names the detector response
    }
    var experiment = setup.model().config();
    StringBuilder keys = new StringBuilder();
    for (int d = 0; d < experiment.detectors().size(); d++) {
      keys.append(d == 0 ? "" : ", ").append("detectors[").append(d).append("].mass_kg (")
          .append(ConfigException.render(experiment.detectors().get(d).massKg())).append(')');
    }
    throw new ConfigException("", String.format(Locale.ROOT, "the expected signal is too small for a signal template:"
        + " %.3g detected %s events beside %s background events, so the template simulation (%.3g x the"
        + " expectation) expected %.3g signal events and drew none; allowed: a design with more signal, raise %s or"
        + " the exposure (sources[i].exposure), or analysis.fit.template_factor (%s)", detected,
        signal == SignalProcess.NUCLEAR ? "CEvNS" : "EvES",
        background == 0 ? "0" : String.format(Locale.ROOT, "%.3g", background), sizes.eventsPerExpected(),
        inTemplates, keys, ConfigException.render(config.fit().templateFactor())), null);
  }
}
