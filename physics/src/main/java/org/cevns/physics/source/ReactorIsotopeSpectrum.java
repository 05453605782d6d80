package org.cevns.physics.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cevns.physics.Checks;
import org.cevns.physics.xs.GaussLegendre;

/**
 * ν̄_e spectrum per fission of one isotope (Huber, PRC 84 (2011) 024617; Mueller et al., PRC 83 (2011) 054615): S(E)
 * in ν̄ per MeV per fission.
 *
 * <ul>
 *   <li>2–8 MeV: S(E) = exp(Σ_{k=0..5} a_k E^k), Huber PRC 84 (2011) 024617 (U-235, Pu-239, Pu-241) and
 *       Mueller et al. PRC 83 (2011) 054615 (U-238); coefficients in {@link FissionIsotope}.
 *   <li>below 2 MeV: {@link LowEnergyModel}; above 8 MeV up to {@link #maxEnergyMeV()}: {@link HighEnergyModel}.
 * </ul>
 *
 * <p>The absolute yield {@link #neutrinosPerFission()} = ∫S dE over the support is kept apart from the
 * normalised shape {@link #densityPerMeV} = S/∫S. Numbers (Gauss–Legendre, this class; independently checked
 * with scipy), ν̄/fission, 0–2 / 2–8 / 8–10 MeV:
 *
 * <pre>
 *          VOGEL_ENGEL  EXPONENTIAL   2–8 MeV   8–10 EXTRAPOLATE  8–10 EXPONENTIAL
 * U235       3.674        6.308        1.687        4.27e-4          5.23e-4
 * U238       4.132        4.004        2.244        1.99e-3          2.21e-3
 * Pu239      3.492        5.634        1.262        1.22e-4          1.49e-4
 * Pu241      3.583        5.323        1.615        3.08e-4          3.67e-4
 * </pre>
 *
 * <p>With fractions 0.58/0.07/0.30/0.05 the totals are 7.49 (EXPONENTIAL) and 5.24 (VOGEL_ENGEL) ν̄/fission.
 * Summation calculations give ≈ 6 ν̄ per fission from fission products alone; the ≈ 7.2 implied by published
 * reactor fluxes (e.g. CONUS) also counts ν̄ from ²³⁹U/²³⁹Np after neutron capture on ²³⁸U, which no model
 * here describes separately. Below 2 MeV the CEvNS recoils are far below any threshold, so the choice
 * changes fluxes and EvES rates but not CEvNS rates. Immutable.
 */
final class ReactorIsotopeSpectrum implements EnergySpectrum {
  /** Lower end of the Huber/Mueller fits in MeV. */
  public static final double FIT_MIN_ENERGY_MEV = 2.0;
  /** Upper end of the Huber/Mueller fits in MeV. */
  public static final double FIT_MAX_ENERGY_MEV = 8.0;
  /**
   * Default upper edge in MeV for the EXTRAPOLATE/EXPONENTIAL high-energy models. The 8–10 MeV tail matters
   * for low-threshold Ge CEvNS: with the typical fractions it gives 11 % (EXTRAPOLATE) or 13.5 %
   * (EXPONENTIAL) of a Ge rate above 1 keVnr, while continuing to 20 MeV would add only 0.05 % or 0.5 % and
   * less than 1e-5 ν̄/fission (estimates with a form-factor-free CEvNS cross section, scipy).
   */
  public static final double DEFAULT_MAX_ENERGY_MEV = 10.0;
  /** Largest accepted maximum energy in MeV: a sanity bound; the continued fits are negligible there. */
  public static final double MAX_ALLOWED_ENERGY_MEV = 20.0;
  /**
   * Equal 16-point Gauss–Legendre panels per model piece (0–2, 2–8, 8–max MeV) of ∫S dE. S is exp of a polynomial
   * (or an exponential) on each piece, so 8 panels reach machine precision: they agree with the adaptive
   * Gauss–Legendre integral to 1e-13 used before to 2e-15 relative (ReactorIsotopeSpectrumTest), at 384 evaluations.
   */
  static final int PANELS_PER_PIECE = 8;

  /** Spectra already made, by their parameters: immutable, so reactors with the same models share them. */
  private static final Map<Key, ReactorIsotopeSpectrum> MADE = new ConcurrentHashMap<>();

  /**
   * The parameters of a spectrum. {@code equals} and {@code hashCode} are written out: a record's own are bootstrapped
   * by {@code java.lang.runtime.ObjectMethods} on first use, which spins method-handle classes for ~10–20 ms of CPU
   * in a fresh JVM, on the critical path of every reactor configuration's {@code cevns rates} (docs/performance-history.md,
   * "Computed rates (fifteenth session)"). Same equality as the record's (the double by {@link Double#compare}).
   */
  private record Key(FissionIsotope isotope, LowEnergyModel low, HighEnergyModel high, double maxEnergyMeV) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.isotope == isotope && k.low == low && k.high == high
          && Double.compare(k.maxEnergyMeV, maxEnergyMeV) == 0;
    }

    @Override
    public int hashCode() {
      return ((isotope.hashCode() * 31 + low.hashCode()) * 31 + high.hashCode()) * 31
          + Double.hashCode(maxEnergyMeV);
    }
  }

  private final FissionIsotope isotope;
  private final LowEnergyModel lowEnergyModel;
  private final HighEnergyModel highEnergyModel;
  private final double maxEnergyMeV;
  private final double[] fit;
  private final double[] vogelEngel;
  private final double fitAtMinMeVLog;
  private final double slopeAtMinPerMeV;
  private final double fitAtMaxMeVLog;
  private final double slopeAtMaxPerMeV;
  private final double neutrinosPerFission;

  private ReactorIsotopeSpectrum(
      FissionIsotope isotope, LowEnergyModel low, HighEnergyModel high, double maxEnergyMeV) {
    this.isotope = isotope;
    this.lowEnergyModel = low;
    this.highEnergyModel = high;
    this.maxEnergyMeV = high == HighEnergyModel.CUTOFF ? FIT_MAX_ENERGY_MEV : maxEnergyMeV;
    this.fit = isotope.conversionFit();
    this.vogelEngel = isotope.vogelEngelFit();
    this.fitAtMinMeVLog = polynomial(fit, FIT_MIN_ENERGY_MEV);
    this.slopeAtMinPerMeV = derivative(fit, FIT_MIN_ENERGY_MEV);
    this.fitAtMaxMeVLog = polynomial(fit, FIT_MAX_ENERGY_MEV);
    this.slopeAtMaxPerMeV = derivative(fit, FIT_MAX_ENERGY_MEV);
    this.neutrinosPerFission = integrate();
  }

  /** Spectrum with the default models (VOGEL_ENGEL below 2 MeV, EXTRAPOLATE to 10 MeV). */
  public static ReactorIsotopeSpectrum of(FissionIsotope isotope) {
    return of(isotope, LowEnergyModel.VOGEL_ENGEL, HighEnergyModel.EXTRAPOLATE, DEFAULT_MAX_ENERGY_MEV);
  }

  /**
   * Spectrum of {@code isotope} with the given models (the same instance for the same arguments). {@code maxEnergyMeV} ∈ [8, 20] is the upper edge for
   * EXTRAPOLATE and EXPONENTIAL (8 gives the same support as CUTOFF); it is checked but not used for CUTOFF.
   */
  public static ReactorIsotopeSpectrum of(
      FissionIsotope isotope, LowEnergyModel low, HighEnergyModel high, double maxEnergyMeV) {
    Checks.notNull("isotope", isotope);
    Checks.notNull("lowEnergyModel", low);
    Checks.notNull("highEnergyModel", high);
    Checks.inClosedRange("maxEnergyMeV", maxEnergyMeV, FIT_MAX_ENERGY_MEV, MAX_ALLOWED_ENERGY_MEV);
    return MADE.computeIfAbsent(new Key(isotope, low, high, maxEnergyMeV),
        k -> new ReactorIsotopeSpectrum(isotope, low, high, maxEnergyMeV));
  }

  /** S(E) in ν̄ per MeV per fission (absolute, not normalised); 0 outside the support. */
  public double neutrinosPerFissionPerMeV(double energyMeV) {
    if (!(energyMeV >= minEnergyMeV() && energyMeV <= maxEnergyMeV())) {
      return 0.0;
    }
    if (energyMeV < FIT_MIN_ENERGY_MEV) {
      return lowEnergyModel == LowEnergyModel.VOGEL_ENGEL
          ? Math.exp(polynomial(vogelEngel, energyMeV))
          : Math.exp(fitAtMinMeVLog + slopeAtMinPerMeV * (energyMeV - FIT_MIN_ENERGY_MEV));
    }
    if (energyMeV > FIT_MAX_ENERGY_MEV && highEnergyModel == HighEnergyModel.EXPONENTIAL) {
      return Math.exp(fitAtMaxMeVLog + slopeAtMaxPerMeV * (energyMeV - FIT_MAX_ENERGY_MEV));
    }
    return Math.exp(polynomial(fit, energyMeV));
  }

  /** ∫S dE over the support: ν̄ emitted per fission of this isotope. */
  public double neutrinosPerFission() {
    return neutrinosPerFission;
  }

  /** ∫S dE over [loMeV, hiMeV] ∩ support, ν̄ per fission. */
  public double neutrinosPerFission(double loMeV, double hiMeV) {
    double a = Math.max(loMeV, minEnergyMeV());
    double b = Math.min(hiMeV, maxEnergyMeV());
    if (!(b > a)) {
      return 0.0;
    }
    // integrate piecewise between the model boundaries inside [a, b]
    double[] edges = {a, clamp(FIT_MIN_ENERGY_MEV, a, b), clamp(FIT_MAX_ENERGY_MEV, a, b), b};
    double sum = 0;
    for (int k = 0; k + 1 < edges.length; k++) {
      if (edges[k + 1] > edges[k]) {
        sum += GaussLegendre.integrate(this::neutrinosPerFissionPerMeV, edges[k], edges[k + 1], PANELS_PER_PIECE);
      }
    }
    return sum;
  }

  @Override
  public boolean isLine() {
    return false;
  }

  @Override
  public double minEnergyMeV() {
    return lowEnergyModel == LowEnergyModel.NONE ? FIT_MIN_ENERGY_MEV : 0.0;
  }

  @Override
  public double maxEnergyMeV() {
    return maxEnergyMeV;
  }

  @Override
  public double densityPerMeV(double energyMeV) {
    return neutrinosPerFissionPerMeV(energyMeV) / neutrinosPerFission;
  }

  /** 2 MeV (model change, a step for VOGEL_ENGEL) and 8 MeV when inside the support. */
  @Override
  public double[] breakpointsMeV() {
    boolean low = lowEnergyModel != LowEnergyModel.NONE;
    boolean high = maxEnergyMeV > FIT_MAX_ENERGY_MEV;
    if (low && high) {
      return new double[] {FIT_MIN_ENERGY_MEV, FIT_MAX_ENERGY_MEV};
    }
    if (low) {
      return new double[] {FIT_MIN_ENERGY_MEV};
    }
    return high ? new double[] {FIT_MAX_ENERGY_MEV} : new double[0];
  }

  public FissionIsotope isotope() {
    return isotope;
  }

  public LowEnergyModel lowEnergyModel() {
    return lowEnergyModel;
  }

  public HighEnergyModel highEnergyModel() {
    return highEnergyModel;
  }

  private double integrate() {
    return neutrinosPerFission(minEnergyMeV(), maxEnergyMeV());
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  private static double polynomial(double[] a, double x) {
    double y = 0;
    for (int k = a.length - 1; k >= 0; k--) {
      y = y * x + a[k];
    }
    return y;
  }

  private static double derivative(double[] a, double x) {
    double y = 0;
    for (int k = a.length - 1; k >= 1; k--) {
      y = y * x + k * a[k];
    }
    return y;
  }

  @Override
  public String toString() {
    return "ReactorIsotopeSpectrum[" + isotope.label() + ", " + lowEnergyModel + ", " + highEnergyModel + ", "
        + minEnergyMeV() + ".." + maxEnergyMeV + " MeV, " + neutrinosPerFission + " per fission]";
  }
}
