package org.cevns.generator.model;

import java.util.Optional;
import org.cevns.physics.source.ExposureUnit;
import org.cevns.physics.source.Source;

/**
 * What one detector sees of one source in one period.
 *
 * @param detectorIndex index of the detector
 * @param sourceIndex index of the source in the configuration
 * @param sourceName name of the source
 * @param period period name: {@code beam} (pulsed), {@code on}/{@code off} (reactors), {@code run} (steady)
 * @param source the source with its time profiles for this period; empty when it emits nothing (reactor off)
 * @param exposure exposure in {@link #exposureUnit} (protons on target, or live seconds)
 * @param exposureUnit unit of {@code exposure}
 * @param liveSeconds live time of the period in s (for pulsed sources: beam time at the configured power)
 * @param distanceM distance to the source in m (NaN for a source with no position)
 * @param fluenceFactorPerCm2 exposure / (4π L²) in cm⁻² for point sources, exposure for the others: multiplied by
 *     a component's neutrinos per exposure unit it gives the component's time-integrated fluence in cm⁻²
 */
public record SourceExposure(
    int detectorIndex,
    int sourceIndex,
    String sourceName,
    String period,
    Optional<Source> source,
    double exposure,
    ExposureUnit exposureUnit,
    double liveSeconds,
    double distanceM,
    double fluenceFactorPerCm2) {
  public SourceExposure {
    if (!(exposure >= 0) || Double.isInfinite(exposure)) {
      throw new IllegalArgumentException("exposure must be finite and >= 0, got " + exposure);
    }
  }
}
