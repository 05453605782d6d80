package org.cevns.detsim.efficiency;

import java.util.Objects;
import org.cevns.physics.Checks;

/**
 * Logistic turn-on with offset, clipped to [0, 1]:
 *
 * <pre>
 *   ε(x) = clip( a / (1 + exp(−b (x − c))) + d, 0, 1 )
 * </pre>
 *
 * COHERENT CsI[Na] 2021 data release (Akimov et al., PRL 129 (2022) 081801), x in PE:
 * (a, b, c, d) = (1.32045, 0.285979, 10.8646, −0.333322).
 */
public final class LogisticEfficiency implements Efficiency {
  private static final double[] COHERENT_CSI_2021 = {1.32045, 0.285979, 10.8646, -0.333322};

  private final EfficiencyVariable variable;
  private final double a;
  private final double b;
  private final double c;
  private final double d;

  private LogisticEfficiency(EfficiencyVariable variable, double a, double b, double c, double d) {
    this.variable = variable;
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /**
   * @param variable observable
   * @param a amplitude, finite
   * @param b steepness (per unit of the variable), &gt; 0
   * @param c midpoint, finite
   * @param d offset, finite
   */
  public static LogisticEfficiency of(EfficiencyVariable variable, double a, double b, double c, double d) {
    return new LogisticEfficiency(
        Objects.requireNonNull(variable, "variable"),
        Checks.finite("a", a),
        Checks.positive("b", b),
        Checks.finite("c", c),
        Checks.finite("d", d));
  }

  /** COHERENT CsI[Na] 2021 efficiency in PE. */
  public static LogisticEfficiency coherentCsI2021() {
    double[] p = COHERENT_CSI_2021;
    return of(EfficiencyVariable.PHOTOELECTRONS, p[0], p[1], p[2], p[3]);
  }

  public EfficiencyVariable variable() {
    return variable;
  }

  /** Parameters (a, b, c, d). */
  public double[] parameters() {
    return new double[] {a, b, c, d};
  }

  @Override
  public double probability(double observedKeVee, double photoelectrons) {
    double x = variable.select(observedKeVee, photoelectrons);
    double eff = a / (1.0 + Math.exp(-b * (x - c))) + d;
    return Math.min(1.0, Math.max(0.0, eff));
  }

  /**
   * From b (x − c) &gt; 40 on, exp(−b (x − c)) &lt; 4.3e-18 is below half an ulp of 1 (2⁻⁵³ = 1.1e-16): the
   * denominator is exactly 1.0 and ε is clip(a + d) for every larger x (b &gt; 0 is validated).
   */
  @Override
  public boolean constantFrom(double observedKeVee, double photoelectrons) {
    return b * (variable.select(observedKeVee, photoelectrons) - c) > 40;
  }

  @Override
  public String toString() {
    return "LogisticEfficiency(" + variable.configName() + ", a=" + a + ", b=" + b + ", c=" + c + ", d=" + d + ")";
  }
}
