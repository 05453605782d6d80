package org.cevns.physics.xs;

import java.util.function.Function;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.formfactor.FormFactor;
import org.cevns.physics.formfactor.FormFactorModel;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.physics.nucleus.Target;

/**
 * Test helper (reusable by other modules through the generator test-jar): cross sections averaged over the SNS
 * pion-decay-at-rest spectrum (prompt line and Michel spectra) with the three flavours weighted 1/3 each: the prompt
 * ν_μ line at
 * E = (m_π² − m_μ²)/(2m_π) = 29.792 MeV, and the Michel spectra of ν_e, f(E) = 96E²(m_μ − 2E)/m_μ⁴, and ν̄_μ,
 * f(E) = 16E²(3m_μ − 4E)/m_μ⁴, on 0 &lt; E &lt; m_μ/2:
 * <pre>  ⟨σ⟩ = (1/3) [ σ_νμ(E_prompt) + ∫ f_νe σ_νe dE + ∫ f_ν̄μ σ_ν̄μ dE ]  </pre>
 * "Per nucleus" for a compound or natural element: ⟨σ⟩ = Σ_i n_i ⟨σ_i⟩ / Σ_i n_i with n_i the atoms of nuclide i
 * per formula unit (CsI: the mean of Cs133 and I127; natural Ge: the abundance-weighted mean). With Helm form
 * factors, tree-level couplings, sin²θ_W = 0.23857 and no threshold this reproduces the reference values of
 * docs/physics.md, "Validation"
 * (CsI 187e-40 cm², Ar40 18.2e-40, Ge(nat) 58.7e-40, Xe(nat) 194e-40, Na23 5.6e-40).
 */
public final class SnsFluxAverage {
  private SnsFluxAverage() {}

  /** Prompt ν_μ energy in MeV. */
  public static final double PROMPT_ENERGY_MEV = PhysicalConstants.PROMPT_NUMU_ENERGY_MEV;

  /** Michel endpoint m_μ/2 in MeV. */
  public static double michelEndpointMeV() {
    return PhysicalConstants.MUON_MASS_MEV / 2;
  }

  /** ν_e Michel density 96E²(m_μ − 2E)/m_μ⁴ per MeV (0 outside the support). */
  public static double nueDensityPerMeV(double energyMeV) {
    double m = PhysicalConstants.MUON_MASS_MEV;
    if (energyMeV <= 0 || energyMeV >= m / 2) {
      return 0;
    }
    return 96 * energyMeV * energyMeV * (m - 2 * energyMeV) / (m * m * m * m);
  }

  /** ν̄_μ Michel density 16E²(3m_μ − 4E)/m_μ⁴ per MeV (0 outside the support). */
  public static double numubarDensityPerMeV(double energyMeV) {
    double m = PhysicalConstants.MUON_MASS_MEV;
    if (energyMeV <= 0 || energyMeV >= m / 2) {
      return 0;
    }
    return 16 * energyMeV * energyMeV * (3 * m - 4 * energyMeV) / (m * m * m * m);
  }

  /** Three-flavour average of σ(E) (order ∫dE φ σ(E)), {@code xs} giving the cross section per flavour. */
  public static double averageXsCm2(Function<Flavor, RecoilCrossSection> xs) {
    RecoilCrossSection numu = xs.apply(Flavor.NUMU);
    RecoilCrossSection nue = xs.apply(Flavor.NUE);
    RecoilCrossSection numubar = xs.apply(Flavor.NUMUBAR);
    double prompt = numu.totalXsCm2(PROMPT_ENERGY_MEV);
    double e = GaussLegendre.integrate(en -> nueDensityPerMeV(en) * nue.totalXsCm2(en), 0, michelEndpointMeV(), 8);
    double mb = GaussLegendre.integrate(en -> numubarDensityPerMeV(en) * numubar.totalXsCm2(en), 0,
        michelEndpointMeV(), 8);
    return (prompt + e + mb) / 3;
  }

  /**
   * The same average in the other order, ∫dT ∫_{E_min(T)} dE φ(E) dσ/dT (the line: ∫dT dσ/dT). The outer
   * integral uses T = u² so that the √T behaviour of E_min(T) at small T does not spoil the quadrature.
   */
  public static double averageXsCm2ReversedOrder(Function<Flavor, RecoilCrossSection> xs) {
    RecoilCrossSection numu = xs.apply(Flavor.NUMU);
    double tLine = numu.maxRecoilMeV(PROMPT_ENERGY_MEV);
    double prompt = GaussLegendre.integrate(u -> 2 * u * numu.xsCm2PerMeV(PROMPT_ENERGY_MEV, u * u), 0,
        Math.sqrt(tLine), 8);
    double e = reversedMichel(xs.apply(Flavor.NUE), SnsFluxAverage::nueDensityPerMeV);
    double mb = reversedMichel(xs.apply(Flavor.NUMUBAR), SnsFluxAverage::numubarDensityPerMeV);
    return (prompt + e + mb) / 3;
  }

  private static double reversedMichel(RecoilCrossSection xs, java.util.function.DoubleUnaryOperator density) {
    double eMax = michelEndpointMeV();
    double tMax = xs.maxRecoilMeV(eMax);
    return GaussLegendre.integrate(u -> {
      double t = u * u;
      double eMin = xs.minEnergyMeV(t);
      if (eMin >= eMax) {
        return 0;
      }
      return 2 * u * GaussLegendre.integrate(en -> density.applyAsDouble(en) * xs.xsCm2PerMeV(en, t), eMin, eMax, 4);
    }, 0, Math.sqrt(tMax), 12);
  }

  /** CEvNS cross section of {@code isotope} for a flavour, same form factor model for protons and neutrons. */
  public static Function<Flavor, RecoilCrossSection> cevns(Isotope isotope, CouplingScheme scheme, double sin2ThetaW,
      FormFactorModel model, boolean axial) {
    FormFactor ff = model.create(isotope.a(), Double.NaN);
    return flavor -> CevnsCrossSection.of(isotope, flavor, Couplings.of(scheme, flavor, sin2ThetaW), ff, ff, axial,
        ff);
  }

  /** SNS flux-averaged CEvNS cross section per nucleus of {@code target} (see the class comment). */
  public static double cevnsPerNucleusCm2(Target target, CouplingScheme scheme, double sin2ThetaW,
      FormFactorModel model, boolean axial) {
    double sum = 0;
    for (int i = 0; i < target.size(); i++) {
      sum += target.atomsPerFormulaUnit(i)
          * averageXsCm2(cevns(target.isotope(i), scheme, sin2ThetaW, model, axial));
    }
    return sum / target.totalAtomsPerFormulaUnit();
  }
}
