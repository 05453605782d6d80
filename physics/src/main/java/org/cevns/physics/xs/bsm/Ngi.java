package org.cevns.physics.xs.bsm;

import java.util.List;

/**
 * Generalised neutrino interactions (NGI) with nucleons and electrons: flavour-universal effective couplings of the
 * scalar, vector, axial-vector and tensor Lorentz structures, in units of G_F, defined by
 * <pre>
 *   L = −(G_F/√2) Σ_{X = S, V, A, T} Σ_{f = p, n, e} ε_X^f · P_X(Q²) · [ν̄ Γ_X (1 − γ⁵) ν] [f̄ Γ^X f]
 *   Γ_S = 1, Γ_V = γ_μ, Γ_A = −γ_μ γ⁵, Γ_T = σ_μν,   P_X(Q²) = m_X² / (Q² + m_X²)  (1 when m_X = 0: contact)
 * </pre>
 * (the axial structure carries the sign of the Standard-Model neutral current γ_μ(g_V − g_A γ⁵), so that ε_A adds
 * to g_A).
 * In this normalisation the vector couplings are nucleon-level vector NSI (ε_V^p = 2ε^u + ε^d,
 * ε_V^n = ε^u + 2ε^d of {@link NewPhysics#nsiU()}) and the axial ones add to the nucleons' neutral-current
 * axial couplings g_A^p, g_A^n of {@link org.cevns.physics.xs.CevnsCrossSection}; on electrons ε_V^e is the
 * vector NSI ε^{eV}_{αα} ({@link NewPhysics#nsiE()}) and ε_A^e adds to the electron's g_A = g_L − g_R. The cross
 * sections are in {@link NewPhysicsCevns} (p, n) and {@link NewPhysicsEves} (e). One mediator mass per structure,
 * shared by p, n and e. Scan names {@code ngi.<structure>.<p|n|e|mass_mev>}.
 *
 * @param scalar scalar couplings
 * @param vector vector couplings
 * @param axial axial-vector couplings
 * @param tensor tensor couplings
 */
public record Ngi(Structure scalar, Structure vector, Structure axial, Structure tensor) {

  /** No generalised interaction. */
  public static final Ngi ZERO = new Ngi(Structure.ZERO, Structure.ZERO, Structure.ZERO, Structure.ZERO);

  /** Structure names in the configuration and scan names, in this order. */
  public static final List<String> STRUCTURES = List.of("scalar", "vector", "axial", "tensor");

  /**
   * The couplings of one Lorentz structure.
   *
   * @param p coupling to protons, in units of G_F, finite
   * @param n coupling to neutrons, in units of G_F, finite
   * @param e coupling to electrons, in units of G_F, finite
   * @param massMeV mediator mass in MeV, ≥ 0 and finite; 0 is a contact (heavy-mediator) interaction
   */
  public record Structure(double p, double n, double e, double massMeV) {
    /** No coupling, contact. */
    public static final Structure ZERO = new Structure(0, 0, 0, 0);
    /** Scan-name suffixes of the parameters. */
    public static final List<String> KEYS = List.of("p", "n", "e", "mass_mev");

    /** Validates: couplings finite, mass finite and ≥ 0. */
    public Structure {
      if (!Double.isFinite(p) || !Double.isFinite(n) || !Double.isFinite(e)) {
        throw new IllegalArgumentException("ngi couplings p, n, e: must be finite, got " + p + ", " + n + ", " + e);
      }
      if (!(massMeV >= 0) || Double.isInfinite(massMeV)) {
        throw new IllegalArgumentException("ngi mass_mev: must be finite and >= 0 (0 = contact), got " + massMeV);
      }
    }

    /** Couplings to nucleons only (no electron coupling). */
    public Structure(double p, double n, double massMeV) {
      this(p, n, 0, massMeV);
    }

    /** True when every coupling (p, n, e) is 0. */
    public boolean isZero() {
      return p == 0 && n == 0 && e == 0;
    }

    /** The propagator factor m²/(Q² + m²) at four-momentum transfer squared {@code q2MeV2}; 1 for a contact. */
    public double propagator(double q2MeV2) {
      return massMeV == 0 ? 1 : massMeV * massMeV / (q2MeV2 + massMeV * massMeV);
    }

    double get(String key) {
      return switch (key) {
        case "p" -> p;
        case "n" -> n;
        case "e" -> e;
        case "mass_mev" -> massMeV;
        default -> throw new IllegalArgumentException("allowed: p, n, e, mass_mev");
      };
    }

    Structure with(String key, double v) {
      return switch (key) {
        case "p" -> new Structure(v, n, e, massMeV);
        case "n" -> new Structure(p, v, e, massMeV);
        case "e" -> new Structure(p, n, v, massMeV);
        case "mass_mev" -> new Structure(p, n, e, v);
        default -> throw new IllegalArgumentException("allowed: p, n, e, mass_mev");
      };
    }
  }

  /** Validates presence. */
  public Ngi {
    if (scalar == null || vector == null || axial == null || tensor == null) {
      throw new IllegalArgumentException("ngi: every structure must be given (use Structure.ZERO)");
    }
  }

  /** True when every coupling is 0. */
  public boolean isZero() {
    return scalar.isZero() && vector.isZero() && axial.isZero() && tensor.isZero();
  }

  /** True when a structure with a non-zero coupling has a light mediator (mass &gt; 0). */
  public boolean hasLightMediator() {
    for (String s : STRUCTURES) {
      Structure x = structure(s);
      if (!x.isZero() && x.massMeV() > 0) {
        return true;
      }
    }
    return false;
  }

  /** The structure called {@code name} ({@link #STRUCTURES}). */
  public Structure structure(String name) {
    return switch (name) {
      case "scalar" -> scalar;
      case "vector" -> vector;
      case "axial" -> axial;
      case "tensor" -> tensor;
      default -> throw new IllegalArgumentException("NGI structure must be one of " + STRUCTURES);
    };
  }

  /** Value of {@code <structure>.<key>}. */
  double get(String structure, String key) {
    return structure(structure).get(key);
  }

  /** Copy with {@code <structure>.<key>} set. */
  Ngi with(String structure, String key, double v) {
    Structure changed = structure(structure).with(key, v);
    return switch (structure) {
      case "scalar" -> new Ngi(changed, vector, axial, tensor);
      case "vector" -> new Ngi(scalar, changed, axial, tensor);
      case "axial" -> new Ngi(scalar, vector, changed, tensor);
      default -> new Ngi(scalar, vector, axial, changed);
    };
  }
}
