package org.cevns.schema;

/**
 * Physical ranges of the configuration's numeric keys: each bound lies well beyond any real experiment, so that
 * only a typo or a fuzzed value is refused, with the reason in the message — and so that no derived quantity
 * (expected counts, fluxes, live times) can overflow or make a run unbounded (issue 16). Keys that already had a
 * physical range (energies ≤ {@link org.cevns.physics.source.SpectrumCsv#MAX_ENERGY_MEV}, fractions, radii,
 * quenching factors) keep theirs; the global bound of {@link ConfigNode#MAX_MAGNITUDE} still applies to all.
 */
public final class PhysicalRanges {
  /** Detector mass in kg: up to 1 Mt (Hyper-Kamiokande's fiducial mass is 1.9e8 kg). */
  public static final DoubleRange MASS_KG = DoubleRange.openClosed(0, 1e9).because("up to 1 Mt");
  /**
   * Source–detector distance in m: from 1 cm (the point-source flux 1/(4π L²) of a nearer detector overflows:
   * {@code distance_m: 1e-300} printed infinitely many events) up to the Earth's diameter (1.3e7 m).
   */
  public static final DoubleRange DISTANCE_M = DoubleRange.closed(0.01, 1.3e7)
      .because("up to the Earth's diameter");
  /** A coordinate of the detector relative to its source, in m (same bound as the distance). */
  public static final DoubleRange POSITION_M = DoubleRange.closed(-1.3e7, 1.3e7)
      .because("within the Earth's diameter");
  /** Size of the vertex volume (box side, cylinder radius or height) in m. */
  public static final DoubleRange VOLUME_SIZE_M = DoubleRange.openClosed(0, 1e3).because("up to 1 km");
  /** Geographic latitude in degrees. */
  public static final DoubleRange LATITUDE_DEG = DoubleRange.closed(-90, 90);
  /** Proton beam energy of a pion decay-at-rest source in GeV (SNS 1.0, ESS 2.0). */
  public static final DoubleRange PROTON_ENERGY_GEV = DoubleRange.openClosed(0, 100).because("up to 100 GeV");
  /** Proton beam power in MW (SNS 1.4–2.8, ESS 2–5). */
  public static final DoubleRange BEAM_POWER_MW = DoubleRange.openClosed(0, 100).because("up to 100 MW");
  /**
   * Pulse repetition rate in Hz (SNS 60, ESS 14): from one pulse in 1000 s (a slower one made the beam period, and
   * the windows' default record length, infinite: {@code repetition_hz: 1e-300} was an internal error) to 1 MHz.
   */
  public static final DoubleRange REPETITION_HZ = DoubleRange.closed(1e-3, 1e6).because("up to 1 MHz");
  /** Beam pulse width (FWHM or full length) in ns (SNS 380, ESS 2.86e6). */
  public static final DoubleRange PULSE_NS = DoubleRange.openClosed(0, 1e9).because("up to 1 s");
  /** Neutrinos of each flavour per proton on target (SNS 0.0848 at 1 GeV; ~0.3 at ESS). */
  public static final DoubleRange NU_PER_FLAVOR_PER_PROTON = DoubleRange.openClosed(0, 10).because("up to 10");
  /** Protons on target of a run (COHERENT CsI 2021: 3.2e23). */
  public static final DoubleRange POT = DoubleRange.openClosed(0, 1e27).because("up to 1e27");
  /** Integrated beam energy in GWh (COHERENT CsI 2021: 13.99 GWh). */
  public static final DoubleRange BEAM_ENERGY_GWH = DoubleRange.openClosed(0, 1e6).because("up to 1e6 GWh");
  /** Beam time in hours: up to a century. */
  public static final DoubleRange BEAM_HOURS = DoubleRange.openClosed(0, 876_600).because("up to a century");
  /** Run length in years: up to a century. */
  public static final DoubleRange YEARS = DoubleRange.openClosed(0, 100).because("up to a century");
  /** Live time in days: up to a century. */
  public static final DoubleRange LIVE_DAYS = DoubleRange.openClosed(0, 36_525).because("up to a century");
  /** Reactor thermal power in MW (largest plants: ~8,000 MW per site block, 24,000 MW per site). */
  public static final DoubleRange THERMAL_POWER_MW = DoubleRange.openClosed(0, 1e5).because("up to 100 GW");
  /** A neutrino flux at the detector in cm⁻² s⁻¹ (a reactor core at 10 m: ~1e13–1e14; solar ⁸B 5.46e6). */
  public static final DoubleRange FLUX_PER_CM2_S = DoubleRange.openClosed(0, 1e20).because("up to 1e20");
  /** Neutrinos emitted per second by a source (a 4 GW reactor: ~8e20). */
  public static final DoubleRange RATE_PER_S = DoubleRange.openClosed(0, 1e24).because("up to 1e24");

  /** A detector-level energy in keV (keVnr or keVee: thresholds, spectrum ends, lines, slopes): up to 1 GeV. */
  public static final DoubleRange ENERGY_KEV = DoubleRange.openClosed(0, 1e6).because("up to 1 GeV");
  /** As {@link #ENERGY_KEV}, zero allowed. */
  public static final DoubleRange ENERGY_KEV_OR_ZERO = DoubleRange.closed(0, 1e6).because("up to 1 GeV");
  /** Photoelectron counts (a PE threshold): the same bound as energies, but its reason in PE. */
  public static final DoubleRange PHOTOELECTRONS_OR_ZERO = DoubleRange.closed(0, 1e6).because("up to 1e6 PE");
  /** A signed energy in keV (an efficiency curve's position). */
  public static final DoubleRange SIGNED_ENERGY_KEV = DoubleRange.within(1e6, "up to 1 GeV");
  /** An energy in eV (pair-creation energy, noise): up to 1 MeV. */
  public static final DoubleRange ENERGY_EV = DoubleRange.closed(0, 1e6).because("up to 1 MeV");
  /** A background rate per kg and day (or per keV, kg and day): up to 1e9. */
  public static final DoubleRange COUNTS_PER_KG_DAY = DoubleRange.closed(0, 1e9).because("up to 1e9");
  /** Beam-correlated background events per GWh on target: up to 1e9. */
  public static final DoubleRange COUNTS_PER_GWH = DoubleRange.closed(0, 1e9).because("up to 1e9");
  /** Photoelectrons per keVee (CsI[Na] 13.35; NaI ~24): up to 1e4. */
  public static final DoubleRange LIGHT_YIELD_PE_PER_KEVEE = DoubleRange.openClosed(0, 1e4).because("up to 1e4");
  /** A shape parameter or slope of a detector model (Gamma shape per keVee, Lindhard k, Fano factor, slopes). */
  public static final DoubleRange MODEL_PARAMETER = DoubleRange.closed(0, 1e6).because("up to 1e6");
  /** A signed coefficient of a detector model (polynomial and logistic coefficients). */
  public static final DoubleRange SIGNED_MODEL_PARAMETER = DoubleRange.within(1e9, "up to 1e9 in magnitude");
  /** A time in ns relative to the beam pulse (windows, delays, record), signed: up to 1 s. */
  public static final DoubleRange SIGNED_TIME_NS = DoubleRange.within(1e9, "up to 1 s");
  /** A duration in ns (window lengths, dead time per trigger): up to 1 s. */
  public static final DoubleRange TIME_NS = DoubleRange.closed(0, 1e9).because("up to 1 s");
  /** A rate in Hz (trigger rates): up to 1 GHz. */
  public static final DoubleRange RATE_HZ = DoubleRange.closed(0, 1e9).because("up to 1 GHz");
  /** Days relative to a reference date (decaying backgrounds), signed: up to a millennium. */
  public static final DoubleRange SIGNED_DAYS = DoubleRange.within(365_250, "up to a millennium");

  private PhysicalRanges() {}
}
