package org.cevns.analysis.fit;

import java.util.Arrays;

/**
 * A second start of the background-only (μ = 0) fit of the discovery test ({@link ProfileLikelihood#significance}).
 * With shape nuisances the μ = 0 deviance can have several minima (a background-only model far from the data, the
 * steady norm scaled far up, re-folded templates' Monte Carlo fluctuations in α), and the fit warm-started at the
 * global fit's nuisances can stop in one that is not the lowest: q0, and Z, then come out too high. The second start
 * is staged: first the fit with every systematic α held at 0 (only norms, physics parameters and γ free: the model
 * without those nuisances), then, only if that stage is already lower than the first fit (so the first fit is
 * certainly not the minimum: at α = 0 the model is the one without the nuisances), the full fit from it; the lower
 * of the two is kept. The first stage costs a small fit (few free parameters); the full second fit runs only when it
 * improves the result.
 */
final class StagedBackgroundFit {
  /**
   * The second start is tried only when the first fit's nuisances cost at least this much deviance, Σα² &ge; 1 (their
   * constraint terms): a fit that stays within one unit of deviance of α = 0 is taken as found (the traps seen, in
   * coherent-cryocsi and in {@code BackgroundOnlyRestartTest}, have Σα² from 1.8 to 24); this keeps the cost off
   * most toys.
   */
  static final double MIN_PENALTY = 1.0;

  private StagedBackgroundFit() {}

  /**
   * The lower of {@code first} and the staged second start (see the class comment).
   *
   * @param fixed the indices held in the μ = 0 fit (μ among them)
   */
  static FitResult better(Fitter fitter, BinnedModel model, FitResult first, int[] fixed) {
    int a0 = model.alphaOffset();
    int a1 = model.physicsOffset();
    if (a1 == a0) {
      return first;
    }
    double[] start = first.parameters().clone();
    double penalty = 0;
    for (int k = a0; k < a1; k++) {
      penalty += start[k] * start[k];
    }
    if (penalty < MIN_PENALTY) {
      return first;
    }
    Arrays.fill(start, a0, a1, 0.0);
    int[] stage = Arrays.copyOf(fixed, fixed.length + a1 - a0);
    for (int k = a0; k < a1; k++) {
      stage[fixed.length + k - a0] = k;
    }
    FitResult held = fitter.fit(start, stage, false);
    if (!(held.deviance() < first.deviance())) {
      return first;
    }
    FitResult full = fitter.fit(held.parameters(), fixed, true);
    return full.deviance() < first.deviance() ? full : first;
  }
}
