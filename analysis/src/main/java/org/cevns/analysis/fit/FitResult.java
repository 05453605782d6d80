package org.cevns.analysis.fit;

import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Result of one minimisation of the deviance (global fit, or conditional fit at fixed μ).
 *
 * <p>Goodness of fit: {@link #gofChi2()} is the deviance at the minimum — the likelihood-ratio χ² of the bins,
 * 2 Σ [ν − n + n ln(n/ν)] (Baker &amp; Cousins 1984), plus the constraint terms ((θ − a)/σ)² of the
 * auxiliary measurements; {@code ndf} = used bins (some template non-zero) − floating unconstrained
 * parameters (μ unless fixed, FREE norms). A constrained norm adds one auxiliary measurement and one
 * parameter, net 0. {@code gofPValue} = P(χ²_ndf &gt; gofChi2) (NaN if ndf &lt; 1), asymptotic: unreliable
 * when many bins have only a few expected counts.
 *
 * @param names parameter names ("mu", norms…)
 * @param parameters best values (fixed parameters at their fixed value)
 * @param hesseErrors √(2 H⁻¹)_kk from the analytic observed Hessian of the deviance over the floating
 *     parameters (NaN for fixed ones, or if H is singular); a quick symmetric approximation — use
 *     {@link ProfileLikelihood#interval} for μ
 * @param floating true for the parameters that were varied
 * @param deviance the minimum deviance D (= {@link #gofChi2()})
 * @param poissonChi2 the Poisson part of D (bins only)
 * @param ndf degrees of freedom, see above
 * @param converged false if the optimiser hit its evaluation budget or failed (best point seen returned)
 * @param evaluations likelihood evaluations used
 */
public record FitResult(List<String> names, double[] parameters, double[] hesseErrors, boolean[] floating,
    double deviance, double poissonChi2, int ndf, boolean converged, int evaluations) {
  public FitResult {
    names = List.copyOf(names);
    parameters = parameters.clone();
    hesseErrors = hesseErrors.clone();
    floating = floating.clone();
  }

  /** A copy of the parameter vector. */
  @Override
  public double[] parameters() {
    return parameters.clone();
  }

  /** A copy of the Hesse errors. */
  @Override
  public double[] hesseErrors() {
    return hesseErrors.clone();
  }

  /** A copy of the floating flags. */
  @Override
  public boolean[] floating() {
    return floating.clone();
  }

  /** The goodness-of-fit χ²: the minimum deviance (Poisson likelihood-ratio χ² + constraint terms). */
  public double gofChi2() {
    return deviance;
  }

  /**
   * The goodness-of-fit p-value P(χ²_ndf &gt; {@link #gofChi2()}), NaN if ndf &lt; 1. Computed when asked for, not
   * for every fit: the toys and the interval searches run ~30 fits per toy and never report it.
   */
  public double gofPValue() {
    return ndf >= 1 ? ChiSquaredDistribution.of(ndf).survivalProbability(deviance) : Double.NaN;
  }

  /** Fitted μ. */
  public double mu() {
    return parameters[0];
  }

  /** Hesse error of μ (NaN if μ was fixed). */
  public double muHesseError() {
    return hesseErrors[0];
  }

  /** Fitted value of parameter {@code name}. */
  public double value(String name) {
    return parameters[index(name)];
  }

  /** Hesse error of parameter {@code name}. */
  public double hesseError(String name) {
    return hesseErrors[index(name)];
  }

  /** One line: each parameter as name=value±error, then deviance, ndf and the GoF p-value. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FitResult[");
    for (int k = 0; k < names.size(); k++) {
      sb.append(names.get(k)).append('=').append(parameters[k]);
      sb.append(floating[k] ? "±" + hesseErrors[k] : " (fixed)").append(", ");
    }
    return sb.append("deviance=").append(deviance).append(", ndf=").append(ndf).append(", gofPValue=")
        .append(gofPValue()).append(", converged=").append(converged).append(", evaluations=").append(evaluations)
        .append(']').toString();
  }

  private int index(String name) {
    int k = names.indexOf(name);
    if (k < 0) {
      throw new IllegalArgumentException("parameter must be one of " + names + ", got '" + name + "'");
    }
    return k;
  }
}
