package org.cevns.physics.xs.bsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.junit.jupiter.api.Test;

/** Scan names: every name of a point can be set and read back; errors name the parameter. */
class NewPhysicsTest {
  private static final NewPhysics FULL = new NewPhysics(FlavourMatrix.ZERO, FlavourMatrix.ZERO, FlavourMatrix.ZERO,
      PerFlavour.ZERO, PerFlavour.ZERO, PerFlavour.ZERO,
      List.of(new Mediator(Mediator.Type.VECTOR, 10, 0, 0, 0, 0), new Mediator(Mediator.Type.SCALAR, 3, 0, 0, 0, 0)),
      Optional.of(new Sterile(5, PerFlavour.ZERO)), Ngi.ZERO);

  @Test
  void everyScanNameRoundTrips() {
    List<String> names = FULL.parameterNames();
    // NGI: 4 structures x (p, n, e, mass_mev + (3 flavours + 3 flavour pairs) x p, n, e) + pseudoscalar (e,
    // mass_mev, (3 flavours + 3 pairs) x e)
    assertEquals(18 + 12 + 3 + 12 + 5 + 4 * 22 + 8, names.size()); // nsi, EM (+ 3 transition moments), the
    // flavour-universal values (….all) of the EM moments, 2 mediators, sterile (+ dipole_mub.all), ngi
    assertTrue(names.containsAll(List.of("nsi.u.ee", "magnetic_moment_mub.nue", "millicharge_e.nue",
        "charge_radius_cm2.numu", "mediator[0].g", "mediator[0].mass_mev", "sterile.dipole_mub.numu", "ngi.tensor.e")));
    double v = 0.25;
    for (String name : names) {
      NewPhysics p = FULL.with(name, v);
      assertEquals(v, p.get(name), 0.0, name);
      for (String other : names) {
        if (!other.equals(name) && !other.startsWith(name.replaceAll("\\.g$", ".g_"))
            && !(name.startsWith("mediator") && other.equals(name.replaceAll("\\.g_\\w+$", ".g")))
            && !other.endsWith("mass_mev") && !sameNgiCoupling(name, other) && !sameMoment(name, other)) {
          assertEquals(0.0, p.get(other), 0.0, name + " leaves " + other);
        }
      }
    }
    assertTrue(FULL.with("mediator[1].g", 0.1).mediators().get(1).gE() == 0.1, "g sets all four couplings");
  }

  /** X.all sets X.nue, X.numu and X.nutau, and reads only when they agree. */
  private static boolean sameMoment(String a, String b) {
    return setsFlavour(a, b) || setsFlavour(b, a);
  }

  private static boolean setsFlavour(String all, String one) {
    return all.endsWith(".all") && List.of("nue", "numu", "nutau").stream().anyMatch(f -> one.equals(
        all.substring(0, all.length() - "all".length()) + f));
  }

  /**
   * ngi.X.k and ngi.X.f.k name the same coupling k of structure X (universal and one flavour); a flavour-changing
   * ngi.X.<emu|etau|mutau>.k is none of them (the universal name does not set it, and it leaves them 0).
   */
  private static boolean sameNgiCoupling(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    return x[0].equals("ngi") && y[0].equals("ngi") && x[1].equals(y[1]) && x[x.length - 1].equals(y[y.length - 1])
        && !Ngi.Structure.PAIRS.contains(x[2]) && !Ngi.Structure.PAIRS.contains(y[2]);
  }

  @Test
  void standardModelDetection() {
    assertTrue(NewPhysics.NONE.isStandardModel());
    assertTrue(new NewPhysics(FlavourMatrix.ZERO, FlavourMatrix.ZERO, FlavourMatrix.ZERO, PerFlavour.ZERO,
        PerFlavour.ZERO, PerFlavour.ZERO, List.of(new Mediator(Mediator.Type.VECTOR, 1, 0.1, 0, 0, 0)),
        Optional.empty(), Ngi.ZERO).isStandardModel(), "a mediator without matter couplings is inert");
    assertFalse(NewPhysics.NONE.with("nsi.d.etau", 1e-3).isStandardModel());
    assertTrue(NewPhysics.NONE.with("millicharge_e.nutau", 1e-12).hasInverseRecoilTerm(Flavor.NUTAUBAR));
    assertFalse(NewPhysics.NONE.with("millicharge_e.nutau", 1e-12).hasInverseRecoilTerm(Flavor.NUE));
  }

  @Test
  void badNamesAreNamed() {
    assertEquals("physics parameter 'nsi.s.ee': NSI fermion must be u, d or e",
        assertThrows(IllegalArgumentException.class, () -> NewPhysics.NONE.with("nsi.s.ee", 1)).getMessage());
    assertEquals("physics parameter 'mediator[0].g': no mediator configured",
        assertThrows(IllegalArgumentException.class, () -> NewPhysics.NONE.with("mediator[0].g", 1)).getMessage());
    assertEquals("physics parameter 'mediator[2].g': mediator index must be in [0, 1]",
        assertThrows(IllegalArgumentException.class, () -> FULL.get("mediator[2].g")).getMessage());
    assertEquals("physics parameter 'magnetic_moment_mub.nux': unknown flavour 'nux', allowed: nue, numu, nutau (one"
        + " flavour), emu, etau, mutau (transition moments), all (nue = numu = nutau)",
        assertThrows(IllegalArgumentException.class, () -> FULL.get("magnetic_moment_mub.nux")).getMessage());
    assertEquals("physics parameter 'millicharge_e.emu': unknown flavour 'emu', allowed: nue, numu, nutau, all"
        + " (the three)",
        assertThrows(IllegalArgumentException.class, () -> FULL.get("millicharge_e.emu")).getMessage());
    assertEquals("physics parameter 'sterile.mass_mev': sterile mass_mev: must be finite and > 0, got -1.0",
        assertThrows(IllegalArgumentException.class, () -> FULL.with("sterile.mass_mev", -1)).getMessage());
    assertEquals("physics parameter 'foo': unknown parameter",
        assertThrows(IllegalArgumentException.class, () -> FULL.get("foo")).getMessage());
  }

  /** The constants against their published values and the derived combinations against hand arithmetic. */
  @Test
  void constants() {
    assertEquals(938.27208816, NewPhysicsConstants.PROTON_MASS_MEV, 0.0);
    assertEquals(939.56542052, NewPhysicsConstants.NEUTRON_MASS_MEV, 0.0);
    assertEquals(2.16, NewPhysicsConstants.UP_QUARK_MASS_MEV, 0.0);
    assertEquals(4.67, NewPhysicsConstants.DOWN_QUARK_MASS_MEV, 0.0);
    assertEquals(0.0208, NewPhysicsConstants.F_TU_PROTON, 0.0);
    assertEquals(0.0411, NewPhysicsConstants.F_TD_PROTON, 0.0);
    assertEquals(0.0189, NewPhysicsConstants.F_TU_NEUTRON, 0.0);
    assertEquals(0.0451, NewPhysicsConstants.F_TD_NEUTRON, 0.0);
    // 2√2 π α/G_F = 8.8858 × 0.0072974 / 1.1664e-11 MeV⁻² = 5.5592e9 MeV² (by hand)
    assertEquals(5.5592e9, NewPhysicsConstants.PHOTON_OVER_WEAK_MEV2, 0.0002e9);
    // 1/(√2 G_F) = 1/(1.414214 × 1.1663787e-11) = 1/1.649516e-11 = 6.0624e10 MeV²
    assertEquals(6.0624e10, NewPhysicsConstants.MEDIATOR_OVER_WEAK_MEV2, 0.0002e10);
    assertEquals(PhysicalConstants.FINE_STRUCTURE_CONSTANT, 7.2973525693e-3, 0.0);
    assertEquals(6.582119569e-22, NewPhysicsConstants.HBAR_MEV_S, 0.0);
    // ħ/ħc = 6.582119569e-22 MeV s / 197.3269804e-15 MeV m = 3.3356e-9 s/m = 1/c
    assertEquals(299792458.0, PhysicalConstants.HBARC_MEV_FM * NewPhysicsConstants.METERS_PER_FM
        / NewPhysicsConstants.HBAR_MEV_S, 1e-9 * 299792458.0); // ħc is given to 10 digits
  }

  /**
   * N → ν γ: Γ = α m_N³ Σ d_μB² / (4 m_e²) for m_N = 10 MeV, d_μ = 1e-9 μ_B, d_e = 2e-9 μ_B, evaluated with a
   * calculator: 7.2973525693e-3 × 1000 × 5e-18 / (4 × 0.51099895²) = 3.4933e-17 MeV; τ = ħ/Γ = 1.8842e-5 s; at
   * E = 30 MeV p/m = √800/10 = 2.8284, L = 2.8284 × 197.327e-15 m / 3.4933e-17 MeV = 1.5977e4 m;
   * E_γ in [(30 − √800)/2, (30 + √800)/2].
   */
  @Test
  void sterileDecay() {
    Sterile n = new Sterile(10, new PerFlavour(2e-9, 1e-9, 0));
    assertEquals(3.4933e-17, n.decayWidthMeV(), 0.0001e-17);
    assertEquals(1.8842e-5, n.lifetimeS(), 0.0001e-5);
    assertEquals(1.5977e4, n.decayLengthM(30), 0.0001e4);
    double[] range = n.photonEnergyRangeMeV(30);
    assertEquals((30 - Math.sqrt(800)) / 2, range[0], 1e-12);
    assertEquals((30 + Math.sqrt(800)) / 2, range[1], 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, new Sterile(10, PerFlavour.ZERO).lifetimeS());
    assertThrows(IllegalArgumentException.class, () -> n.decayLengthM(5));
  }
}
