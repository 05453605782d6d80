package org.cevns.detsim.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.cevns.physics.source.TimeProfile;

/** One background component of one detector. Immutable and thread-safe. */
public interface BackgroundComponent {
  /** Name, unique within a detector (written to the output as the event's origin). */
  String name();

  /** Scale of {@link #spectrum()}: keVee (not quenched) or keVnr (quenched by the detector model). */
  EnergyScale energyScale();

  /** Normalised energy distribution in keV on {@link #energyScale()}. */
  BackgroundSpectrum spectrum();

  /** Expected number of events for {@code exposure} (exact arithmetic, documented per component). */
  double expectedCounts(BackgroundExposure exposure);

  /**
   * Time distribution in ns: beam-unrelated components are spread over {@code frame}; beam-related ones
   * follow their pulse-relative profile and require {@code frame.pulsed()}.
   *
   * @throws IllegalArgumentException if the component cannot live in this frame
   */
  TimeProfile timeProfile(TimeFrame frame);

  /**
   * True for components that follow the beam pulse (beam-related and neutrino-induced neutrons): a beam time
   * offset moves their times with the signal's. False by default.
   */
  default boolean beamRelated() {
    return false;
  }

  /** Energy sampler in keV on {@link #energyScale()}. */
  default ContinuousSampler energySampler(UniformRandomProvider rng) {
    return spectrum().sampler(rng);
  }

  /**
   * Draws the events of one period: N ~ Poisson({@link #expectedCounts}), then N energies and N times from
   * {@code rng}.
   */
  default BackgroundEvents sample(BackgroundExposure exposure, TimeFrame frame, UniformRandomProvider rng) {
    double mean = expectedCounts(exposure);
    if (mean > Integer.MAX_VALUE / 2.0) {
      throw new IllegalArgumentException("expected counts of background '" + name()
          + "' must be <= " + Integer.MAX_VALUE / 2 + " for one draw, got " + mean);
    }
    TimeProfile profile = timeProfile(frame);
    int n = mean > 0 ? PoissonSampler.of(rng, mean).sample() : 0;
    double[] energies = new double[n];
    double[] times = new double[n];
    ContinuousSampler e = energySampler(rng);
    ContinuousSampler t = profile.sampler(rng);
    for (int i = 0; i < n; i++) {
      energies[i] = e.sample();
      times[i] = t.sample();
    }
    return new BackgroundEvents(name(), energyScale(), energies, times);
  }
}
