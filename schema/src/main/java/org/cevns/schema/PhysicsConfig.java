package org.cevns.schema;

import org.cevns.physics.xs.CouplingScheme;
import org.cevns.physics.formfactor.FormFactorModel;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.cevns.physics.Process;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.xs.bsm.NewPhysics;

/**
 * The {@code physics} section: electroweak inputs, form factors and which processes to simulate. Every key
 * is optional; defaults are in {@link #defaults()}.
 *
 * @param sin2ThetaW weak mixing angle sin²θ_W, in (0, 1); default
 *     {@link PhysicalConstants#SIN2_THETA_W_LOW_Q} (low-Q² MS-bar, PDG)
 * @param couplings nucleon couplings; default {@link CouplingScheme#PDG} (radiatively corrected, PDG
 *     electroweak review); {@code tree} on request (σ 2.3–2.9 % lower)
 * @param formFactor form factor model; default {@link FormFactorModel#HELM}
 * @param axial include the axial term for odd-A nuclei (Barranco et al. 2005); default true
 * @param processes processes to simulate, non-empty (YAML list {@code [cevns, eves]}, no repeats); default
 *     both
 * @param nuclei per-nuclide radii, keyed {@code Cs133} (symbol + A) and consistent with the value's
 *     {@link NucleusRadii#key()}; default none. Iteration order is the file's order.
 * @param newPhysics the new-physics point (NSI, electromagnetic properties, mediators, sterile neutrino; keys
 *     {@code nsi}, {@code magnetic_moment_mub}, {@code millicharge_e}, {@code charge_radius_cm2},
 *     {@code mediators}, {@code sterile}); default {@link NewPhysics#NONE}, the Standard Model
 * @param recoilFloorKeV {@code recoil_floor_kev}: recoil (keVnr for nuclei, keV for electrons) below which the
 *     channels with a 1/T term (magnetic moment, millicharge) are neither counted nor generated, &gt; 0;
 *     default {@value #DEFAULT_RECOIL_FLOOR_KEV}
 */
public record PhysicsConfig(
    double sin2ThetaW,
    CouplingScheme couplings,
    FormFactorModel formFactor,
    boolean axial,
    Set<Process> processes,
    Map<String, NucleusRadii> nuclei,
    NewPhysics newPhysics,
    double recoilFloorKeV) {

  /** Default {@code recoil_floor_kev}: 10 eV, below every detector threshold and above atomic binding. */
  public static final double DEFAULT_RECOIL_FLOOR_KEV = 0.01;

  /** Default {@code sin2_theta_w}. */
  public static final double DEFAULT_SIN2_THETA_W = PhysicalConstants.SIN2_THETA_W_LOW_Q;

  public PhysicsConfig {
    DoubleRange.open(0, 1).check("sin2_theta_w", sin2ThetaW);
    Checks.present("couplings", couplings);
    Checks.present("form_factor", formFactor);
    Checks.present("processes", processes);
    Checks.present("new physics", newPhysics);
    DoubleRange.POSITIVE.check("recoil_floor_kev", recoilFloorKeV);
    if (processes.contains(Process.UPSCATTER) && newPhysics.sterile().isEmpty()) {
      throw new ConfigException("processes", "upscatter needs a sterile neutrino (physics.sterile)", "upscatter");
    }
    if (processes.isEmpty()) {
      throw new ConfigException("processes", "must be a non-empty list of cevns, eves, upscatter", "[]");
    }
    processes = Collections.unmodifiableSet(EnumSet.copyOf(processes));
    nuclei = Checks.orderedCopy(nuclei);
    nuclei.forEach((key, radii) -> {
      if (!key.equals(radii.key())) {
        throw new ConfigException("nuclei." + key, "key must be the nuclide of its radii, " + radii.key(), ConfigException.quote(key));
      }
    });
  }

  /** The Standard-Model physics section (no new physics, default recoil floor). */
  public PhysicsConfig(double sin2ThetaW, CouplingScheme couplings, FormFactorModel formFactor, boolean axial,
      Set<Process> processes, Map<String, NucleusRadii> nuclei) {
    this(sin2ThetaW, couplings, formFactor, axial, processes, nuclei, NewPhysics.NONE, DEFAULT_RECOIL_FLOOR_KEV);
  }

  /**
   * All defaults: sin²θ_W = 0.23857 (low Q², read by every coupling scheme and EvES), PDG couplings, Helm, axial term on, CEvNS and EvES, no radii, no new
   * physics.
   */
  public static PhysicsConfig defaults() {
    return new PhysicsConfig(DEFAULT_SIN2_THETA_W, CouplingScheme.PDG, FormFactorModel.HELM, true,
        EnumSet.of(Process.CEVNS, Process.EVES), Map.of());
  }

  /** The same section at another new-physics point (e.g. {@link NewPhysics#NONE} for the Standard Model). */
  public PhysicsConfig withNewPhysics(NewPhysics point) {
    Set<Process> chosen = EnumSet.copyOf(processes);
    if (point.sterile().isEmpty()) {
      chosen.remove(Process.UPSCATTER);
    }
    return new PhysicsConfig(sin2ThetaW, couplings, formFactor, axial, chosen, nuclei, point, recoilFloorKeV);
  }
}
