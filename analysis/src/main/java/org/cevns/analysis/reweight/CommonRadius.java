package org.cevns.analysis.reweight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cevns.physics.nucleus.Target;

/**
 * A common neutron rms radius of the nuclides of one target formula, {@code rn_fm.<formula>} ({@code rn_fm.CsI},
 * {@code rn_fm.Ge}, {@code rn_fm.Xe}): the average radius R̄ = Σ n_i R_n,i / Σ n_i over the formula's nuclides i,
 * weighted by their atoms per formula unit n_i (CsI: the mean of Cs-133 and I-127; Ge: the abundance-weighted mean
 * of its five isotopes). Setting it to R moves every member's neutron radius by the same amount,
 * R_n,i = R_n,i⁰ + (R − R̄⁰): the differences between the nuclides stay those of the configuration (the form-factor
 * model's defaults or {@code physics.nuclei}), as in the fits of the average CsI neutron radius to the COHERENT
 * data that take R_n(Cs) and R_n(I) to move together (Cadeddu et al., PRL 120 (2018) 072501, take them equal;
 * the two differ by 0.07 fm in the Helm defaults, far below the data's precision). At R = R̄⁰ every member is at
 * its nominal radius, so the templates are reproduced exactly.
 *
 * @param name the parameter name, {@code rn_fm.} + the formula as configured
 * @param members the members' parameter names ({@code rn_fm.Cs133}, …)
 * @param weights atoms per formula unit of each member, same order
 */
public record CommonRadius(String name, List<String> members, double[] weights) {
  /** Prefix of neutron-radius parameters. */
  public static final String PREFIX = "rn_fm.";

  public CommonRadius {
    members = List.copyOf(members);
    weights = weights.clone();
    if (members.size() < 2 || weights.length != members.size()) {
      throw new IllegalArgumentException(name + ": a common radius needs at least two members with a weight each");
    }
  }

  /**
   * The common radius of {@code target}'s nuclides, or null when the target has fewer than two nuclides or is not
   * made from a formula (an explicit list of isotopes).
   */
  public static CommonRadius of(Target target) {
    String formula = target.description();
    if (target.size() < 2 || !formula.matches("([A-Z][a-z]?[0-9]*)+")) {
      return null;
    }
    List<String> m = new ArrayList<>();
    double[] w = new double[target.size()];
    for (int i = 0; i < target.size(); i++) {
      m.add(PREFIX + target.isotope(i).label());
      w[i] = target.atomsPerFormulaUnit(i);
    }
    return new CommonRadius(PREFIX + formula, m, w);
  }

  /** R̄ of the members' radii {@code radiusFm} (by member name). */
  public double average(Map<String, Double> radiusFm) {
    double sum = 0;
    double norm = 0;
    for (int i = 0; i < members.size(); i++) {
      sum += weights[i] * radiusFm.get(members.get(i));
      norm += weights[i];
    }
    return sum / norm;
  }

  /**
   * Sets every member's radius in {@code values} for the common radius {@code valueFm}: its nominal radius (in
   * {@code nominal}) moved by {@code valueFm} − R̄⁰.
   *
   * @throws IllegalArgumentException if {@code given} (the parameters set explicitly) holds a member too
   */
  public void apply(Map<String, Double> nominal, double valueFm, Map<String, Double> values, List<String> given) {
    double shift = valueFm - average(nominal);
    for (String m : members) {
      if (given.contains(m)) {
        throw new IllegalArgumentException(conflict(m));
      }
      values.put(m, nominal.get(m) + shift);
    }
  }

  /** Why {@code member} cannot vary with this common radius. */
  String conflict(String member) {
    return name + " and " + member + " cannot vary together: " + name + " moves the radii of " + members
        + " together";
  }

  /**
   * The range of R whose members all lie where {@code physics}'s form-factor model takes their radii: from each
   * member's smallest radius ({@link RadiusLimits#smallestValidFm}) to {@link CevnsFamily#RADIUS_MAX_FM}.
   *
   * @param nominal the members' nominal radii (by member name)
   * @return {lowest, highest}
   */
  double[] validRange(Map<String, Double> nominal, org.cevns.schema.PhysicsConfig physics) {
    double avg = average(nominal);
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    for (String m : members) {
      double offset = nominal.get(m) - avg;
      double smallest = RadiusLimits.smallestValidFm(physics, RadiusLimits.massNumber(m), nominal.get(m));
      lo = Math.max(lo, smallest - offset);
      hi = Math.min(hi, CevnsFamily.RADIUS_MAX_FM - offset);
    }
    return new double[] {lo, hi};
  }
}
