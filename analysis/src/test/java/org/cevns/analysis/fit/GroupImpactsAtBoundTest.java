package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 68.27 % interval whose lower end is the parameter's bound (as for a nuclear radius fitted near its lower limit):
 * every group's impact on the lower half-width used to come out as 0 (rounding noise, ~1e-8) while the systematic
 * total was large, because with any one group held the others still carry the interval down to the bound. Those
 * impacts are not defined; they must be NaN and flagged, the upper side unaffected. Where the interval with the
 * group held (for the systematic total: every nuisance held) ends inside the range, the impact is a lower limit.
 */
class GroupImpactsAtBoundTest {
  private static final double S = 1e4;
  private static final double B = 1e4;
  private static final double DELTA = 0.05;
  /**
   * The best fit's distance from the bound: more than the statistical half-width (√n/S ≈ 0.010), less than the
   * total one (≈ 0.072) and than the one with either group held (≈ 0.052).
   */
  private static final double FROM_BOUND = 0.02;

  /** n = μ·S + a·b·B with two background normalisations a, b, each constrained to δ, in groups of their own. */
  private static BinnedModel twoNorms() {
    return BinnedModel.of(List.of(Channel.of("bin", Sample.signal("sig", new double[] {S}),
        Sample.background("bkg", new double[] {B}, "steady", "brn"))),
        List.of(NormParameter.constrained("steady", DELTA), NormParameter.constrained("brn", DELTA)));
  }

  private static Map<String, List<String>> groups() {
    Map<String, List<String>> g = new LinkedHashMap<>();
    g.put("background_norm.steady", List.of("steady"));
    g.put("background_norm.brn", List.of("brn"));
    return g;
  }

  private static Observations data(BinnedModel m, double muHat) {
    return Observations.of(m, new double[] {muHat * S + B});
  }

  @Test
  void impactsOnTheSideAtTheBoundAreNotDefined() {
    BinnedModel m = twoNorms();
    ProfileLikelihood pl = ProfileLikelihood.of(m, data(m, FROM_BOUND), FitOptions.nonNegativeMu());
    Interval total = pl.interval68();
    assertTrue(total.lowerAtBound() && !total.upperAtBound(), total.toString());
    assertEquals(0, total.lower(), 1e-9);
    GroupImpacts gi = GroupImpacts.of(pl, total, groups());
    assertTrue(gi.lowerAtBound() && !gi.upperAtBound() && gi.atBound());
    GroupImpacts.Row tot = gi.row(GroupImpacts.TOTAL).orElseThrow();
    assertEquals(total.minusError(), tot.minus(), 0);
    // the statistical interval (both norms held) ends inside the bound: a real half-width, √n/S ≈ 0.010
    GroupImpacts.Row stat = gi.row(GroupImpacts.STATISTICAL).orElseThrow();
    double sigmaStat = Math.sqrt(FROM_BOUND * S + B) / S;
    assertEquals(sigmaStat, stat.minus(), 0.02 * sigmaStat);
    for (String group : List.of("background_norm.steady", "background_norm.brn")) {
      GroupImpacts.Row r = gi.row(group).orElseThrow();
      assertTrue(Double.isNaN(r.minus()), group + ": impact on the lower half-width at the bound: " + r.minus());
      assertFalse(r.minusLowerLimit() || r.plusLowerLimit(), r.toString());
      assertTrue(r.plus() > 0.5 * DELTA, group + ": impact on the upper half-width " + r.plus());
    }
    // with every nuisance held the interval ends inside the range: the systematic total is at least
    // sqrt(FROM_BOUND^2 - sigma_stat^2) (its unrestricted value is ~0.07)
    GroupImpacts.Row syst = gi.row(GroupImpacts.SYSTEMATIC_TOTAL).orElseThrow();
    assertTrue(syst.minusLowerLimit() && !syst.plusLowerLimit(), syst.toString());
    assertEquals(GroupImpacts.quadrature(FROM_BOUND, stat.minus()), syst.minus(), 1e-6, syst.toString());
    assertTrue(syst.plus() > 0.5 * DELTA, syst.toString());
    // the upper side is as without the bound: two equal groups, each ≈ δ, together the systematic total
    ProfileLikelihood unbounded = ProfileLikelihood.of(m, data(m, FROM_BOUND));
    GroupImpacts free = GroupImpacts.of(unbounded, unbounded.interval68(), groups());
    assertFalse(free.atBound());
    for (String group : List.of(GroupImpacts.SYSTEMATIC_TOTAL, "background_norm.steady", "background_norm.brn")) {
      assertEquals(free.row(group).orElseThrow().plus(), gi.row(group).orElseThrow().plus(), 1e-4, group);
      assertTrue(free.row(group).orElseThrow().minus() > 0.5 * DELTA, group);
    }
  }

  /**
   * Farther from the bound than the half-width with one group held (≈ 0.052), nearer than the total one (≈ 0.072):
   * holding either group brings the lower end inside the range, so each group's impact there is at least
   * √(d² − σ(without G)²), d the distance to the bound, reported as a lower limit below its unrestricted value (≈ δ).
   * Until 2026-12-06 it was null, "not defined".
   */
  @Test
  void aGroupThatBringsTheEndInsideTheRangeHasALowerLimit() {
    double fromBound = 0.06;
    BinnedModel m = twoNorms();
    ProfileLikelihood pl = ProfileLikelihood.of(m, data(m, fromBound), FitOptions.nonNegativeMu());
    Interval total = pl.interval68();
    assertTrue(total.lowerAtBound(), total.toString());
    GroupImpacts gi = GroupImpacts.of(pl, total, groups());
    ProfileLikelihood unbounded = ProfileLikelihood.of(m, data(m, fromBound));
    GroupImpacts free = GroupImpacts.of(unbounded, unbounded.interval68(), groups());
    for (String group : List.of(GroupImpacts.SYSTEMATIC_TOTAL, "background_norm.steady", "background_norm.brn")) {
      GroupImpacts.Row r = gi.row(group).orElseThrow();
      double unrestricted = free.row(group).orElseThrow().minus();
      assertTrue(r.minusLowerLimit() && !r.plusLowerLimit(), r.toString());
      assertTrue(r.minus() > 0 && r.minus() < unrestricted, group + ": " + r.minus() + " vs " + unrestricted);
    }
  }

  @Test
  void upperBoundMirrorsTheLowerOne() {
    BinnedModel m = twoNorms();
    ProfileLikelihood pl = ProfileLikelihood.of(m, data(m, 1 - FROM_BOUND), FitOptions.defaults().withMuRange(
        Double.NEGATIVE_INFINITY, 1));
    Interval total = pl.interval68();
    assertTrue(total.upperAtBound() && !total.lowerAtBound(), total.toString());
    GroupImpacts gi = GroupImpacts.of(pl, total, groups());
    assertTrue(gi.upperAtBound() && !gi.lowerAtBound());
    for (String group : List.of("background_norm.steady", "background_norm.brn")) {
      GroupImpacts.Row r = gi.row(group).orElseThrow();
      assertTrue(Double.isNaN(r.plus()) && r.minus() > 0.5 * DELTA, r.toString());
    }
    GroupImpacts.Row syst = gi.row(GroupImpacts.SYSTEMATIC_TOTAL).orElseThrow();
    assertTrue(syst.plusLowerLimit() && !syst.minusLowerLimit() && syst.plus() > 0, syst.toString());
  }
}
