package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.Channel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.Modifier;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.ProfileLikelihood;
import org.cevns.analysis.fit.Sample;
import org.junit.jupiter.api.Test;

/**
 * {@code cevns fit} and {@code scan} ({@link PoiScan#fit}) describe one best fit: the best fit, Δχ², the intervals of
 * every POI and the pulls, also where a fit made after the best fit was read finds a lower minimum. The model: a
 * signal channel (μ) and a side channel whose background has a shape nuisance "shape" with two minima, α ≈ −0.65
 * (where the fits from the nominal start at the auxiliary measurement −0.8 or −0.5 end) and a lower one at α ≈ +0.9,
 * behind a barrier at α ≈ 0; μ is fitted in the signal channel alone, so that a global search that starts in μ never
 * leaves the first minimum. Before 2026-12-05 the scan's points found the lower minimum, and the best fit and Δχ²
 * moved to it while the intervals (another profile likelihood's) stayed at the first; and {@code fit --poi
 * mu,shape} reported the pulls and best fit of μ's profile likelihood (the first minimum) beside the interval of
 * "shape" from its own, whose global search found the lower one.
 */
class OneBestFitTest {
  static BinnedModel model(double sideScale) {
    double[] nominal = {100 * sideScale, 100 * sideScale};
    return BinnedModel.of(List.of(
        Channel.of("c", Sample.signal("sig", new double[] {20, 10}), Sample.background("bkg", new double[] {30, 30})),
        Channel.of("d", Sample.background("side", nominal).withModifiers(List.of(Modifier.histosys("shape", nominal,
            new double[] {100 * sideScale, 150 * sideScale}, new double[] {40 * sideScale, 100 * sideScale}))))),
        List.of());
  }

  static Observations data(BinnedModel m, double sideScale, double auxiliary) {
    return Observations.of(m, new double[] {52, 38, Math.round(65 * sideScale), Math.round(150 * sideScale)},
        new double[] {auxiliary});
  }

  private static PoiScan fit(BinnedModel m, Observations d, List<String> pois, List<PoiScan.Grid> grids) {
    return PoiScan.fit(m, d, FitOptions.defaults(), pois, grids, true, Map.of(), Optional.empty(), false,
        Optional.empty());
  }

  /** Every interval of {@code s} is about its best fit, which is the lowest minimum known. */
  private static void oneBestFit(PoiScan s, double lowestAlpha) {
    assertEquals(lowestAlpha, s.best().parameters()[s.best().names().indexOf("shape")], 0.05, "" + s.best());
    for (int a = 0; a < s.names().size(); a++) {
      Interval[] i = s.intervals().get(a).orElseThrow();
      for (Interval e : i) {
        assertEquals(s.bestValues()[a], e.muHat(), 1e-6, s.names().get(a) + ": " + e);
        assertTrue(e.contains(s.bestValues()[a]), e.toString());
      }
    }
  }

  /**
   * μ's global search finds the lower minimum since 2026-12-06, through its start with the shape nuisance moved by
   * +2 from the first minimum ({@code GlobalFit}; until then its starts were in μ alone and ended at α = −0.67);
   * the global search of "shape" itself, whose starts are in "shape" about its first fit, still misses it, so the
   * scan and the second POI's fits below still find the lower minimum after the best fit was read.
   */
  @Test
  void premiseTheGlobalSearchInShapeMissesTheLowerMinimum() {
    BinnedModel m = model(1);
    Observations d = data(m, 1, -0.8);
    double alpha = ProfileLikelihood.of(m, d).withGlobalSearch().bestFit().parameters()[1];
    assertEquals(0.92, alpha, 0.05, "mu's global search, from its start in the shape nuisance");
    ProfileLikelihood shape = ProfileLikelihood.of(m, d, FitOptions.defaults(), "shape", false).withGlobalSearch();
    assertEquals(-0.67, shape.bestFit().parameters()[1], 0.05, "its own starts miss it too");
  }

  /** {@code scan --poi shape=-2:2:9}: a scan point finds α ≈ 0.92 (deviance 6 lower). */
  @Test
  void aScanThatFindsALowerMinimumRedoesTheIntervals() {
    BinnedModel m = model(1);
    PoiScan s = fit(m, data(m, 1, -0.8), List.of("shape"), List.of(new PoiScan.Grid("shape", -2, 2, 9)));
    oneBestFit(s, 0.92);
    double min = Double.POSITIVE_INFINITY;
    for (double q : s.deltaChi2()) {
      min = Math.min(min, q);
    }
    assertEquals(0.0, min, 0.5, "the grid point next to the best fit");
  }

  /** {@code fit --poi mu,shape}: the interval search of "shape" from its own starts finds α ≈ 0.84. */
  @Test
  void aFitWhoseSecondPoiFindsALowerMinimumReportsItEverywhere() {
    BinnedModel m = model(0.3);
    PoiScan s = fit(m, data(m, 0.3, -0.5), List.of("mu", "shape"), List.of());
    oneBestFit(s, 0.84);
    NuisanceReport.Entry pull = s.nuisances().entries().get(0);
    assertEquals("shape", pull.name());
    assertEquals((s.bestValues()[1] + 0.5) / 1.0, pull.pull(), 1e-9, "the pull of the reported best fit");
  }

  /** A likelihood seen with one minimum: nothing is redone (the same digits as one pass). */
  @Test
  void oneMinimumIsNotRedone() {
    BinnedModel m = model(1);
    Observations d = data(m, 1, 0.9);
    PoiScan s = fit(m, d, List.of("mu"), List.of(new PoiScan.Grid("mu", 0, 2, 5)));
    ProfileLikelihood pl = ProfileLikelihood.of(m, d).withGlobalSearch();
    assertEquals(pl.bestFit().mu(), s.bestValues()[0]);
    assertEquals(pl.interval68(), s.intervals().get(0).orElseThrow()[0]);
  }

  /**
   * A new-physics parameter g in [0, 10] (nominal 0) whose signal has a broad bump at g = 2.5 (rate x 1.4) and a
   * narrow one at g = 5 (x 1.5 at its flank, 0.15 wide); one bin, 100 signal + 50 background expected, 200 observed.
   * The seeds of its global fit ({@link org.cevns.analysis.fit.NewPhysicsSeeds}) find g = 2.5 (deviance 0.52), the
   * interval searches stay about it, and the scan's grid point near 4.9 finds the lower minimum (deviance 0).
   * Before 2026-12-05 the fit ({@code run}'s and {@code analyze}'s physics parameters) reported g = 2.5 with its
   * intervals.
   */
  @Test
  void aPhysicsParameterFitIsRedoneFromTheLowerMinimumItsScanFound() {
    double[] signal = {100};
    org.cevns.analysis.fit.PhysicsShape bumps = v -> {
      double broad = (v[0] - 2.5) / 1.5;
      double narrow = (v[0] - 5.0) / 0.15;
      return new double[] {signal[0] * (1 + 0.4 * Math.exp(-broad * broad / 2) + 0.5 * Math.exp(-narrow * narrow / 2))};
    };
    BinnedModel m = BinnedModel.of(List.of(Channel.of("c", Sample.signal("sig", signal).withPhysics(bumps),
        Sample.background("bkg", new double[] {50}))), List.of(),
        List.of(org.cevns.analysis.fit.PhysicsParameter.free("g", 0, 0, 10)));
    Observations d = Observations.of(m, new double[] {200});
    PoiFit f = PoiFits.fit(new FitModelBuilder.Built(m, List.of(), Map.of()), d, FitOptions.defaults(), "g");
    assertEquals(4.89, f.best(), 0.02, "the lower minimum");
    for (Interval i : List.of(f.interval68().orElseThrow(), f.interval90().orElseThrow())) {
      assertEquals(f.best(), i.muHat(), 1e-12, i.toString());
      assertTrue(i.upper() < 5.5 && i.lower() > 4.5, i.toString());
    }
    double min = f.scan().stream().mapToDouble(org.cevns.analysis.fit.ScanPoint::q).min().orElseThrow();
    assertTrue(min < 0.01, "the grid point next to the best fit: " + min);
    for (org.cevns.analysis.fit.ScanPoint p : f.scan()) {
      if (Math.abs(p.mu() - 2.5) < 0.5) {
        assertTrue(p.q() > 0.4, "q near the first minimum is its excess over the lower one: " + p.mu() + " " + p.q());
      }
    }
  }
}
