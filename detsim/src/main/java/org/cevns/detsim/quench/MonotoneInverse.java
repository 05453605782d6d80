package org.cevns.detsim.quench;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/** Numerical inverse of a strictly increasing function f on [0, ∞) with f(0) = 0 (commons-math3 Brent). */
final class MonotoneInverse {
  private MonotoneInverse() {}

  /** Relative accuracy of the root in keVnr. */
  static final double RELATIVE_ACCURACY = 1e-14;
  /** Absolute accuracy floor of the root in keVnr; tiny so that the relative accuracy governs. */
  static final double ABSOLUTE_ACCURACY_KEV = 1e-30;
  private static final int MAX_EVALUATIONS = 500;
  private static final int MAX_DOUBLINGS = 1100;

  /**
   * Solves f(x) = y for x &ge; 0.
   *
   * @param f strictly increasing, f(0) = 0
   * @param y target value, finite and &ge; 0
   * @param firstGuess a positive scale for the initial bracket [0, firstGuess]
   */
  static double solve(DoubleUnaryOperator f, double y, double firstGuess) {
    if (y == 0) {
      return 0.0;
    }
    double lo = 0.0;
    double hi = firstGuess > 0 && Double.isFinite(firstGuess) ? firstGuess : 1.0;
    int doublings = 0;
    while (f.applyAsDouble(hi) < y) {
      lo = hi;
      hi *= 2;
      if (++doublings > MAX_DOUBLINGS || Double.isInfinite(hi)) {
        throw new IllegalArgumentException("visibleKeVee " + y + " is beyond the range of the quenching model");
      }
    }
    BrentSolver solver = new BrentSolver(RELATIVE_ACCURACY, ABSOLUTE_ACCURACY_KEV);
    return solver.solve(MAX_EVALUATIONS, x -> f.applyAsDouble(x) - y, lo, hi);
  }

  /** Rejects negative or non-finite energies. */
  static double checkEnergy(String name, double energyKeV) {
    if (!(energyKeV >= 0) || Double.isInfinite(energyKeV)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + energyKeV);
    }
    return energyKeV;
  }
}
