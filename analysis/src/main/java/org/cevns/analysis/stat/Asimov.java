package org.cevns.analysis.stat;

import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.NormParameter;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.ProfileLikelihood;
import org.cevns.analysis.fit.Significance;

/**
 * Asimov dataset and median expected sensitivity (Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554,
 * sec. 3.2 and 5): the Asimov dataset has every count equal to its expectation, n_i = ν_i(μ, θ), and every
 * global observable equal to its nuisance, a_j = θ_j; the median discovery significance under μ is
 * Z_A = √q0,A evaluated on it, and the median μ uncertainty is the half-width of its profile interval.
 */
public final class Asimov {
  private Asimov() {}

  /**
   * Median discovery significance of a counting experiment with s expected signal and b known background
   * events: Z_A = √(2((s + b) ln(1 + s/b) − s)) (Cowan et al. 2011, eq. 97).
   *
   * @param s expected signal, finite, &ge; 0
   * @param b expected background, finite, &gt; 0
   */
  public static double oneBinSignificance(double s, double b) {
    if (!(s >= 0) || Double.isInfinite(s)) {
      throw new IllegalArgumentException("s must be finite and >= 0, got " + s);
    }
    if (!(b > 0) || Double.isInfinite(b)) {
      throw new IllegalArgumentException("b must be finite and > 0, got " + b);
    }
    return Math.sqrt(2.0 * ((s + b) * Math.log1p(s / b) - s));
  }

  /** The Asimov dataset at parameters {@code p}: n = ν(p), a_j = θ_j for constrained norms (1 otherwise). */
  public static Observations dataset(BinnedModel model, double[] p) {
    if (model == null || p == null || p.length != model.nParameters()) {
      throw new IllegalArgumentException("model and parameters of length nParameters must be given");
    }
    double[] nu = model.expected(p);
    for (int i = 0; i < nu.length; i++) {
      if (nu[i] < 0) {
        throw new IllegalArgumentException(
            "expected count of bin " + i + " must be >= 0 for an Asimov dataset, got " + nu[i]);
      }
    }
    double[] a = new double[model.nGlobalObservables()];
    for (int j = 0; j < a.length; j++) {
      a[j] = j >= model.norms().size() || model.norms().get(j).kind() == NormParameter.Kind.CONSTRAINED
          ? p[1 + j] : 1.0;
    }
    return Observations.of(model, nu, a);
  }

  /** The Asimov dataset at μ = {@code mu} and nominal norms. */
  public static Observations dataset(BinnedModel model, double mu) {
    return dataset(model, model.nominalParameters(mu));
  }

  /**
   * Median expected sensitivity for true μ = {@code mu} (nominal norms): Z_A from the Asimov q0 and the
   * 68.27 % profile interval of μ on the Asimov data.
   */
  public static Sensitivity sensitivity(BinnedModel model, double mu, FitOptions options) {
    ProfileLikelihood pl = ProfileLikelihood.of(model, dataset(model, mu), options);
    Significance z = pl.significance();
    Interval i = pl.interval68();
    return new Sensitivity(z.z(), i.halfWidth(), i.lower(), i.upper(), pl.bestFit().muHesseError());
  }

  /** Median expected discovery significance for true μ = {@code mu}, √q0 on the Asimov dataset. */
  public static double medianSignificance(BinnedModel model, double mu, FitOptions options) {
    return ProfileLikelihood.of(model, dataset(model, mu), options).significance().z();
  }

  /**
   * Median expected sensitivity.
   *
   * @param zMedian median discovery significance √q0,A
   * @param sigmaMu half-width of the Asimov 68.27 % profile interval of μ
   * @param muLower its lower end
   * @param muUpper its upper end
   * @param sigmaMuHesse the Hesse error of μ on the Asimov data
   */
  public record Sensitivity(double zMedian, double sigmaMu, double muLower, double muUpper,
      double sigmaMuHesse) {}
}
