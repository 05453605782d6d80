package org.cevns.analysis.sim;

import java.util.List;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.AnalysisMode;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.SourceExposure;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigNode;

/**
 * Refuses, before any simulation, an analysis whose mode fits only some of the periods the sources make: the
 * on-off mode fits the reactor periods {@code on} and {@code off}, the beam mode the {@code beam} period's
 * windows, so the events of any other source (a spectrum file, a line or the Sun: period {@code run}; a reactor
 * beside a pulsed source) were simulated, counted in the tables and used for the pilot's energy ranges, but
 * left out of the fit without a word (a reactor configuration with a {@code spectrum-file} source beside it:
 * its 540 nearly background-free signal events unfitted, and the wider energy ranges they gave lowered the
 * median expected significance of {@code cevns sensitivity} from 9.4σ without the source to 6.5σ with it; mode
 * single gives 170σ). Mode {@code single} fits every period.
 */
public final class FitPeriodsCheck {
  private FitPeriodsCheck() {}

  /** @throws ConfigException at {@code analysis.mode} naming the first source whose period the fit leaves out */
  public static void check(AnalysisConfig config, ExperimentModel model) {
    List<String> fitted = switch (config.mode()) {
      case ON_OFF -> List.of(ExperimentModel.PERIOD_ON, ExperimentModel.PERIOD_OFF);
      case BEAM -> List.of(ExperimentModel.PERIOD_BEAM);
      default -> null;
    };
    if (fitted == null) {
      return;
    }
    for (SourceExposure e : model.exposures()) {
      if (e.source().isPresent() && !fitted.contains(e.period())) {
        String mode = ConfigNode.spelling(config.mode());
        String type = ConfigNode.spelling(model.config().sources().get(e.sourceIndex()).type());
        throw new ConfigException("analysis.mode", "mode " + mode
            + (config.modeAsWritten() == AnalysisMode.AUTO ? " (auto)" : "") + " fits the period" + (fitted.size() > 1 ? "s " : " ")
            + String.join(" and ", fitted) + ", but source '" + e.sourceName() + "' ("
            + type + ") makes period '" + e.period() + "', whose events the fit would leave out; allowed: mode"
            + " single (every period fitted), or only " + (config.mode() == AnalysisMode.BEAM ? "pion-dar"
            : "reactor") + " sources", ConfigException.quote(mode));
      }
    }
  }
}
