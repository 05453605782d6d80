package org.cevns.physics.xs.bsm;

import java.util.ArrayList;
import java.util.List;
import org.cevns.physics.Flavor;

/**
 * Generalised neutrino interactions (NGI) with nucleons and electrons: effective couplings of the scalar,
 * vector, axial-vector, tensor and pseudoscalar Lorentz structures, in units of G_F, per neutrino flavour α,
 * defined by
 * <pre>
 *   L = −(G_F/√2) Σ_α Σ_{X = S, V, A, T, P} Σ_{f = p, n, e} ε_X^{f,α} · P_X(Q²) · [ν̄_α Γ_X (1 − γ⁵) ν_α] [f̄ Γ^X f]
 *   Γ_S = 1, Γ_V = γ_μ, Γ_A = −γ_μ γ⁵, Γ_T = σ_μν, Γ_P = (1 on the neutrino, iγ⁵ on f),
 *   P_X(Q²) = m_X² / (Q² + m_X²)  (1 when m_X = 0: contact)
 * </pre>
 * (the axial structure carries the sign of the Standard-Model neutral current γ_μ(g_V − g_A γ⁵), so that ε_A adds
 * to g_A). The same operator scatters ν_α and ν̄_α, so both use ε^α (the ν̄ signs are in the cross sections).
 * Flavour-changing couplings ε_X^{f,αβ} = ε_X^{f,βα} (α ≠ β, real: the operator [ν̄_β Γ_X (1 − γ⁵) ν_α][f̄ Γ^X f]
 * plus its hermitian conjugate) scatter ν_α into ν_β: no Standard-Model amplitude has that final state, so their
 * terms add incoherently over the final flavour, as the flavour-changing vector NSI do (Lindner, Rodejohann, Xu,
 * JHEP 03 (2017) 097, whose ε^{αβ} carry the flavour indices of the neutrino current); within one final flavour
 * the structures interfere among themselves (V with A, S with T) and the vector with the flavour-changing NSI.
 * In this normalisation the vector couplings are nucleon-level vector NSI (ε_V^p = 2ε^u + ε^d,
 * ε_V^n = ε^u + 2ε^d of {@link NewPhysics#nsiU()}) and the axial ones add to the nucleons' neutral-current
 * axial couplings g_A^p, g_A^n of {@link org.cevns.physics.xs.CevnsCrossSection}; on electrons ε_V^e is the
 * vector NSI ε^{eV}_{αα} ({@link NewPhysics#nsiE()}) and ε_A^e adds to the electron's g_A = g_L − g_R. The cross
 * sections are in {@link NewPhysicsCevns} (p, n) and {@link NewPhysicsEves} (e). The pseudoscalar couples to
 * electrons only: the nucleon density N̄ iγ⁵ N is the spin along q (σ·q/2m_N), spin-dependent and not coherent.
 * One mediator mass per structure, shared by p, n, e and the flavours. Scan names
 * {@code ngi.<structure>.<p|n|e|mass_mev>} (the same value for the three flavours),
 * {@code ngi.<structure>.<nue|numu|nutau>.<p|n|e>} and {@code ngi.<structure>.<emu|etau|mutau>.<p|n|e>}
 * (flavour-changing; not set by the flavour-universal names).
 *
 * @param scalar scalar couplings
 * @param vector vector couplings
 * @param axial axial-vector couplings
 * @param tensor tensor couplings
 * @param pseudoscalar pseudoscalar couplings (electrons only: p and n must be 0)
 */
public record Ngi(Structure scalar, Structure vector, Structure axial, Structure tensor, Structure pseudoscalar) {

  /** No generalised interaction. */
  public static final Ngi ZERO = new Ngi(Structure.ZERO, Structure.ZERO, Structure.ZERO, Structure.ZERO);

  /** Structure names in the configuration and scan names, in this order. */
  public static final List<String> STRUCTURES = List.of("scalar", "vector", "axial", "tensor", "pseudoscalar");

  /** Why the pseudoscalar has no nucleon coupling (the configuration and scan names say it in one line). */
  public static final String PSEUDOSCALAR_NUCLEON = "pseudoscalar NGI couples only to electrons (e): on a nucleus"
      + " the pseudoscalar density is the nucleon spin along q (sigma.q/2m_N), spin-dependent and not coherent,"
      + " suppressed by q^2/4m_N^2 ~ 1e-5";

  /**
   * The couplings of one structure for one neutrino flavour.
   *
   * @param p coupling to protons, in units of G_F, finite
   * @param n coupling to neutrons, in units of G_F, finite
   * @param e coupling to electrons, in units of G_F, finite
   */
  public record Couplings(double p, double n, double e) {
    /** No coupling. */
    public static final Couplings ZERO = new Couplings(0, 0, 0);
    /** Scan-name suffixes of the couplings. */
    public static final List<String> KEYS = List.of("p", "n", "e");

    /** Validates: couplings finite. */
    public Couplings {
      if (!Double.isFinite(p) || !Double.isFinite(n) || !Double.isFinite(e)) {
        throw new IllegalArgumentException("ngi couplings p, n, e: must be finite, got " + p + ", " + n + ", " + e);
      }
    }

    /** True when p, n and e are 0. */
    public boolean isZero() {
      return p == 0 && n == 0 && e == 0;
    }

    /** Value of {@code p}, {@code n} or {@code e}. */
    public double get(String key) {
      return switch (key) {
        case "p" -> p;
        case "n" -> n;
        case "e" -> e;
        default -> throw new IllegalArgumentException("allowed: p, n, e");
      };
    }

    /** Copy with {@code p}, {@code n} or {@code e} set. */
    public Couplings with(String key, double v) {
      return switch (key) {
        case "p" -> new Couplings(v, n, e);
        case "n" -> new Couplings(p, v, e);
        case "e" -> new Couplings(p, n, v);
        default -> throw new IllegalArgumentException("allowed: p, n, e");
      };
    }
  }

  /**
   * The couplings of one Lorentz structure, per flavour (ν and ν̄ of a flavour share them) and per flavour pair
   * (flavour-changing, symmetric: ε^{eμ} scatters ν_e → ν_μ and ν_μ → ν_e, and their ν̄), and its mediator mass.
   *
   * @param nue couplings of ν_e and ν̄_e
   * @param numu couplings of ν_μ and ν̄_μ
   * @param nutau couplings of ν_τ and ν̄_τ
   * @param massMeV mediator mass in MeV, ≥ 0 and finite; 0 is a contact (heavy-mediator) interaction
   * @param emu flavour-changing couplings ε^{eμ} = ε^{μe}
   * @param etau flavour-changing couplings ε^{eτ} = ε^{τe}
   * @param mutau flavour-changing couplings ε^{μτ} = ε^{τμ}
   */
  public record Structure(Couplings nue, Couplings numu, Couplings nutau, double massMeV, Couplings emu,
      Couplings etau, Couplings mutau) {
    /** No coupling, contact. */
    public static final Structure ZERO = new Structure(0, 0, 0, 0);
    /** Flavour-universal scan-name suffixes of the parameters. */
    public static final List<String> KEYS = List.of("p", "n", "e", "mass_mev");
    /** Flavour-pair keys of the flavour-changing couplings (configuration and scan names), in this order. */
    public static final List<String> PAIRS = List.of("emu", "etau", "mutau");

    /** Validates: couplings present, mass finite and ≥ 0. */
    public Structure {
      if (nue == null || numu == null || nutau == null || emu == null || etau == null || mutau == null) {
        throw new IllegalArgumentException("ngi: couplings of every flavour must be given (use Couplings.ZERO)");
      }
      if (!(massMeV >= 0) || Double.isInfinite(massMeV)) {
        throw new IllegalArgumentException("ngi mass_mev: must be finite and >= 0 (0 = contact), got " + massMeV);
      }
    }

    /** Flavour-preserving couplings only (no flavour-changing ones). */
    public Structure(Couplings nue, Couplings numu, Couplings nutau, double massMeV) {
      this(nue, numu, nutau, massMeV, Couplings.ZERO, Couplings.ZERO, Couplings.ZERO);
    }

    /** The same couplings for every flavour. */
    public Structure(double p, double n, double e, double massMeV) {
      this(new Couplings(p, n, e), new Couplings(p, n, e), new Couplings(p, n, e), massMeV);
    }

    /** Flavour-universal couplings to nucleons only (no electron coupling). */
    public Structure(double p, double n, double massMeV) {
      this(p, n, 0, massMeV);
    }

    /** Couplings of lepton-flavour index 0 (e), 1 (μ), 2 (τ). */
    public Couplings couplings(int flavourIndex) {
      return switch (flavourIndex) {
        case 0 -> nue;
        case 1 -> numu;
        case 2 -> nutau;
        default -> throw new IllegalArgumentException("flavour index must be 0, 1 or 2, got " + flavourIndex);
      };
    }

    /** Couplings of {@code flavor} (ν and ν̄ share them). */
    public Couplings couplings(Flavor flavor) {
      return couplings(PerFlavour.index(flavor));
    }

    /** Flavour-changing couplings ε^{αβ} = ε^{βα} of lepton-flavour indices α ≠ β (0 e, 1 μ, 2 τ). */
    public Couplings changing(int alpha, int beta) {
      if (alpha == beta || alpha < 0 || beta < 0 || alpha > 2 || beta > 2) {
        throw new IllegalArgumentException("flavour-changing indices must differ and be 0, 1 or 2, got " + alpha
            + ", " + beta);
      }
      return alpha + beta == 1 ? emu : alpha + beta == 2 ? etau : mutau;
    }

    /** True when a flavour-changing coupling is non-zero. */
    public boolean isChanging() {
      return !(emu.isZero() && etau.isZero() && mutau.isZero());
    }

    /** True when a coupling that scatters lepton-flavour index {@code a} (into itself or another) is non-zero. */
    boolean acts(int a) {
      return !couplings(a).isZero() || !changing(a, (a + 1) % 3).isZero() || !changing(a, (a + 2) % 3).isZero();
    }

    /** True when every coupling of every flavour and flavour pair is 0. */
    public boolean isZero() {
      return nue.isZero() && numu.isZero() && nutau.isZero() && !isChanging();
    }

    /** True when coupling {@code key} (p, n or e) is the same for the three flavours. */
    public boolean isUniversal(String key) {
      double v = nue.get(key);
      return numu.get(key) == v && nutau.get(key) == v;
    }

    /** The propagator factor m²/(Q² + m²) at four-momentum transfer squared {@code q2MeV2}; 1 for a contact. */
    public double propagator(double q2MeV2) {
      return massMeV == 0 ? 1 : massMeV * massMeV / (q2MeV2 + massMeV * massMeV);
    }

    double get(String key) {
      if (key.equals("mass_mev")) {
        return massMeV;
      }
      String[] f = key.split("\\.", 2);
      if (f.length == 2) {
        return PAIRS.contains(f[0]) ? pair(f[0]).get(f[1]) : couplings(flavourIndex(f[0])).get(f[1]);
      }
      checkKey(key);
      if (!isUniversal(key)) {
        throw new IllegalArgumentException("the flavours have different couplings " + key + " (" + nue.get(key) + ", "
            + numu.get(key) + ", " + nutau.get(key) + "): use <nue|numu|nutau>." + key);
      }
      return nue.get(key);
    }

    Structure with(String key, double v) {
      if (key.equals("mass_mev")) {
        return new Structure(nue, numu, nutau, v, emu, etau, mutau);
      }
      String[] f = key.split("\\.", 2);
      if (f.length == 2 && PAIRS.contains(f[0])) {
        int i = PAIRS.indexOf(f[0]);
        Couplings c = pair(f[0]).with(f[1], v);
        return new Structure(nue, numu, nutau, massMeV, i == 0 ? c : emu, i == 1 ? c : etau, i == 2 ? c : mutau);
      }
      if (f.length == 2) {
        int i = flavourIndex(f[0]);
        Couplings c = couplings(i).with(f[1], v);
        return new Structure(i == 0 ? c : nue, i == 1 ? c : numu, i == 2 ? c : nutau, massMeV, emu, etau, mutau);
      }
      checkKey(key);
      return new Structure(nue.with(key, v), numu.with(key, v), nutau.with(key, v), massMeV, emu, etau, mutau);
    }

    private Couplings pair(String key) {
      return key.equals("emu") ? emu : key.equals("etau") ? etau : mutau;
    }

    private static void checkKey(String key) {
      if (!Couplings.KEYS.contains(key)) {
        throw new IllegalArgumentException("allowed: p, n, e, mass_mev, <nue|numu|nutau|emu|etau|mutau>.<p|n|e>");
      }
    }

    private static int flavourIndex(String key) {
      for (int i = 0; i < PerFlavour.KEYS.length; i++) {
        if (PerFlavour.KEYS[i].equals(key)) {
          return i;
        }
      }
      throw new IllegalArgumentException("unknown flavour '" + key + "', allowed: nue, numu, nutau (one flavour),"
          + " emu, etau, mutau (flavour-changing)");
    }
  }

  /** Validates presence, and that the pseudoscalar has no nucleon coupling ({@link #PSEUDOSCALAR_NUCLEON}). */
  public Ngi {
    if (scalar == null || vector == null || axial == null || tensor == null || pseudoscalar == null) {
      throw new IllegalArgumentException("ngi: every structure must be given (use Structure.ZERO)");
    }
    for (Couplings c : List.of(pseudoscalar.nue(), pseudoscalar.numu(), pseudoscalar.nutau(), pseudoscalar.emu(),
        pseudoscalar.etau(), pseudoscalar.mutau())) {
      if (c.p() != 0 || c.n() != 0) {
        throw new IllegalArgumentException(PSEUDOSCALAR_NUCLEON);
      }
    }
  }

  /** Scalar, vector, axial and tensor couplings; no pseudoscalar. */
  public Ngi(Structure scalar, Structure vector, Structure axial, Structure tensor) {
    this(scalar, vector, axial, tensor, Structure.ZERO);
  }

  /** True when every coupling is 0. */
  public boolean isZero() {
    return STRUCTURES.stream().allMatch(s -> structure(s).isZero());
  }

  /**
   * True when a structure with a non-zero coupling that scatters lepton-flavour index {@code flavourIndex}
   * (flavour-preserving or flavour-changing) has a light mediator.
   */
  public boolean hasLightMediator(int flavourIndex) {
    for (String s : STRUCTURES) {
      Structure x = structure(s);
      if (x.acts(flavourIndex) && x.massMeV() > 0) {
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
      case "pseudoscalar" -> pseudoscalar;
      default -> throw new IllegalArgumentException("NGI structure must be one of " + STRUCTURES);
    };
  }

  /**
   * Scan names of the NGI parameters ({@code ngi.} included), per structure: the flavour-universal couplings, the
   * mass, the per-flavour couplings, then the flavour-changing ones (the pseudoscalar's electron coupling only).
   */
  static List<String> parameterNames() {
    List<String> out = new ArrayList<>();
    for (String x : STRUCTURES) {
      List<String> keys = x.equals("pseudoscalar") ? List.of("e") : Couplings.KEYS;
      keys.forEach(k -> out.add("ngi." + x + "." + k));
      out.add("ngi." + x + ".mass_mev");
      for (String f : PerFlavour.KEYS) {
        keys.forEach(k -> out.add("ngi." + x + "." + f + "." + k));
      }
      for (String f : Structure.PAIRS) {
        keys.forEach(k -> out.add("ngi." + x + "." + f + "." + k));
      }
    }
    return out;
  }

  /**
   * True when {@code <structure>.<key>} differs from the Standard Model and is the name to report it by: a
   * coupling by its flavour-universal name when the flavours agree, else by its per-flavour names; a
   * flavour-changing coupling when non-zero; a mass when the structure has a coupling and a mediator.
   */
  boolean reported(String structure, String key) {
    Structure x = structure(structure);
    if (key.equals("mass_mev")) {
      return !x.isZero() && x.massMeV() > 0;
    }
    if (Structure.PAIRS.contains(key.substring(0, Math.max(0, key.indexOf('.'))))) {
      return x.get(key) != 0;
    }
    String coupling = key.substring(key.indexOf('.') + 1);
    return x.isUniversal(coupling) != key.contains(".") && x.get(key) != 0;
  }

  /** Value of {@code <structure>.<key>}. */
  double get(String structure, String key) {
    checkPseudoscalar(structure, key);
    return structure(structure).get(key);
  }

  /** Copy with {@code <structure>.<key>} set. */
  Ngi with(String structure, String key, double v) {
    checkPseudoscalar(structure, key);
    Structure changed = structure(structure).with(key, v);
    return switch (structure) {
      case "scalar" -> new Ngi(changed, vector, axial, tensor, pseudoscalar);
      case "vector" -> new Ngi(scalar, changed, axial, tensor, pseudoscalar);
      case "axial" -> new Ngi(scalar, vector, changed, tensor, pseudoscalar);
      case "tensor" -> new Ngi(scalar, vector, axial, changed, pseudoscalar);
      default -> new Ngi(scalar, vector, axial, tensor, changed);
    };
  }

  private static void checkPseudoscalar(String structure, String key) {
    if (structure.equals("pseudoscalar") && (key.equals("p") || key.equals("n") || key.endsWith(".p")
        || key.endsWith(".n"))) {
      throw new IllegalArgumentException(PSEUDOSCALAR_NUCLEON);
    }
  }
}
