package org.cevns.analysis.stat;

import java.util.ArrayList;
import java.util.List;
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
   * One exposure.
   *
   * @param exposureFactor the exposure relative to the nominal model
   * @param zMedian median discovery significance
   * @param sigmaMu median μ uncertainty (half-width of the 68.27 % Asimov interval)
   */
  public record Row(double exposureFactor, double zMedian, double sigmaMu) {}
}
