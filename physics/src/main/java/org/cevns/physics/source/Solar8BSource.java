package org.cevns.physics.source;

import java.util.List;
import org.cevns.physics.Checks;
import org.cevns.physics.Flavor;

/**
 * Solar ⁸B neutrinos (Winter et al., PRC 73 (2006) 025503): one component, flavour nue, parent {@value #PARENT}, shape
 * {@link Solar8BSpectrum#winter2006()}, {@link #neutrinosPerExposureUnit} = total flux at Earth in
 * ν/cm²/s (not a point source). Exposure in live seconds; times uniform over the period's live time.
 *
 * <p>Oscillations are not applied: every ⁸B neutrino is labelled ν_e with the full flux. That is exact for
 * CEvNS, which is a neutral-current process with the same cross section for all active flavours (at tree
 * level; the small flavour-dependent charge-radius correction is ignored). It is not right for EvES, whose
 * ν_e cross section includes charged current: ⁸B EvES would need the survival probability P_ee(E) (≈ 0.3 at
 * ⁸B energies) to split the flux into ν_e and ν_μ,τ, which this source does not do. Immutable.
 */
public final class Solar8BSource extends AbstractSteadySource {
  /** Parent label. */
  public static final String PARENT = "B8";
  /** Total ⁸B flux of the B16-GS98 standard solar model, 5.46e6 cm⁻²s⁻¹ (Vinyoles et al., ApJ 835 (2017) 202). */
  public static final double B16_GS98_FLUX_PER_CM2_S = 5.46e6;
  /** Total active ⁸B flux measured by SNO (neutral current), 5.25e6 cm⁻²s⁻¹ (SNO, PRC 88 (2013) 025501). */
  public static final double SNO_NC_FLUX_PER_CM2_S = 5.25e6;

  private final double totalFluxPerCm2PerS;

  private Solar8BSource(String name, double totalFluxPerCm2PerS, double periodDurationNs) {
    super(name, periodDurationNs, List.of(new SourceComponent(Flavor.NUE, PARENT, Solar8BSpectrum.winter2006(),
        UniformTimeProfile.of(periodDurationNs), totalFluxPerCm2PerS)), false);
    this.totalFluxPerCm2PerS = totalFluxPerCm2PerS;
  }

  /** ⁸B source with the default flux {@link #B16_GS98_FLUX_PER_CM2_S}. */
  public static Solar8BSource of(String name, double periodDurationNs) {
    return of(name, B16_GS98_FLUX_PER_CM2_S, periodDurationNs);
  }

  /** ⁸B source of total flux {@code totalFluxPerCm2PerS}; times uniform on [0, {@code periodDurationNs}]. */
  public static Solar8BSource of(String name, double totalFluxPerCm2PerS, double periodDurationNs) {
    return new Solar8BSource(Checks.label("name", name),
        Checks.positive("totalFluxPerCm2PerS", totalFluxPerCm2PerS),
        Checks.positive("periodDurationNs", periodDurationNs));
  }

  @Override
  public Solar8BSource withPeriodDurationNs(double periodDurationNs) {
    return of(name(), totalFluxPerCm2PerS, periodDurationNs);
  }

  public double totalFluxPerCm2PerS() {
    return totalFluxPerCm2PerS;
  }





  @Override
  public String toString() {
    return "Solar8BSource[" + name() + ", " + totalFluxPerCm2PerS + " /cm2/s]";
  }
}
