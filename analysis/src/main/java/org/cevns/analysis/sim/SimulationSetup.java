package org.cevns.analysis.sim;

import java.util.ArrayList;
import java.util.List;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.detsim.sim.DetectorSimulation;
import org.cevns.generator.model.DetectorModel;
import org.cevns.generator.model.ExperimentModel;

/**
 * What a detector-level simulation of a configuration needs: the physics model, the detsim sections (a response
 * for every detector) and the background channels.
 *
 * @param model the physics model
 * @param detsim the detsim configuration, with every response present
 * @param backgrounds the background channels
 */
public record SimulationSetup(ExperimentModel model, DetsimConfig detsim, BackgroundChannels backgrounds) {
  /**
   * Builds the background channels; fails (ConfigException) unless every detector has a response.
   *
   * @param why the command, for the error message
   */
  public static SimulationSetup of(ExperimentModel model, DetsimConfig detsim, String why) {
    DetsimConfig d = detsim.requireResponses(why);
    return new SimulationSetup(model, d, BackgroundChannels.of(model, d));
  }

  /** Expected events of the configured exposure (all signal recoils plus every background channel). */
  public double expectedEvents() {
    return DetectorSimulation.expectedEvents(model, backgrounds);
  }

  /** Component names: {@code signal}, then the backgrounds. */
  public List<String> components() {
    return backgrounds.componentNames();
  }

  /** Detector names in configuration order. */
  public List<String> detectors() {
    List<String> d = new ArrayList<>();
    for (DetectorModel m : model.detectors()) {
      d.add(m.name());
    }
    return d;
  }
}
