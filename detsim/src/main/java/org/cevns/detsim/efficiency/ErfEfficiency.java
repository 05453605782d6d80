package org.cevns.detsim.efficiency;

import java.util.Objects;
import org.apache.commons.numbers.gamma.Erfc;
import org.cevns.physics.Checks;

/**
 * Error-function turn-on (a Gaussian-smeared step):
 *
 * <pre>
 *   ε(x) = plateau · ½ · erfc(−(x − x50) / (√2 σ))
 * </pre>
 *
 * ε(x50) = plateau/2, and ε rises from 16 % to 84 % of the plateau between x50 − σ and x50 + σ.
 */
public final class ErfEfficiency implements Efficiency {
  /**
   * z = (x − x50) / (√2 σ) above which erfc(−z) is exactly 2.0 (erfc(10) = 2.1e-45 is far below half an ulp of 2,
   * 2.2e-16): {@link #probability} returns plateau · ½ · 2.0 there without evaluating erfc, the same double
   * ({@code ErfEfficiencyTest.plateauShortcutIsTheSameDouble}).
   */
  static final double PLATEAU_Z = 10;

  private final EfficiencyVariable variable;
  private final double x50;
  private final double width;
  private final double plateau;

  private ErfEfficiency(EfficiencyVariable variable, double x50, double width, double plateau) {
    this.variable = variable;
    this.x50 = x50;
    this.width = width;
    this.plateau = plateau;
  }

  /**
   * @param variable observable
   * @param x50 50 %-of-plateau point, finite
   * @param width σ of the turn-on, &gt; 0
   * @param plateau efficiency far above threshold, in (0, 1]
   */
  public static ErfEfficiency of(EfficiencyVariable variable, double x50, double width, double plateau) {
    Objects.requireNonNull(variable, "variable");
    Checks.finite("x50", x50);
    Checks.positive("width", width);
    if (!(plateau > 0 && plateau <= 1)) {
      throw Checks.fail("plateau", "in (0, 1]", plateau);
    }
    return new ErfEfficiency(variable, x50, width, plateau);
  }

  public EfficiencyVariable variable() {
    return variable;
  }

  public double x50() {
    return x50;
  }

  public double width() {
    return width;
  }

  public double plateau() {
    return plateau;
  }

  @Override
  public double probability(double observedKeVee, double photoelectrons) {
    double x = variable.select(observedKeVee, photoelectrons);
    double z = (x - x50) / (Math.sqrt(2.0) * width);
    if (z > PLATEAU_Z) {
      return plateau * 0.5 * 2.0; // erfc(-z) is 2.0 here (constantFrom); Boost's erfc of -z costs ~1 µs
    }
    return plateau * 0.5 * Erfc.value(-z);
  }

  /**
   * From (x − x50) / (√2 σ) &gt; 10 on, erfc(−z) = 2 − erfc(z) with erfc(10) = 2.1e-45, far below half an ulp of 2:
   * ε is plateau · ½ · 2.0 for every larger x.
   */
  @Override
  public boolean constantFrom(double observedKeVee, double photoelectrons) {
    return (variable.select(observedKeVee, photoelectrons) - x50) / (Math.sqrt(2.0) * width) > PLATEAU_Z;
  }

  @Override
  public String toString() {
    return "ErfEfficiency(" + variable.configName() + ", x50=" + x50 + ", width=" + width + ", plateau=" + plateau
        + ")";
  }
}
