package org.cevns.physics.xs.bsm;

/**
 * A real symmetric 3×3 matrix in lepton flavour, ε_{αβ} = ε_{βα} (the vector NSI couplings of one fermion; CP
 * phases of the off-diagonal entries are not modelled). Configuration keys {@code ee, mumu, tautau, emu, etau,
 * mutau}.
 */
public record FlavourMatrix(double ee, double mumu, double tautau, double emu, double etau, double mutau) {

  /** All zero. */
  public static final FlavourMatrix ZERO = new FlavourMatrix(0, 0, 0, 0, 0, 0);

  /** Configuration spellings. */
  public static final String[] KEYS = {"ee", "mumu", "tautau", "emu", "etau", "mutau"};

  /** Validates that every entry is finite. */
  public FlavourMatrix {
    for (double v : new double[] {ee, mumu, tautau, emu, etau, mutau}) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("NSI couplings must be finite, got " + v);
      }
    }
  }

  /** ε_{αβ} for lepton-flavour indices α, β ∈ {0 (e), 1 (μ), 2 (τ)}. */
  public double get(int alpha, int beta) {
    int lo = Math.min(alpha, beta);
    int hi = Math.max(alpha, beta);
    if (lo < 0 || hi > 2) {
      throw new IllegalArgumentException("flavour indices must be 0, 1 or 2, got " + alpha + ", " + beta);
    }
    if (lo == hi) {
      return lo == 0 ? ee : lo == 1 ? mumu : tautau;
    }
    return lo == 0 ? (hi == 1 ? emu : etau) : mutau;
  }

  /** Entry named {@code key}. */
  public double get(String key) {
    return switch (key) {
      case "ee" -> ee;
      case "mumu" -> mumu;
      case "tautau" -> tautau;
      case "emu" -> emu;
      case "etau" -> etau;
      case "mutau" -> mutau;
      default -> throw unknown(key);
    };
  }

  /** Copy with the entry {@code key} replaced. */
  public FlavourMatrix with(String key, double v) {
    return switch (key) {
      case "ee" -> new FlavourMatrix(v, mumu, tautau, emu, etau, mutau);
      case "mumu" -> new FlavourMatrix(ee, v, tautau, emu, etau, mutau);
      case "tautau" -> new FlavourMatrix(ee, mumu, v, emu, etau, mutau);
      case "emu" -> new FlavourMatrix(ee, mumu, tautau, v, etau, mutau);
      case "etau" -> new FlavourMatrix(ee, mumu, tautau, emu, v, mutau);
      case "mutau" -> new FlavourMatrix(ee, mumu, tautau, emu, etau, v);
      default -> throw unknown(key);
    };
  }

  private static IllegalArgumentException unknown(String key) {
    return new IllegalArgumentException("unknown flavour pair '" + key + "', allowed: " + String.join(", ", KEYS));
  }

  /** True when every entry is 0. */
  public boolean isZero() {
    return ee == 0 && mumu == 0 && tautau == 0 && emu == 0 && etau == 0 && mutau == 0;
  }
}
