package org.cevns.generator.sample;

import java.util.Arrays;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Flux-averaged cross section ⟨σ⟩ = ∫ φ(E) σ(E) dE in cm² per target for a normalised spectrum φ, optionally
 * restricted to recoils in a window [T_lo, T_hi]: ⟨σ⟩_W = ∫ dE φ(E) ∫_{T_lo}^{min(T_hi, T_max(E))} dσ/dT dT.
 * Multiplied by the fluence and the number of targets it gives the expected number of interactions.
 *
 * <p>Numerics: the E integral is split at the spectrum breakpoints and at the energies where σ_W(E) has kinks
 * (E_min(T_lo), E_min(T_hi), E_min(T_step) for each acceptance step), and each piece is integrated by adaptive
 * Gauss–Kronrod to {@value #ENERGY_REL_TOL} relative. σ_W(E) is {@link RecoilCrossSection#totalXsCm2} when the
 * window holds all of [0, T_max(E)], otherwise an adaptive integral of dσ/dT (split at acceptance steps) to
 * {@value #RECOIL_REL_TOL} relative. The results are far inside the required 10⁻⁴; the total ⟨σ⟩ is only as
 * consistent with dσ/dT as the cross section's own {@code totalXsCm2}.
 */
public final class FluxAveragedXs {
  /** Relative tolerance of each adaptive integral over neutrino energy. */
  static final double ENERGY_REL_TOL = 1e-9;
  /** Relative tolerance of each adaptive integral over recoil energy. */
  static final double RECOIL_REL_TOL = 1e-11;

  private FluxAveragedXs() {}

  /** ⟨σ⟩ over all recoils, in cm² per target. */
  public static double totalCm2(EnergySpectrum spectrum, RecoilCrossSection xs) {
    return inWindowCm2(spectrum, xs, 0.0, Double.POSITIVE_INFINITY);
  }

  /**
   * ⟨σ⟩ for recoils in [minRecoilMeV, maxRecoilMeV], in cm² per target.
   *
   * @param windowLowMeV lower window edge, finite and &ge; 0 (raised to the cross section's recoil floor)
   * @param maxRecoilMeV upper window edge, &gt; windowLowMeV (may be +∞)
   */
  public static double inWindowCm2(
      EnergySpectrum spectrum, RecoilCrossSection xs, double windowLowMeV, double maxRecoilMeV) {
    checkWindow(windowLowMeV, maxRecoilMeV);
    double minRecoilMeV = Math.max(windowLowMeV, xs.recoilFloorMeV());
    if (!(maxRecoilMeV > minRecoilMeV)) {
      return 0.0;
    }
    double[] steps = AcceptanceSteps.find(
        xs, minRecoilMeV, Math.min(maxRecoilMeV, xs.maxRecoilMeV(spectrum.maxEnergyMeV())));
    if (spectrum.isLine()) {
      return windowXsCm2(xs, spectrum.minEnergyMeV(), minRecoilMeV, maxRecoilMeV, steps);
    }
    double[] edges = energyEdges(spectrum, xs, minRecoilMeV, maxRecoilMeV, steps);
    if (edges.length < 2) {
      return 0.0;
    }
    return Quadrature.integrateOver(
        e -> {
          double density = spectrum.densityPerMeV(e);
          return density == 0.0 ? 0.0
              : density * windowXsCm2(xs, e, minRecoilMeV, maxRecoilMeV, steps);
        },
        edges, ENERGY_REL_TOL, 0.0);
  }

  /** Validates a recoil window; shared by the sampler. */
  static void checkWindow(double minRecoilMeV, double maxRecoilMeV) {
    if (!(minRecoilMeV >= 0) || Double.isInfinite(minRecoilMeV)) {
      throw new IllegalArgumentException("minRecoilMeV must be finite and >= 0, got " + minRecoilMeV);
    }
    if (!(maxRecoilMeV > minRecoilMeV)) {
      throw new IllegalArgumentException(
          "maxRecoilMeV must be > minRecoilMeV = " + minRecoilMeV + " (may be infinite), got " + maxRecoilMeV);
    }
  }

  /**
   * σ_W(E) = ∫ dσ/dT over [T_lo, min(T_hi, T_max(E))] in cm²; {@code steps} are the acceptance steps inside the
   * window (from {@link AcceptanceSteps#find}).
   */
  static double windowXsCm2(
      RecoilCrossSection xs, double energyMeV, double minRecoilMeV, double maxRecoilMeV, double[] steps) {
    double tMax = xs.maxRecoilMeV(energyMeV);
    if (minRecoilMeV <= xs.recoilFloorMeV() && maxRecoilMeV >= tMax) {
      return xs.totalXsCm2(energyMeV);
    }
    double hi = Math.min(maxRecoilMeV, tMax);
    minRecoilMeV = Math.max(minRecoilMeV, xs.minRecoilMeV(energyMeV));
    if (!(hi > minRecoilMeV)) {
      return 0.0;
    }
    double[] edges = new double[steps.length + 2];
    int n = 0;
    edges[n++] = minRecoilMeV;
    for (double s : steps) {
      if (s > minRecoilMeV && s < hi) {
        edges[n++] = s;
      }
    }
    edges[n++] = hi;
    return Quadrature.integrateOver(
        t -> xs.xsCm2PerMeV(energyMeV, t), Arrays.copyOf(edges, n), RECOIL_REL_TOL, 0.0);
  }

  /**
   * Sorted distinct neutrino energies bounding the pieces where φ(E)σ_W(E) is smooth: the support trimmed to
   * E &ge; E_min(T_lo), the spectrum breakpoints, E_min(T_hi) and E_min of each acceptance step. Empty when no
   * energy of the support reaches the window.
   */
  static double[] energyEdges(
      EnergySpectrum spectrum, RecoilCrossSection xs, double minRecoilMeV, double maxRecoilMeV,
      double[] steps) {
    double lo = spectrum.minEnergyMeV();
    double hi = spectrum.maxEnergyMeV();
    if (minRecoilMeV > 0.0 || xs.steepAtMinRecoil()) {
      lo = Math.max(lo, xs.minEnergyMeV(minRecoilMeV)); // a kinematic threshold (upscattering) when T_lo = 0
    }
    if (!(hi > lo)) {
      return new double[0];
    }
    double[] bps = spectrum.breakpointsMeV();
    double[] all = new double[bps.length + steps.length + 3];
    int n = 0;
    all[n++] = lo;
    all[n++] = hi;
    for (double b : bps) {
      all[n++] = b;
    }
    if (!Double.isInfinite(maxRecoilMeV)) {
      all[n++] = xs.minEnergyMeV(maxRecoilMeV);
    }
    for (double s : steps) {
      all[n++] = xs.minEnergyMeV(s);
    }
    return sortedInside(Arrays.copyOf(all, n), lo, hi);
  }

  /** Edges closer than this fraction of the range are merged. */
  private static final double MERGE_REL = 1e-12;

  /**
   * Values inside (lo, hi), sorted, without duplicates (closer than 10⁻¹² of the range), framed by lo and hi.
   */
  static double[] sortedInside(double[] values, double lo, double hi) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] out = new double[sorted.length + 2];
    double merge = MERGE_REL * (hi - lo);
    int n = 0;
    out[n++] = lo;
    for (double v : sorted) {
      if (v > out[n - 1] + merge && v < hi - merge) {
        out[n++] = v;
      }
    }
    out[n++] = hi;
    return Arrays.copyOf(out, n);
  }
}
