package org.cevns.detsim.quench;

/**
 * Visible energy of a nuclear recoil: a strictly increasing map E_ee(E_nr) with E_ee(0) = 0 on [0, ∞), and
 * its inverse. Immutable and thread-safe.
 */
public interface Quenching {
  /**
   * Visible (electron-equivalent) energy in keVee of a nuclear recoil of kinetic energy {@code recoilKeVnr}.
   *
   * @throws IllegalArgumentException if {@code recoilKeVnr} is negative or not finite
   */
  double visibleKeVee(double recoilKeVnr);

  /**
   * Inverse of {@link #visibleKeVee}: the nuclear recoil energy in keVnr that gives {@code visibleKeVee}.
   *
   * @throws IllegalArgumentException if {@code visibleKeVee} is negative or not finite
   */
  double recoilKeVnr(double visibleKeVee);

  /** Quenching factor E_ee/E_nr at {@code recoilKeVnr} &gt; 0. */
  default double quenchingFactor(double recoilKeVnr) {
    if (!(recoilKeVnr > 0) || Double.isInfinite(recoilKeVnr)) {
      throw new IllegalArgumentException(
          "recoilKeVnr must be finite and > 0 for a quenching factor, got " + recoilKeVnr);
    }
    return visibleKeVee(recoilKeVnr) / recoilKeVnr;
  }
}
