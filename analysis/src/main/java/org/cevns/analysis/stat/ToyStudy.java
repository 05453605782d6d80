package org.cevns.analysis.stat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.ProfileLikelihood;
import org.cevns.analysis.fit.ToyGenerator;
import org.cevns.events.run.RandomStreams;

/**
 * Toy experiments, each seeded on its own: toy k is drawn from the fit model at the true parameters
 * ({@link ToyGenerator}: Poisson counts, fluctuated global observables) with the random stream (seed', k) of
 * {@link RandomStreams}, seed' = seed XOR {@link #STREAM}, and fitted (profile likelihood). Toy k's result
 * depends only on the model, the options, the seed and k, so any split of the toys over threads, map tasks or
 * batch jobs gives the same rows. Immutable and thread-safe.
 */
public final class ToyStudy {
  /** Mixed into the seed so the toys do not share streams with the event blocks of a run of the same seed. */
  public static final long STREAM = 0x746f792d73747564L; // "toy-stud"

  /** Fixed columns of a result row, before one {@code fit.NAME} column per fit parameter. */
  public static final List<String> FIXED_COLUMNS = List.of("toy", "mu_true", "mu_hat", "mu_hesse_error",
      "mu_lower_68", "mu_upper_68", "covered_68", "q0", "z", "converged");

  private final BinnedModel model;
  private final double[] truth;
  private final FitOptions options;
  private final long seed;

  private ToyStudy(BinnedModel model, double[] truth, FitOptions options, long seed) {
    this.model = model;
    this.truth = truth.clone();
    this.options = options;
    this.seed = seed;
  }

  /**
   * @param model the fit model (templates built once)
   * @param truth true parameters (index 0 is μ), length {@code model.nParameters()}
   * @param options fit options (use unbounded μ for unbiased coverage)
   * @param seed the study's seed
   */
  public static ToyStudy of(BinnedModel model, double[] truth, FitOptions options, long seed) {
    if (model == null || truth == null || options == null) {
      throw new IllegalArgumentException("model, truth and options must be given");
    }
    if (truth.length != model.nParameters()) {
      throw new IllegalArgumentException("truth must have " + model.nParameters() + " parameters, got "
          + truth.length);
    }
    return new ToyStudy(model, truth, options, seed);
  }

  /** Names of the fit parameters, in the order of {@link Row#parameters()} (μ first; then the nuisances/POIs). */
  public List<String> parameterNames() {
    return model.parameterNames();
  }

  /** All column names: {@link #FIXED_COLUMNS}, then {@code fit.NAME} per fit parameter. */
  public List<String> columns() {
    List<String> c = new ArrayList<>(FIXED_COLUMNS);
    parameterNames().forEach(n -> c.add("fit." + n));
    return c;
  }

  /**
   * One toy's result.
   *
   * @param toy toy index k
   * @param muTrue the true μ
   * @param muHat best-fit μ
   * @param muHesseError its Hesse error
   * @param lower68 lower end of the 68.27 % profile interval (NaN if not found)
   * @param upper68 upper end (NaN if not found)
   * @param covered68 whether the interval contains μ_true
   * @param q0 discovery test statistic (0 when μ̂ &lt; 0)
   * @param z asymptotic significance √q0
   * @param converged the best fit converged and the interval was found
   * @param parameters best-fit values of all parameters ({@link #parameterNames()})
   */
  public record Row(long toy, double muTrue, double muHat, double muHesseError, double lower68, double upper68,
      boolean covered68, double q0, double z, boolean converged, double[] parameters) {}

  /** Simulates and fits toy {@code k}. */
  public Row run(long k) {
    if (k < 0) {
      throw new IllegalArgumentException("toy index must be >= 0, got " + k);
    }
    UniformRandomProvider rng = RandomStreams.create(seed ^ STREAM, k);
    Observations toy = ToyGenerator.generate(model, truth, rng);
    ProfileLikelihood pl = ProfileLikelihood.of(model, toy, options);
    FitResult best = pl.bestFit();
    double lower = Double.NaN;
    double upper = Double.NaN;
    boolean found = true;
    try {
      Interval i = pl.interval(ProfileLikelihood.CL_68);
      lower = i.lower();
      upper = i.upper();
    } catch (IllegalStateException | org.apache.commons.math3.exception.MathIllegalArgumentException e) {
      found = false;
    }
    double q0 = best.mu() >= 0 ? Math.max(0, pl.q(0.0)) : 0.0;
    boolean covered = found && lower <= truth[0] && truth[0] <= upper;
    return new Row(k, truth[0], best.mu(), best.muHesseError(), lower, upper, covered, q0, Math.sqrt(q0),
        best.converged() && found, best.parameters());
  }

  /** Toys {@code [from, to)} in order. */
  public List<Row> run(long from, long to) {
    List<Row> rows = new ArrayList<>((int) Math.max(0, Math.min(to - from, 1 << 20)));
    for (long k = from; k < to; k++) {
      rows.add(run(k));
    }
    return rows;
  }
}
