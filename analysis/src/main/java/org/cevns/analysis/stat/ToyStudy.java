package org.cevns.analysis.stat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.NewPhysicsSeeds;
import org.cevns.analysis.fit.NormParameter;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.ProfileLikelihood;
import org.cevns.analysis.fit.ToyGenerator;
import org.cevns.events.run.RandomStreams;

/**
 * Toy experiments, each seeded on its own: toy k is drawn from the fit model at the true parameters
 * ({@link ToyGenerator}: Poisson counts, fluctuated global observables of every constrained nuisance and of the
 * Barlow–Beeston-lite terms) with the random stream (seed', k) of {@link RandomStreams}, seed' = seed XOR
 * {@link #STREAM}, and fitted (profile likelihood in μ); then, for every physics parameter of interest, the same
 * toy is fitted with the model in which that parameter floats (μ held at 1, as {@code cevns run} and
 * {@code cevns fit} do; a new-physics parameter's global fit seeded across its range as there,
 * {@link NewPhysicsSeeds}). Toy k's result depends only on the models, the options, the seed and k, so any split of
 * the toys over threads, map tasks or batch jobs gives the same rows. Immutable and thread-safe.
 */
public final class ToyStudy {
  /** Mixed into the seed so the toys do not share streams with the event blocks of a run of the same seed. */
  public static final long STREAM = 0x746f792d73747564L; // "toy-stud"

  /**
   * Fixed columns of a result row; then six columns per physics POI ({@link #POI_SUFFIXES}), one {@code fit.NAME}
   * column per fit parameter of the μ fit and one {@code pull.NAME} column per constrained nuisance.
   */
  public static final List<String> FIXED_COLUMNS = List.of("toy", "mu_true", "mu_hat", "mu_hesse_error",
      "mu_lower_68", "mu_upper_68", "covered_68", "q0", "z", "converged");

  /**
   * Suffixes of the columns of physics POI {@code NAME} (e.g. {@code sin2_theta_w_hat}, {@code rn_fm.Cs133_lower_68},
   * in the POI's unit): true value, best fit, 68.27 % profile interval, whether it covers the true value, whether the
   * fit converged and the interval was found.
   */
  public static final List<String> POI_SUFFIXES = List.of("_true", "_hat", "_lower_68", "_upper_68", "_covered_68",
      "_converged");

  /**
   * A physics parameter of interest and its fit model: the toy model's channels, norms and systematic nuisances
   * (same order) with the parameter floating.
   *
   * @param name the parameter name ({@code sin2_theta_w}, {@code rn_fm.Cs133}, …)
   * @param model the model with the parameter floating
   */
  public record Poi(String name, BinnedModel model) {}

  private final BinnedModel model;
  private final double[] truth;
  private final FitOptions options;
  private final long seed;
  private final List<Poi> pois;
  private final int[] pullIndex;

  private ToyStudy(BinnedModel model, double[] truth, FitOptions options, long seed, List<Poi> pois) {
    this.model = model;
    this.truth = truth.clone();
    this.options = options;
    this.seed = seed;
    this.pois = List.copyOf(pois);
    List<Integer> pulls = new ArrayList<>();
    for (int k = 1; k < model.physicsOffset(); k++) {
      if (k >= model.alphaOffset() || model.norm(k).kind() == NormParameter.Kind.CONSTRAINED) {
        pulls.add(k);
      }
    }
    this.pullIndex = pulls.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * @param model the fit model (templates built once)
   * @param truth true parameters (index 0 is μ), length {@code model.nParameters()}
   * @param options fit options (use unbounded μ for unbiased coverage)
   * @param seed the study's seed
   */
  public static ToyStudy of(BinnedModel model, double[] truth, FitOptions options, long seed) {
    return of(model, truth, options, seed, List.of());
  }

  /**
   * As {@link #of(BinnedModel, double[], FitOptions, long)}, with physics parameters of interest fitted to every toy
   * (true value: their nominal value; the toys are drawn from {@code model}, whose templates are at the nominal
   * physics).
   *
   * @throws IllegalArgumentException if a POI's model does not share the toy model's nuisances (names and order)
   */
  public static ToyStudy of(BinnedModel model, double[] truth, FitOptions options, long seed, List<Poi> pois) {
    if (model == null || truth == null || options == null || pois == null) {
      throw new IllegalArgumentException("model, truth, options and pois must be given");
    }
    if (truth.length != model.nParameters()) {
      throw new IllegalArgumentException("truth must have " + model.nParameters() + " parameters, got "
          + truth.length);
    }
    List<String> nuisances = model.parameterNames().subList(0, model.physicsOffset());
    for (Poi p : pois) {
      List<String> names = p.model().parameterNames();
      if (names.size() < nuisances.size() || !names.subList(0, nuisances.size()).equals(nuisances)
          || p.model().nBins() != model.nBins()) {
        throw new IllegalArgumentException("the model of POI " + p.name() + " must have the toy model's bins and"
            + " parameters " + nuisances + " first, got " + names);
      }
      p.model().parameterIndex(p.name());
    }
    return new ToyStudy(model, truth, options, seed, pois);
  }

  /** Names of the fit parameters, in the order of {@link Row#parameters()} (μ first; then the nuisances/POIs). */
  public List<String> parameterNames() {
    return model.parameterNames();
  }

  /** Names of the physics parameters of interest, in the order of {@link Row#pois()}. */
  public List<String> poiNames() {
    return pois.stream().map(Poi::name).toList();
  }

  /** Names of the constrained nuisances, in the order of {@link Row#pulls()}. */
  public List<String> pullNames() {
    List<String> all = model.parameterNames();
    List<String> n = new ArrayList<>();
    for (int k : pullIndex) {
      n.add(all.get(k));
    }
    return n;
  }

  /**
   * All column names: {@link #FIXED_COLUMNS}; {@code NAME}+{@link #POI_SUFFIXES} per physics POI; {@code fit.NAME}
   * per fit parameter; {@code pull.NAME} per constrained nuisance.
   */
  public List<String> columns() {
    List<String> c = new ArrayList<>(FIXED_COLUMNS);
    for (String p : poiNames()) {
      POI_SUFFIXES.forEach(s -> c.add(p + s));
    }
    parameterNames().forEach(n -> c.add("fit." + n));
    pullNames().forEach(n -> c.add("pull." + n));
    return c;
  }

  /**
   * The fit of one physics POI to one toy.
   *
   * @param truth the true value (the nominal one)
   * @param best best fit
   * @param lower68 lower end of the 68.27 % profile interval (NaN if not found; the range's end if cut by it)
   * @param upper68 upper end (NaN if not found)
   * @param covered68 whether the interval contains the true value
   * @param converged the best fit converged and the interval was found, not the whole range of μ (μ undetermined)
   */
  public record PoiResult(double truth, double best, double lower68, double upper68, boolean covered68,
      boolean converged) {}

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
   * @param converged the best fit converged and the interval was found, not the whole range of μ (μ undetermined)
   * @param parameters best-fit values of all parameters ({@link #parameterNames()})
   * @param pois the fits of the physics POIs ({@link #poiNames()})
   * @param pulls (θ̂ − θ_true)/σ̂ of each constrained nuisance ({@link #pullNames()}; σ̂ its Hesse error, in the
   *     μ fit; NaN where the error is not defined)
   */
  public record Row(long toy, double muTrue, double muHat, double muHesseError, double lower68, double upper68,
      boolean covered68, double q0, double z, boolean converged, double[] parameters, List<PoiResult> pois,
      double[] pulls) {
    /** Every cell in the order of {@link #columns()}; booleans as 0/1, the toy index as a double. */
    public double[] values() {
      double[] v = new double[FIXED_COLUMNS.size() + POI_SUFFIXES.size() * pois.size() + parameters.length
          + pulls.length];
      int i = 0;
      for (double x : new double[] {toy, muTrue, muHat, muHesseError, lower68, upper68, covered68 ? 1 : 0, q0, z,
          converged ? 1 : 0}) {
        v[i++] = x;
      }
      for (PoiResult p : pois) {
        for (double x : new double[] {p.truth(), p.best(), p.lower68(), p.upper68(), p.covered68() ? 1 : 0,
            p.converged() ? 1 : 0}) {
          v[i++] = x;
        }
      }
      System.arraycopy(parameters, 0, v, i, parameters.length);
      System.arraycopy(pulls, 0, v, i + parameters.length, pulls.length);
      return v;
    }
  }

  /** Simulates and fits toy {@code k}. */
  public Row run(long k) {
    if (k < 0) {
      throw new IllegalArgumentException("toy index must be >= 0, got " + k);
    }
    UniformRandomProvider rng = RandomStreams.create(seed ^ STREAM, k);
    Observations toy = ToyGenerator.generate(model, truth, rng);
    ProfileLikelihood pl = ProfileLikelihood.of(model, toy, options);
    FitResult best = pl.bestFit();
    Interval i = interval68(pl);
    boolean found = i != null;
    double lower = found ? i.lower() : Double.NaN;
    double upper = found ? i.upper() : Double.NaN;
    // μ undetermined (its interval the whole range): the signal vanished at the fitted nuisances, e.g. a re-folded
    // quenching histosys extrapolated linearly to zero; the fit stays at its start, not a result (dresden-ii)
    found = found && !(i.lowerAtBound() && i.upperAtBound());
    best = pl.bestFit();
    // the discovery test of ProfileLikelihood#significance, with its second start of the μ = 0 fit
    double q0 = pl.significance().q0();
    boolean covered = found && lower <= truth[0] && truth[0] <= upper;
    double[] pulls = new double[pullIndex.length];
    for (int a = 0; a < pulls.length; a++) {
      int j = pullIndex[a];
      double s = best.hesseErrors()[j];
      pulls[a] = s > 0 ? (best.parameters()[j] - truth[j]) / s : Double.NaN;
    }
    List<PoiResult> poiResults = new ArrayList<>(pois.size());
    for (Poi p : pois) {
      poiResults.add(fitPoi(p, toy));
    }
    return new Row(k, truth[0], best.mu(), best.muHesseError(), lower, upper, covered, q0, Math.sqrt(q0),
        best.converged() && found, best.parameters(), poiResults, pulls);
  }

  /** The fit of physics POI {@code p} to the toy (same counts and global observables), μ held at 1. */
  private PoiResult fitPoi(Poi p, Observations toy) {
    BinnedModel m = p.model();
    Observations obs = Observations.of(m, toy.counts(), toy.globalObservables());
    if (model.hasStatErrors()) {
      double[] b = new double[toy.nBins()];
      for (int i = 0; i < b.length; i++) {
        b[i] = toy.statAuxiliary(i);
      }
      obs = obs.withStatAuxiliary(b);
    }
    int k = m.parameterIndex(p.name());
    double truthValue = m.nominalParameters(1.0)[k];
    ProfileLikelihood pl = ProfileLikelihood.of(m, obs, options, p.name(), false);
    NewPhysicsSeeds.seed(pl, m, k); // as cevns fit and scan: a quadratic POI cannot leave its SM value
    FitResult best = pl.bestFit();
    Interval i = interval68(pl);
    boolean found = i != null;
    double lower = found ? i.lower() : Double.NaN;
    double upper = found ? i.upper() : Double.NaN;
    best = pl.bestFit();
    boolean covered = found && lower <= truthValue && truthValue <= upper;
    return new PoiResult(truthValue, best.parameters()[k], lower, upper, covered, best.converged() && found);
  }

  /** Toys {@code [from, to)} in order. */
  public List<Row> run(long from, long to) {
    List<Row> rows = new ArrayList<>((int) Math.max(0, Math.min(to - from, 1 << 20)));
    for (long k = from; k < to; k++) {
      rows.add(run(k));
    }
    return rows;
  }

  /** The 68.27 % interval of {@code pl}'s parameter, or null where its search fails (a toy far off). */
  private static Interval interval68(ProfileLikelihood pl) {
    try {
      return pl.interval(ProfileLikelihood.CL_68);
    } catch (IllegalStateException | org.apache.commons.math3.exception.MathIllegalArgumentException e) {
      return null;
    }
  }
}
