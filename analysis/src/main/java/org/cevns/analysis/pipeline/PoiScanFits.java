package org.cevns.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.fit.GroupImpacts;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.Multimodality;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.ProfileLikelihood;

/**
 * The fits of a {@link PoiScan}: the global fit and the scan of the profile likelihood of the first parameter of
 * interest, its pulls, and the 1D intervals and impacts of each POI from a profile likelihood of its own (its global
 * search starts in that POI). Each of these profile likelihoods can find a lower minimum than the one the others
 * report (the scan's points, the nuisance impacts, another POI's starts or interval search): the fits are then made
 * again, every profile likelihood starting from the lowest minimum any of them found ({@link OneBestFit}), so that
 * the best fit, Δχ², intervals, impacts and pulls describe one fit. Not thread-safe.
 */
final class PoiScanFits {
  /**
   * Two profile likelihoods' best fits are one when their deviances differ by at most this (as the global search's
   * tolerance: the same minimum from two starts differs by rounding).
   */
  static final double DEVIANCE_TOLERANCE = 1e-6;

  /**
   * One pass of the fits.
   *
   * @param best the global fit reported (the first POI's profile likelihood's, after its scan)
   * @param deviances the deviance of the conditional fit at each grid point (before subtracting the best fit's)
   * @param points the grid points, row-major
   * @param conditional the conditional fit's parameters at each grid point
   * @param intervals per POI: {68 %, 90 %} intervals, if found
   * @param impacts the impacts of each POI whose interval was found
   * @param nuisances pulls and constraints of {@code best}
   * @param multimodality the other local minima (of the first POI's fit, else of an interval's)
   * @param intervalBests per POI: its profile likelihood's best fit after its interval searches (null if none)
   */
  record Pass(FitResult best, double[] deviances, List<double[]> points, List<double[]> conditional,
      List<Optional<Interval[]>> intervals, List<GroupImpacts> impacts, NuisanceReport nuisances,
      Optional<Multimodality> multimodality, List<FitResult> intervalBests) {}

  private final BinnedModel model;
  private final Observations data;
  private final FitOptions options;
  private final List<String> pois;
  private final boolean floatMu;
  private final ProfileLikelihood pl;
  private final int[] idx;
  private final Map<String, List<String>> groups;
  /** Each POI's profile likelihood for its interval, made in the first pass. */
  private final List<ProfileLikelihood> ones = new ArrayList<>();

  PoiScanFits(BinnedModel model, Observations data, FitOptions options, List<String> pois, boolean floatMu,
      Map<String, List<String>> groups) {
    this.model = model;
    this.data = data;
    this.options = options;
    this.pois = List.copyOf(pois);
    this.floatMu = floatMu;
    this.groups = groups;
    this.pl = ProfileLikelihood.of(model, data, options, pois.get(0), floatMu).withGlobalSearch();
    this.idx = pois.stream().mapToInt(model::parameterIndex).toArray();
    for (int k : idx) {
      PoiFits.seedNewPhysics(pl, model, k, options);
    }
  }

  /** The POIs' indices. */
  int[] indices() {
    return idx.clone();
  }

  /**
   * The fits, made again (at most {@link OneBestFit#MAX_REDOS} times) while a profile likelihood found a lower
   * minimum than the one a pass reports.
   */
  Pass run(List<PoiScan.Grid> grids, boolean withIntervals) {
    return OneBestFit.redo(() -> once(grids, withIntervals), this::lowerFound);
  }

  /** True if a fit of {@code p} or after it found a lower minimum than its best fit or an interval's. */
  private boolean lowerFound(Pass p) {
    if (pl.bestFit() != p.best()) {
      return true;
    }
    for (int i = 0; i < ones.size(); i++) {
      FitResult b = ones.get(i).bestFit();
      if (Math.abs(b.deviance() - p.best().deviance()) > DEVIANCE_TOLERANCE) {
        return true;
      }
      if (p.intervalBests().get(i) != null && (b != p.intervalBests().get(i) || !about(p.intervals().get(i), b, i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if both {@code intervals} are about {@code best}'s value of POI {@code i} (an interval search that finds a
   * lower minimum is redone from it, {@link Interval#muHat}: the 90 % one can find one after the 68.27 % one).
   */
  private boolean about(Optional<Interval[]> intervals, FitResult best, int i) {
    double x = best.parameters()[idx[i]];
    return intervals.isPresent() && intervals.get()[0].muHat() == x && intervals.get()[1].muHat() == x;
  }

  /** One pass from the lowest minimum any profile likelihood found so far. */
  private Pass once(List<PoiScan.Grid> grids, boolean withIntervals) {
    FitResult lowest = pl.bestFit();
    for (ProfileLikelihood one : ones) {
      lowest = one.bestFit().deviance() < lowest.deviance() ? one.bestFit() : lowest;
    }
    OneBestFit.adopt(pl, lowest);
    List<Optional<Interval[]>> intervals = new ArrayList<>();
    List<GroupImpacts> impacts = new ArrayList<>();
    List<Optional<Multimodality>> intervalMinima = new ArrayList<>();
    List<FitResult> intervalBests = new ArrayList<>();
    if (withIntervals) {
      boolean first = ones.isEmpty();
      for (int i = 0; i < pois.size(); i++) {
        String p = pois.get(i);
        if (first) {
          // the first POI's interval likelihood is the scan's: it takes the outcome of that global search
          ones.add(ProfileLikelihood.of(model, data, options, p, floatMu).withGlobalSearchOf(pl));
        }
        ProfileLikelihood one = ones.get(i);
        intervalBests.add(null);
        Optional<Interval[]> found = Optional.empty();
        try {
          if (first) {
            PoiFits.seedNewPhysics(one, model, model.parameterIndex(p), options);
          } else {
            OneBestFit.adopt(one, lowest);
          }
          Interval i68 = one.interval68();
          found = Optional.of(new Interval[] {i68, one.interval90()});
          intervalBests.set(i, one.bestFit());
          impacts.add(GroupImpacts.of(one, i68, groups, pois));
          intervalMinima.add(one.multimodality());
        } catch (RuntimeException e) {
          // no interval of this POI (or no impacts: its intervals are kept, one entry per POI)
        }
        intervals.add(found);
      }
    }
    double[] deviances = new double[0];
    List<double[]> points = new ArrayList<>();
    List<double[]> conditional = new ArrayList<>();
    if (!grids.isEmpty()) {
      deviances = scan(grids, points, conditional);
    }
    FitResult best = pl.bestFit(); // a scan point may have found a lower minimum
    Optional<Multimodality> multimodal = pl.multimodality(); // of the best fit reported
    for (Optional<Multimodality> o : intervalMinima) {
      multimodal = multimodal.isPresent() ? multimodal : o;
    }
    NuisanceReport nr = floatMu ? NuisanceReport.of(pl) : new NuisanceReport(List.of());
    return new Pass(best, deviances, points, conditional, intervals, impacts, nr, multimodal, intervalBests);
  }

  /** The conditional fits' deviances on the grid; adds the points and the fits' parameters. */
  private double[] scan(List<PoiScan.Grid> grids, List<double[]> points, List<double[]> conditional) {
    if (grids.size() != pois.size()) {
      throw new IllegalArgumentException("one grid per POI needed");
    }
    double[] x = grids.get(0).points();
    if (grids.size() == 1) {
      double[] deviances = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        points.add(new double[] {x[i]});
        FitResult r = pl.fixedFit(idx, new double[] {x[i]});
        conditional.add(r.parameters());
        deviances[i] = r.deviance();
      }
      return deviances;
    }
    double[] y = grids.get(1).points();
    double[] deviances = new double[x.length * y.length];
    double[][] cond = new double[deviances.length][];
    for (int i = 0; i < x.length; i++) {
      // serpentine order: neighbouring points warm-start each other
      for (int jj = 0; jj < y.length; jj++) {
        int j = i % 2 == 0 ? jj : y.length - 1 - jj;
        FitResult r = pl.fixedFit(idx, new double[] {x[i], y[j]});
        cond[i * y.length + j] = r.parameters();
        deviances[i * y.length + j] = r.deviance();
      }
    }
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < y.length; j++) {
        points.add(new double[] {x[i], y[j]});
        conditional.add(cond[i * y.length + j]);
      }
    }
    return deviances;
  }
}
