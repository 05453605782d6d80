package org.cevns.analysis.subtract;

import java.util.List;
import org.cevns.analysis.hist.Histogram1D;

/**
 * Generic exposure-normalised subtraction, the arithmetic behind {@link ReactorOnOff} and
 * {@link BeamCoincidence}. For detectors d with signal-region counts S_d (exposure E_S,d) and control counts
 * C_d (exposure E_C,d), E_S = Σ_d E_S,d and κ_d = E_S,d / E_C,d:
 *
 * <pre>
 *   signal rate   r_S = Σ_d S_d / E_S                    σ² = Σ_d Σw²(S_d) / E_S²
 *   control rate  r_C = Σ_d κ_d C_d / E_S                σ² = Σ_d κ_d² Σw²(C_d) / E_S²
 *   residual      r   = r_S − r_C                        σ² = σ²(r_S) + σ²(r_C)
 * </pre>
 *
 * For one detector this is S/E_S − C/E_C; for an array it is the signal-exposure-weighted mean of the
 * detectors' residual rates, Σ_d (E_S,d/E_S)(S_d/E_S,d − C_d/E_C,d). With unit weights Σw² = counts, so the
 * errors are the propagated Poisson errors (a bin with zero counts gets zero variance — the usual √N
 * convention; use the likelihood fit for low counts). Under/overflow are propagated the same way.
 */
final class Subtraction {
  private Subtraction() {}

  /** One detector: signal-region measurement minus control measurement, as rates in {@code rateUnit}. */
  public static SubtractionResult subtract(Measurement signal, Measurement control, String rateUnit) {
    return sum(List.of(signal), List.of(control), rateUnit);
  }

  /**
   * Summed over an array of detectors: element d of {@code signals} is paired with element d of
   * {@code controls} (same binning everywhere).
   */
  public static SubtractionResult sum(List<Measurement> signals, List<Measurement> controls, String rateUnit) {
    if (signals == null || controls == null || signals.isEmpty() || signals.size() != controls.size()) {
      throw new IllegalArgumentException("signals and controls must be non-empty lists of equal size, got "
          + (signals == null ? "null" : signals.size()) + " and " + (controls == null ? "null" : controls.size()));
    }
    if (rateUnit == null || rateUnit.isBlank()) {
      throw new IllegalArgumentException("rateUnit must be a non-empty string, got '" + rateUnit + "'");
    }
    double signalExposure = 0;
    double controlExposure = 0;
    for (int d = 0; d < signals.size(); d++) {
      signalExposure += signals.get(d).exposure();
      controlExposure += controls.get(d).exposure();
    }
    Histogram1D first = signals.get(0).counts();
    Histogram1D signalRate = Histogram1D.of(first.edges());
    Histogram1D controlRate = Histogram1D.of(first.edges());
    for (int d = 0; d < signals.size(); d++) {
      Measurement s = signals.get(d);
      Measurement c = controls.get(d);
      double kappa = s.exposure() / c.exposure();
      signalRate = signalRate.plusScaled(s.counts(), 1.0 / signalExposure);
      controlRate = controlRate.plusScaled(c.counts(), kappa / signalExposure);
    }
    return new SubtractionResult(signalRate, controlRate, signalRate.minus(controlRate), signalExposure,
        controlExposure, rateUnit);
  }
}
