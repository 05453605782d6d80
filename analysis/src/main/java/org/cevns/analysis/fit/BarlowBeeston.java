package org.cevns.analysis.fit;

import java.util.List;

/**
 * The template Monte Carlo statistics of a {@link BinnedModel}'s likelihood (Barlow &amp; Beeston, CPC 77 (1993)
 * 219; Conway, PHYSTAT 2011): the Barlow–Beeston-lite factor γ of each bin and the no-event term β of bins where a
 * background template has no simulated event, both profiled in closed form.
 */
final class BarlowBeeston {
  private BarlowBeeston() {}

  /**
   * The Barlow–Beeston-lite factor γ̂ of a bin with expectation ν, count n, relative error² d2 (&gt; 0) and
   * auxiliary measurement {@code aux} of γ (nominal 1).
   */
  static double gammaHat(double nu, double n, double d2, double aux) {
    if (!(nu > 0)) {
      return Math.max(aux, 0.0);
    }
    double b = nu * d2 - aux;
    double c = n * d2;
    double root = Math.sqrt(b * b + 4 * c);
    return b > 0 ? 2 * c / (b + root) : (root - b) / 2;
  }

  /**
   * The deviance of one bin with its template-statistics terms profiled, and its derivative dD/dν, into
   * {@code out[0]} and {@code out[1]}: the Barlow–Beeston-lite factor γ (relative error² {@code d2} &gt; 0, auxiliary
   * measurement {@code aux}) and, where a background sample has no template event (event weight {@code w} &gt; 0,
   * {@link BinnedModel#emptyBinWeight}), an additive content β &ge; 0 with the Poisson constraint e^(−β/w) of
   * having simulated no event there (deviance 2β/w):
   *
   * <pre>
   *   D = min_{γ, β &ge; 0} 2[λ − n + n ln(n/λ)] + (γ − aux)²/d2 + 2β/w,   λ = γν + β
   * </pre>
   *
   * (γ = 1 without d2). The problem is convex in (γ, β): β̂ = 0 while γ̂ν &ge; n·w/(1 + w) (then the
   * Barlow–Beeston-lite term alone); below, λ̂ = n·w/(1 + w), γ̂ = aux + ν·d2/w and dD/dν = −2γ̂/w (envelope
   * theorem). D is continuous with a continuous derivative, and finite for ν &le; 0 where n &gt; 0: an empty
   * template bin no longer forces ν → 0 where there are data (the wall of {@link PoissonLikelihood#binDeviance}).
   */
  static void profiledBin(double nu, double n, double d2, double aux, double w, double[] out) {
    double g = d2 > 0 ? gammaHat(nu, n, d2, aux) : 1.0;
    double floor = w > 0 && n > 0 ? n * w / (1 + w) : 0.0;
    if (!(floor > 0 && g * nu < floor)) {
      out[0] = PoissonLikelihood.binDeviance(g * nu, n) + (d2 > 0 ? (g - aux) * (g - aux) / d2 : 0.0);
      out[1] = g * PoissonLikelihood.binDerivative(g * nu, n);
      return;
    }
    if (d2 > 0) {
      g = Math.max(aux + nu * d2 / w, 0.0);
    }
    double beta = floor - g * nu;
    out[0] = 2.0 * (floor - n + n * Math.log(n / floor)) + (d2 > 0 ? (g - aux) * (g - aux) / d2 : 0.0)
        + 2.0 * beta / w;
    out[1] = -2.0 * g / w;
  }

  /**
   * As {@link #profiledBin(double, double, double, double, double, double[])}, with {@code m} template events seen in
   * the bin in a toy's re-simulation of the empty template (its auxiliary measurement; 0 for data, where the template
   * is empty): the no-event constraint 2β/w becomes the Poisson one, 2[β/w − m + m ln(m·w/β)]. For m &gt; 0 the
   * stationarity conditions in r = 1 − n/λ give β = m/(r + 1/w), γ = max(aux − δ²νr, 0) and
   * γν + β = n/(1 − r), whose left minus right side decreases strictly in r ∈ (−1/w, 1): solved by bisection to
   * machine precision (r = 1 for n = 0). dD/dν = 2γ̂r (envelope theorem).
   */
  static void profiledBin(double nu, double n, double d2, double aux, double w, double m, double[] out) {
    if (!(m > 0 && w > 0)) {
      profiledBin(nu, n, d2, aux, w, out);
      return;
    }
    double r = root(nu, n, d2, aux, w, m);
    double g = d2 > 0 ? Math.max(aux - d2 * nu * r, 0.0) : 1.0;
    double beta = m / (r + 1.0 / w);
    double lambda = g * nu + beta;
    double poisson = n > 0 ? 2.0 * (lambda - n + n * Math.log(n / lambda)) : 2.0 * lambda;
    out[0] = poisson + (d2 > 0 ? (g - aux) * (g - aux) / d2 : 0.0)
        + 2.0 * (beta / w - m + m * Math.log(m * w / beta));
    out[1] = 2.0 * g * r;
  }

  /** The stationary r = 1 − n/λ̂ of a bin with m &gt; 0 (see {@link #profiledBin}): bisection on (−1/w, 1). */
  private static double root(double nu, double n, double d2, double aux, double w, double m) {
    if (!(n > 0)) {
      return 1.0;
    }
    double lo = -1.0 / w;
    double hi = 1.0;
    for (int it = 0; it < 200; it++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      double g = d2 > 0 ? Math.max(aux - d2 * nu * mid, 0.0) : 1.0;
      if (g * nu + m / (mid + 1.0 / w) - n / (1.0 - mid) > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /**
   * The profiled template-statistics factors {γ̂, β̂} of a bin (the arguments of
   * {@link #profiledBin(double, double, double, double, double, double, double[])}; γ̂ = 1 without δ², β̂ = 0
   * without an empty template or while the no-event term is inactive): where a toy is drawn with the nuisances at
   * their fit to data, the bin's expectation is γ̂ν + β̂ and its auxiliary measurements are drawn around γ̂ and β̂.
   */
  static double[] profiledFactors(double nu, double n, double d2, double aux, double w, double m) {
    if (m > 0 && w > 0) {
      double r = root(nu, n, d2, aux, w, m);
      return new double[] {d2 > 0 ? Math.max(aux - d2 * nu * r, 0.0) : 1.0, m / (r + 1.0 / w)};
    }
    double g = d2 > 0 ? gammaHat(nu, n, d2, aux) : 1.0;
    double floor = w > 0 && n > 0 ? n * w / (1 + w) : 0.0;
    if (!(floor > 0 && g * nu < floor)) {
      return new double[] {g, 0.0};
    }
    if (d2 > 0) {
      g = Math.max(aux + nu * d2 / w, 0.0);
    }
    return new double[] {g, floor - g * nu};
  }

  /**
   * Per flat bin, the weight w of one template event of the background samples (with statistical errors) that have
   * no template event in that bin, the largest such weight; 0 where every such sample has content. A sample's
   * weight is Σσ²/ΣT over its bins (the weight of one event of a template simulated with equal weights). A template
   * bin without events does not measure an expectation of zero: with the full Barlow–Beeston likelihood the
   * sample's unknown content A there is constrained only by the probability e^(−A/w) of simulating no event
   * ({@link #profiledBin}).
   */
  static double[] emptyBinWeights(List<Sample> flat, double[][] templates, int[] sampleOffset, int nBins) {
    double[] emptyBinWeight = new double[nBins];
    for (int s = 0; s < flat.size(); s++) {
      Sample smp = flat.get(s);
      if (smp.isSignal() || smp.statErrors().isEmpty()) {
        continue;
      }
      double[] tmp = templates[s];
      double[] se = smp.statErrors().get();
      double sumW = 0;
      double sumW2 = 0;
      for (int i = 0; i < tmp.length; i++) {
        sumW += tmp[i];
        sumW2 += se[i] * se[i];
      }
      double w = sumW > 0 && sumW2 > 0 ? sumW2 / sumW : 0.0;
      for (int i = 0; i < tmp.length; i++) {
        if (tmp[i] == 0) {
          int f = sampleOffset[s] + i;
          emptyBinWeight[f] = Math.max(emptyBinWeight[f], w);
        }
      }
    }
    return emptyBinWeight;
  }

  /**
   * Per flat bin, the relative Barlow–Beeston-lite width δ = √(Σ_s σ_s²)/Σ_s T_s over the samples (0 where no
   * sample has content or errors).
   */
  static double[] relativeErrors(List<Sample> flat, double[][] templates, int[] sampleOffset, int nBins) {
    double[] sumT = new double[nBins];
    double[] sumVar = new double[nBins];
    for (int s = 0; s < flat.size(); s++) {
      double[] tmp = templates[s];
      java.util.Optional<double[]> se = flat.get(s).statErrors();
      for (int i = 0; i < tmp.length; i++) {
        sumT[sampleOffset[s] + i] += tmp[i];
        if (se.isPresent()) {
          sumVar[sampleOffset[s] + i] += se.get()[i] * se.get()[i];
        }
      }
    }
    double[] rel = new double[nBins];
    for (int i = 0; i < nBins; i++) {
      rel[i] = sumT[i] > 0 && sumVar[i] > 0 ? Math.sqrt(sumVar[i]) / sumT[i] : 0.0;
    }
    return rel;
  }
}
