package org.cevns.analysis.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.Constraint;
import org.cevns.analysis.config.Systematic;
import org.cevns.analysis.events.EventColumns;
import org.cevns.analysis.events.SignalProcess;
import org.cevns.analysis.pipeline.FitModelBuilder;
import org.cevns.analysis.reweight.CevnsFamily;

/**
 * The parameters a fit of a configuration can have, known before any simulation: {@code mu}, the signal
 * normalisation ({@code analysis.fit.signal_width}), one normalisation {@code DETECTOR.COMPONENT} per background
 * component that is not fixed, one nuisance per {@code analysis.systematics} entry, and the physics parameters of
 * the configuration's cross-section family. A superset of the fit's own names (a component without events in the
 * fit range has no normalisation there): {@link #checkPois} refuses a name outside it before the templates are
 * simulated, where the fit's model would name it only afterwards.
 */
public final class FitParameterNames {
  private FitParameterNames() {}

  /**
   * Rejects a parameter of interest this configuration cannot have, with one line listing those it can.
   *
   * @param pois the {@code --poi} names
   * @param family the configuration's cross-section family ({@link AnalysisJob#family})
   * @throws IllegalArgumentException starting {@code --poi: }
   */
  public static void checkPois(List<String> pois, AnalysisConfig config, SimulationSetup setup, CevnsFamily family) {
    Set<String> nuisances = null;
    for (String n : pois) {
      if (n.equals(org.cevns.analysis.fit.BinnedModel.POI_NAME)
          || family.parameters().stream().anyMatch(p -> p.name().equals(n))) {
        continue;
      }
      if (CevnsFamily.looksLikePhysicsParameter(n)) {
        requirePhysics(n, "--poi", family); // not one of the family's: throws, listing them
      }
      if (nuisances == null) {
        nuisances = nuisances(config, setup);
      }
      if (!nuisances.contains(n)) {
        throw new IllegalArgumentException("--poi: unknown parameter '" + n + "'; this configuration's fit has: mu, "
            + String.join(", ", nuisances) + " and the physics parameters " + family.describeNames());
      }
    }
    try {
      family.checkTogether(pois);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--poi: " + e.getMessage(), e);
    }
  }

  /**
   * Rejects {@code name} unless {@code family} has a physics parameter of that name, with one line naming
   * {@code key} and listing the names the configuration has.
   */
  static void requirePhysics(String name, String key, CevnsFamily family) {
    unknownPhysics(name, family).ifPresent(problem -> {
      throw new IllegalArgumentException(key + ": " + problem);
    });
  }

  /**
   * Unless {@code family} has a physics parameter {@code name}: what is wrong, listing the names the configuration
   * has ("unknown physics parameter 'x'; this configuration has: mu, sin2_theta_w, …").
   */
  public static java.util.Optional<String> unknownPhysics(String name, CevnsFamily family) {
    return family.parameters().stream().anyMatch(p -> p.name().equals(name)) ? java.util.Optional.empty()
        : java.util.Optional.of("unknown physics parameter '" + name + "'; this configuration has: mu, "
            + family.describeNames());
  }

  /** The names of the normalisations and nuisance parameters the fit can have, in a stable order. */
  static Set<String> nuisances(AnalysisConfig config, SimulationSetup setup) {
    Set<String> out = new LinkedHashSet<>();
    if (config.fit().signalWidth() > 0) {
      out.add(FitModelBuilder.SIGNAL_NORM);
    }
    List<String> components = new ArrayList<>(setup.components());
    if (SignalProcess.hasEvesBackground(setup.model().config())) {
      components.add(EventColumns.EVES_COMPONENT);
    }
    config.fit().templateFiles().forEach(t -> components.add(t.component()));
    for (String det : setup.detectors()) {
      for (String c : components) {
        if (!c.equals(EventColumns.SIGNAL) && config.fit().constraint(c).kind() != Constraint.Kind.FIXED) {
          out.add(det + "." + c);
        }
      }
    }
    config.systematics().entries().stream().map(Systematic::parameter).forEach(out::add);
    return out;
  }
}
