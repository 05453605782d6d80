package org.cevns.detsim.detector;

import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.physics.Checks;
import org.cevns.detsim.background.EnergyScale;
import org.cevns.detsim.quench.Quenching;
import org.cevns.detsim.quench.QuenchingByNucleus;
import org.cevns.detsim.response.EnergyResponse;
import org.cevns.detsim.response.Observation;
import org.cevns.physics.Process;

/**
 * The whole response of one detector: quenching per element of the target, the energy response, and the
 * factors of the detection probability (threshold, efficiency, trigger efficiency, dead time). Immutable and
 * thread-safe; randomness comes only from the stream passed in.
 *
 * <p>Per event: visible energy E_vis (CEvNS: quenched with the model of the struck element; EvES and keVee
 * backgrounds: not quenched; keVnr backgrounds: quenched with the model of the {@linkplain #backgroundZ main
 * element}), then one observation (observed keVee, PE), then {@code detected} with probability Π ε_k of the
 * stages. For light-counting responses the observed energy is the drawn PE / LY and the efficiencies see the
 * drawn PE: an integer count for Poisson counting, a real value for Gamma smearing (a measured charge in units of
 * the single-PE charge, as the COHERENT CsI[Na] 2021 data release reports it; rounding it to an integer made the
 * observed energies a comb of step 1/LY, which beat with analysis bins of a non-integer PE width: +33 % in every
 * third 0.25-keVee bin of the CsI fit, χ² 278/190 against the release's data).
 */
public final class DetectorResponse {
  private final QuenchingByNucleus quenching;
  private final int backgroundZ;
  private final Quenching backgroundQuenching;
  private final EnergyResponse energy;
  private final List<DetectionStage> stages;
  private final java.util.Optional<org.cevns.detsim.efficiency.WindowTimeEfficiency> timeEfficiency;
  private final double beamTimeOffsetNs;

  private DetectorResponse(QuenchingByNucleus quenching, int backgroundZ, EnergyResponse energy,
      List<DetectionStage> stages, java.util.Optional<org.cevns.detsim.efficiency.WindowTimeEfficiency> time,
      double beamTimeOffsetNs) {
    this.timeEfficiency = time;
    this.beamTimeOffsetNs = beamTimeOffsetNs;
    this.quenching = quenching;
    this.backgroundZ = backgroundZ;
    this.backgroundQuenching = quenching.forZ(backgroundZ);
    this.energy = energy;
    this.stages = stages;
  }

  /**
   * @param quenching model per element of the target
   * @param backgroundZ element whose model quenches keVnr backgrounds; one of the configured elements
   * @param energy energy response
   * @param stages detection factors (possibly none: every event is detected)
   */
  public static DetectorResponse of(QuenchingByNucleus quenching, int backgroundZ, EnergyResponse energy,
      List<DetectionStage> stages) {
    Objects.requireNonNull(quenching, "quenching");
    Objects.requireNonNull(energy, "energy");
    if (!quenching.models().containsKey(backgroundZ)) {
      throw Checks.fail("backgroundZ", "one of the configured atomic numbers " + quenching.models().keySet(),
          backgroundZ);
    }
    if (stages == null || stages.stream().anyMatch(java.util.Objects::isNull)) {
      throw Checks.fail("stages", "a list without nulls", stages);
    }
    return new DetectorResponse(quenching, backgroundZ, energy, List.copyOf(stages), java.util.Optional.empty(),
        0.0);
  }

  /**
   * This response with an efficiency in the time since the start of the event's beam window (applied by the
   * simulation to events in a window, after the other stages), or without one for an empty argument.
   */
  public DetectorResponse withTimeEfficiency(
      java.util.Optional<org.cevns.detsim.efficiency.WindowTimeEfficiency> time) {
    Objects.requireNonNull(time, "time");
    return new DetectorResponse(quenching, backgroundZ, energy, stages, time, beamTimeOffsetNs);
  }

  /**
   * This response with a beam time offset: the simulation adds {@code offsetNs} (finite) to the time of this
   * detector's beam-related rows (signal and beam-related backgrounds of pulsed periods) before the windows and
   * the time efficiency — the beam arriving {@code offsetNs} later than the detector's time zero assumes. Used
   * by the fit's {@code timing} systematic; configured responses have 0.
   */
  public DetectorResponse withBeamTimeOffsetNs(double offsetNs) {
    if (!Double.isFinite(offsetNs)) {
      throw Checks.fail("offsetNs", "a finite time in ns", offsetNs);
    }
    return new DetectorResponse(quenching, backgroundZ, energy, stages, timeEfficiency, offsetNs);
  }

  /** The beam time offset in ns ({@link #withBeamTimeOffsetNs}); 0 unless varied. */
  public double beamTimeOffsetNs() {
    return beamTimeOffsetNs;
  }

  /** The efficiency in the time since the window start, if configured ({@code response.time_efficiency}). */
  public java.util.Optional<org.cevns.detsim.efficiency.WindowTimeEfficiency> timeEfficiency() {
    return timeEfficiency;
  }

  public QuenchingByNucleus quenching() {
    return quenching;
  }

  /** Atomic number of the element whose quenching applies to keVnr backgrounds. */
  public int backgroundZ() {
    return backgroundZ;
  }

  public EnergyResponse energy() {
    return energy;
  }

  public List<DetectionStage> stages() {
    return stages;
  }

  /** True when the response counts photoelectrons (the {@code npe} column is filled). */
  public boolean countsPhotoelectrons() {
    return energy.countsPhotoelectrons();
  }

  /** Visible energy in keVee of a signal event (CEvNS quenched by element, EvES not quenched). */
  public double signalVisibleKeVee(Process process, int targetZ, double recoilKeV) {
    return quenching.visibleKeVee(process, targetZ, recoilKeV);
  }

  /** Visible energy in keVee of a background energy on {@code scale}. */
  public double backgroundVisibleKeVee(EnergyScale scale, double energyKeV) {
    return scale == EnergyScale.NUCLEAR_RECOIL ? backgroundQuenching.visibleKeVee(energyKeV) : energyKeV;
  }

  /**
   * Draws the observation of visible energy {@code visibleKeVee}: for light-counting responses the drawn PE
   * (an integer for Poisson counting, real for Gamma smearing) and the energy PE / LY; otherwise PE is NaN.
   */
  public Observation observe(double visibleKeVee, UniformRandomProvider rng) {
    return energy.observe(visibleKeVee, rng);
  }

  /** Probability Π ε_k that an event with this observation is detected. */
  public double detectionProbability(double observedKeVee, double photoelectrons) {
    double p = 1.0;
    for (int k = 0; k < stages.size(); k++) {
      p *= stages.get(k).efficiency().probability(observedKeVee, photoelectrons);
      if (p == 0) {
        return 0.0;
      }
    }
    return p;
  }

  /**
   * True when {@link #detectionProbability} is the same double for every observation of at least
   * {@code observedKeVee} and {@code photoelectrons} (every stage on its plateau, {@code Efficiency.constantFrom}).
   */
  public boolean detectionConstantFrom(double observedKeVee, double photoelectrons) {
    for (int k = 0; k < stages.size(); k++) {
      if (!stages.get(k).efficiency().constantFrom(observedKeVee, photoelectrons)) {
        return false;
      }
    }
    return true;
  }

  /** Keeps an event with {@link #detectionProbability}; one uniform draw only when it is strictly in (0, 1). */
  public boolean detect(double observedKeVee, double photoelectrons, UniformRandomProvider rng) {
    double p = detectionProbability(observedKeVee, photoelectrons);
    if (p >= 1) {
      return true;
    }
    if (p <= 0) {
      return false;
    }
    return rng.nextDouble() < p;
  }

  @Override
  public String toString() {
    return "DetectorResponse(" + quenching + ", background Z " + backgroundZ + ", " + energy + ", " + stages
        + timeEfficiency.map(t -> ", " + t).orElse("") + (beamTimeOffsetNs != 0 ? ", beam time offset "
        + beamTimeOffsetNs + " ns" : "") + ")";
  }
}
