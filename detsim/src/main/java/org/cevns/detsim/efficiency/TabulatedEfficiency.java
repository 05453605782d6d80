package org.cevns.detsim.efficiency;

import java.util.Arrays;
import java.util.Objects;
import org.cevns.physics.Checks;

/**
 * Efficiency from a table (x_i, ε_i), linear between points. Outside the table the end values are held
 * (ε(x) = ε_0 below x_0, ε_{n−1} above x_{n−1}): a table that starts at zero efficiency therefore acts as a
 * threshold. Reading the file is up to the caller.
 */
public final class TabulatedEfficiency implements Efficiency {
  private final EfficiencyVariable variable;
  private final double[] xs;
  private final double[] effs;

  private TabulatedEfficiency(EfficiencyVariable variable, double[] xs, double[] effs) {
    this.variable = variable;
    this.xs = xs;
    this.effs = effs;
  }

  /**
   * @param variable observable (keVee or PE)
   * @param values variable values, strictly increasing, at least 1
   * @param efficiencies efficiency at each value, in [0, 1]
   */
  public static TabulatedEfficiency of(EfficiencyVariable variable, double[] values, double[] efficiencies) {
    Objects.requireNonNull(variable, "variable");
    double[] x = Checks.strictlyIncreasing("values", values, 1);
    double[] e = Checks.finiteArray("efficiencies", efficiencies, 1);
    Checks.sameLength("values", x, "efficiencies", e);
    for (int i = 0; i < e.length; i++) {
      Checks.probability("efficiencies[" + i + "]", e[i]);
    }
    return new TabulatedEfficiency(variable, x, e);
  }

  public EfficiencyVariable variable() {
    return variable;
  }

  /** Table abscissae (copy). */
  public double[] values() {
    return xs.clone();
  }

  /** Table efficiencies (copy). */
  public double[] efficiencies() {
    return effs.clone();
  }

  @Override
  public double probability(double observedKeVee, double photoelectrons) {
    double x = variable.select(observedKeVee, photoelectrons);
    int n = xs.length;
    if (x <= xs[0]) {
      return effs[0];
    }
    if (x >= xs[n - 1]) {
      return effs[n - 1];
    }
    int i = Arrays.binarySearch(xs, x);
    if (i >= 0) {
      return effs[i];
    }
    int hi = -i - 1;
    int lo = hi - 1;
    double f = (x - xs[lo]) / (xs[hi] - xs[lo]);
    return effs[lo] + f * (effs[hi] - effs[lo]);
  }

  /** At and above the last tabulated point the efficiency is that point's. */
  @Override
  public boolean constantFrom(double observedKeVee, double photoelectrons) {
    return variable.select(observedKeVee, photoelectrons) >= xs[xs.length - 1];
  }

  @Override
  public String toString() {
    return "TabulatedEfficiency(" + variable.configName() + ", " + xs.length + " points)";
  }
}
