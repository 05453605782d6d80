package org.cevns.analysis.pipeline;

import org.cevns.generator.Provenance;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.SignalProcess;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.events.WindowSpec;

/**
 * Everything one analysis needs.
 *
 * @param experiment experiment name (for titles)
 * @param config the analysis settings
 * @param data histograms of the events analysed
 * @param exposure the data's exposure (live time per detector and period, mass, POT)
 * @param templates expected counts at μ = 1 for the data's exposure, same binning as {@code data}
 * @param templateInfo how the templates were made (for the summary)
 * @param windows the beam windows (beam mode)
 * @param seed random seed of the toys
 * @param provenance version, seed and configuration hash for the outputs, if known
 * @param systematics the systematics' varied templates (same exposure as {@code templates}) and reweighting inputs
 * @param measured whether {@code data} is measured data ({@code cevns import}ed files), not a simulation
 * @param signal which process the signal is (CEvNS, or EvES with {@code processes: [eves]}): the plots name it
 */
public record AnalysisInputs(String experiment, AnalysisConfig config, SpectrumSet data, RunExposure exposure,
    SpectrumSet templates, TemplateInfo templateInfo, Optional<WindowSpec> windows, long seed,
    Optional<Provenance> provenance, TemplateSystematics systematics, boolean measured, SignalProcess signal) {
  /** Inputs without provenance (tests and hand-made inputs), systematics only as configured, CEvNS signal. */
  public AnalysisInputs(String experiment, AnalysisConfig config, SpectrumSet data, RunExposure exposure,
      SpectrumSet templates, TemplateInfo templateInfo, Optional<WindowSpec> windows, long seed) {
    this(experiment, config, data, exposure, templates, templateInfo, windows, seed, Optional.empty(),
        TemplateSystematics.of(config.systematics()), false);
  }

  /** Inputs with a CEvNS signal. */
  public AnalysisInputs(String experiment, AnalysisConfig config, SpectrumSet data, RunExposure exposure,
      SpectrumSet templates, TemplateInfo templateInfo, Optional<WindowSpec> windows, long seed,
      Optional<Provenance> provenance, TemplateSystematics systematics, boolean measured) {
    this(experiment, config, data, exposure, templates, templateInfo, windows, seed, provenance, systematics, measured,
        SignalProcess.NUCLEAR);
  }

  public AnalysisInputs {
    provenance = provenance == null ? Optional.empty() : provenance;
    if (experiment == null || config == null || data == null || exposure == null || templates == null
        || templateInfo == null || windows == null || systematics == null || signal == null) {
      throw new IllegalArgumentException("every analysis input must be given (none null)");
    }
    if (!data.binning().equals(templates.binning())) {
      throw new IllegalArgumentException("data and templates must be histogrammed with the same binning");
    }
  }

  /**
   * How the templates were made.
   *
   * @param source {@code simulation} (in memory) or the template file(s)
   * @param factor template statistics relative to the expected events
   * @param normalisation {@code simulation} or {@code model}
   * @param seed seed of the template simulation
   */
  public record TemplateInfo(String source, double factor, String normalisation, long seed) {}
}
