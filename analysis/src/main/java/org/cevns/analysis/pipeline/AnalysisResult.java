package org.cevns.analysis.pipeline;

import java.util.List;
import java.util.Optional;
import org.cevns.analysis.fit.Observations;

/**
 * The outcome of one analysis: the subtraction (ON − OFF or C − AC) and the likelihood fit, with the inputs
 * they came from. Build with {@link #of(AnalysisInputs)}.
 *
 * @param inputs the inputs
 * @param detectors the detectors analysed, in order
 * @param subtraction the subtraction, unless the mode has no control region
 * @param fit the fit, unless it could not be built
 * @param fitProblem why there is no fit, if there is none
 * @param templateWarning {@link TemplateStatistics#warning(AnalysisInputs)}, computed once for the stderr line,
 *     summary.txt and summary.json
 */
public record AnalysisResult(AnalysisInputs inputs, List<String> detectors, Optional<SubtractionReport> subtraction,
    Optional<FitReport> fit, Optional<String> fitProblem, Optional<String> templateWarning) {

  /** Runs the subtraction and the fit. */
  public static AnalysisResult of(AnalysisInputs in) {
    return of(in, TemplateStatistics.Remedy.MAX_EVENTS_OR_TEMPLATE_FILE);
  }

  /** Runs the subtraction and the fit; the template-statistics warning names the options of {@code remedy}. */
  public static AnalysisResult of(AnalysisInputs in, TemplateStatistics.Remedy remedy) {
    List<String> detectors = in.templates().detectors().isEmpty() ? in.data().detectors()
        : in.templates().detectors();
    var mode = in.config().mode();
    // without a control region in the fit (analysis.fit.control_region: false) there are no control data to subtract
    Optional<SubtractionReport> sub = in.config().fit().controlRegion()
        ? SubtractionReport.of(mode, in.data(), in.exposure(), in.windows(), detectors) : Optional.empty();
    Optional<FitReport> fit = Optional.empty();
    Optional<String> problem = Optional.empty();
    try {
      FitModelBuilder.Built built = FitModelBuilder.build(mode, in.config().fit(), in.templates(), in.data(),
          in.systematics(), List.of());
      Observations obs = built.observations(in.data(), in.config().fit().observable());
      FitReport f = FitReport.run(built, obs, in.config().fit(), in.seed(),
          ImpactGroups.of(built, in.systematics().config()));
      List<PoiFit> physics = new java.util.ArrayList<>();
      for (String name : in.config().parameters()) {
        if (!name.equals(org.cevns.analysis.fit.BinnedModel.POI_NAME)) {
          physics.add(PoiFits.fit(in.config(), in.templates(), in.data(), in.systematics(), name));
        }
      }
      fit = Optional.of(f.withPhysics(physics));
    } catch (IllegalArgumentException e) {
      problem = Optional.of(e.getMessage());
    }
    return new AnalysisResult(in, detectors, sub, fit, problem, TemplateStatistics.warning(in, remedy));
  }
}
