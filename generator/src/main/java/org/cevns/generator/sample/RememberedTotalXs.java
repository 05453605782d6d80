package org.cevns.generator.sample;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * A cross section that keeps each σ(E) ({@link #totalXsCm2}) it has computed, by the exact energy, and returns the
 * kept double when asked again; every other method is the wrapped cross section's. Flux averages of spectra with the
 * same knots over one cross section (the ν_e and ν_μ,τ ⁸B spectra: their edges, so their Gauss–Kronrod nodes, are the
 * same doubles) then compute σ(E) once per node: the same doubles as without it. Not thread-safe: one thread.
 */
public final class RememberedTotalXs implements RecoilCrossSection {
  private final RecoilCrossSection xs;
  private final Map<Long, Double> totals = new HashMap<>();

  private RememberedTotalXs(RecoilCrossSection xs) {
    this.xs = xs;
  }

  /** {@code xs} with its σ(E) kept. */
  public static RememberedTotalXs of(RecoilCrossSection xs) {
    if (xs == null) {
      throw new IllegalArgumentException("cross section must not be null");
    }
    return new RememberedTotalXs(xs);
  }

  @Override
  public double totalXsCm2(double energyMeV) {
    Long key = Double.doubleToRawLongBits(energyMeV);
    Double kept = totals.get(key);
    if (kept != null) {
      return kept;
    }
    double value = xs.totalXsCm2(energyMeV);
    totals.put(key, value);
    return value;
  }

  @Override
  public double maxRecoilMeV(double energyMeV) {
    return xs.maxRecoilMeV(energyMeV);
  }

  @Override
  public double minEnergyMeV(double recoilMeV) {
    return xs.minEnergyMeV(recoilMeV);
  }

  @Override
  public double xsCm2PerMeV(double energyMeV, double recoilMeV) {
    return xs.xsCm2PerMeV(energyMeV, recoilMeV);
  }

  @Override
  public DoubleUnaryOperator atRecoilMeV(double recoilMeV) {
    return xs.atRecoilMeV(recoilMeV);
  }

  @Override
  public double[] inverseEnergyCoefficients(double recoilMeV) {
    return xs.inverseEnergyCoefficients(recoilMeV);
  }

  @Override
  public double envelopeXsCm2PerMeV(double energyMeV, double recoilMeV) {
    return xs.envelopeXsCm2PerMeV(energyMeV, recoilMeV);
  }

  @Override
  public double acceptance(double recoilMeV) {
    return xs.acceptance(recoilMeV);
  }

  @Override
  public boolean hasAcceptance() {
    return xs.hasAcceptance();
  }

  @Override
  public boolean acceptanceNonDecreasing() {
    return xs.acceptanceNonDecreasing();
  }

  @Override
  public double recoilFloorMeV() {
    return xs.recoilFloorMeV();
  }

  @Override
  public double minRecoilMeV(double energyMeV) {
    return xs.minRecoilMeV(energyMeV);
  }

  @Override
  public boolean steepAtMinRecoil() {
    return xs.steepAtMinRecoil();
  }

  @Override
  public boolean sameValuesAs(RecoilCrossSection other) {
    return other == this || xs.sameValuesAs(other instanceof RememberedTotalXs r ? r.xs : other);
  }
}
