package org.cevns.detsim.response;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.cevns.physics.Checks;

/**
 * Light-counting detector (scintillator read by PMTs or SiPMs). The mean number of photoelectrons is
 * μ = LY · E_vis (LY in PE/keVee); the observed PE count is drawn, and the observed energy is PE / LY.
 *
 * <ul>
 *   <li><b>Poisson</b>: PE ~ Poisson(μ) (integer). σ_E = √μ / LY.
 *   <li><b>Gamma</b>: PE ~ Gamma(shape k = 1 + b, scale μ/k), b = {@code shapePerKeVee} · E_vis[keVee];
 *       real-valued PE with mean μ and variance μ²/(1 + b). This is the COHERENT CsI[Na] form
 *       P(x) = (a(1+b))^(1+b) / Γ(1+b) · x^b · exp(−a(1+b)x) with a = 1/μ = 1/(LY·E) and b linear in E
 *       (COHERENT 2021 CsI data release, Akimov et al., PRL 129 (2022) 081801). A b proportional to μ
 *       models a Poisson-like width with an excess-noise factor: variance ≈ μ · LY/{@code shapePerKeVee} for
 *       large μ (= Poisson when {@code shapePerKeVee} = LY).
 * </ul>
 *
 * At E_vis = 0 both give PE = 0.
 */
public final class LightYieldResponse implements EnergyResponse {
  /** COHERENT CsI[Na] light yield in PE/keVee (2021 release). */
  public static final double COHERENT_CSI_2021_LIGHT_YIELD_PE_PER_KEVEE = 13.35;
  /**
   * Gamma shape slope b/E in 1/keVee used for the COHERENT CsI[Na] preset: b = 9.56 · E[keVee], i.e. a
   * width ≈ √(1.40 μ). The value used with the COHERENT CsI 2021 data release by github philippeller/Newtrinos.jl
   * (a = 0.0749/E = 1/(13.35 E), b = 9.56 E); it is not among the published release parameters we copied and is not
   * verified against the release's documentation: check it before precision use.
   */
  public static final double COHERENT_CSI_2021_GAMMA_SHAPE_PER_KEVEE = 9.56;

  /** How photoelectrons are drawn. */
  public enum Smearing {
    /** PE ~ Poisson(LY·E). */
    POISSON,
    /** PE ~ Gamma with shape 1 + b·E and mean LY·E. */
    GAMMA
  }

  private final double lightYieldPePerKeVee;
  private final Smearing smearing;
  private final double shapePerKeVee;

  private LightYieldResponse(double lightYieldPePerKeVee, Smearing smearing, double shapePerKeVee) {
    this.lightYieldPePerKeVee = lightYieldPePerKeVee;
    this.smearing = smearing;
    this.shapePerKeVee = shapePerKeVee;
  }

  /** Poisson PE counting with light yield {@code lightYieldPePerKeVee} &gt; 0. */
  public static LightYieldResponse poisson(double lightYieldPePerKeVee) {
    return new LightYieldResponse(
        Checks.positive("lightYieldPePerKeVee", lightYieldPePerKeVee), Smearing.POISSON, Double.NaN);
  }

  /**
   * Gamma-smeared PE.
   *
   * @param lightYieldPePerKeVee light yield, &gt; 0
   * @param shapePerKeVee b/E in 1/keVee (shape = 1 + b), &gt; 0
   */
  public static LightYieldResponse gamma(double lightYieldPePerKeVee, double shapePerKeVee) {
    return new LightYieldResponse(
        Checks.positive("lightYieldPePerKeVee", lightYieldPePerKeVee),
        Smearing.GAMMA,
        Checks.positive("shapePerKeVee", shapePerKeVee));
  }

  /** COHERENT CsI[Na] 2021: 13.35 PE/keVee, Gamma smearing with b = 9.56 E[keVee] (see constant). */
  public static LightYieldResponse coherentCsI2021() {
    return gamma(COHERENT_CSI_2021_LIGHT_YIELD_PE_PER_KEVEE, COHERENT_CSI_2021_GAMMA_SHAPE_PER_KEVEE);
  }

  public double lightYieldPePerKeVee() {
    return lightYieldPePerKeVee;
  }

  public Smearing smearing() {
    return smearing;
  }

  /** b/E in 1/keVee for {@link Smearing#GAMMA}; NaN for Poisson. */
  public double shapePerKeVee() {
    return shapePerKeVee;
  }

  /** Mean PE at {@code visibleKeVee}. */
  public double meanPhotoelectrons(double visibleKeVee) {
    return lightYieldPePerKeVee * EnergyResponse.checkVisible(visibleKeVee);
  }

  /** Gamma shape 1 + b at {@code visibleKeVee} (Gamma smearing only). */
  public double gammaShape(double visibleKeVee) {
    return 1.0 + shapePerKeVee * EnergyResponse.checkVisible(visibleKeVee);
  }

  @Override
  public Observation observe(double visibleKeVee, UniformRandomProvider rng) {
    double mu = meanPhotoelectrons(visibleKeVee);
    double pe;
    if (mu == 0) {
      pe = 0;
    } else if (smearing == Smearing.POISSON) {
      pe = PoissonSampler.of(rng, mu).sample();
    } else {
      double shape = gammaShape(visibleKeVee);
      pe = AhrensDieterMarsagliaTsangGammaSampler.of(rng, shape, mu / shape).sample();
    }
    return new Observation(pe / lightYieldPePerKeVee, pe);
  }

  @Override
  public double meanKeVee(double visibleKeVee) {
    return EnergyResponse.checkVisible(visibleKeVee);
  }

  @Override
  public double sigmaKeVee(double visibleKeVee) {
    double mu = meanPhotoelectrons(visibleKeVee);
    double sigmaPe = smearing == Smearing.POISSON ? Math.sqrt(mu) : mu / Math.sqrt(gammaShape(visibleKeVee));
    return sigmaPe / lightYieldPePerKeVee;
  }

  @Override
  public boolean countsPhotoelectrons() {
    return true;
  }

  @Override
  public String toString() {
    return "LightYieldResponse(" + lightYieldPePerKeVee + " PE/keVee, " + smearing
        + (smearing == Smearing.GAMMA ? ", b/E=" + shapePerKeVee + "/keVee" : "") + ")";
  }
}
