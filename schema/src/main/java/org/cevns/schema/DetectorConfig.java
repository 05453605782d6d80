package org.cevns.schema;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One entry of {@code detectors}. References to sources (keys of {@code distances_m} and {@code exposure}) are
 * checked by {@link ExperimentConfig}.
 *
 * @param name unique detector name, matching {@code [A-Za-z0-9_.-]+}
 * @param target what the detector is made of
 * @param massKg target mass (kg), > 0
 * @param distanceM distance (m) to every point source without an entry in {@code distancesM}, > 0
 * @param distancesM per-source distance (m), > 0, keyed by source name (point sources only); file order
 * @param thresholdKeVnr lower end of the nuclear-recoil window used by {@code rates} (keVnr, CEvNS only),
 *     >= 0; YAML default 0
 * @param roiMaxKeVnr upper end of that window (keVnr), > thresholdKeVnr, {@code .inf} allowed; YAML default
 *     {@code .inf}
 * @param exposure per-source exposure overriding the source's own, keyed by source name; the kind matches
 *     the source type; file order
 * @param response the {@code response} subtree, owned by detsim
 * @param backgrounds the {@code backgrounds} subtree, owned by detsim
 * @param geometry source direction and vertex volume ({@link GeometryConfig#DEFAULT} when absent); a
 *     {@code position_m} without {@code distance_m} sets {@code distance_m} to its length, with it they must agree
 */
public record DetectorConfig(
    String name,
    TargetConfig target,
    double massKg,
    OptionalDouble distanceM,
    Map<String, Double> distancesM,
    double thresholdKeVnr,
    double roiMaxKeVnr,
    Map<String, ExposureConfig> exposure,
    Optional<StageSection> response,
    Optional<StageSection> backgrounds,
    GeometryConfig geometry) {

  /** Relative tolerance between {@code distance_m} and |{@code geometry.position_m}|. */
  static final double DISTANCE_TOLERANCE = 1e-6;

  /** A detector with the default geometry. */
  public DetectorConfig(String name, TargetConfig target, double massKg, OptionalDouble distanceM,
      Map<String, Double> distancesM, double thresholdKeVnr, double roiMaxKeVnr, Map<String, ExposureConfig> exposure,
      Optional<StageSection> response, Optional<StageSection> backgrounds) {
    this(name, target, massKg, distanceM, distancesM, thresholdKeVnr, roiMaxKeVnr, exposure, response, backgrounds,
        GeometryConfig.DEFAULT);
  }

  public DetectorConfig {
    Checks.name("name", name);
    Checks.present("target", target);
    PhysicalRanges.MASS_KG.check("mass_kg", massKg);
    distanceM = Checks.optional("distance_m", distanceM, PhysicalRanges.DISTANCE_M);
    distancesM = Checks.orderedCopy(distancesM);
    distancesM.forEach((source, d) -> PhysicalRanges.DISTANCE_M.check("distances_m." + source, d));
    DoubleRange.NON_NEGATIVE.check("threshold_kevnr", thresholdKeVnr);
    DoubleRange.POSITIVE_OR_INFINITE.check("roi_max_kevnr", roiMaxKeVnr);
    if (!(roiMaxKeVnr > thresholdKeVnr)) {
      throw new ConfigException("roi_max_kevnr", "must be > threshold_kevnr (" + ConfigException.render(thresholdKeVnr) + ")",
          ConfigException.render(roiMaxKeVnr));
    }
    exposure = Checks.orderedCopy(exposure);
    response = Checks.optional(response);
    backgrounds = Checks.optional(backgrounds);
    geometry = geometry == null ? GeometryConfig.DEFAULT : geometry;
    OptionalDouble positionDistance = geometry.distanceM();
    if (positionDistance.isPresent()) {
      double p = positionDistance.getAsDouble();
      if (distanceM.isEmpty()) {
        distanceM = positionDistance;
      } else if (Math.abs(distanceM.getAsDouble() - p) > DISTANCE_TOLERANCE * p) {
        throw new ConfigException("geometry.position_m", "must have the length of distance_m ("
            + ConfigException.render(distanceM.getAsDouble()) + " m), or give one of them only",
            geometry.positionM().get().toString());
      }
    }
  }

  /** Distance (m) to source {@code sourceName}: its {@code distances_m} entry, else {@code distance_m}. */
  public OptionalDouble distanceMTo(String sourceName) {
    Double d = distancesM.get(sourceName);
    return d != null ? OptionalDouble.of(d) : distanceM;
  }

  /** The exposure override for {@code sourceName}, if any. */
  public Optional<ExposureConfig> exposureFor(String sourceName) {
    return Optional.ofNullable(exposure.get(sourceName));
  }
}
