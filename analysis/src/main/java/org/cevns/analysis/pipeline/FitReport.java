package org.cevns.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.simple.RandomSource;
import org.cevns.analysis.config.FitSettings;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.Channel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.fit.GroupImpacts;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.Multimodality;
import org.cevns.analysis.fit.ProfileLikelihood;
import org.cevns.analysis.fit.Sample;
import org.cevns.analysis.fit.ScanPoint;
import org.cevns.analysis.fit.Significance;
import org.cevns.analysis.fit.ToySignificance;

/**
 * The profile-likelihood fit of the data: best fit (μ̂, θ̂) with Hesse errors, 68.27 % and 90 % intervals of μ,
 * the asymptotic discovery significance (and the toy-based one on request), goodness of fit, and a scan of
 * q(μ) for the profile plot (Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554; see
 * {@link ProfileLikelihood}).
 *
 * @param built the model and its channels
 * @param observations the data
 * @param options the fit options
 * @param best the global fit
 * @param interval68 the 68.27 % interval, if found
 * @param interval90 the 90 % interval, if found
 * @param intervalProblem why an interval is missing, if one is
 * @param significance asymptotic significance of the background-only rejection
 * @param toys toy-based significance, if requested
 * @param scan q(μ) on a grid around μ̂
 * @param nuisances pulls, constraints and impacts of the single nuisances on μ
 * @param physics the fits of the physics parameters of interest
 * @param impacts the impacts of the nuisance groups on the 68.27 % interval of μ, if computed
 * @param multimodality the other local minima in μ the global fit found, if any
 */
public record FitReport(FitModelBuilder.Built built, Observations observations, FitOptions options, FitResult best,
    Optional<Interval> interval68, Optional<Interval> interval90, Optional<String> intervalProblem,
    Significance significance, Optional<ToySignificance> toys, List<ScanPoint> scan, NuisanceReport nuisances,
    List<PoiFit> physics, Optional<GroupImpacts> impacts, Optional<Multimodality> multimodality) {
  /** This report with the fits of the physics parameters of interest. */
  public FitReport withPhysics(List<PoiFit> p) {
    return new FitReport(built, observations, options, best, interval68, interval90, intervalProblem, significance,
        toys, scan, nuisances, List.copyOf(p), impacts, multimodality);
  }

  /** The group impacts of every parameter of interest: μ's, then the physics parameters' (in order). */
  public List<GroupImpacts> allImpacts() {
    List<GroupImpacts> out = new ArrayList<>();
    impacts.ifPresent(out::add);
    physics.forEach(p -> p.impacts().ifPresent(out::add));
    return out;
  }

  /** Points of the profile scan. */
  public static final int SCAN_POINTS = 41;

  /**
   * Fits.
   *
   * @param seed seed of the toys (stream independent of any simulation)
   */
  public static FitReport run(FitModelBuilder.Built built, Observations data, FitSettings settings, long seed) {
    return run(built, data, settings, seed, null);
  }

  /**
   * Fits, with the impacts of the nuisance groups {@code groups} ({@link ImpactGroups}) on the 68.27 % interval of μ
   * unless {@code groups} is null.
   *
   * @param seed seed of the toys (stream independent of any simulation)
   */
  public static FitReport run(FitModelBuilder.Built built, Observations data, FitSettings settings, long seed,
      java.util.Map<String, List<String>> groups) {
    ProfileLikelihood pl = ProfileLikelihood.of(built.model(), data, settings.fitOptions()).withGlobalSearch();
    // the scan's, the nuisances' and the impacts' conditional fits can find a lower global fit (the profile
    // likelihood then replaces its best fit: reduced connie, mu -7.655 -> -7.639, deviance 0.001 lower): everything
    // is redone from it, so that mu-hat, intervals, q0, scan, pulls and impacts describe one fit
    return OneBestFit.redo(() -> once(pl, built, data, settings, seed, groups), r -> pl.bestFit() != r.best);
  }

  /** The report from {@code pl}'s current best fit. */
  private static FitReport once(ProfileLikelihood pl, FitModelBuilder.Built built, Observations data,
      FitSettings settings, long seed, java.util.Map<String, List<String>> groups) {
    FitOptions options = settings.fitOptions();
    FitResult best = pl.bestFit();
    Optional<Interval> i68 = Optional.empty();
    Optional<Interval> i90 = Optional.empty();
    Optional<String> problem = Optional.empty();
    try {
      i68 = Optional.of(pl.interval68());
      i90 = Optional.of(pl.interval90());
    } catch (RuntimeException e) {
      problem = Optional.of(e.getMessage());
    }
    Significance z = pl.significance();
    Optional<ToySignificance> toys = settings.toys() > 0
        ? Optional.of(pl.toySignificance(settings.toys(), RandomSource.XO_RO_SHI_RO_128_PP.create(seed)))
        : Optional.empty();
    best = pl.bestFit();
    Optional<Multimodality> multimodality = pl.multimodality(); // of the best fit reported
    List<ScanPoint> scan = pl.scan(grid(best, i90, options));
    NuisanceReport nuisances = NuisanceReport.of(pl);
    Optional<GroupImpacts> impacts = groups == null || i68.isEmpty() ? Optional.empty()
        : Optional.of(GroupImpacts.of(pl, i68.get(), groups));
    return new FitReport(built, data, options, best, i68, i90, problem, z, toys, scan, nuisances, List.of(),
        impacts, multimodality);
  }

  /** μ grid of the scan: the 90 % interval widened by half its width on each side (or ±4 Hesse errors). */
  static double[] grid(FitResult best, Optional<Interval> i90, FitOptions options) {
    double lo;
    double hi;
    if (i90.isPresent()) {
      double w = i90.get().upper() - i90.get().lower();
      lo = i90.get().lower() - 0.5 * w;
      hi = i90.get().upper() + 0.5 * w;
    } else {
      double s = best.muHesseError() > 0 && Double.isFinite(best.muHesseError()) ? best.muHesseError()
          : Math.max(1.0, Math.abs(best.mu()));
      lo = best.mu() - 4 * s;
      hi = best.mu() + 4 * s;
    }
    lo = Math.max(lo, options.muLower());
    hi = Math.min(hi, options.muUpper());
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    double[] g = new double[SCAN_POINTS];
    for (int i = 0; i < g.length; i++) {
      g[i] = lo + (hi - lo) * i / (g.length - 1);
    }
    return g;
  }

  /** Fitted expected counts per bin of channel {@code c}, all samples. */
  public double[] fittedTotal(int c) {
    return built.model().expectedInChannel(best.parameters(), c);
  }

  /** Fitted expected counts of the signal samples of channel {@code c}. */
  public double[] fittedSignal(int c) {
    return fitted(c, true);
  }

  /** Fitted expected counts of the background samples of channel {@code c}. */
  public double[] fittedBackground(int c) {
    return fitted(c, false);
  }

  /** Fitted counts of one sample (by name) in channel {@code c}; zeros if absent. */
  public double[] fittedSample(int c, String sample) {
    return built.model().expectedOfSamples(best.parameters(), c, s -> s.name().equals(sample));
  }

  private double[] fitted(int c, boolean signal) {
    return built.model().expectedOfSamples(best.parameters(), c, s -> s.isSignal() == signal);
  }

  /** Observed counts of channel {@code c}. */
  public double[] observed(int c) {
    BinnedModel m = built.model();
    double[] out = new double[m.channelOffset(c + 1) - m.channelOffset(c)];
    for (int i = 0; i < out.length; i++) {
      out[i] = observations.count(m.channelOffset(c) + i);
    }
    return out;
  }

  /** Names of the samples of every channel, without repeats, signal first. */
  public List<String> sampleNames() {
    List<String> n = new ArrayList<>();
    for (Channel ch : built.model().channels()) {
      for (Sample s : ch.samples()) {
        if (!n.contains(s.name())) {
          if (s.isSignal()) {
            n.add(0, s.name());
          } else {
            n.add(s.name());
          }
        }
      }
    }
    return n;
  }
}
