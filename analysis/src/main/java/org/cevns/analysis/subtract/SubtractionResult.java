package org.cevns.analysis.subtract;

import org.cevns.analysis.hist.Histogram1D;

/**
 * Result of a signal-region minus control-region subtraction (ON − OFF, C − AC), as rates per unit of
 * signal-region exposure. All three histograms carry propagated errors (√Σw² of the counts, scaled).
 *
 * @param signalRate signal-region counts / signal exposure (ON, or C)
 * @param controlRate control-region counts / control exposure (OFF, or AC) — the background rate; summed over
 *     an array it is the signal-exposure-weighted mean of the detectors' control rates
 * @param residualRate signalRate − controlRate, errors added in quadrature
 * @param signalExposure total signal-region exposure (the sum over the detectors of an array)
 * @param controlExposure total control-region exposure
 * @param rateUnit the unit of the rates, e.g. {@code counts/(kg·day)}
 */
public record SubtractionResult(Histogram1D signalRate, Histogram1D controlRate, Histogram1D residualRate,
    double signalExposure, double controlExposure, String rateUnit) {
  public SubtractionResult {
    if (signalRate == null || controlRate == null || residualRate == null || rateUnit == null) {
      throw new IllegalArgumentException("histograms and rateUnit must not be null");
    }
    if (!(signalExposure > 0) || !(controlExposure > 0)) {
      throw new IllegalArgumentException("exposures must be > 0, got signalExposure=" + signalExposure
          + ", controlExposure=" + controlExposure);
    }
  }

  /**
   * The residual as counts in the signal-region exposure: Σ_d (S_d − κ_d C_d) with κ_d = E_S,d / E_C,d, i.e.
   * the background-subtracted signal counts (for one detector: ON − (t_ON/t_OFF)·OFF).
   */
  public Histogram1D residualCounts() {
    return residualRate.scaled(signalExposure);
  }

  /** The background expected in the signal-region exposure: Σ_d κ_d C_d. */
  public Histogram1D controlCountsScaledToSignal() {
    return controlRate.scaled(signalExposure);
  }
}
