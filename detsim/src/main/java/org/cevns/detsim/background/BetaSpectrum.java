package org.cevns.detsim.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.cevns.physics.Checks;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.constants.Units;

/**
 * Allowed β⁻ spectrum of kinetic energy T (keVee, electron-equivalent) with endpoint Q:
 *
 * <pre>
 *   dN/dT ∝ F(Z, W) · p · W · (Q − T)²,    W = T + m_e,  p = √(T (T + 2 m_e))
 *   F(Z, W) ≈ 2πη / (1 − exp(−2πη)),       η = α Z W / p       (non-relativistic Fermi function)
 * </pre>
 *
 * (E. Fermi, Z. Phys. 88 (1934) 161; e.g. Krane, Introductory Nuclear Physics, ch. 9), Z the daughter's atomic
 * number (2 for ³H → ³He). Written as F·p = 2παZ W / (1 − e^(−2πη)) it is finite at T = 0. The approximation
 * neglects relativistic, finite-size and screening corrections (small for Z = 2) and the neutrino mass.
 *
 * <p>Normalisation and CDF use Simpson's rule on {@value #GRID} equal intervals (relative error far below
 * 1e-8 for this smooth shape); sampling is exact rejection from a uniform proposal under 1.02 × the gridded
 * maximum.
 */
public final class BetaSpectrum implements BackgroundSpectrum {
  /** Tritium β⁻ endpoint in keV (³H Q-value 18.59 keV, NNDC ENSDF). */
  public static final double TRITIUM_ENDPOINT_KEV = 18.6;
  /** Atomic number of the tritium daughter ³He. */
  public static final int TRITIUM_DAUGHTER_Z = 2;
  /** Number of grid intervals for normalisation and CDF. */
  public static final int GRID = 2048;

  private static final double ELECTRON_MASS_KEV = PhysicalConstants.ELECTRON_MASS_MEV * Units.KEV_PER_MEV;

  private final double endpointKeV;
  private final int daughterZ;
  private final double norm; // ∫ shape dT
  private final double[] cumulative; // unnormalised CDF at grid nodes
  private final double envelope; // bound on shape(T)

  private BetaSpectrum(double endpointKeV, int daughterZ) {
    this.endpointKeV = endpointKeV;
    this.daughterZ = daughterZ;
    double h = endpointKeV / GRID;
    cumulative = new double[GRID + 1];
    double max = 0;
    for (int i = 0; i < GRID; i++) {
      double a = i * h;
      cumulative[i + 1] = cumulative[i] + simpson(a, a + h);
      max = Math.max(max, Math.max(shape(a), shape(a + 0.5 * h)));
    }
    norm = cumulative[GRID];
    envelope = 1.02 * max;
  }

  /**
   * @param endpointKeV Q in keV, &gt; 0
   * @param daughterZ atomic number of the daughter nucleus, 0..118 (0: no Coulomb correction)
   */
  public static BetaSpectrum of(double endpointKeV, int daughterZ) {
    Checks.positive("endpointKeV", endpointKeV);
    if (daughterZ < 0 || daughterZ > 118) {
      throw Checks.fail("daughterZ", "in 0..118", daughterZ);
    }
    return new BetaSpectrum(endpointKeV, daughterZ);
  }

  /** Tritium: Q = 18.6 keV, daughter ³He (Z = 2). */
  public static BetaSpectrum tritium() {
    return of(TRITIUM_ENDPOINT_KEV, TRITIUM_DAUGHTER_Z);
  }

  public double endpointKeV() {
    return endpointKeV;
  }

  public int daughterZ() {
    return daughterZ;
  }

  /** Unnormalised shape F·p·W·(Q−T)² in keV units. */
  private double shape(double t) {
    if (t < 0 || t > endpointKeV) {
      return 0.0;
    }
    double w = t + ELECTRON_MASS_KEV;
    double p = Math.sqrt(t * (t + 2.0 * ELECTRON_MASS_KEV));
    double q = endpointKeV - t;
    if (daughterZ == 0) {
      return p * w * q * q;
    }
    double twoPiAlphaZ = 2.0 * Math.PI * PhysicalConstants.FINE_STRUCTURE_CONSTANT * daughterZ;
    double x = twoPiAlphaZ * w / p; // +∞ at t = 0
    return twoPiAlphaZ * w * w * q * q / -Math.expm1(-x);
  }

  private double simpson(double a, double b) {
    return (b - a) / 6.0 * (shape(a) + 4.0 * shape(0.5 * (a + b)) + shape(b));
  }

  @Override
  public double minKeV() {
    return 0.0;
  }

  @Override
  public double maxKeV() {
    return endpointKeV;
  }

  @Override
  public double densityPerKeV(double energyKeV) {
    return shape(energyKeV) / norm;
  }

  @Override
  public double cdf(double energyKeV) {
    if (energyKeV <= 0) {
      return 0.0;
    }
    if (energyKeV >= endpointKeV) {
      return 1.0;
    }
    double h = endpointKeV / GRID;
    int i = Math.min(GRID - 1, (int) (energyKeV / h));
    return (cumulative[i] + simpson(i * h, energyKeV)) / norm;
  }

  @Override
  public ContinuousSampler sampler(UniformRandomProvider rng) {
    return () -> {
      while (true) {
        double t = endpointKeV * rng.nextDouble();
        if (envelope * rng.nextDouble() < shape(t)) {
          return t;
        }
      }
    };
  }

  @Override
  public String toString() {
    return "Beta(Q=" + endpointKeV + " keV, Z_daughter=" + daughterZ + ")";
  }
}
