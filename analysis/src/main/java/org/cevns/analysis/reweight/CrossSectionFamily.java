package org.cevns.analysis.reweight;

import java.util.List;
import org.cevns.analysis.fit.PhysicsParameter;

/**
 * A family of differential cross sections dσ/dT(E_ν, T; θ) with numeric parameters θ, for event-wise
 * reweighting of template events ({@link SignalReweighter}). Adding a model (e.g. non-standard interactions,
 * a neutrino magnetic moment) means adding a family: its parameters then become fit parameters by name.
 */
public interface CrossSectionFamily {
  /** The parameters this family understands, with their nominal values (those of the simulation) and ranges. */
  List<PhysicsParameter> parameters();

  /**
   * The cross sections at the given values of {@code names} (every other parameter nominal).
   *
   * @param names parameter names, a subset of {@link #parameters()}
   * @param values their values, same order
   */
  Evaluator at(List<String> names, double[] values);

  /**
   * True when varying {@code names} changes neutrino–electron scattering, so that the {@code eves} templates are
   * reweighted too (default: false, only the CEvNS signal is).
   */
  default boolean changesEves(List<String> names) {
    return false;
  }

  /**
   * This family with the range of parameter {@code name} set to span [lower, upper] (e.g. a scan's grid), as far
   * as the parameter allows; the default keeps the family's own ranges.
   */
  default CrossSectionFamily withRange(String name, double lower, double upper) {
    return this;
  }

  /**
   * The value of parameter {@code name} at which the template events were simulated: the nominal one, unless
   * the templates were made at another point (importance sampling, see {@link CevnsFamily#simulatedAt}); the
   * reweighting divides by the cross section there.
   */
  default double simulatedValue(String name) {
    return parameters().stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown physics parameter '" + name + "'")).nominal();
  }

  /** dσ/dT of one event's nuclide and flavour at fixed parameters. Need not be thread-safe. */
  interface Evaluator {
    /**
     * dσ/dT in cm²/MeV.
     *
     * @param z target atomic number
     * @param a target mass number
     * @param flavorCode {@link org.cevns.physics.Flavor} ordinal
     * @param processCode {@link org.cevns.physics.Process} ordinal
     * @param enuMeV neutrino energy
     * @param recoilMeV recoil kinetic energy
     */
    double xsCm2PerMeV(int z, int a, byte flavorCode, byte processCode, double enuMeV, double recoilMeV);
  }
}
