package org.cevns.detsim.sim;

import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import org.cevns.generator.model.Channel;
import org.cevns.physics.Process;
import org.cevns.physics.constants.Units;
import org.cevns.physics.nucleus.ShellBinding;

/**
 * The recoil energies (MeV) inside a channel's {@link RecoilTable} where the integrand of its detected fraction steps
 * under a stepwise detection probability ({@link DetectionCurve#stepwise}: the ideal energy response): the T at which
 * the visible energy reaches each of the efficiencies' points (hard threshold, table knots; E_vis(T) is
 * non-decreasing, found by bisection) and, for EvES, the shell binding energies of the struck element, where the
 * stepping approximation makes g(T) step. Sorted, without repeats; only those strictly inside the table's range.
 */
final class RecoilSteps {
  /** Bisection steps: the bracket halves 200 times, far past a double's precision (it stops when it cannot shrink). */
  private static final int BISECTIONS = 200;

  private RecoilSteps() {}

  static double[] of(Channel c, RecoilTable table, double[] stepsKeVee, DoubleUnaryOperator visibleKeVeeAt) {
    double[] t = table.recoilMeV();
    if (t.length < 2) {
      return new double[0];
    }
    double lo = t[0];
    double hi = t[t.length - 1];
    TreeSet<Double> out = new TreeSet<>();
    for (double step : stepsKeVee) {
      double a = lo;
      double b = hi;
      if (!(visibleKeVeeAt.applyAsDouble(a) < step) || visibleKeVeeAt.applyAsDouble(b) < step) {
        continue;
      }
      for (int i = 0; i < BISECTIONS; i++) {
        double m = 0.5 * (a + b);
        if (!(m > a && m < b)) {
          break;
        }
        if (visibleKeVeeAt.applyAsDouble(m) < step) {
          a = m;
        } else {
          b = m;
        }
      }
      out.add(b);
    }
    int z = c.isotope().z();
    if (c.process() == Process.EVES && ShellBinding.isTabulated(z)) {
      for (double bKeV : ShellBinding.of(z).bindingEnergiesKeV()) {
        double bMeV = bKeV / Units.KEV_PER_MEV;
        if (bMeV > lo && bMeV < hi) {
          out.add(bMeV);
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).filter(x -> x > lo && x < hi).toArray();
  }
}
