package org.cevns.physics.source;

import java.util.List;
import org.cevns.physics.Checks;
import org.cevns.physics.Flavor;

/**
 * Solar ⁸B neutrinos (Winter et al., PRC 73 (2006) 025503): parent {@value #PARENT}, shape {@link Solar8BSpectrum#winter2006()},
 * {@link #neutrinosPerExposureUnit} = flux at Earth in ν/cm²/s (not a point source). Exposure in live seconds;
 * times uniform over the period's live time.
 *
 * <p><b>Flavour content.</b> With oscillations (the default) the flux at the detector is split with the MSW–LMA
 * survival probability P_ee(E) of {@link MswLmaSurvival}: a ν_e component of shape S(E)·P_ee(E) and ν_μ and
 * ν_τ components of shape S(E)·(1 − P_ee(E))/2 each, evaluated on the knots of the Winter table (0.1 MeV,
 * linear between). The equal ν_μ/ν_τ split assumes maximal θ23; it matters only for flavour-dependent
 * couplings (charge-radius scheme), not for the tree/PDG CEvNS rate, which is the same for all active
 * flavours, nor for EvES, where ν_μ and ν_τ have the same couplings. For EvES on xenon the oscillated flux
 * gives 2.22 times fewer events than all-ν_e. Without oscillations every neutrino is ν_e (the pre-0.2 behaviour).
 * Immutable.
 */
public final class Solar8BSource extends AbstractSteadySource {
  /** Parent label. */
  public static final String PARENT = "B8";
  /** Total ⁸B flux of the B16-GS98 standard solar model, 5.46e6 cm⁻²s⁻¹ (Vinyoles et al., ApJ 835 (2017) 202). */
  public static final double B16_GS98_FLUX_PER_CM2_S = 5.46e6;
  /** Total active ⁸B flux measured by SNO (neutral current), 5.25e6 cm⁻²s⁻¹ (SNO, PRC 88 (2013) 025501). */
  public static final double SNO_NC_FLUX_PER_CM2_S = 5.25e6;

  private final double totalFluxPerCm2PerS;
  private final MswLmaSurvival survival;

  private Solar8BSource(String name, double totalFluxPerCm2PerS, double periodDurationNs,
      MswLmaSurvival survival) {
    super(name, periodDurationNs, components(totalFluxPerCm2PerS, periodDurationNs, survival), false);
    this.totalFluxPerCm2PerS = totalFluxPerCm2PerS;
    this.survival = survival;
  }

  private static List<SourceComponent> components(double flux, double periodDurationNs, MswLmaSurvival survival) {
    TabulatedSpectrum shape = Solar8BSpectrum.winter2006();
    TimeProfile time = UniformTimeProfile.of(periodDurationNs);
    if (survival == null) {
      return List.of(new SourceComponent(Flavor.NUE, PARENT, shape, time, flux));
    }
    double[] e = shape.knotEnergiesMeV();
    double[] d = shape.knotDensitiesPerMeV();
    double[][] split = survival.splitByFlavour(e, d);
    double[] ve = split[0];
    double[] vx = split[1];
    TabulatedSpectrum nue = TabulatedSpectrum.of(e, ve);
    TabulatedSpectrum other = TabulatedSpectrum.of(e, vx);
    double norm = 0;
    for (int i = 0; i + 1 < e.length; i++) {
      norm += 0.5 * (d[i] + d[i + 1]) * (e[i + 1] - e[i]);
    }
    double fe = nue.rawIntegral() / norm;
    double fx = other.rawIntegral() / norm;
    return List.of(new SourceComponent(Flavor.NUE, PARENT, nue, time, flux * fe),
        new SourceComponent(Flavor.NUMU, PARENT, other, time, flux * fx),
        new SourceComponent(Flavor.NUTAU, PARENT, other, time, flux * fx));
  }

  /** ⁸B source with the default flux {@link #B16_GS98_FLUX_PER_CM2_S}, oscillated (PDG parameters). */
  public static Solar8BSource of(String name, double periodDurationNs) {
    return of(name, B16_GS98_FLUX_PER_CM2_S, periodDurationNs);
  }

  /** Oscillated ⁸B source ({@link MswLmaSurvival#pdgB8()}) of total flux {@code totalFluxPerCm2PerS}. */
  public static Solar8BSource of(String name, double totalFluxPerCm2PerS, double periodDurationNs) {
    return of(name, totalFluxPerCm2PerS, periodDurationNs, MswLmaSurvival.pdgB8());
  }

  /**
   * ⁸B source of total flux {@code totalFluxPerCm2PerS}; times uniform on [0, {@code periodDurationNs}];
   * {@code survival} null for no oscillations (all ν_e).
   */
  public static Solar8BSource of(String name, double totalFluxPerCm2PerS, double periodDurationNs,
      MswLmaSurvival survival) {
    return new Solar8BSource(Checks.label("name", name),
        Checks.positive("totalFluxPerCm2PerS", totalFluxPerCm2PerS),
        Checks.positive("periodDurationNs", periodDurationNs), survival);
  }

  /** The survival probability used, or null without oscillations. */
  public MswLmaSurvival survival() {
    return survival;
  }

  @Override
  public Solar8BSource withPeriodDurationNs(double periodDurationNs) {
    return of(name(), totalFluxPerCm2PerS, periodDurationNs, survival);
  }

  public double totalFluxPerCm2PerS() {
    return totalFluxPerCm2PerS;
  }





  @Override
  public String toString() {
    return "Solar8BSource[" + name() + ", " + totalFluxPerCm2PerS + " /cm2/s]";
  }
}
