package org.cevns.generator.model;

import org.cevns.physics.Process;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.physics.source.SourceComponent;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * One independent stream of events: one source component seen by one detector in one period, on one target
 * isotope, through one process. Expected events = targets × fluence × ⟨σ⟩.
 *
 * @param detectorIndex index of the detector
 * @param exposureIndex index of the {@link SourceExposure} (detector, source, period)
 * @param componentIndex index of the component within its source
 * @param periodIndex index into the run's period dictionary
 * @param parentIndex index into the run's parent dictionary
 * @param component the source component (flavour, spectrum, time profile)
 * @param isotope the struck nucleus (CEvNS) or the atom whose electrons scatter (EvES)
 * @param process CEvNS or EvES
 * @param xs the cross section per target (nucleus, or atom for EvES)
 * @param targets number of targets in the detector (nuclei of this isotope; for EvES atoms of this isotope)
 * @param fluencePerCm2 time-integrated fluence of the component at the detector over the period, cm⁻²
 * @param xsAvgCm2 flux-averaged cross section per target over the whole spectrum and all recoils, cm²
 * @param xsAvgInWindowCm2 flux-averaged cross section per target inside the detector's keVnr window (CEvNS;
 *     equal to {@code xsAvgCm2} for EvES and for detectors without a window), cm²
 */
public record Channel(
    int detectorIndex,
    int exposureIndex,
    int componentIndex,
    int periodIndex,
    int parentIndex,
    SourceComponent component,
    Isotope isotope,
    Process process,
    RecoilCrossSection xs,
    double targets,
    double fluencePerCm2,
    double xsAvgCm2,
    double xsAvgInWindowCm2) {

  /** Expected events over the whole recoil spectrum. */
  public double expectedEvents() {
    return targets * fluencePerCm2 * xsAvgCm2;
  }

  /** Expected events inside the detector's recoil window. */
  public double expectedEventsInWindow() {
    return targets * fluencePerCm2 * xsAvgInWindowCm2;
  }
}
