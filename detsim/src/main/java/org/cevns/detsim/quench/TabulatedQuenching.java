package org.cevns.detsim.quench;

import java.util.Arrays;
import org.cevns.physics.Checks;

/**
 * Quenching from a table, e.g. a measured curve read from a file (such as the Ge "Fef/YBe" curve of Collar et
 * al., PRD 103 (2021) 122003, behind the Dresden-II analysis). The table is turned into points
 * (E_nr,i, E_ee,i), both strictly increasing and &gt; 0, and E_ee is <b>linear in E_nr between points</b>,
 * so the inverse is exact (linear too).
 *
 * <p>Outside the table: below the first point, the segment from the origin (constant QF = QF of the first
 * point); above the last point, constant QF = QF of the last point. Both keep the map continuous and
 * increasing. Reading the file is up to the caller (configuration stage).
 */
public final class TabulatedQuenching implements Quenching {
  private final double[] recoilKeVnr;
  private final double[] visibleKeVee;

  private TabulatedQuenching(double[] recoilKeVnr, double[] visibleKeVee) {
    this.recoilKeVnr = recoilKeVnr;
    this.visibleKeVee = visibleKeVee;
  }

  /**
   * From (E_nr, E_ee) points.
   *
   * @param recoilKeVnr recoil energies in keVnr, &gt; 0, strictly increasing, at least one
   * @param visibleKeVee visible energies in keVee at those recoils, &gt; 0, strictly increasing
   */
  public static TabulatedQuenching ofEnergies(double[] recoilKeVnr, double[] visibleKeVee) {
    double[] nr = Checks.strictlyIncreasing("recoilKeVnr", recoilKeVnr, 1);
    double[] ee = Checks.strictlyIncreasing("visibleKeVee", visibleKeVee, 1);
    Checks.sameLength("recoilKeVnr", nr, "visibleKeVee", ee);
    if (!(nr[0] > 0)) {
      throw Checks.fail("recoilKeVnr[0]", "> 0", nr[0]);
    }
    if (!(ee[0] > 0)) {
      throw Checks.fail("visibleKeVee[0]", "> 0", ee[0]);
    }
    return new TabulatedQuenching(nr, ee);
  }

  /**
   * From (E_nr, QF) points; E_ee,i = QF_i · E_nr,i must come out strictly increasing.
   *
   * @param recoilKeVnr recoil energies in keVnr, &gt; 0, strictly increasing, at least one
   * @param quenchingFactors QF at those recoils, each in (0, 1]
   */
  public static TabulatedQuenching ofQuenchingFactors(double[] recoilKeVnr, double[] quenchingFactors) {
    double[] nr = Checks.finiteArray("recoilKeVnr", recoilKeVnr, 1);
    double[] qf = Checks.finiteArray("quenchingFactors", quenchingFactors, 1);
    Checks.sameLength("recoilKeVnr", nr, "quenchingFactors", qf);
    double[] ee = new double[nr.length];
    for (int i = 0; i < nr.length; i++) {
      if (!(qf[i] > 0 && qf[i] <= 1)) {
        throw Checks.fail("quenchingFactors[" + i + "]", "in (0, 1]", qf[i]);
      }
      ee[i] = qf[i] * nr[i];
    }
    for (int i = 1; i < ee.length; i++) {
      if (!(ee[i] > ee[i - 1])) {
        throw Checks.fail(
            "quenchingFactors",
            "such that E_ee = QF·E_nr is strictly increasing (fails between points " + (i - 1) + " and " + i
                + ")",
            Arrays.toString(qf));
      }
    }
    return ofEnergies(nr, ee);
  }

  /** Table recoil energies in keVnr (copy). */
  public double[] recoilTableKeVnr() {
    return recoilKeVnr.clone();
  }

  /** Table visible energies in keVee (copy). */
  public double[] visibleTableKeVee() {
    return visibleKeVee.clone();
  }

  @Override
  public double visibleKeVee(double recoil) {
    MonotoneInverse.checkEnergy("recoilKeVnr", recoil);
    return interpolate(recoilKeVnr, visibleKeVee, recoil);
  }

  @Override
  public double recoilKeVnr(double visible) {
    MonotoneInverse.checkEnergy("visibleKeVee", visible);
    return interpolate(visibleKeVee, recoilKeVnr, visible);
  }

  /** Piecewise-linear y(x) through the origin and the points, constant y/x beyond the last point. */
  private static double interpolate(double[] xs, double[] ys, double x) {
    int n = xs.length;
    if (x <= xs[0]) {
      return x * (ys[0] / xs[0]);
    }
    if (x >= xs[n - 1]) {
      return x * (ys[n - 1] / xs[n - 1]);
    }
    int i = Arrays.binarySearch(xs, x);
    if (i >= 0) {
      return ys[i];
    }
    int hi = -i - 1;
    int lo = hi - 1;
    double f = (x - xs[lo]) / (xs[hi] - xs[lo]);
    return ys[lo] + f * (ys[hi] - ys[lo]);
  }

  @Override
  public String toString() {
    return "TabulatedQuenching(" + recoilKeVnr.length + " points, " + recoilKeVnr[0] + ".."
        + recoilKeVnr[recoilKeVnr.length - 1] + " keVnr)";
  }
}
