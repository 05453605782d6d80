package org.cevns.analysis.fit;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Profile likelihood in the signal strength μ for one dataset (Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011)
 * 1554): the global fit (μ̂, θ̂), conditional fits θ̂̂(μ), the profile-likelihood ratio
 * q(μ) = D(μ, θ̂̂(μ)) − D(μ̂, θ̂) (D = 2·NLL, see {@link PoissonLikelihood}), two-sided intervals
 * {q(μ) &le; Δ} with Δ the χ²₁ quantile of the confidence level (1 for 68.27 %, 2.706 for 90 %), ends found with
 * {@link IntervalEnds}, and the discovery significance Z = √q0.
 *
 * <p>Caches the global fit and warm-starts conditional fits from the previous one: not thread-safe (one
 * instance per thread; toys make their own instances).
 */
public final class ProfileLikelihood {
  /** The confidence level of a ±1σ Gaussian interval, erf(1/√2), for which Δ = 1. */
  public static final double CL_68 = 0.6826894921370859;
  /** 90 % confidence level (Δ = 2.706). */
  public static final double CL_90 = 0.90;

  private final BinnedModel model;
  private final Observations data;
  private final FitOptions options;
  private final PoissonLikelihood likelihood;
  private final Fitter fitter;
  private final ProjectedNewton newton;
  private final int poi;
  private final boolean holdMu;
  private Holding holding = Holding.NONE;
  /** The global fit, the lowest fit found and the conditional fits' warm start. */
  private final FitState state;
  /** True if {@link #bestFit} searches from several starts ({@link #withGlobalSearch}). */
  private boolean globalSearch;
  /** The profile likelihood whose global search this one reuses ({@link #withGlobalSearchOf}), or null. */
  private ProfileLikelihood sharedSearch;

  private ProfileLikelihood(BinnedModel model, Observations data, FitOptions options, int poi, boolean holdMu,
      Fitter.Method method) {
    this.holdMu = holdMu;
    this.model = model;
    this.data = data;
    this.options = options;
    this.likelihood = PoissonLikelihood.of(model, data);
    this.newton = new ProjectedNewton(likelihood);
    this.fitter = new Fitter(likelihood, options, method, newton);
    this.state = new FitState(likelihood, options, fitter, newton);
    this.poi = poi;
  }

  /** Makes {@link #interval} find its ends by bracketing and Brent's method only (tests compare the searches). */
  ProfileLikelihood bracketingOnly() {
    state.bracketingOnly();
    return this;
  }

  /** The profile likelihood in μ fitted with {@code method} alone (tests compare the minimisers). */
  static ProfileLikelihood withMethod(BinnedModel model, Observations data, FitOptions options,
      Fitter.Method method) {
    return new ProfileLikelihood(model, data, options, 0, false, method);
  }

  /**
   * The profile likelihood in the parameter named {@code poiName} (μ, a physics parameter or any nuisance):
   * {@link #q}, {@link #interval} and {@link #scan} then refer to it, every other floating parameter profiled.
   * {@link #significance()} always tests μ = 0.
   */
  public static ProfileLikelihood of(BinnedModel model, Observations data, FitOptions options, String poiName) {
    return of(model, data, options, poiName, BinnedModel.POI_NAME.equals(poiName));
  }

  /**
   * As {@link #of(BinnedModel, Observations, FitOptions, String)}; with {@code floatMu} false the signal strength
   * is held at μ = 1 in every fit (a physics parameter such as sin²θ_W then sets the signal rate itself: μ and
   * the weak charge are degenerate in the normalisation). {@link #significance()} needs a floating μ.
   */
  public static ProfileLikelihood of(BinnedModel model, Observations data, FitOptions options, String poiName,
      boolean floatMu) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    int k = model.parameterIndex(poiName);
    if (!model.floats(k)) {
      throw new IllegalArgumentException("parameter of interest " + poiName + " is fixed in the model");
    }
    if (k == 0 && !floatMu) {
      throw new IllegalArgumentException("mu is the parameter of interest: it must float");
    }
    return new ProfileLikelihood(model, data, options, k, !floatMu, Fitter.Method.NEWTON);
  }

  /** The indices held fixed in every fit, plus {@code extra}. */
  private int[] held(int... extra) {
    return holding.merge(extra, holdMu);
  }

  /**
   * A new profile likelihood of the same model, data and parameter of interest with the parameters {@code indices}
   * also held in every fit, at their values in {@code at} (this one's global fit, where the view's global fit starts).
   */
  ProfileLikelihood holding(int[] indices, double[] at) {
    ProfileLikelihood h = new ProfileLikelihood(model, data, options, poi, holdMu, Fitter.Method.NEWTON);
    h.holding = new Holding(indices);
    h.state.start(h.fitter.fit(at, h.held()));
    return h;
  }

  /** Index of the parameter of interest. */
  public int poiIndex() {
    return poi;
  }

  /** Lower bound of the parameter of interest. */
  double poiLower() {
    return poi == 0 ? options.muLower() : model.lowerBound(poi);
  }

  /** Upper bound of the parameter of interest. */
  double poiUpper() {
    return poi == 0 ? options.muUpper() : model.upperBound(poi);
  }

  /**
   * The conditional fit with the parameters {@code indices} held at {@code values} (e.g. two POIs of a 2D scan),
   * warm-started from the previous conditional fit.
   */
  public FitResult fixedFit(int[] indices, double[] values) {
    if (indices.length != values.length) {
      throw new IllegalArgumentException("indices and values must have equal lengths");
    }
    return fitAt(indices, ConditionalFit.withinBounds(model, options, indices, values));
  }

  /**
   * The conditional fit at {@code values} of {@code indices}, warm-started; a fit that is lower than the global fit
   * (the global fit stopped short) is refitted from and replaces it ({@link FitState#conditional}).
   */
  private FitResult fitAt(int[] indices, double[] values) {
    bestFit();
    return state.conditional(indices, values, held(indices), held());
  }

  /** The profile likelihood of {@code model} for {@code data} with the given options. */
  public static ProfileLikelihood of(BinnedModel model, Observations data, FitOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    return new ProfileLikelihood(model, data, options, 0, false, Fitter.Method.NEWTON);
  }

  /** With {@link FitOptions#defaults()} (unbounded μ). */
  public static ProfileLikelihood of(BinnedModel model, Observations data) {
    return of(model, data, FitOptions.defaults());
  }

  /** The model. */
  public BinnedModel model() {
    return model;
  }

  /** The data. */
  public Observations data() {
    return data;
  }

  /** The options. */
  public FitOptions options() {
    return options;
  }

  /** The likelihood (deviance, gradient, Hessian). */
  public PoissonLikelihood likelihood() {
    return likelihood;
  }

  /**
   * The global fit (μ̂, θ̂), computed once: from the nominal start (μ = 1, constrained norms at their global
   * observables), and with {@link #withGlobalSearch} also from further starts of the parameter of interest
   * ({@link GlobalFit}), the lowest kept. Conditional fits may lower it later (an interval search or scan that
   * finds a lower minimum refits from there).
   */
  public FitResult bestFit() {
    if (!state.started() && sharedSearch != null) {
      sharedSearch.bestFit();
      state.start(sharedSearch.state.initial().copyFor(likelihood, fitter), globalSearch);
    }
    if (!state.started()) {
      double[] start = GlobalFit.nominalStart(model, data, likelihood);
      state.start(GlobalFit.run(fitter, newton, likelihood, start, held(), poi, poiLower(), poiUpper(),
          globalSearch && !NewPhysicsSeeds.applies(model, poi)), globalSearch);
    }
    return state.best();
  }

  /**
   * Makes {@link #bestFit} search the global minimum from several starts of the parameter of interest
   * ({@link GlobalFit}; {@code cevns fit}, {@code scan}, {@code run} and {@code analyze}); toys and Asimov
   * fits keep the single nominal start. Call before the first fit.
   */
  public ProfileLikelihood withGlobalSearch() {
    if (state.started()) {
      throw new IllegalStateException("withGlobalSearch must be called before the first fit");
    }
    globalSearch = true;
    return this;
  }

  /**
   * As {@link #withGlobalSearch}, taking the outcome of {@code other}'s global search instead of repeating it where
   * {@code other} is a profile likelihood of the same model, data, options and parameter of interest with a global
   * search and nothing else held (the same fixed starts would give the same minima: {@code cevns fit}'s scan and
   * interval profile likelihoods of one POI), else searching itself. Call before the first fit.
   */
  public ProfileLikelihood withGlobalSearchOf(ProfileLikelihood other) {
    withGlobalSearch();
    if (other != this && other.model == model && other.data == data && other.options == options && other.poi == poi
        && other.holdMu == holdMu && other.globalSearch && other.holding.indices().length == 0
        && holding.indices().length == 0) {
      sharedSearch = other;
    }
    return this;
  }

  /**
   * The local minima found besides the global one, if any (an empty optional for a likelihood seen with one
   * minimum): {@link Multimodality#of}.
   */
  public java.util.Optional<Multimodality> multimodality() {
    bestFit();
    return Multimodality.of(model.parameterNames().get(poi), poi, state.global(), state.best());
  }

  /** The conditional fit θ̂̂(μ) at fixed {@code mu} (inside the options' μ range). */
  public FitResult fixedMuFit(double mu) {
    if (!options.allowsMu(mu)) {
      throw new IllegalArgumentException(
          "mu must be in [" + options.muLower() + ", " + options.muUpper() + "], got " + mu);
    }
    return fitAt(new int[] {0}, new double[] {mu});
  }

  /** The conditional fit at value {@code x} of the parameter of interest (the fit {@link #q} takes). */
  FitResult conditionalAt(double x) {
    return poi == 0 ? fixedMuFit(x) : fixedFit(new int[] {poi}, new double[] {x});
  }

  /** The deviance of the global fit, the lowest found so far (conditional fits may lower it). */
  double bestDeviance() {
    return bestFit().deviance();
  }

  /** q(x) = D(x, θ̂̂(x)) − D(x̂, θ̂), &ge; 0, for the parameter of interest x (μ unless chosen otherwise). */
  public double q(double x) {
    FitResult r = poi == 0 ? fixedMuFit(x) : fixedFit(new int[] {poi}, new double[] {x});
    return Math.max(r.deviance() - state.best().deviance(), 0.0);
  }

  /** Profile scan at the given values of the parameter of interest (each inside its range). */
  public List<ScanPoint> scan(double[] xs) {
    List<ScanPoint> points = new ArrayList<>();
    for (double x : xs) {
      FitResult r = poi == 0 ? fixedMuFit(x) : fixedFit(new int[] {poi}, new double[] {x});
      points.add(new ScanPoint(x, Math.max(r.deviance() - state.best().deviance(), 0.0), r.parameters()));
    }
    return points;
  }

  /** The 68.27 % interval (Δ = 1). */
  public Interval interval68() {
    return interval(CL_68);
  }

  /** The 90 % interval (Δ = 2.706). */
  public Interval interval90() {
    return interval(CL_90);
  }

  /**
   * The two-sided interval {x : q(x) &le; Δ} of the parameter of interest, Δ = χ²₁ quantile of {@code cl}
   * ({@link IntervalEnds#interval}). Ends that reach a bound are reported at the bound and flagged.
   *
   * @param cl confidence level in (0, 1)
   */
  public Interval interval(double cl) {
    return IntervalEnds.interval(this, cl);
  }

  /** The global fit, the lowest fit found and the conditional fits' warm start ({@link IntervalEnds} searches). */
  FitState state() {
    return state;
  }

  /**
   * Asymptotic discovery significance: q0 = D(0, θ̂̂(0)) − D(μ̂, θ̂) if μ̂ &ge; 0 else 0; Z = √q0;
   * p = 1 − Φ(Z).
   */
  public Significance significance() {
    FitResult b = bestFit();
    if (holdMu) {
      throw new IllegalStateException("the discovery significance needs a floating mu");
    }
    double q0 = b.mu() >= 0 ? Math.max(StagedBackgroundFit.better(fitter, model, fitAt(new int[] {0},
        new double[] {0.0}), held(0)).deviance() - state.best().deviance(), 0.0) : 0.0;
    return Significance.asymptotic(q0, bestFit().mu());
  }

  /**
   * Toy-based p-value of the background-only rejection ({@link ToySignificance}): {@code nToys} toys from the
   * background-only model at the conditional fit θ̂̂(0) of this data, each fitted with the same options
   * ({@link BackgroundOnlyToys#run}).
   */
  public ToySignificance toySignificance(int nToys, UniformRandomProvider rng) {
    return BackgroundOnlyToys.run(this, nToys, rng);
  }
}
