package org.cevns.physics.xs.bsm;

/**
 * Validity bounds of the new-physics parameters (by {@link NewPhysics} scan name): the largest magnitude a
 * configuration may give and a scan's default range may reach. Each lies orders of magnitude above every
 * published limit and every range scanned in docs/new-physics.md, and at or below where the cross-section formula
 * stops making sense; a configuration beyond it (e.g. {@code charge_radius_cm2: -1}, which gave ~7e66 events) is
 * refused before any work (the configuration's records check each value against its group's bound, and the JSON
 * schema of the configuration carries the bounds as minimum/maximum, recorded from those checks: schema module's
 * {@code NewPhysicsKeys}). Masses have no bound beyond &gt; 0.
 */
public final class NewPhysicsBounds {
  private NewPhysicsBounds() {}

  /**
   * Largest |ε| of NSI and NGI couplings (units of G_F): 10³ × the weak interaction. Contact couplings are bounded
   * at |ε| ≲ 1 by global fits (Coloma et al., JHEP 02 (2023) 071); the bound leaves room for the large ε of a light
   * NGI mediator, ε = g²/(√2 G_F m²) (g = 3e-5 at m = 1 MeV is ε ≈ 55).
   */
  public static final double EPSILON_MAX = 1e3;
  /**
   * Largest |μ_ν| (diagonal and transition), μ_B: 10⁵ × the laboratory limits (GEMMA 2.9e-11, Borexino 2.8e-11,
   * XENONnT 6.4e-12 μ_B), 10³ × the largest default scan scale (1e-9 μ_B).
   */
  public static final double MAGNETIC_MOMENT_MAX_MUB = 1e-6;
  /**
   * Largest |Q_ν|, e: 10⁴ × the weakest laboratory limits (CEvNS/EvES fits, ~1e-7 e; reactors ~1e-12 e), where the
   * photon term already exceeds the weak amplitude by ~10⁸ at keV nuclear recoils.
   */
  public static final double MILLICHARGE_MAX_E = 1e-3;
  /**
   * Largest |⟨r²_ν⟩|, cm²: 10³–10⁴ × the limits (TEXONO, COHERENT: a few 1e-32 cm²). There the shift of the vector
   * coupling per unit charge, (2√2πα/G_F)⟨r²⟩/6, is ~240, 500 × |g_V^n|, while the low-q² expansion behind it holds
   * (q²⟨r²⟩/6 = 4e-4 at q = 100 MeV); at ⟨r²⟩ = −1 cm² it was 10³⁰.
   */
  public static final double CHARGE_RADIUS_MAX_CM2 = 1e-28;
  /** Largest |g| of a light mediator's couplings: perturbativity, g²/(4π) ≤ 1. */
  public static final double COUPLING_MAX = Math.sqrt(4 * Math.PI);
  /**
   * Largest |d| of a sterile neutrino's dipole portal, μ_B: 10² × the weakest accelerator limits (~1e-5 μ_B at
   * m_N of a few hundred MeV), 10⁶ × the scans of docs/new-physics.md (2e-9 μ_B).
   */
  public static final double DIPOLE_MAX_MUB = 1e-3;

  /**
   * The groups of new-physics parameters that share a bound (and a default scan scale, analysis'
   * {@code NewPhysicsRanges.scale}), told apart by the scan name's prefix; everything else (mediator and sterile
   * couplings, and masses, which {@link #bound} treats apart) is {@link #COUPLING}.
   */
  public enum Group {
    /** NSI and NGI couplings ({@code nsi.…}, {@code ngi.…}). */
    EPSILON(EPSILON_MAX, "1000 x the weak interaction, docs/new-physics.md"),
    /** Magnetic moments ({@code magnetic_moment_mub.…}). */
    MAGNETIC_MOMENT(MAGNETIC_MOMENT_MAX_MUB, "1e5 x the laboratory limits, docs/new-physics.md"),
    /** Millicharges ({@code millicharge_e.…}). */
    MILLICHARGE(MILLICHARGE_MAX_E, "1e4 x the weakest laboratory limits, docs/new-physics.md"),
    /** Charge radii ({@code charge_radius_cm2.…}). */
    CHARGE_RADIUS(CHARGE_RADIUS_MAX_CM2,
        "1e3 x the limits, where the charge-radius term is 500 x the weak coupling, docs/new-physics.md"),
    /** Sterile-neutrino dipole portals ({@code sterile.dipole_mub.…}). */
    DIPOLE(DIPOLE_MAX_MUB, "100 x the weakest limits, docs/new-physics.md"),
    /** Light-mediator and other couplings. */
    COUPLING(COUPLING_MAX, "perturbative: g^2/(4 pi) <= 1, docs/new-physics.md");

    private final double bound;
    private final String reason;

    Group(double bound, String reason) {
      this.bound = bound;
      this.reason = reason;
    }

    /** The largest magnitude of the group's parameters (unit of the group: μ_B, e, cm² or none). */
    public double bound() {
      return bound;
    }

    /** Why the group has its bound, for a message. */
    public String reason() {
      return reason;
    }

    /** The group of the parameter {@code scanName} (by its prefix; a mass is in its parameter family's group). */
    public static Group of(String scanName) {
      if (scanName.startsWith("nsi.") || scanName.startsWith("ngi.")) {
        return EPSILON;
      } else if (scanName.startsWith("magnetic_moment_mub.")) {
        return MAGNETIC_MOMENT;
      } else if (scanName.startsWith("millicharge_e.")) {
        return MILLICHARGE;
      } else if (scanName.startsWith("charge_radius_cm2.")) {
        return CHARGE_RADIUS;
      } else if (scanName.startsWith("sterile.dipole_mub.")) {
        return DIPOLE;
      }
      return COUPLING;
    }
  }

  /** The bound of the parameter {@code scanName} ({@code +∞} for masses). */
  public static double bound(String scanName) {
    return scanName.endsWith(".mass_mev") ? Double.POSITIVE_INFINITY : Group.of(scanName).bound();
  }

  /** Why {@code scanName} has its bound, for a message ({@code must be within +-1e-28 (WHY), got -1}). */
  public static String reason(String scanName) {
    return Group.of(scanName).reason();
  }
}
