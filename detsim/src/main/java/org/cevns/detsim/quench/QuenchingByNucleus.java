package org.cevns.detsim.quench;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.cevns.physics.Checks;
import org.cevns.physics.Process;

/**
 * Quenching per element of a (compound) target, keyed by the atomic number of the recoiling nucleus, e.g. CsI
 * with Cs and I each Lindhard with their own Z and A, or the single COHERENT CsI polynomial for both.
 * Electron recoils ({@link Process#EVES}) are not quenched.
 */
public final class QuenchingByNucleus {
  /** Standard atomic weight of Cs (IUPAC/CIAAW), used as A of the Cs Lindhard preset. */
  public static final double CESIUM_ATOMIC_WEIGHT = 132.90545196;
  /** Standard atomic weight of I (IUPAC/CIAAW), used as A of the I Lindhard preset. */
  public static final double IODINE_ATOMIC_WEIGHT = 126.90447;
  private static final int Z_CESIUM = 55;
  private static final int Z_IODINE = 53;

  private final Map<Integer, Quenching> byZ;

  private QuenchingByNucleus(Map<Integer, Quenching> byZ) {
    this.byZ = byZ;
  }

  /**
   * @param quenchingByZ model for each atomic number present in the target; non-empty, no null values
   */
  public static QuenchingByNucleus of(Map<Integer, ? extends Quenching> quenchingByZ) {
    if (quenchingByZ == null || quenchingByZ.isEmpty()) {
      throw Checks.fail("quenchingByZ", "a non-empty map from atomic number to quenching model", quenchingByZ);
    }
    TreeMap<Integer, Quenching> copy = new TreeMap<>();
    for (Map.Entry<Integer, ? extends Quenching> e : quenchingByZ.entrySet()) {
      Integer z = e.getKey();
      if (z == null || z < 1 || z > 118) {
        throw Checks.fail("quenchingByZ key", "an atomic number in 1..118", z);
      }
      if (e.getValue() == null) {
        throw Checks.fail("quenchingByZ[" + z + "]", "a quenching model", "null");
      }
      copy.put(z, e.getValue());
    }
    return new QuenchingByNucleus(Collections.unmodifiableMap(copy));
  }

  /** One model for a single-element target with atomic number {@code z}. */
  public static QuenchingByNucleus single(int z, Quenching quenching) {
    return of(Map.of(z, Objects.requireNonNull(quenching, "quenching")));
  }

  /** CsI: Cs (Z=55) and I (Z=53), each Lindhard with default k and its own Z and A. */
  public static QuenchingByNucleus csiLindhard() {
    return of(Map.of(
        Z_CESIUM, LindhardQuenching.withDefaultK(Z_CESIUM, CESIUM_ATOMIC_WEIGHT),
        Z_IODINE, LindhardQuenching.withDefaultK(Z_IODINE, IODINE_ATOMIC_WEIGHT)));
  }

  /** CsI: the single COHERENT 2021 polynomial for both Cs and I. */
  public static QuenchingByNucleus csiCoherent2021() {
    PolynomialQuenching p = PolynomialQuenching.coherentCsI2021();
    return of(Map.of(Z_CESIUM, p, Z_IODINE, p));
  }

  /** Model for atomic number {@code z}; fails if the target has no such element. */
  public Quenching forZ(int z) {
    Quenching q = byZ.get(z);
    if (q == null) {
      throw Checks.fail("z", "one of the configured atomic numbers " + byZ.keySet(), z);
    }
    return q;
  }

  /** Atomic numbers → models (unmodifiable, sorted by Z). */
  public Map<Integer, Quenching> models() {
    return byZ;
  }

  /** Visible energy in keVee of a nuclear recoil on element {@code z}. */
  public double visibleKeVee(int z, double recoilKeVnr) {
    return forZ(z).visibleKeVee(recoilKeVnr);
  }

  /** Inverse for element {@code z}: keVnr that gives {@code visibleKeVee}. */
  public double recoilKeVnr(int z, double visibleKeVee) {
    return forZ(z).recoilKeVnr(visibleKeVee);
  }

  /**
   * Visible energy of a truth event: CEvNS recoils are quenched with the model of {@code targetZ}; EvES
   * electron recoils are not quenched ({@code recoilKeV} is returned unchanged, {@code targetZ} is ignored).
   */
  public double visibleKeVee(Process process, int targetZ, double recoilKeV) {
    Objects.requireNonNull(process, "process");
    if (process == Process.EVES) {
      return MonotoneInverse.checkEnergy("recoilKeV", recoilKeV);
    }
    return visibleKeVee(targetZ, recoilKeV);
  }

  @Override
  public String toString() {
    return "QuenchingByNucleus" + byZ;
  }
}
