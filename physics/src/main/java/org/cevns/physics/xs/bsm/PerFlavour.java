package org.cevns.physics.xs.bsm;

import org.cevns.physics.Flavor;

/**
 * One number per lepton flavour (ν_e, ν_μ, ν_τ), in the unit of the key that holds it ({@code nue}, {@code numu},
 * {@code nutau} in the configuration). Antineutrinos use the value of their lepton flavour (effective magnetic
 * moment, millicharge and charge radius are properties of the flavour state; the sign flips of ν̄ are in the
 * cross sections).
 *
 * @param nue value for ν_e and ν̄_e
 * @param numu value for ν_μ and ν̄_μ
 * @param nutau value for ν_τ and ν̄_τ
 */
public record PerFlavour(double nue, double numu, double nutau) {

  /** All zero. */
  public static final PerFlavour ZERO = new PerFlavour(0, 0, 0);

  /** Configuration spellings, in index order. */
  public static final String[] KEYS = {"nue", "numu", "nutau"};

  /**
   * Key of one value for the three flavours ({@link #with}: sets the three; {@link #get(String)}: their value when
   * they agree), e.g. the flavour-independent millicharge or magnetic moment of solar-neutrino electron-recoil
   * analyses, where the flavour mixture reaching the detector then does not matter.
   */
  public static final String ALL = "all";

  /** Validates that every value is finite. */
  public PerFlavour {
    if (!Double.isFinite(nue) || !Double.isFinite(numu) || !Double.isFinite(nutau)) {
      throw new IllegalArgumentException("per-flavour values must be finite, got " + nue + ", " + numu + ", " + nutau);
    }
  }

  /** Lepton-flavour index 0 (e), 1 (μ), 2 (τ) of a neutrino or antineutrino. */
  public static int index(Flavor flavor) {
    return switch (flavor) {
      case NUE, NUEBAR -> 0;
      case NUMU, NUMUBAR -> 1;
      case NUTAU, NUTAUBAR -> 2;
    };
  }

  /** Value for {@code flavor} (ν and ν̄ share it). */
  public double get(Flavor flavor) {
    return get(index(flavor));
  }

  /** Value of lepton-flavour index 0, 1, 2. */
  public double get(int index) {
    return switch (index) {
      case 0 -> nue;
      case 1 -> numu;
      case 2 -> nutau;
      default -> throw new IllegalArgumentException("flavour index must be 0, 1 or 2, got " + index);
    };
  }

  /** Copy with the value of {@code key} ({@code nue}, {@code numu}, {@code nutau}; {@link #ALL}: all three) replaced. */
  public PerFlavour with(String key, double value) {
    return switch (key) {
      case "nue" -> new PerFlavour(value, numu, nutau);
      case "numu" -> new PerFlavour(nue, value, nutau);
      case "nutau" -> new PerFlavour(nue, numu, value);
      case ALL -> new PerFlavour(value, value, value);
      default -> throw unknown(key);
    };
  }

  /** Value of {@code key}; {@link #ALL} only when the three agree. */
  public double get(String key) {
    return switch (key) {
      case "nue" -> nue;
      case "numu" -> numu;
      case "nutau" -> nutau;
      case ALL -> {
        if (nue != numu || nue != nutau) {
          throw new IllegalArgumentException("the flavours' values differ (nue " + nue + ", numu " + numu + ", nutau "
              + nutau + "), so there is no common value");
        }
        yield nue;
      }
      default -> throw unknown(key);
    };
  }

  private static IllegalArgumentException unknown(String key) {
    return new IllegalArgumentException("unknown flavour '" + key + "', allowed: nue, numu, nutau, all (the three)");
  }

  /** True when every value is 0. */
  public boolean isZero() {
    return nue == 0 && numu == 0 && nutau == 0;
  }
}
