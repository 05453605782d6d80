package org.cevns.analysis.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cevns.analysis.config.Systematic;
import org.cevns.detsim.efficiency.Efficiency;
import org.cevns.detsim.quench.Quenching;
import org.cevns.detsim.quench.QuenchingByNucleus;
import org.cevns.detsim.response.EnergyResponse;
import org.cevns.detsim.response.LightYieldResponse;
import org.cevns.detsim.detector.DetectionStage;
import org.cevns.detsim.detector.DetectorResponse;

/**
 * A detector response with one parameter shifted by a relative factor f = 1 ± size, for the response
 * systematics of the fit: the template simulation is re-run with the same seed (the same truth events and
 * response random streams, so the variation is the effect of the shift, not new noise) through the shifted
 * response.
 *
 * <ul>
 *   <li>{@link Systematic.Kind#QUENCHING}: every element's quenching curve × f (visible energy of nuclear recoils,
 *       keVnr backgrounds included);
 *   <li>{@link Systematic.Kind#ENERGY_SCALE}: the reported energy × f; for light-yield responses the light yield
 *       × f (PE per keVee, so PE-defined efficiencies see the shifted PE) with the energy still reported with the
 *       nominal calibration npe/LY₀, i.e. also × f;
 *   <li>{@link Systematic.Kind#THRESHOLD}: every efficiency stage evaluated at x/f (its curve moved to f × its
 *       position along energy or PE).
 * </ul>
 *
 * @param response the shifted response
 * @param reportedEnergyFactor factor on the observed energy when histogramming (ENERGY_SCALE), else 1
 */
public record ResponseVariation(DetectorResponse response, double reportedEnergyFactor) {
  /** The response {@code r} with {@code kind} shifted by the factor {@code f} &gt; 0. */
  public static ResponseVariation of(DetectorResponse r, Systematic.Kind kind, double f) {
    ResponseVariation v = vary(r, kind, f);
    // the time efficiency (response.time_efficiency) is not varied and carries over
    return new ResponseVariation(v.response().withTimeEfficiency(r.timeEfficiency()), v.reportedEnergyFactor());
  }

  private static ResponseVariation vary(DetectorResponse r, Systematic.Kind kind, double f) {
    if (!(f > 0) || Double.isInfinite(f)) {
      throw new IllegalArgumentException("factor must be finite and > 0, got " + f);
    }
    switch (kind) {
      case QUENCHING -> {
        Map<Integer, Quenching> q = new LinkedHashMap<>();
        r.quenching().models().forEach((z, m) -> q.put(z, new Scaled(m, f)));
        return new ResponseVariation(DetectorResponse.of(QuenchingByNucleus.of(q), r.backgroundZ(), r.energy(),
            r.stages()), 1.0);
      }
      case ENERGY_SCALE -> {
        EnergyResponse e = r.energy();
        if (e instanceof LightYieldResponse ly) {
          double y = ly.lightYieldPePerKeVee() * f;
          e = ly.smearing() == LightYieldResponse.Smearing.POISSON ? LightYieldResponse.poisson(y)
              : LightYieldResponse.gamma(y, ly.shapePerKeVee());
        }
        return new ResponseVariation(DetectorResponse.of(r.quenching(), r.backgroundZ(), e, r.stages()), f);
      }
      case THRESHOLD -> {
        return new ResponseVariation(DetectorResponse.of(r.quenching(), r.backgroundZ(), r.energy(),
            r.stages().stream().map(s -> new DetectionStage(s.role(), shifted(s.efficiency(), f))).toList()), 1.0);
      }
      default -> throw new IllegalArgumentException(kind + " is not a response systematic");
    }
  }

  private static Efficiency shifted(Efficiency e, double f) {
    return (keVee, pe) -> e.probability(keVee / f, Double.isNaN(pe) ? pe : pe / f);
  }

  /** A quenching curve × f. */
  private record Scaled(Quenching base, double f) implements Quenching {
    @Override
    public double visibleKeVee(double recoilKeVnr) {
      return f * base.visibleKeVee(recoilKeVnr);
    }

    @Override
    public double recoilKeVnr(double visibleKeVee) {
      return base.recoilKeVnr(visibleKeVee / f);
    }
  }
}
