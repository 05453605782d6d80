package org.cevns.analysis.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.fit.NormParameter;
import org.cevns.analysis.fit.ProfileLikelihood;

/**
 * Pulls, constraints and impacts of the constrained nuisance parameters of a fit of μ.
 *
 * <ul>
 *   <li>pull = (θ̂ − a)/σ_prior, with a the auxiliary measurement (0 for α, 1 for a norm) — 0 when the data
 *       agree with the prior;
 *   <li>constraint = σ_post/σ_prior (Hesse) — below 1 when the data constrain the nuisance beyond its prior;
 *   <li>impact on μ: the shift of μ̂ when the nuisance is fixed at θ̂ ± σ_post and the rest refitted (the
 *       usual "post-fit impact" ranking), up and down.
 * </ul>
 *
 * @param entries one per constrained nuisance, sorted by decreasing |impact|
 */
public record NuisanceReport(List<Entry> entries) {
  /**
   * One nuisance.
   *
   * @param name parameter name
   * @param pull (θ̂ − a)/σ_prior
   * @param constraint σ_post/σ_prior
   * @param impactUp μ̂(θ̂ + σ_post) − μ̂
   * @param impactDown μ̂(θ̂ − σ_post) − μ̂
   */
  public record Entry(String name, double pull, double constraint, double impactUp, double impactDown) {
    /** The larger absolute impact. */
    public double impact() {
      return Math.max(Math.abs(impactUp), Math.abs(impactDown));
    }
  }

  public NuisanceReport {
    entries = List.copyOf(entries);
  }

  /** The report of the global fit of {@code pl} (its parameter of interest μ). */
  public static NuisanceReport of(ProfileLikelihood pl) {
    BinnedModel m = pl.model();
    FitResult best = pl.bestFit();
    double[] x = best.parameters();
    double[] err = best.hesseErrors();
    List<Entry> out = new ArrayList<>();
    for (int k = 1; k < m.physicsOffset(); k++) {
      double prior;
      double aux = pl.data().globalObservable(k - 1);
      if (k < m.alphaOffset()) {
        NormParameter n = m.norm(k);
        if (n.kind() != NormParameter.Kind.CONSTRAINED) {
          continue;
        }
        prior = n.relativeWidth();
      } else {
        prior = 1.0;
      }
      double up = Double.NaN;
      double down = Double.NaN;
      if (err[k] > 0 && Double.isFinite(err[k])) {
        up = shiftedMu(pl, k, Math.min(x[k] + err[k], m.upperBound(k))) - x[0];
        down = shiftedMu(pl, k, Math.max(x[k] - err[k], m.lowerBound(k))) - x[0];
      }
      out.add(new Entry(m.parameterNames().get(k), (x[k] - aux) / prior, err[k] / prior, up, down));
    }
    out.sort(Comparator.comparingDouble((Entry e) -> Double.isNaN(e.impact()) ? 0 : -e.impact()));
    return new NuisanceReport(out);
  }

  private static double shiftedMu(ProfileLikelihood pl, int k, double value) {
    return pl.fixedFit(new int[] {k}, new double[] {value}).mu();
  }
}
