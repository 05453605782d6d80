package org.cevns.analysis.sim;

import java.util.Locale;
import java.util.OptionalDouble;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.AxisSpec;
import org.cevns.analysis.config.TemplateFile;
import org.cevns.analysis.events.EventColumns;
import org.cevns.detsim.sim.CevnsDetectability;
import org.cevns.schema.ConfigException;

/**
 * Refuses, before any simulation, an energy range of the fit ({@code analysis.energy},
 * {@code analysis.detectors.<name>}) that starts above the largest observed energy any CEvNS event of the
 * detectors can have ({@link CevnsDetectability#largestObservedKeVee}: the quenched T_max(E_max) of the sources
 * and nuclei, smeared by twelve standard deviations, times two). Such a range holds no signal, and the fit
 * failed only after the pilot and template simulations ("no signal template has expected events inside the
 * fit range"), half a minute for COHERENT CsI with {@code min_kevee: 100}. The range is refused only when it
 * misses the signal of every detector; a signal read from a file ({@code analysis.fit.template_files}) is not
 * bounded by the simulation's kinematics, so such configurations are not checked.
 */
public final class FitRangeCheck {
  private FitRangeCheck() {}

  /** @throws ConfigException naming the lower end's key of the first detector's energy range */
  public static void check(AnalysisConfig config, SimulationSetup setup) {
    if (config.fit().templateFiles().stream().map(TemplateFile::component).anyMatch(EventColumns.SIGNAL::equals)) {
      return;
    }
    var names = setup.detectors();
    String firstKey = null;
    double firstMin = 0;
    StringBuilder largest = new StringBuilder();
    for (int d = 0; d < names.size(); d++) {
      OptionalDouble top = CevnsDetectability.largestObservedKeVee(setup.model(), setup.detsim(), d);
      if (top.isEmpty()) {
        continue;
      }
      String name = names.get(d);
      AxisSpec axis = config.energyOf(name);
      OptionalDouble min = axis.edges().isPresent() ? OptionalDouble.of(axis.edges().get()[0]) : axis.min();
      if (min.isEmpty() || !(min.getAsDouble() >= top.getAsDouble())) {
        return; // this detector's range can hold signal
      }
      if (firstKey == null) {
        String section = config.energyByDetector().containsKey(name) ? "analysis.detectors." + name
            : "analysis.energy";
        firstKey = section + (axis.edges().isPresent() ? ".edges_kevee" : ".min_kevee");
        firstMin = min.getAsDouble();
      }
      largest.append(largest.length() == 0 ? "" : ", ").append(name).append(' ')
          .append(String.format(Locale.ROOT, "%.3g", top.getAsDouble())).append(" keVee");
    }
    if (firstKey != null) {
      throw new ConfigException(firstKey, "the fit range starts above every observable CEvNS energy (" + largest
          + ": the quenched largest recoil plus 12 standard deviations of the energy response, times 2), so no"
          + " signal can fall into it; allowed: a lower end below that", ConfigException.render(firstMin));
    }
  }
}
