package org.cevns.schema;

import org.cevns.physics.xs.CouplingScheme;
import org.cevns.physics.formfactor.FormFactorModel;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.cevns.physics.Process;
import org.cevns.physics.constants.PhysicalConstants;

/**
 * The {@code physics} section: electroweak inputs, form factors and which processes to simulate. Every key
 * is optional; defaults are in {@link #defaults()}.
 *
 * @param sin2ThetaW weak mixing angle sin²θ_W, in (0, 1); default
 *     {@link PhysicalConstants#SIN2_THETA_W_LOW_Q} (low-Q² MS-bar, PDG)
 * @param couplings nucleon couplings; default {@link CouplingScheme#TREE}
 * @param formFactor form factor model; default {@link FormFactorModel#HELM}
 * @param axial include the axial term for odd-A nuclei (Barranco et al. 2005); default true
 * @param processes processes to simulate, non-empty (YAML list {@code [cevns, eves]}, no repeats); default
 *     both
 * @param nuclei per-nuclide radii, keyed {@code Cs133} (symbol + A) and consistent with the value's
 *     {@link NucleusRadii#key()}; default none. Iteration order is the file's order.
 */
public record PhysicsConfig(
    double sin2ThetaW,
    CouplingScheme couplings,
    FormFactorModel formFactor,
    boolean axial,
    Set<Process> processes,
    Map<String, NucleusRadii> nuclei) {

  /** Default {@code sin2_theta_w}. */
  public static final double DEFAULT_SIN2_THETA_W = PhysicalConstants.SIN2_THETA_W_LOW_Q;

  public PhysicsConfig {
    DoubleRange.open(0, 1).check("sin2_theta_w", sin2ThetaW);
    Checks.present("couplings", couplings);
    Checks.present("form_factor", formFactor);
    Checks.present("processes", processes);
    if (processes.isEmpty()) {
      throw new ConfigException("processes", "must be a non-empty list of cevns, eves", "[]");
    }
    processes = Collections.unmodifiableSet(EnumSet.copyOf(processes));
    nuclei = Checks.orderedCopy(nuclei);
    nuclei.forEach((key, radii) -> {
      if (!key.equals(radii.key())) {
        throw new ConfigException("nuclei." + key, "key must be the nuclide of its radii, " + radii.key(), ConfigException.quote(key));
      }
    });
  }

  /** All defaults: sin²θ_W = 0.23857, tree couplings, Helm, axial term on, CEvNS and EvES, no radii. */
  public static PhysicsConfig defaults() {
    return new PhysicsConfig(DEFAULT_SIN2_THETA_W, CouplingScheme.TREE, FormFactorModel.HELM, true,
        EnumSet.allOf(Process.class), Map.of());
  }
}
