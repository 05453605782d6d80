package org.cevns.generator.sample;

import java.util.function.DoubleUnaryOperator;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * A cross section that keeps each σ(E) ({@link #totalXsCm2}) it has computed, by the exact energy, and returns the
 * kept double when asked again; every other method is the wrapped cross section's. Flux averages of spectra with the
 * same knots over one cross section (the ν_e and ν_μ,τ ⁸B spectra: their edges, so their Gauss–Kronrod nodes, are the
 * same doubles) then compute σ(E) once per node: the same doubles as without it. Not thread-safe: one thread.
 *
 * <p>The kept values are in an open-addressing table of primitive keys (the energy's raw bits) and values, not a
 * {@code HashMap<Long, Double>}: the boxes and entries of the map were ~1 % of reference.yaml's `rates` samples and
 * ~3 MB of allocation per run (docs/performance-history.md, "refrates3 (thirty-second session)").
 */
public final class RememberedTotalXs implements RecoilCrossSection {
  private final RecoilCrossSection xs;
  /** Initial table size (a power of two); doubled when more than half full. */
  private static final int INITIAL_SLOTS = 256;
  /** Keys (raw bits of E) of the table, valid where {@link #used} is set. */
  private long[] keys = new long[INITIAL_SLOTS];
  private double[] values = new double[INITIAL_SLOTS];
  private boolean[] used = new boolean[INITIAL_SLOTS];
  private int size;

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
    long key = Double.doubleToRawLongBits(energyMeV);
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (used[i]) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    double value = xs.totalXsCm2(energyMeV);
    keys[i] = key;
    values[i] = value;
    used[i] = true;
    if (++size > keys.length / 2) {
      grow();
    }
    return value;
  }

  /** The first slot of {@code key}: its bits mixed (a 64-bit multiplicative hash), top bits kept. */
  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    double[] oldValues = values;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    values = new double[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldUsed[j]) {
        int i = slot(oldKeys[j], mask);
        while (used[i]) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
        used[i] = true;
      }
    }
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
