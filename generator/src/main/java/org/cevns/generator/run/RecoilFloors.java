package org.cevns.generator.run;

import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.sample.FluxAveragedXs;

/**
 * Lower recoil edges of the sampling, per channel: a channel with a floor T_f above its cross section's own
 * {@linkplain org.cevns.physics.xs.RecoilCrossSection#recoilFloorMeV recoil floor} is sampled on [T_f, T_max(E)]
 * only, and its expected events are those of that window, targets × fluence × ⟨σ⟩_[T_f, ∞) (the same doubles as
 * its sampler's {@link org.cevns.generator.sample.RecoilSampler#fluxAveragedXsCm2()}), so every event keeps the
 * weight of the full-range run. For the analysis templates only ({@code TemplateRecoilFloors} of the analysis, which
 * proves that the recoils left out are not detected); {@link #NONE} everywhere else (generate, simulate, toys'
 * data), which samples every recoil as before.
 */
@FunctionalInterface
public interface RecoilFloors {
  /** No floor: every channel over all its recoils. */
  RecoilFloors NONE = c -> 0.0;

  /** The recoil in MeV (&ge; 0, finite) below which channel {@code c} is not sampled; 0 for all recoils. */
  double minRecoilMeV(Channel c);

  /** True when the floor of {@code c} raises its sampling's lower edge (above 0 and the cross section's floor). */
  default boolean raises(Channel c) {
    double f = minRecoilMeV(c);
    return f > 0 && f > c.xs().recoilFloorMeV();
  }

  /** Expected events of {@code c} above its floor ({@link Channel#expectedEvents()} when it does not raise it). */
  default double expectedEvents(Channel c) {
    if (!raises(c)) {
      return c.expectedEvents();
    }
    return c.targets() * c.fluencePerCm2() * windowXsCm2(c);
  }

  /** ⟨σ⟩ in cm² per target of {@code c} above its raised floor ({@link FluxAveragedXs#inWindowCm2}). */
  default double windowXsCm2(Channel c) {
    return FluxAveragedXs.inWindowCm2(c.component().spectrum(), c.xs(), minRecoilMeV(c),
        Double.POSITIVE_INFINITY);
  }

  /**
   * These floors with each window's ⟨σ⟩ computed once: {@link #expectedEvents} is targets × fluence × the
   * flux-averaged cross section above the floor, an adaptive quadrature over E of one over T per call (~0.1 s for a
   * channel with a Helm form factor), which a template simulation asks for several times per channel (deriving the
   * floors, the template size, the generator's channel mixture) and for channels that share their spectrum and
   * cross section (the same isotope and flavour in several detectors). The windows are remembered by spectrum and
   * cross section (by identity) and floor; the value is the same double as computed afresh, so the events drawn
   * are the same.
   */
  static RecoilFloors remembering(RecoilFloors floors) {
    return floors instanceof RememberingRecoilFloors r ? r : new RememberingRecoilFloors(floors);
  }

  /** Expected events of all of the model's channels above their floors, summed in channel order. */
  default double totalExpectedEvents(ExperimentModel model) {
    double s = 0;
    for (Channel c : model.channels()) {
      s += expectedEvents(c);
    }
    return s;
  }
}
