package org.cevns.analysis.fit;

/**
 * The mutable state of a {@link ProfileLikelihood}: its global fit, the lowest-deviance fit found so far (a
 * conditional fit lower than it is refitted from, and a lower refit replaces it, and with a global search
 * ({@link GlobalFit}) joins its minima), and the warm start of the conditional fits: each starts at the previous one
 * (an interval search's fit where {@link ProfilePredictor} predicts from the previous fit and the observed Hessian
 * there). During an interval search ({@link #startSearch}) the fits skip the Hesse errors, which nothing reads; the
 * search finds its ends by Newton steps unless {@link #bracketingOnly} (tests compare the two searches). Not
 * thread-safe (one per profile likelihood).
 */
final class FitState {
  private final PoissonLikelihood likelihood;
  private final FitOptions options;
  private final Fitter fitter;
  private final ProjectedNewton newton;
  private FitResult best;
  /** The global search's minima (null before the first fit and for a holding view). */
  private GlobalFit global;
  /** {@link #global} as the search left it ({@link #initial}). */
  private GlobalFit initial;
  /** True if a lower refit joins {@link #global}'s minima (with a global search). */
  private boolean offerToGlobal;
  private double[] warm;
  /** The observed Hessian at {@link #warm} (null if unknown), from which conditional fits predict their start. */
  private double[][] warmHessian;
  /** True during an interval search. */
  private boolean searching;
  /** Interval ends by bracketing and Brent only (tests compare the two searches). */
  private boolean bracketingOnly;

  FitState(PoissonLikelihood likelihood, FitOptions options, Fitter fitter, ProjectedNewton newton) {
    this.likelihood = likelihood;
    this.options = options;
    this.fitter = fitter;
    this.newton = newton;
  }

  /** True once the global fit is known. */
  boolean started() {
    return best != null;
  }

  /**
   * Starts from the global fit {@code g}; with {@code offerToGlobal} lower refits join its minima. Call right after
   * {@code g}'s fits ({@link ProjectedNewton#hessianAt} keeps the Hessian of the last point Newton evaluated).
   */
  void start(GlobalFit g, boolean offerToGlobal) {
    global = g;
    initial = g.copyFor(likelihood, fitter);
    this.offerToGlobal = offerToGlobal;
    best = g.best();
    warm = best.parameters();
    warmHessian = best == g.nominal() ? g.nominalHessian() : g.bestHessian();
  }

  /** A copy of the global search as it ended, before any later fit changed it (null before {@link #start}). */
  GlobalFit initial() {
    return initial;
  }

  /** Starts from the global fit {@code fit} (a holding view's, without a global search). Call right after the fit. */
  void start(FitResult fit) {
    best = fit;
    warm = best.parameters();
    warmHessian = newton.hessianAt(warm);
  }

  /** The lowest-deviance fit found so far (null before {@link #start}). */
  FitResult best() {
    return best;
  }

  /** The global search's minima (null before {@link #start} and for a holding view). */
  GlobalFit global() {
    return global;
  }

  /**
   * The conditional fit ({@link ConditionalFit#fit}) with the parameters {@code indices} held at {@code values} and
   * {@code fixed} held, from the warm start, which then moves to it; a fit lower than the global fit (the global fit
   * stopped short) is refitted from with {@code held} held, and a lower refit replaces the global fit.
   */
  FitResult conditional(int[] indices, double[] values, int[] fixed, int[] held) {
    double[] start = warm.clone();
    for (int a = 0; a < indices.length; a++) {
      start[indices[a]] = values[a];
    }
    FitResult r = ConditionalFit.fit(fitter, searching && indices.length == 1
        ? ProfilePredictor.start(likelihood, options, warm, warmHessian, indices[0], start[indices[0]], fixed)
        : null, start, indices, fixed, best, global, !searching);
    warm = r.parameters();
    warmHessian = newton.hessianAt(warm);
    if (r.deviance() < best.deviance()) {
      FitResult again = fitter.fit(r.parameters(), held);
      if (again.deviance() < best.deviance()) {
        best = again;
        if (offerToGlobal) {
          global.offer(again);
        }
      }
    }
    return r;
  }

  /**
   * Starts an interval end's search; with {@code fromBest} warm-started at the global fit (a redo: the last
   * conditional fit may sit in another local minimum, where a fit started stays, so q beside the new μ̂ was that
   * minimum's: ShippedConfigsRunTest, connie at 2 % of its exposure, had a ±2e-7 wide interval).
   */
  void startSearch(boolean fromBest) {
    if (fromBest) {
      warm = best.parameters().clone();
      warmHessian = newton.hessianAt(warm);
    }
    searching = true;
  }

  /** Ends what {@link #startSearch} started. */
  void endSearch() {
    searching = false;
  }

  /** Makes {@link IntervalEnds} find interval ends by bracketing and Brent's method only. */
  void bracketingOnly() {
    bracketingOnly = true;
  }

  /** True if interval ends are found by bracketing and Brent only ({@link #bracketingOnly()}). */
  boolean isBracketingOnly() {
    return bracketingOnly;
  }
}
