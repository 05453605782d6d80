package org.cevns.analysis.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.physics.source.PionDarParameters;
import org.cevns.physics.source.PulseShape;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.PionDarConfig;
import org.cevns.schema.SourceConfig;

/**
 * The simulation of a configuration with one pulsed source's proton pulse width × f, for the fit's
 * {@code pulse_width} systematic. The event record keeps only the total time t = t_p + Σ t_decay, not the pulse
 * time t_p; instead the templates are re-simulated with the same seed through a model whose pulse is f times
 * wider. The pulse sampler draws t_p = centre + σ·x (Gaussian, centre 3σ) or L·u (flat) from the same random
 * numbers whatever the width, and nothing else depends on the width, so the re-simulation holds the same events
 * with t_p × f and the same decay times: an exact stretch of each event's pulse-time component. Beam-related
 * backgrounds follow the same pulse and stretch with it.
 */
final class PulseWidthVariation {
  private PulseWidthVariation() {}

  /** {@code setup} with source {@code source}'s pulse width (FWHM or flat length) × {@code f} &gt; 0. */
  static SimulationSetup of(SimulationSetup setup, String source, double f) {
    ExperimentConfig c = setup.model().config();
    List<SourceConfig> sources = new ArrayList<>();
    for (SourceConfig s : c.sources()) {
      sources.add(s.name().equals(source) && s instanceof PionDarConfig p ? widened(p, f) : s);
    }
    ExperimentConfig varied = new ExperimentConfig(c.name(), c.seed(), c.physics(), c.generator(), sources,
        c.detectors(), c.windows(), c.analysis(), c.configFile(), c.baseDir(), c.yamlText());
    ExperimentModel model = ExperimentModel.build(varied);
    DetsimConfig detsim = DetsimConfig.of(model);
    for (int d = 0; d < setup.model().detectors().size(); d++) {
      detsim = detsim.withResponse(d, setup.detsim().response(d)); // responses as the nominal templates have them
    }
    return SimulationSetup.of(model, detsim, "pulse width variation");
  }

  private static PionDarConfig widened(PionDarConfig p, double f) {
    PulseShape shape = p.effectivePulseShape();
    OptionalDouble given = shape == PulseShape.GAUSSIAN ? p.pulseFwhmNs() : p.pulseLengthNs();
    double width = given.isPresent() ? given.getAsDouble() : PionDarParameters.preset(p.facility()).pulseWidthNs();
    OptionalDouble w = OptionalDouble.of(width * f);
    return new PionDarConfig(p.name(), p.facility(), p.protonEnergyGeV(), p.powerMW(), p.repetitionHz(),
        p.pulseShape(), shape == PulseShape.GAUSSIAN ? w : p.pulseFwhmNs(),
        shape == PulseShape.FLAT ? w : p.pulseLengthNs(), p.nuPerFlavorPerProton(), p.exposure());
  }
}
