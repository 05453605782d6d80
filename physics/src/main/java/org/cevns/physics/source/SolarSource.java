package org.cevns.physics.source;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cevns.physics.Checks;
import org.cevns.physics.Flavor;

/**
 * Solar neutrinos of the pp chain and CNO cycle below ⁸B ({@link SolarBranch}: pp, pep, ⁷Be, ¹³N, ¹⁵O, ¹⁷F),
 * each branch with its own flux at Earth (ν/cm²/s; not a point source). Exposure in live seconds; times uniform
 * over the period's live time; the ±3.3 % annual modulation is not applied (as for {@link Solar8BSource}).
 *
 * <p><b>Flavour content.</b> With oscillations the flux of each branch is split with the MSW–LMA survival
 * probability P_ee(E) of {@code survival}: ν_e of shape S(E)·P_ee(E), ν_μ and ν_τ of S(E)·(1 − P_ee(E))/2 each
 * (on the knots of the shape, linear between; for a line, P_ee at the line). Without oscillations every
 * neutrino is ν_e. One {@link SourceComponent} per branch, line and flavour, with the branch label as parent.
 * Immutable.
 */
public final class SolarSource extends AbstractSteadySource {
  private final Map<SolarBranch, Double> fluxesPerCm2S;
  private final MswLmaSurvival survival;

  private SolarSource(String name, Map<SolarBranch, Double> fluxes, double periodDurationNs,
      MswLmaSurvival survival) {
    super(name, periodDurationNs, components(fluxes, periodDurationNs, survival), false);
    this.fluxesPerCm2S = fluxes;
    this.survival = survival;
  }

  /**
   * A source of the branches in {@code fluxesPerCm2S} (branch → flux at Earth in cm⁻²s⁻¹, each finite and &gt; 0;
   * at least one), times uniform on [0, {@code periodDurationNs}]; {@code survival} null for no oscillations.
   */
  public static SolarSource of(String name, Map<SolarBranch, Double> fluxesPerCm2S, double periodDurationNs,
      MswLmaSurvival survival) {
    Checks.notNull("fluxesPerCm2S", fluxesPerCm2S);
    if (fluxesPerCm2S.isEmpty()) {
      throw new IllegalArgumentException("fluxesPerCm2S: at least one solar branch is needed");
    }
    EnumMap<SolarBranch, Double> copy = new EnumMap<>(SolarBranch.class);
    fluxesPerCm2S.forEach((b, f) -> copy.put(Checks.notNull("branch", b),
        Checks.positive("flux of " + b.parent(), f == null ? Double.NaN : f)));
    return new SolarSource(Checks.label("name", name), copy, Checks.positive("periodDurationNs", periodDurationNs),
        survival);
  }

  /** Every branch at its B16-GS98 flux. */
  public static Map<SolarBranch, Double> b16Gs98Fluxes() {
    EnumMap<SolarBranch, Double> m = new EnumMap<>(SolarBranch.class);
    for (SolarBranch b : SolarBranch.values()) {
      m.put(b, b.b16Gs98FluxPerCm2S());
    }
    return m;
  }

  private static List<SourceComponent> components(Map<SolarBranch, Double> fluxes, double periodDurationNs,
      MswLmaSurvival survival) {
    TimeProfile time = UniformTimeProfile.of(periodDurationNs);
    List<SourceComponent> out = new ArrayList<>();
    for (Map.Entry<SolarBranch, Double> en : fluxes.entrySet()) {
      SolarBranch b = en.getKey();
      double flux = en.getValue();
      if (b.isLine()) {
        double[] e = b.lineEnergiesMeV();
        double[] f = b.lineFractions();
        for (int i = 0; i < e.length; i++) {
          double p = survival == null ? 1 : survival.survivalProbability(e[i]);
          addFlavours(out, b, LineSpectrum.of(e[i]), LineSpectrum.of(e[i]), flux * f[i] * p,
              flux * f[i] * (1 - p) / 2, time, survival != null);
        }
      } else {
        continuous(out, b, flux, time, survival);
      }
    }
    return out;
  }

  private static void continuous(List<SourceComponent> out, SolarBranch b, double flux, TimeProfile time,
      MswLmaSurvival survival) {
    double[] e = b.knotEnergiesMeV();
    double[] d = new double[e.length];
    for (int i = 0; i < e.length; i++) {
      d[i] = b.allowedShape(e[i]);
    }
    if (survival == null) {
      out.add(new SourceComponent(Flavor.NUE, b.parent(), TabulatedSpectrum.of(e, d), time, flux));
      return;
    }
    double[][] split = survival.splitByFlavour(e, d);
    double[] ve = split[0];
    double[] vx = split[1];
    double norm = TabulatedSpectrum.of(e, d).rawIntegral();
    TabulatedSpectrum nue = TabulatedSpectrum.of(e, ve);
    TabulatedSpectrum other = TabulatedSpectrum.of(e, vx);
    addFlavours(out, b, nue, other, flux * nue.rawIntegral() / norm, flux * other.rawIntegral() / norm, time, true);
  }

  private static void addFlavours(List<SourceComponent> out, SolarBranch b, EnergySpectrum nue,
      EnergySpectrum other, double nueFlux, double otherFlux, TimeProfile time, boolean oscillated) {
    out.add(new SourceComponent(Flavor.NUE, b.parent(), nue, time, nueFlux));
    if (oscillated) {
      out.add(new SourceComponent(Flavor.NUMU, b.parent(), other, time, otherFlux));
      out.add(new SourceComponent(Flavor.NUTAU, b.parent(), other, time, otherFlux));
    }
  }

  /** Branch → flux at Earth (cm⁻²s⁻¹), in branch order (a copy). */
  public Map<SolarBranch, Double> fluxesPerCm2S() {
    return new EnumMap<>(fluxesPerCm2S);
  }

  /** The survival probability used, or null without oscillations. */
  public MswLmaSurvival survival() {
    return survival;
  }

  @Override
  public SolarSource withPeriodDurationNs(double periodDurationNs) {
    return of(name(), fluxesPerCm2S, periodDurationNs, survival);
  }

  @Override
  public String toString() {
    return "SolarSource[" + name() + ", " + fluxesPerCm2S + "]";
  }
}
