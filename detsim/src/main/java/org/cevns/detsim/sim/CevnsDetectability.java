package org.cevns.detsim.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.physics.Process;
import org.cevns.physics.constants.Units;
import org.cevns.schema.ConfigException;
import org.cevns.schema.DetectorConfig;

/**
 * Refuses, before any simulation, a configuration that simulates CEvNS but whose detector responses detect no
 * CEvNS recoil at all (e.g. {@code threshold_kevee: 200} meant as 200 eV): {@code rates} printed 0 detected
 * CEvNS events and {@code analyze}, {@code run} and {@code sensitivity} failed only after the template
 * simulation. A detector detects CEvNS when the detection probability ({@link DetectionCurve}) is positive at
 * some visible energy between 0 and the largest visible CEvNS energy, the quenched recoil T_max(E_max) of its
 * sources and nuclei. One detector detecting CEvNS is enough (the others may be electron-recoil detectors, e.g.
 * with a keV threshold for a magnetic-moment search); a study of electron recoils alone leaves CEvNS out of
 * {@code physics.processes}.
 */
public final class CevnsDetectability {
  /** Visible energies tried, evenly in log from {@link #LOWEST_FRACTION} of the largest one up to it. */
  static final int POINTS = 64;
  /** Lowest visible energy tried, as a fraction of the largest. */
  static final double LOWEST_FRACTION = 1e-4;

  /**
   * Factor on the largest observed CEvNS energy of {@link #largestObservedKeVee}: the response systematics
   * re-fold the templates with quenching and energy scales up to 1.5 times the nominal (size at most 0.5), and
   * the response variants with other curves.
   */
  public static final double OBSERVED_MARGIN = 2.0;
  /** Photoelectrons added above the mean plus {@link DetectionCurve#SIGMAS} standard deviations (as there). */
  static final double OBSERVED_EXTRA_PE = 20;

  private CevnsDetectability() {}

  /**
   * An upper bound of the observed energy (keVee) of any CEvNS event of detector {@code d}: the largest visible
   * energy (the quenched T_max(E_max)) plus {@link DetectionCurve#SIGMAS} standard deviations of the energy
   * response there (and {@value #OBSERVED_EXTRA_PE} PE for a light-yield response; beyond, the probability
   * is below 1e-30), times {@link #OBSERVED_MARGIN}. Empty when CEvNS is not simulated, the detector has no
   * CEvNS channel or no response.
   */
  public static java.util.OptionalDouble largestObservedKeVee(ExperimentModel model, DetsimConfig config, int d) {
    Optional<DetectorResponse> r = d < config.responses().size() ? config.responses().get(d) : Optional.empty();
    if (!model.config().physics().processes().contains(Process.CEVNS) || r.isEmpty()) {
      return java.util.OptionalDouble.empty();
    }
    double visible = maxVisibleKeVee(model, d, r.get());
    if (!(visible > 0)) {
      return java.util.OptionalDouble.empty();
    }
    var energy = r.get().energy();
    double top = energy.meanKeVee(visible) + DetectionCurve.SIGMAS * energy.sigmaKeVee(visible);
    if (energy instanceof org.cevns.detsim.response.LightYieldResponse ly) {
      top += OBSERVED_EXTRA_PE / ly.lightYieldPePerKeVee();
    }
    return java.util.OptionalDouble.of(OBSERVED_MARGIN * top);
  }

  /** @throws ConfigException naming the first response's threshold (or efficiency, or the response) key */
  public static void check(ExperimentModel model, DetsimConfig config) {
    if (!model.config().physics().processes().contains(Process.CEVNS)) {
      return;
    }
    List<Optional<DetectorResponse>> responses = config.responses();
    int first = -1;
    double firstMaxKeVee = 0;
    for (int d = 0; d < responses.size(); d++) {
      if (responses.get(d).isEmpty()) {
        continue;
      }
      DetectorResponse r = responses.get(d).get();
      double maxVisibleKeVee = maxVisibleKeVee(model, d, r);
      if (!(maxVisibleKeVee > 0) || detects(r, maxVisibleKeVee)) {
        return;
      }
      if (first < 0) {
        first = d;
        firstMaxKeVee = maxVisibleKeVee;
      }
    }
    if (first >= 0) {
      throw refusal(model.config().detectors().get(first), first, firstMaxKeVee);
    }
  }

  private static double maxVisibleKeVee(ExperimentModel model, int d, DetectorResponse r) {
    double max = 0;
    for (Channel c : model.channels()) {
      if (c.detectorIndex() == d && c.process() == Process.CEVNS) {
        double recoilKeV = c.xs().maxRecoilMeV(c.component().spectrum().maxEnergyMeV()) * Units.KEV_PER_MEV;
        max = Math.max(max, r.signalVisibleKeVee(Process.CEVNS, c.isotope().z(), recoilKeV));
      }
    }
    return max;
  }

  private static boolean detects(DetectorResponse r, double maxVisibleKeVee) {
    DetectionCurve curve = new DetectionCurve(r);
    for (int k = POINTS - 1; k >= 0; k--) { // from the top: usually the first point decides
      double e = maxVisibleKeVee * Math.pow(LOWEST_FRACTION, 1.0 - (double) k / (POINTS - 1));
      if (curve.probability(e) > 0) {
        return true;
      }
    }
    return false;
  }

  private static ConfigException refusal(DetectorConfig d, int index, double maxVisibleKeVee) {
    String path = "detectors[" + index + "].response";
    JsonNode node = d.response().get().node();
    String key = null;
    for (String k : new String[] {"threshold_kevee", "threshold_pe", "efficiency", "trigger_efficiency"}) {
      if (node.has(k)) {
        key = k;
        break;
      }
    }
    String problem = "no detector detects a CEvNS recoil: the largest visible CEvNS energy of this detector is "
        + ConfigException.renderRounded(maxVisibleKeVee) + " keVee and the detection probability is 0 up to it"
        + " (for electron recoils alone leave cevns out of physics.processes)";
    if (key == null) {
      return new ConfigException(path, problem);
    }
    JsonNode value = node.get(key);
    return new ConfigException(path + "." + key, problem,
        value.isValueNode() ? ConfigException.render(value) : "a curve detecting nothing below it");
  }
}
