package org.cevns.analysis.stat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitOptions;

/**
 * Median expected sensitivity as a function of exposure: every template of the model (signal and
 * backgrounds, all channels) is multiplied by an exposure factor (relative to the exposure the templates
 * were made for; relative constraint widths unchanged) and {@link Asimov#sensitivity} is evaluated.
 */
public final class SensitivityScan {
  private SensitivityScan() {}

  /**
   * One row per exposure factor.
   *
   * @param model the nominal model
   * @param exposureFactors finite, &gt; 0
   * @param mu the true signal strength (1 = Standard Model)
   * @param options fit options
   */
  public static List<Row> run(BinnedModel model, double[] exposureFactors, double mu, FitOptions options) {
    if (model == null || exposureFactors == null || exposureFactors.length == 0) {
      throw new IllegalArgumentException("model and a non-empty exposureFactors array must be given");
    }
    List<Row> rows = new ArrayList<>();
    for (double f : exposureFactors) {
      if (!(f > 0) || Double.isInfinite(f)) {
        throw new IllegalArgumentException("exposure factors must be finite and > 0, got " + f);
      }
      Asimov.Sensitivity s = Asimov.sensitivity(model.scaled(f), mu, options);
      rows.add(new Row(f, s.zMedian(), s.sigmaMu()));
    }
    return rows;
  }

  /**
   * The smallest exposure factor at which the median significance reaches {@code z}, interpolated between the two
   * scanned rows that bracket it (linear in ln Z against ln factor, exact for Z ∝ factor^k, e.g. √factor when
   * background dominated); empty when no row reaches {@code z}, or the first row already does (the answer lies
   * outside the scanned factors: no extrapolation, since Z stops following √exposure where systematics or the
   * templates' Monte Carlo statistics dominate).
   *
   * @param rows rows in increasing exposure factor ({@link #run})
   * @param z the significance to reach, finite and &gt; 0
   */
  public static OptionalDouble exposureFactorFor(List<Row> rows, double z) {
    if (!(z > 0) || Double.isInfinite(z)) {
      throw new IllegalArgumentException("z must be finite and > 0, got " + z);
    }
    for (int i = 0; i < rows.size(); i++) {
      Row hi = rows.get(i);
      if (hi.zMedian() >= z) {
        if (i == 0) {
          return OptionalDouble.empty();
        }
        Row lo = rows.get(i - 1);
        double x0 = Math.log(lo.exposureFactor());
        double x1 = Math.log(hi.exposureFactor());
        if (!(lo.zMedian() > 0)) {
          return OptionalDouble.of(hi.exposureFactor());
        }
        double t = (Math.log(z) - Math.log(lo.zMedian())) / (Math.log(hi.zMedian()) - Math.log(lo.zMedian()));
        return OptionalDouble.of(Math.exp(x0 + t * (x1 - x0)));
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * One exposure.
   *
   * @param exposureFactor the exposure relative to the nominal model
   * @param zMedian median discovery significance
   * @param sigmaMu median μ uncertainty (half-width of the 68.27 % Asimov interval)
   */
  public record Row(double exposureFactor, double zMedian, double sigmaMu) {}
}
