package org.cevns.physics.source;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.cevns.physics.Checks;

/**
 * Continuous spectrum given as knots (E_i, v_i): dN/dE is linear between consecutive knots and 0 outside
 * [E_0, E_n]. The values are normalised on construction (trapezoid rule, exact for a piecewise-linear
 * function), so any overall scale is accepted; {@link #rawIntegral()} keeps the integral of the values as
 * given. The interior knots are the {@link #breakpointsMeV() breakpoints}. CDF, quantile and mean are exact
 * for the piecewise-linear density. Immutable.
 *
 * <p>Input rules (violations throw IllegalArgumentException naming the index): at least 2 knots; energies
 * finite, &ge; 0 and strictly increasing (a jump in the density cannot be expressed with repeated energies);
 * values finite and &ge; 0, not all 0.
 */
public final class TabulatedSpectrum implements EnergySpectrum {
  private final double[] energiesMeV;
  private final double[] densitiesPerMeV;
  private final double[] cumulative;
  private final double rawIntegral;
  /** {@link #segment} looks up energies in buckets of equal width over the support: this many per knot. */
  private static final int BUCKETS_PER_KNOT = 2;
  /** A bucket holding more knots than this is searched by bisection. */
  private static final int LINEAR_SCAN_KNOTS = 8;
  /** Buckets per MeV over [E_0, E_n]. */
  private final double bucketsPerMeV;
  /** Index of the last knot at or below the start of each bucket (as computed by {@link #bucket}), and n − 1. */
  private final int[] bucketFirstKnot;

  private TabulatedSpectrum(double[] energiesMeV, double[] densitiesPerMeV, double[] cumulative, double raw) {
    this.energiesMeV = energiesMeV;
    this.densitiesPerMeV = densitiesPerMeV;
    this.cumulative = cumulative;
    this.rawIntegral = raw;
    int n = energiesMeV.length;
    int buckets = BUCKETS_PER_KNOT * n;
    double span = energiesMeV[n - 1] - energiesMeV[0];
    double perMeV = buckets / span;
    this.bucketsPerMeV = Double.isFinite(perMeV) && perMeV > 0 ? perMeV : 0.0;
    this.bucketFirstKnot = new int[buckets + 1];
    // bucketFirstKnot[b] = the largest i with bucket(E_i) < b, or 0: every knot of bucket b lies after it
    int i = 0;
    for (int b = 0; b <= buckets; b++) {
      while (i + 1 < n && bucket(energiesMeV[i + 1]) < b) {
        i++;
      }
      bucketFirstKnot[b] = i;
    }
    bucketFirstKnot[buckets] = n - 1;
  }

  /** The bucket of {@code energyMeV}, clamped to [0, buckets − 1] (a NaN gives 0); non-decreasing in the energy. */
  private int bucket(double energyMeV) {
    double x = (energyMeV - energiesMeV[0]) * bucketsPerMeV;
    return x > 0 ? (int) Math.min(x, bucketFirstKnot.length - 2) : 0;
  }

  /**
   * A spectrum through the knots ({@code energiesMeV[i]}, {@code values[i]}); the values are dN/dE in any
   * unit and are normalised here. The arrays are copied.
   */
  public static TabulatedSpectrum of(double[] energiesMeV, double[] values) {
    Checks.notNull("energiesMeV", energiesMeV);
    Checks.notNull("values", values);
    if (energiesMeV.length != values.length) {
      throw new IllegalArgumentException("energiesMeV and values must have the same length, got "
          + energiesMeV.length + " and " + values.length);
    }
    if (energiesMeV.length < 2) {
      throw new IllegalArgumentException(
          "a tabulated spectrum needs at least 2 knots, got " + energiesMeV.length);
    }
    int n = energiesMeV.length;
    for (int i = 0; i < n; i++) {
      double e = energiesMeV[i];
      if (!(e >= 0) || Double.isInfinite(e)) {
        throw new IllegalArgumentException("energiesMeV[" + i + "] must be finite and >= 0, got " + e);
      }
      if (i > 0 && !(e > energiesMeV[i - 1])) {
        throw new IllegalArgumentException("energiesMeV[" + i + "] = " + e + " must be greater than energiesMeV["
            + (i - 1) + "] = " + energiesMeV[i - 1] + ": energies must be strictly increasing");
      }
      double v = values[i];
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("values[" + i + "] must be finite and >= 0, got " + v);
      }
    }
    double[] cum = new double[n];
    for (int i = 1; i < n; i++) {
      cum[i] = cum[i - 1] + 0.5 * (values[i - 1] + values[i]) * (energiesMeV[i] - energiesMeV[i - 1]);
    }
    double raw = cum[n - 1];
    if (!(raw > 0) || Double.isInfinite(raw)) {
      throw new IllegalArgumentException(
          "the integral of the tabulated values must be finite and > 0, got " + raw);
    }
    double[] dens = new double[n];
    for (int i = 0; i < n; i++) {
      dens[i] = values[i] / raw;
      cum[i] /= raw;
    }
    cum[n - 1] = 1.0;
    return new TabulatedSpectrum(energiesMeV.clone(), dens, cum, raw);
  }

  @Override
  public boolean isLine() {
    return false;
  }

  @Override
  public double minEnergyMeV() {
    return energiesMeV[0];
  }

  @Override
  public double maxEnergyMeV() {
    return energiesMeV[energiesMeV.length - 1];
  }

  @Override
  public double densityPerMeV(double energyMeV) {
    if (!(energyMeV >= minEnergyMeV() && energyMeV <= maxEnergyMeV())) {
      return 0.0;
    }
    return interpolate(segment(energyMeV), energyMeV);
  }

  /** The density in segment {@code i} at {@code energyMeV}: linear between the knots. */
  private double interpolate(int i, double energyMeV) {
    double t = (energyMeV - energiesMeV[i]) / (energiesMeV[i + 1] - energiesMeV[i]);
    return densitiesPerMeV[i] + t * (densitiesPerMeV[i + 1] - densitiesPerMeV[i]);
  }

  /** The same values as {@link #densityPerMeV}, the segment searched from the previous energy's. */
  @Override
  public DoubleUnaryOperator densityInOrder() {
    return new InOrder();
  }

  /** {@link #densityInOrder}: remembers the segment of the last energy (one thread). */
  private final class InOrder implements DoubleUnaryOperator {
    /** Knots walked forward from the last segment before the bucket lookup is used instead. */
    private static final int MAX_WALK = 4;
    private int last;

    @Override
    public double applyAsDouble(double energyMeV) {
      if (!(energyMeV >= minEnergyMeV() && energyMeV <= maxEnergyMeV())) {
        return 0.0;
      }
      double[] knots = energiesMeV;
      int n = knots.length;
      int i = last;
      if (knots[i] <= energyMeV) {
        // the largest i with E_i <= E, as segment finds it, when it is at most MAX_WALK knots ahead
        int end = Math.min(n - 1, i + MAX_WALK);
        while (i < end && knots[i + 1] <= energyMeV) {
          i++;
        }
        i = i + 1 < n && knots[i + 1] <= energyMeV ? segment(energyMeV) : Math.min(i, n - 2);
      } else {
        i = segment(energyMeV);
      }
      last = i;
      return interpolate(i, energyMeV);
    }
  }

  /** Interior knots, where the density has a kink. */
  @Override
  public double[] breakpointsMeV() {
    return Arrays.copyOfRange(energiesMeV, 1, energiesMeV.length - 1);
  }

  /** Exact cumulative distribution at {@code energyMeV} (0 below the support, 1 above). */
  public double cdf(double energyMeV) {
    if (!(energyMeV > minEnergyMeV())) {
      return 0.0;
    }
    if (energyMeV >= maxEnergyMeV()) {
      return 1.0;
    }
    int i = segment(energyMeV);
    double h = energiesMeV[i + 1] - energiesMeV[i];
    double d = energyMeV - energiesMeV[i];
    double slope = (densitiesPerMeV[i + 1] - densitiesPerMeV[i]) / h;
    return cumulative[i] + d * (densitiesPerMeV[i] + 0.5 * slope * d);
  }

  /** Exact inverse of {@link #cdf}: the energy in MeV below which a fraction {@code p} ∈ [0, 1] lies. */
  public double quantileMeV(double p) {
    Checks.inClosedRange("p", p, 0.0, 1.0);
    if (p == 0.0) {
      return minEnergyMeV();
    }
    // smallest j >= 1 with cumulative[j] >= p; segment i = j - 1 then has cumulative[i] < p
    int lo = 1;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] >= p) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    int i = lo - 1;
    double r = p - cumulative[i];
    double h = energiesMeV[i + 1] - energiesMeV[i];
    double f0 = densitiesPerMeV[i];
    double slope = (densitiesPerMeV[i + 1] - f0) / h;
    // solve f0 d + slope d²/2 = r in the cancellation-free form
    double disc = Math.max(0.0, f0 * f0 + 2.0 * slope * r);
    double d = 2.0 * r / (f0 + Math.sqrt(disc));
    return Math.min(energiesMeV[i + 1], energiesMeV[i] + d);
  }

  /** Exact mean energy in MeV of the piecewise-linear density. */
  public double meanEnergyMeV() {
    double sum = 0;
    for (int i = 0; i + 1 < energiesMeV.length; i++) {
      double a = energiesMeV[i];
      double b = energiesMeV[i + 1];
      sum += (b - a) * (densitiesPerMeV[i] * (2 * a + b) + densitiesPerMeV[i + 1] * (a + 2 * b)) / 6.0;
    }
    return sum;
  }

  /** Integral of the values as given, before normalisation (in value-unit × MeV). */
  public double rawIntegral() {
    return rawIntegral;
  }

  /** Knot energies in MeV (a copy). */
  public double[] knotEnergiesMeV() {
    return energiesMeV.clone();
  }

  /** Normalised densities per MeV at the knots (a copy). */
  public double[] knotDensitiesPerMeV() {
    return densitiesPerMeV.clone();
  }

  /**
   * Index i of the segment [E_i, E_{i+1}] holding {@code energyMeV} (inside the support): the largest i with
   * E_i &le; E, kept within [0, n − 2]; the same index as a bisection of all knots
   * ({@code Arrays.binarySearch}), found from the bucket of E (the ⁸B table has ~800 knots, and g(T) of
   * {@code rates} looks up ~10⁶ energies in it).
   */
  int segment(double energyMeV) {
    double[] knots = energiesMeV;
    int n = knots.length;
    int b = bucket(energyMeV);
    int i = bucketFirstKnot[b];
    int last = bucketFirstKnot[b + 1];
    if (last - i > LINEAR_SCAN_KNOTS) {
      int k = Arrays.binarySearch(knots, i, last + 1, energyMeV);
      i = Math.max(0, k >= 0 ? k : -k - 2);
    }
    while (i + 1 < n && knots[i + 1] <= energyMeV) {
      i++;
    }
    while (i > 0 && knots[i] > energyMeV) {
      i--;
    }
    return Math.min(i, n - 2);
  }

  @Override
  public String toString() {
    return "TabulatedSpectrum[" + energiesMeV.length + " knots, " + minEnergyMeV() + ".." + maxEnergyMeV()
        + " MeV]";
  }
}
