package org.cevns.analysis.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.formfactor.HelmFormFactor;
import org.cevns.physics.formfactor.UnityFormFactor;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.physics.xs.CevnsCrossSection;
import org.cevns.physics.xs.CouplingScheme;
import org.cevns.physics.xs.Couplings;

/**
 * cevns's total CEvNS cross section σ(E) against MARLEY 1.2.1's (configs/data/marley-cevns, numbers computed
 * with MARLEY; see the file header), in MARLEY's convention: point nucleus (F = 1), no axial term, tree-level
 * couplings g_V^p = 1/2 − 2 sin²θ_W, g_V^n = −1/2 at MARLEY's sin²θ_W = {@value #MARLEY_SIN2_THETA_W}. Two known
 * differences are left, both computed here ({@link #expectedRatio()}):
 * <ul>
 *   <li>Kinematics. For a spin-0 point nucleus the exact (lab-frame) dσ/dT ∝ 1 − T/E − MT/(2E²) integrates to
 *       σ = G_F² Q_W² E² / [4π (1 + 2x)], x = E/M; cevns's dσ/dT (Freedman 1974, with the T²/(2E²) term of
 *       the V–A form) gives this times 1 + (4/3)x²/(1 + 2x)² (below 6e-5 here). MARLEY's
 *       allowed-approximation CM formula σ = (G_F²/π)(E_b E_d/s) E_c p_c Q_W²/4 gives
 *       G_F² Q_W² E² (1 + x)² / [4π (1 + 2x)³], lower by the factor [(1 + x)/(1 + 2x)]² ≈ 1 − 2E/M: 0.1 % for
 *       ⁴⁰Ar at 20 MeV, 1.1 % for ¹⁹F at 100 MeV. MARLEY's nuclear-recoil factor is an approximation of its
 *       allowed (q → 0) treatment; cevns's is exact for a point nucleus.</li>
 *   <li>G_F: cevns 1.1663787e-5 GeV⁻² (PDG), MARLEY 1.16637e-5: σ ratio 1 + 1.5e-5.</li>
 * </ul>
 * With both taken out the two agree within {@value #RESIDUAL_TOLERANCE} for every tabulated nuclide from 5 to
 * 100 MeV; the raw ratio is within 1 + 2E/M ({@code MarleyComparisonTest}).
 *
 * @param isotope nuclide label (Ar40, ...)
 * @param energyMeV neutrino energy in MeV
 * @param marleyXsCm2 MARLEY's total cross section in cm²
 * @param cevnsXsCm2 cevns's total cross section in the same convention, in cm²
 * @param nuclearMassMeV cevns's nuclear mass M in MeV
 * @param defaultsXsCm2 cevns's cross section with its defaults (PDG couplings, Helm form factors with the
 *     Lewin–Smith radius, axial term) for ν_μ, in cm²: how far MARLEY's convention is from cevns's physics
 */
public record MarleyComparison(String isotope, double energyMeV, double marleyXsCm2, double cevnsXsCm2,
    double nuclearMassMeV, double defaultsXsCm2) {

  /** Data file under {@code configs/data/marley-cevns}. */
  public static final String FILE = "marley_cevns_total_xs.csv";
  /** sin²θ_W of MARLEY 1.2.1 (marley_utils::sin2thetaw, the PDG 2014 effective value), dimensionless. */
  public static final double MARLEY_SIN2_THETA_W = 0.23155;
  /** G_F of MARLEY 1.2.1 (marley_utils::GF), MeV⁻². */
  public static final double MARLEY_FERMI_CONSTANT_PER_MEV2 = 1.16637e-11;
  /** Largest allowed |cevns/MARLEY / {@link #expectedRatio()} − 1|. */
  public static final double RESIDUAL_TOLERANCE = 2e-5;
  private static final double CM2_PER_1E40_CM2 = 1e-40;

  /** cevns / MARLEY. */
  public double ratio() {
    return cevnsXsCm2 / marleyXsCm2;
  }

  /**
   * The ratio cevns/MARLEY that the known differences predict: [(1 + 2x)/(1 + x)]² (MARLEY's recoil factor,
   * x = E/M) times 1 + (4/3)x²/(1 + 2x)² (cevns's T²/(2E²) term) times (G_F/G_F,MARLEY)².
   */
  public double expectedRatio() {
    double x = energyMeV / nuclearMassMeV;
    double kinematics = (1 + 2 * x) / (1 + x);
    double squareTerm = 1 + 4.0 / 3.0 * x * x / ((1 + 2 * x) * (1 + 2 * x));
    double gf = PhysicalConstants.FERMI_CONSTANT_PER_MEV2 / MARLEY_FERMI_CONSTANT_PER_MEV2;
    return kinematics * kinematics * squareTerm * gf * gf;
  }

  /** cevns / MARLEY / {@link #expectedRatio()} − 1: what the known differences do not explain. */
  public double residual() {
    return ratio() / expectedRatio() - 1;
  }

  /** cevns with its defaults / MARLEY. */
  public double defaultsRatio() {
    return defaultsXsCm2 / marleyXsCm2;
  }

  /** Every row of the data file under {@code configsDir}, with cevns's value beside MARLEY's. */
  public static List<MarleyComparison> of(Path configsDir) throws IOException {
    Path file = configsDir.resolve("data").resolve("marley-cevns").resolve(FILE);
    Couplings tree = Couplings.tree(MARLEY_SIN2_THETA_W);
    Couplings pdg = Couplings.of(CouplingScheme.PDG, Flavor.NUMU, PhysicalConstants.SIN2_THETA_W_LOW_Q);
    List<MarleyComparison> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.startsWith("isotope")) {
        continue;
      }
      String[] f = t.split(",");
      if (f.length != 3) {
        throw new IllegalArgumentException(file + ": expected 'isotope,energy_mev,xs_1e-40_cm2', got '" + t + "'");
      }
      double energyMeV = Double.parseDouble(f[1]);
      Isotope isotope = IsotopeTable.fromLabel(f[0]);
      CevnsCrossSection xs = CevnsCrossSection.of(isotope, tree, UnityFormFactor.INSTANCE,
          UnityFormFactor.INSTANCE, false, null);
      HelmFormFactor helm = HelmFormFactor.lewinSmith(isotope.a());
      CevnsCrossSection defaults = CevnsCrossSection.of(isotope, pdg, helm, helm, true, helm);
      out.add(new MarleyComparison(f[0], energyMeV, Double.parseDouble(f[2]) * CM2_PER_1E40_CM2,
          xs.totalXsCm2(energyMeV), xs.nuclearMassMeV(), defaults.totalXsCm2(energyMeV)));
    }
    return out;
  }
}
