package org.cevns.physics.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cevns.physics.Checks;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.Units;

/**
 * Nuclear reactor: an isotropic point source of ν̄_e (Huber 2011; Mueller et al. 2011). Fission rate R = P_th / Σ
 * f_i E_i;
 * one component per isotope with f_i &gt; 0 (parent U235, U238, Pu239 or Pu241, flavour nuebar), emitting
 * R f_i N_i ν̄ per live second, N_i = ∫S_i dE ({@link ReactorIsotopeSpectrum#neutrinosPerFission()}); the
 * shape is S_i/N_i. Exposure in live seconds of reactor operation; times uniform over the period's live time
 * ({@link #withPeriodDurationNs}). Isotopes with f_i = 0 have no component. Immutable.
 *
 * <p><b>Neutron capture.</b> With {@link ReactorParameters#capturesPerFission()} c &gt; 0 two more
 * components, parents {@code U239} and {@code Np239}, each emit R·c ν̄ per second with the allowed β
 * spectra of ²³⁹U (endpoint {@value #U239_ENDPOINT_MEV} MeV) and ²³⁹Np ({@value #NP239_ENDPOINT_MEV} MeV)
 * ({@link BetaDecaySpectrum}). Both decays are fast compared with a reactor cycle (23.5 min, 2.36 d), so the
 * equilibrium rate is the capture rate. Each is modelled as one branch at the full Q value: real decays feed
 * excited states too (²³⁹U mostly the 75 keV level, ²³⁹Np the 285 and 392 keV levels), so this puts the ν̄ at
 * somewhat too high energies — an upper bound for a threshold near the endpoint.
 *
 * <p>Check (CONUS+ setup, arXiv:2407.11912): Leibstadt, 3.6 GW_th at 20.7 m with the typical fractions gives 1.06e13 ν̄/cm²/s with
 * the default VOGEL_ENGEL low-energy model, 1.52e13 with the EXPONENTIAL continuation (published 1.5e13,
 * which counts ≈ 7.2 ν̄/fission including capture ν̄), and 1.30e13 with VOGEL_ENGEL and 0.6 captures per
 * fission.
 */
public final class ReactorSource extends AbstractSteadySource {
  /** β⁻ Q value of ²³⁹U → ²³⁹Np, 1.2617 MeV (AME2020, Wang et al., Chin. Phys. C 45 (2021) 030003). */
  public static final double U239_ENDPOINT_MEV = 1.2617;
  /** β⁻ Q value of ²³⁹Np → ²³⁹Pu, 0.7225 MeV (AME2020). */
  public static final double NP239_ENDPOINT_MEV = 0.7225;

  private final ReactorParameters parameters;
  private final Map<FissionIsotope, ReactorIsotopeSpectrum> spectra;

  private ReactorSource(String name, ReactorParameters p, double periodDurationNs,
      Map<FissionIsotope, ReactorIsotopeSpectrum> spectra) {
    super(name, periodDurationNs, components(p, periodDurationNs, spectra), true);
    this.parameters = p;
    this.spectra = spectra;
  }

  private static List<SourceComponent> components(ReactorParameters p, double periodDurationNs,
      Map<FissionIsotope, ReactorIsotopeSpectrum> spectra) {
    TimeProfile time = UniformTimeProfile.of(periodDurationNs);
    double rate = fissionRatePerS(p);
    List<SourceComponent> list = new ArrayList<>();
    for (FissionIsotope iso : FissionIsotope.values()) {
      double f = p.fissionFractions().get(iso);
      if (f > 0) {
        ReactorIsotopeSpectrum s = spectra.get(iso);
        list.add(new SourceComponent(Flavor.NUEBAR, iso.label(), s, time, rate * f * s.neutrinosPerFission()));
      }
    }
    double captures = p.capturesPerFission();
    if (captures > 0) {
      list.add(new SourceComponent(Flavor.NUEBAR, "U239", BetaDecaySpectrum.of(U239_ENDPOINT_MEV, 93), time,
          rate * captures));
      list.add(new SourceComponent(Flavor.NUEBAR, "Np239", BetaDecaySpectrum.of(NP239_ENDPOINT_MEV, 94), time,
          rate * captures));
    }
    return list;
  }

  /**
   * A reactor named {@code name}; component times uniform on [0, {@code periodDurationNs}] (the live time of
   * the {@code on} period, finite and &gt; 0).
   */
  public static ReactorSource of(String name, ReactorParameters parameters, double periodDurationNs) {
    Checks.label("name", name);
    Checks.notNull("parameters", parameters);
    Checks.positive("periodDurationNs", periodDurationNs);
    Map<FissionIsotope, ReactorIsotopeSpectrum> spectra = new EnumMap<>(FissionIsotope.class);
    for (FissionIsotope iso : FissionIsotope.values()) {
      spectra.put(iso, ReactorIsotopeSpectrum.of(iso, parameters.lowEnergyModel(),
          parameters.highEnergyModel(), parameters.maxEnergyMeV()));
    }
    return new ReactorSource(name, parameters, periodDurationNs, Collections.unmodifiableMap(spectra));
  }

  @Override
  public ReactorSource withPeriodDurationNs(double periodDurationNs) {
    Checks.positive("periodDurationNs", periodDurationNs);
    return new ReactorSource(name(), parameters, periodDurationNs, spectra);
  }

  /** Fissions per second: P_th / Σ f_i E_i. */
  public double fissionRatePerS() {
    return fissionRatePerS(parameters);
  }

  private static double fissionRatePerS(ReactorParameters parameters) {
    double joulesPerFission =
        parameters.energiesPerFission().meanMeV(parameters.fissionFractions()) * Units.EV_PER_MEV * Units.J_PER_EV;
    return parameters.thermalPowerMW() * Units.W_PER_MW / joulesPerFission;
  }

  /** Mean ν̄ per fission Σ f_i N_i + 2c (c the neutron captures per fission). */
  public double neutrinosPerFission() {
    double sum = 2 * parameters.capturesPerFission();
    for (FissionIsotope iso : FissionIsotope.values()) {
      sum += parameters.fissionFractions().get(iso) * spectra.get(iso).neutrinosPerFission();
    }
    return sum;
  }

  /** ν̄ emitted per second (sum over components). */
  public double neutrinosPerS() {
    return components().stream().mapToDouble(SourceComponent::neutrinosPerExposureUnit).sum();
  }

  /** ν̄ flux in per cm² per s at {@code distanceM} (isotropic point source). */
  public double fluxPerCm2PerS(double distanceM) {
    double l = Checks.positive("distanceM", distanceM) * Units.CM_PER_M;
    return neutrinosPerS() / (4.0 * Math.PI * l * l);
  }

  /** Spectrum per fission of {@code isotope} (also for isotopes with f = 0). */
  public ReactorIsotopeSpectrum spectrum(FissionIsotope isotope) {
    return spectra.get(isotope);
  }

  public ReactorParameters parameters() {
    return parameters;
  }





  @Override
  public String toString() {
    return "ReactorSource[" + name() + ", " + parameters + "]";
  }
}
