package org.cevns.detsim.quench;

import org.cevns.physics.Checks;

/**
 * Energy-independent quenching factor: E_ee = QF · E_nr. {@code of(1.0)} is "no quenching" (electron recoils,
 * or responses already given on the nuclear-recoil scale).
 */
public final class ConstantQuenching implements Quenching {
  private final double quenchingFactor;

  private ConstantQuenching(double quenchingFactor) {
    this.quenchingFactor = quenchingFactor;
  }

  /**
   * @param quenchingFactor QF in (0, 1]
   */
  public static ConstantQuenching of(double quenchingFactor) {
    if (!(quenchingFactor > 0 && quenchingFactor <= 1)) {
      throw Checks.fail("quenchingFactor", "in (0, 1]", quenchingFactor);
    }
    return new ConstantQuenching(quenchingFactor);
  }

  /** QF = 1: visible energy equals the recoil energy. */
  public static ConstantQuenching unquenched() {
    return new ConstantQuenching(1.0);
  }

  /** The constant quenching factor. */
  public double value() {
    return quenchingFactor;
  }

  @Override
  public double visibleKeVee(double recoilKeVnr) {
    return quenchingFactor * MonotoneInverse.checkEnergy("recoilKeVnr", recoilKeVnr);
  }

  @Override
  public double recoilKeVnr(double visibleKeVee) {
    return MonotoneInverse.checkEnergy("visibleKeVee", visibleKeVee) / quenchingFactor;
  }

  @Override
  public String toString() {
    return "ConstantQuenching(" + quenchingFactor + ")";
  }
}
