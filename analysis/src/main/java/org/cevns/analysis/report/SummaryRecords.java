package org.cevns.analysis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cevns.analysis.fit.GroupImpacts;
import org.cevns.analysis.pipeline.NuisanceReport;

/**
 * The records {@code summary.json} is bound to, in the order their keys are written (snake_case names through
 * {@link Json#MAPPER}; a component that is null is left out where marked, a number that is not finite is written
 * as null). Units are in the names, as in the file.
 */
final class SummaryRecords {
  private SummaryRecords() {}

  /** The whole file. {@code fit} is a {@link Fit} or a {@link FitProblem}. */
  record Summary(String experiment, @JsonInclude(Include.NON_NULL) Map<String, String> provenance, String mode,
      String modeConfigured, List<String> detectors, List<Exposure> exposure,
      @JsonInclude(Include.NON_NULL) Windows windowsNs, Binning binning, Templates templates, List<Count> counts,
      @JsonInclude(Include.NON_NULL) Subtraction subtraction, Object fit) {}

  record Windows(double coincidenceStart, double anticoincidenceStart, double length) {}

  record Binning(@JsonProperty("energy_kevee") Map<String, double[]> energyKeVee, Map<String, double[]> pe,
      double[] timeNs, @JsonInclude(Include.NON_NULL) double[] fitTimeSinceWindowStartNs) {}

  /** {@code warning}: {@link org.cevns.analysis.pipeline.TemplateStatistics#warning}'s line, absent when none. */
  record Templates(String source, double statisticsFactor, String normalisation, long seed,
      @JsonInclude(Include.NON_NULL) String warning) {}

  record Exposure(String detector, double massKg, List<Period> periods) {}

  record Period(String source, String period, double liveSeconds, double exposure, String exposureUnit) {}

  record Count(String detector, String period, String beamWindow, String component, long observedEvents,
      double observedSumWeights, double observedInEnergyRange, double expectedEvents,
      double expectedInEnergyRange) {}

  record Subtraction(String signalRegion, String controlRegion, String rateUnit, List<DetectorSubtraction> detectors,
      @JsonInclude(Include.NON_NULL) SubtractionCounts array) {}

  /** One detector's subtraction: its name, the counts, then κ. */
  record DetectorSubtraction(String detector, @JsonUnwrapped SubtractionCounts counts,
      double kappa) {}

  record SubtractionCounts(double signalExposure, double controlExposure, double signalCounts,
      double signalCountsError, double controlCountsScaled, double controlCountsScaledError, double residualCounts,
      double residualCountsError, double[] residualRatePerBin, double[] residualRateErrorPerBin) {}

  record FitProblem(String problem) {}

  @JsonInclude(Include.NON_NULL)
  record Fit(String observable, List<Channel> channels, double muHat, double muHesseError,
      @JsonProperty("interval_68") Interval interval68, @JsonProperty("interval_90") Interval interval90,
      String intervalProblem, Significance significance, ToySignificance toySignificance, GoodnessOfFit goodnessOfFit,
      boolean converged, String multimodality, List<Poi> parameters, List<Nuisance> nuisances, List<Impact> impacts,
      List<Parameter> allParameters, List<Prior> configuredPriors) {}

  /**
   * One row of the impact breakdown ({@link GroupImpacts}): the 68.27 % half-widths below and above the best fit
   * ({@code total}, {@code statistical}, {@code systematic_total}) or a group's impact on them. {@code note} (absent
   * otherwise) says when an end of the POI's interval is at the parameter's bound: the impacts on that side are then
   * not defined (null), not 0, unless the interval with the group held ends inside the range there: then the impact
   * is a lower limit, {@code minus_lower_limit} / {@code plus_lower_limit} true (absent otherwise).
   */
  record Impact(String poi, String group, double minus, double plus,
      @JsonInclude(Include.NON_NULL) Boolean minusLowerLimit, @JsonInclude(Include.NON_NULL) Boolean plusLowerLimit,
      @JsonInclude(Include.NON_NULL) String note) {
    static List<Impact> of(List<GroupImpacts> impacts) {
      List<Impact> out = new ArrayList<>();
      for (GroupImpacts g : impacts) {
        String note = atBoundNote(g);
        for (GroupImpacts.Row r : g.rows()) {
          out.add(new Impact(r.poi(), r.group(), r.minus(), r.plus(), r.minusLowerLimit() ? Boolean.TRUE : null,
              r.plusLowerLimit() ? Boolean.TRUE : null, note));
        }
      }
      return out;
    }

    /** The note of {@code g}'s rows, or null when neither end of its interval is at a bound. */
    static String atBoundNote(GroupImpacts g) {
      if (!g.atBound()) {
        return null;
      }
      String side = g.lowerAtBound() && g.upperAtBound() ? "both ends" : g.lowerAtBound() ? "the lower end"
          : "the upper end";
      String half = g.lowerAtBound() && g.upperAtBound() ? "both half-widths" : g.lowerAtBound() ? "the minus half-width"
          : "the plus half-width";
      boolean limits = g.rows().stream().anyMatch(r -> r.minusLowerLimit() || r.plusLowerLimit());
      return side + " of the 68.27 % interval at the parameter's bound: total there is the distance to the bound,"
          + " and the impacts on " + half + " are not defined (null)" + (limits ? ", or lower limits where the"
          + " interval with the group held ends inside the range (minus_lower_limit, plus_lower_limit)" : "");
    }
  }

  record Channel(String name, double observed, double fittedTotal, double fittedSignal, double fittedBackground,
      double expectedSignalSm) {}

  record Interval(double cl, double lower, double upper, boolean lowerAtBound, boolean upperAtBound) {}

  /**
   * An interval's ends; {@code lower_at_bound} / {@code upper_at_bound} are written (true) only where that end is the
   * parameter's bound (the interval search stopped there with q below its level), so other outputs are unchanged.
   */
  @JsonInclude(Include.NON_NULL)
  record Bounds(double lower, double upper, Boolean lowerAtBound, Boolean upperAtBound) {
    Bounds(double lower, double upper) {
      this(lower, upper, null, null);
    }

    static Bounds of(org.cevns.analysis.fit.Interval i) {
      return new Bounds(i.lower(), i.upper(), i.lowerAtBound() ? Boolean.TRUE : null,
          i.upperAtBound() ? Boolean.TRUE : null);
    }
  }

  record Significance(double q0, double z, double pValue, String method) {}

  /**
   * The toy-based significance; when no toy reached the observed q0 ({@code z} infinite, written as null), {@code
   * zLowerBound} = Φ⁻¹(1 − 1/toys), the bound the terminal prints as "&gt; Zσ (no toy reached q0)", else null.
   */
  record ToySignificance(int toys, int failed, int atLeastQ0, double pValue, double pValueError, double z,
      Double zLowerBound) {
    static ToySignificance of(int toys, int failed, int atLeastQ0, double pValue, double pValueError, double z) {
      Double bound = Double.isInfinite(z) ? org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
          .inverseSurvivalProbability(1.0 / Math.max(toys, 1)) : null;
      return new ToySignificance(toys, failed, atLeastQ0, pValue, pValueError, z, bound);
    }
  }

  record GoodnessOfFit(double chi2, double poissonChi2, int ndf, double pValue) {}

  /** A parameter of interest; {@code nominal} is left out where null (scan.json). */
  @JsonInclude(Include.NON_NULL)
  record Poi(String name, double best, Double nominal, @JsonProperty("interval_68") Bounds interval68,
      @JsonProperty("interval_90") Bounds interval90, String intervalProblem) {}

  record Nuisance(String name, double pull, double constraint, double impactMuUp, double impactMuDown) {
    static List<Nuisance> of(NuisanceReport r) {
      List<Nuisance> out = new ArrayList<>();
      for (var e : r.entries()) {
        out.add(new Nuisance(e.name(), e.pull(), e.constraint(), e.impactUp(), e.impactDown()));
      }
      return out;
    }
  }

  @JsonInclude(Include.NON_NULL)
  record Parameter(String name, double value, double hesseError, String kind, Double relativeWidth,
      String component) {}

  record Prior(String component, String prior) {}
}
