package org.cevns.physics.xs.bsm;

import java.util.Locale;

/**
 * A light mediator: a vector Z′ or a scalar φ of mass m with couplings to the left-handed neutrino (g_ν, same
 * for every flavour), to the u and d quarks and to the electron. Exchange propagator 1/(Q² + m²) with
 * Q² = 2 M T. The vector interferes with the Standard-Model Z exchange; the scalar flips the neutrino helicity
 * and adds incoherently (Cerdeño et al., JHEP 05 (2016) 118; Abdullah et al., PRD 98 (2018) 015005).
 *
 * @param type vector or scalar
 * @param massMeV mediator mass in MeV, &gt; 0
 * @param gNu coupling to neutrinos
 * @param gU coupling to u quarks
 * @param gD coupling to d quarks
 * @param gE coupling to electrons
 */
public record Mediator(Type type, double massMeV, double gNu, double gU, double gD, double gE) {

  /** Mediator spin. */
  public enum Type {
    /** Spin-1 Z′ coupling to vector currents. */
    VECTOR,
    /** Spin-0 φ coupling to scalar densities. */
    SCALAR;

    /** Configuration spelling ({@code vector}, {@code scalar}). */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Scan-name suffixes of the parameters ({@code mediator[k].<suffix>}); {@code g} sets all four couplings. */
  public static final String[] KEYS = {"mass_mev", "g", "g_nu", "g_u", "g_d", "g_e"};

  /** Validates: type present, mass finite and &gt; 0, couplings finite. */
  public Mediator {
    if (type == null) {
      throw new IllegalArgumentException("mediator type: must be vector or scalar");
    }
    if (!(massMeV > 0) || Double.isInfinite(massMeV)) {
      throw new IllegalArgumentException("mediator mass_mev: must be finite and > 0, got " + massMeV);
    }
    for (double g : new double[] {gNu, gU, gD, gE}) {
      if (!Double.isFinite(g)) {
        throw new IllegalArgumentException("mediator couplings: must be finite, got " + g);
      }
    }
  }

  /** Value of a parameter; {@code g} is defined only when the four couplings are equal. */
  public double get(String key) {
    return switch (key) {
      case "mass_mev" -> massMeV;
      case "g_nu" -> gNu;
      case "g_u" -> gU;
      case "g_d" -> gD;
      case "g_e" -> gE;
      case "g" -> {
        if (gNu != gU || gNu != gD || gNu != gE) {
          throw new IllegalArgumentException("mediator g: the couplings g_nu, g_u, g_d, g_e differ (" + gNu + ", "
              + gU + ", " + gD + ", " + gE + "), so there is no common coupling");
        }
        yield gNu;
      }
      default -> throw unknown(key);
    };
  }

  /** Copy with a parameter replaced; {@code g} sets g_ν = g_u = g_d = g_e = value (a universal coupling). */
  public Mediator with(String key, double v) {
    return switch (key) {
      case "mass_mev" -> new Mediator(type, v, gNu, gU, gD, gE);
      case "g" -> new Mediator(type, massMeV, v, v, v, v);
      case "g_nu" -> new Mediator(type, massMeV, v, gU, gD, gE);
      case "g_u" -> new Mediator(type, massMeV, gNu, v, gD, gE);
      case "g_d" -> new Mediator(type, massMeV, gNu, gU, v, gE);
      case "g_e" -> new Mediator(type, massMeV, gNu, gU, gD, v);
      default -> throw unknown(key);
    };
  }

  private static IllegalArgumentException unknown(String key) {
    return new IllegalArgumentException("unknown mediator parameter '" + key + "', allowed: "
        + String.join(", ", KEYS));
  }

  /** True when the mediator has no effect (g_ν = 0, or no coupling to matter). */
  public boolean isInert() {
    return gNu == 0 || (gU == 0 && gD == 0 && gE == 0);
  }
}
