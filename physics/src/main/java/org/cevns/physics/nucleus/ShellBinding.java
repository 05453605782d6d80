package org.cevns.physics.nucleus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cevns.physics.constants.Units;

/**
 * Atomic subshell occupancies and electron binding energies of one element, for the stepping approximation of
 * neutrino–electron scattering on bound electrons (an electron of binding B contributes only when T &gt; B;
 * Kopeikin et al., Phys. At. Nucl. 60 (1997) 1859; Chen et al., PLB 731 (2014) 159).
 *
 * <p>Binding energies: X-ray Data Booklet (A. C. Thompson et al., LBNL, 2009), Table 1-1 "Electron binding
 * energies" (from Bearden &amp; Burr 1967, Cardona &amp; Ley 1978, Fuggle &amp; Mårtensson 1980), subshells K, L1–L3,
 * M1–M5, N1–N7, O1–O5 as listed there. Outer (valence) electrons for which the booklet gives no value are
 * lumped into one group "valence" bound by the first ionisation energy (NIST Atomic Spectra Database); they
 * matter only for recoils below ~20 eV. Occupancies follow the ground-state configurations (p1/2 holds 2, p3/2
 * 4, d3/2 4, d5/2 6, f5/2 6, f7/2 8 electrons); they sum to Z.
 */
public final class ShellBinding {

  private static final Map<Integer, ShellBinding> TABLE = new TreeMap<>();

  private final int z;
  private final String[] names;
  private final int[] electrons;
  private final double[] bindingKeV;

  private ShellBinding(int z, String[] names, int[] electrons, double[] bindingEV) {
    this.z = z;
    this.names = names;
    this.electrons = electrons;
    this.bindingKeV = new double[bindingEV.length];
    int total = 0;
    for (int i = 0; i < bindingEV.length; i++) {
      bindingKeV[i] = bindingEV[i] / Units.EV_PER_KEV;
      total += electrons[i];
    }
    if (total != z) {
      throw new IllegalStateException("shell table for Z = " + z + " has " + total + " electrons");
    }
  }

  /** Shells of element {@code z}; throws when the element is not tabulated. */
  public static ShellBinding of(int z) {
    ShellBinding s = TABLE.get(z);
    if (s == null) {
      throw new IllegalArgumentException("no shell binding energies for Z = " + z + "; tabulated Z: " + TABLE.keySet());
    }
    return s;
  }

  /** True when element {@code z} is tabulated. */
  public static boolean isTabulated(int z) {
    return TABLE.containsKey(z);
  }

  /** Tabulated proton numbers. */
  public static List<Integer> tabulatedZ() {
    return List.copyOf(TABLE.keySet());
  }

  /** Proton number. */
  public int z() {
    return z;
  }

  /** Number of (sub)shell groups. */
  public int shellCount() {
    return electrons.length;
  }

  /** Name of group {@code i} ("K", "L1", ..., "valence"). */
  public String shellName(int i) {
    return names[i];
  }

  /** Electrons in group {@code i}. */
  public int electrons(int i) {
    return electrons[i];
  }

  /** Binding energy of group {@code i} in keV. */
  public double bindingKeV(int i) {
    return bindingKeV[i];
  }

  /** Copy of the electron counts per group. */
  public int[] electronCounts() {
    return electrons.clone();
  }

  /** Copy of the binding energies in keV per group. */
  public double[] bindingEnergiesKeV() {
    return bindingKeV.clone();
  }

  /** Number of electrons with binding energy strictly below {@code energyKeV} (Z_eff of the stepping approximation). */
  public int electronsBoundBelowKeV(double energyKeV) {
    int n = 0;
    for (int i = 0; i < electrons.length; i++) {
      if (bindingKeV[i] < energyKeV) {
        n += electrons[i];
      }
    }
    return n;
  }

  // ---- data: X-ray Data Booklet Table 1-1 (eV); "valence" = first ionisation energy (NIST ASD) ----

  private static final String[] SUB = {"K", "L1", "L2", "L3", "M1", "M2", "M3", "M4", "M5",
      "N1", "N2", "N3", "N4", "N5", "N6", "N7", "O1", "O2", "O3", "O4", "O5"};
  private static final int[] FULL = {2, 2, 2, 4, 2, 2, 4, 4, 6, 2, 2, 4, 4, 6, 6, 8, 2, 2, 4, 4, 6};

  /**
   * Adds element z: the booklet subshells K, L1, ... in order (filled up to Z electrons; a 0 marks an empty
   * subshell, e.g. 4f in Xe), then a valence group with the remaining electrons, if any.
   */
  private static void add(int z, double valenceEV, double... bookletEV) {
    List<String> n = new ArrayList<>();
    List<Integer> e = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < bookletEV.length; i++) {
      if (bookletEV[i] == 0) {
        continue;
      }
      int occ = Math.min(FULL[i], z - count);
      n.add(SUB[i]);
      e.add(occ);
      b.add(bookletEV[i]);
      count += occ;
    }
    if (count < z) {
      n.add("valence");
      e.add(z - count);
      b.add(valenceEV);
    }
    TABLE.put(z, new ShellBinding(z, n.toArray(new String[0]), e.stream().mapToInt(Integer::intValue).toArray(),
        b.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  static {
    add(1, 0, 13.6);
    add(2, 0, 24.6);
    add(3, 5.392, 54.7);
    add(5, 8.298, 188);
    add(6, 11.26, 284.2);
    add(7, 14.534, 409.9, 37.3);
    add(8, 13.618, 543.1, 41.6);
    add(9, 17.422, 696.7);
    add(10, 0, 870.2, 48.5, 21.7, 21.6);
    add(11, 5.139, 1070.8, 63.5, 30.65, 30.81);
    add(13, 5.986, 1559.6, 117.8, 72.95, 72.55);
    add(14, 8.151, 1839, 149.7, 99.82, 99.42);
    add(16, 10.36, 2472, 230.9, 163.6, 162.5);
    add(17, 12.967, 2822.4, 270, 202, 200);
    add(18, 0, 3205.9, 326.3, 250.6, 248.4, 29.3, 15.9, 15.7);
    add(20, 6.113, 4038.5, 438.4, 349.7, 346.2, 44.3, 25.4, 25.4);
    add(26, 7.87, 7112, 844.6, 719.9, 706.8, 91.3, 52.7, 52.7);
    add(29, 7.726, 8979, 1096.7, 952.3, 932.7, 122.5, 77.3, 75.1);
    add(30, 9.394, 9659, 1196.2, 1044.9, 1021.8, 139.8, 91.4, 88.6, 10.2, 10.1);
    add(32, 7.899, 11103, 1414.6, 1248.1, 1217.0, 180.1, 124.9, 120.8, 29.8, 29.2);
    add(36, 0, 14326, 1921, 1730.9, 1678.4, 292.8, 222.2, 214.4, 95.0, 93.8, 27.5, 14.1, 14.1);
    add(48, 8.993, 26711, 4018, 3727, 3538, 772.0, 652.6, 618.4, 411.9, 405.2, 109.8, 63.9, 63.9, 11.7, 10.7);
    add(52, 9.009, 31814, 4939, 4612, 4341, 1006, 870.8, 820.0, 583.4, 573.0, 169.4, 103.3, 103.3, 41.9, 40.4);
    add(53, 10.451, 33169, 5188, 4852, 4557, 1072, 931, 875, 630.8, 619.3, 186, 123, 123, 50.6, 48.9);
    add(54, 0, 34561, 5453, 5107, 4786, 1148.7, 1002.1, 940.6, 689.0, 676.4, 213.2, 146.7, 145.5, 69.5, 67.5,
        0, 0, 23.3, 13.4, 12.1);
    add(55, 3.894, 35985, 5714, 5359, 5012, 1211, 1071, 1003, 740.5, 726.6, 232.3, 172.4, 161.3, 79.8, 77.5,
        0, 0, 22.7, 14.2, 12.1);
    add(74, 7.98, 69525, 12100, 11544, 10207, 2820, 2575, 2281, 1872, 1809, 594.1, 490.4, 423.6, 255.9, 243.5,
        33.6, 31.4, 75.6, 45.3, 36.8);
    add(82, 7.416, 88005, 15861, 15200, 13035, 3851, 3554, 3066, 2586, 2484, 891.8, 761.9, 643.5, 434.3, 412.2,
        141.7, 136.9, 147, 106.4, 83.3, 20.7, 18.1);
    add(83, 7.289, 90526, 16388, 15711, 13419, 3999, 3696, 3177, 2688, 2580, 939, 805.2, 678.8, 464, 440.1,
        162.3, 157, 159.3, 119, 92.6, 26.9, 23.8);
  }
}
