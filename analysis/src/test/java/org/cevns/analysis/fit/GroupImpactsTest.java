package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class GroupImpactsTest {
  private static final double S = 1e4;
  private static final double B = 1e4;
  private static final double DELTA = 0.05;

  /** Bisection for the root of f on [a, b] (f(a), f(b) of opposite sign). */
  private static double bisect(DoubleUnaryOperator f, double a, double b) {
    double fa = f.applyAsDouble(a);
    for (int i = 0; i < 200; i++) {
      double m = 0.5 * (a + b);
      double fm = f.applyAsDouble(m);
      if ((fm < 0) == (fa < 0)) {
        a = m;
        fa = fm;
      } else {
        b = m;
      }
    }
    return 0.5 * (a + b);
  }

  /** Golden-section minimum of f on [a, b] (unimodal). */
  private static double minimum(DoubleUnaryOperator f, double a, double b) {
    double g = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 200; i++) {
      double c = b - g * (b - a);
      double d = a + g * (b - a);
      if (f.applyAsDouble(c) < f.applyAsDouble(d)) {
        b = d;
      } else {
        a = c;
      }
    }
    return f.applyAsDouble(0.5 * (a + b));
  }

  private static double poisson(double nu, double n) {
    return 2 * (nu - n + n * Math.log(n / nu));
  }

  /** n = μ·θ·S + B, θ with a Gaussian constraint of width δ (the signal normalisation), B known. */
  private static BinnedModel counting() {
    return BinnedModel.of(List.of(Channel.of("bin", Sample.signal("sig", new double[] {S}, "snorm"),
        Sample.background("bkg", new double[] {B}))), List.of(NormParameter.constrained("snorm", DELTA)));
  }

  @Test
  void countingModelMatchesTheAnalyticBreakdown() {
    BinnedModel m = counting();
    double n = S + B;
    ProfileLikelihood pl = ProfileLikelihood.of(m, Observations.of(m, new double[] {n}));
    Interval total = pl.interval68();
    GroupImpacts gi = GroupImpacts.of(pl, total, Map.of("signal_norm", List.of("snorm")));
    assertEquals(List.of(GroupImpacts.TOTAL, GroupImpacts.STATISTICAL, GroupImpacts.SYSTEMATIC_TOTAL, "signal_norm"),
        gi.rows().stream().map(GroupImpacts.Row::group).toList());
    // statistical: θ = 1 held, q(μ) = 2[ν − n + n ln(n/ν)] with ν = μS + B, ends by bisection
    DoubleUnaryOperator qStat = mu -> poisson(mu * S + B, n);
    double statLo = 1 - bisect(mu -> qStat.applyAsDouble(mu) - 1, 0.5, 1);
    double statHi = bisect(mu -> qStat.applyAsDouble(mu) - 1, 1, 1.5) - 1;
    GroupImpacts.Row stat = gi.row(GroupImpacts.STATISTICAL).orElseThrow();
    assertEquals(statLo, stat.minus(), 1e-6);
    assertEquals(statHi, stat.plus(), 1e-6);
    // total: the exact profile over θ (golden section), ends by bisection; μ̂ = 1
    DoubleUnaryOperator q = mu -> minimum(t -> poisson(mu * t * S + B, n) + Math.pow((t - 1) / DELTA, 2), 0.6, 1.4);
    double lo = 1 - bisect(mu -> q.applyAsDouble(mu) - 1, 0.5, 1);
    double hi = bisect(mu -> q.applyAsDouble(mu) - 1, 1, 1.5) - 1;
    GroupImpacts.Row tot = gi.row(GroupImpacts.TOTAL).orElseThrow();
    assertEquals(lo, tot.minus(), 1e-5);
    assertEquals(hi, tot.plus(), 1e-5);
    // the only group is every nuisance: its impact is the systematic total, √(total² − stat²)
    GroupImpacts.Row norm = gi.row("signal_norm").orElseThrow();
    assertEquals(Math.sqrt(lo * lo - statLo * statLo), norm.minus(), 1e-4);
    assertEquals(Math.sqrt(hi * hi - statHi * statHi), norm.plus(), 1e-4);
    assertEquals(norm.minus(), gi.row(GroupImpacts.SYSTEMATIC_TOTAL).orElseThrow().minus(), 1e-12);
    // Gaussian approximation: σ_μ² = σ_stat² + (μ δ)², so the impact is μ δ = 0.05 at μ̂ = 1; μ = λ/θ makes the
    // ends asymmetric at first order in δ (1/(1 ∓ δ) − 1 = ±δ + δ²): δ(1 − δ) below and δ(1 + δ) above, to 1 %
    // (the next order, δ² relative, is 0.25 %), and their mean δ to 1 %
    assertEquals(DELTA * (1 - DELTA), norm.minus(), 0.01 * DELTA);
    assertEquals(DELTA * (1 + DELTA), norm.plus(), 0.01 * DELTA);
    assertEquals(DELTA, norm.size(), 0.01 * DELTA);
  }

  @Test
  void rowsAddUpInQuadratureAndTotalIsTheInterval() {
    BinnedModel m = TestModels.onOff();
    ProfileLikelihood pl = ProfileLikelihood.of(m, TestModels.onOffData(m));
    Interval total = pl.interval68();
    Map<String, List<String>> groups = new LinkedHashMap<>();
    groups.put("background_norm.steady", List.of("steady"));
    groups.put("background_norm.react", List.of("react"));
    groups.put("fixed_only", List.of("fix"));
    groups.put("absent", List.of("nope"));
    GroupImpacts gi = GroupImpacts.of(pl, total, groups);
    GroupImpacts.Row tot = gi.row(GroupImpacts.TOTAL).orElseThrow();
    assertEquals(total.minusError(), tot.minus(), 0);
    assertEquals(total.plusError(), tot.plus(), 0);
    GroupImpacts.Row stat = gi.row(GroupImpacts.STATISTICAL).orElseThrow();
    GroupImpacts.Row syst = gi.row(GroupImpacts.SYSTEMATIC_TOTAL).orElseThrow();
    assertEquals(tot.minus() * tot.minus(), stat.minus() * stat.minus() + syst.minus() * syst.minus(), 1e-12);
    assertEquals(tot.plus() * tot.plus(), stat.plus() * stat.plus() + syst.plus() * syst.plus(), 1e-12);
    assertTrue(stat.minus() < tot.minus() && stat.plus() < tot.plus());
    // groups without a floating member get no row; the others are ranked and none exceeds the systematic total
    assertFalse(gi.row("fixed_only").isPresent() || gi.row("absent").isPresent());
    List<GroupImpacts.Row> groupRows = gi.rows().subList(3, gi.rows().size());
    assertEquals(2, groupRows.size());
    assertTrue(groupRows.get(0).size() >= groupRows.get(1).size());
    for (GroupImpacts.Row r : groupRows) {
      assertTrue(r.minus() >= 0 && r.minus() <= syst.minus() + 1e-9, r.toString());
      assertTrue(r.plus() >= 0 && r.plus() <= syst.plus() + 1e-9, r.toString());
    }
  }

  @Test
  void statisticalRowEqualsAFitWithEveryNuisanceFixed() {
    BinnedModel m = TestModels.onOff();
    Observations data = TestModels.onOffData(m);
    ProfileLikelihood pl = ProfileLikelihood.of(m, data);
    FitResult best = pl.bestFit();
    GroupImpacts gi = GroupImpacts.of(pl, pl.interval68(), Map.of());
    // the same templates with the norms fixed at their best-fit values: only μ floats
    BinnedModel fixed = BinnedModel.of(m.channels(), List.of(NormParameter.fixed("steady", best.value("steady")),
        NormParameter.fixed("react", best.value("react")), NormParameter.fixed("fix", 1.5)));
    Interval i = ProfileLikelihood.of(fixed, Observations.of(fixed, new double[] {70, 48, 41, 55, 66, 58}))
        .interval68();
    GroupImpacts.Row stat = gi.row(GroupImpacts.STATISTICAL).orElseThrow();
    assertEquals(i.minusError(), stat.minus(), 1e-6);
    assertEquals(i.plusError(), stat.plus(), 1e-6);
  }

  @Test
  void templateStatisticsAreFrozenForTheStatisticalRow() {
    double[] s = {40, 25, 12};
    double[] b = {30, 30, 30};
    double[] n = {75, 52, 47};
    BinnedModel m = BinnedModel.of(List.of(Channel.of("c", Sample.signal("sig", s).withStatErrors(new double[] {4, 3, 2}),
        Sample.background("bkg", b, "bnorm").withStatErrors(new double[] {5, 5, 5}))),
        List.of(NormParameter.constrained("bnorm", 0.1)));
    Observations data = Observations.of(m, n);
    ProfileLikelihood pl = ProfileLikelihood.of(m, data);
    FitResult best = pl.bestFit();
    Interval total = pl.interval68();
    GroupImpacts gi = GroupImpacts.of(pl, total, Map.of("background_norm.bkg", List.of("bnorm")));
    // by hand: γ̂_i of the best fit folded into both templates, the norm fixed at its best fit, only μ free
    double[] p = best.parameters();
    double[] nu = m.expected(p);
    double[] sg = new double[3];
    double[] bg = new double[3];
    for (int i = 0; i < 3; i++) {
      double d = m.relativeStatError(i);
      double g = BarlowBeeston.gammaHat(nu[i], n[i], d * d, 1.0);
      sg[i] = s[i] * g;
      bg[i] = b[i] * g;
    }
    BinnedModel hand = BinnedModel.of(List.of(Channel.of("c", Sample.signal("sig", sg),
        Sample.background("bkg", bg, "bnorm"))), List.of(NormParameter.fixed("bnorm", best.value("bnorm"))));
    ProfileLikelihood handPl = ProfileLikelihood.of(hand, Observations.of(hand, n));
    assertEquals(best.mu(), handPl.bestFit().mu(), 1e-7);
    Interval i = handPl.interval68();
    GroupImpacts.Row stat = gi.row(GroupImpacts.STATISTICAL).orElseThrow();
    assertEquals(i.minusError(), stat.minus(), 1e-6);
    assertEquals(i.plusError(), stat.plus(), 1e-6);
    GroupImpacts.Row ts = gi.row(GroupImpacts.TEMPLATE_STATISTICS).orElseThrow();
    assertTrue(ts.minus() > 0 && ts.plus() > 0, ts.toString());
    assertTrue(gi.row("background_norm.bkg").orElseThrow().size() > 0);
  }

  @Test
  void holdingViewKeepsTheGlobalFitAndHoldsItsParameters() {
    BinnedModel m = TestModels.onOff();
    ProfileLikelihood pl = ProfileLikelihood.of(m, TestModels.onOffData(m));
    FitResult best = pl.bestFit();
    int k = m.parameterIndex("react");
    ProfileLikelihood held = pl.holding(new int[] {k}, best.parameters());
    assertEquals(best.deviance(), held.bestFit().deviance(), 1e-9);
    assertFalse(held.bestFit().floating()[k]);
    FitResult at = held.fixedMuFit(best.mu() + 0.3);
    assertEquals(best.value("react"), at.value("react"), 0);
    assertTrue(held.interval68().halfWidth() < pl.interval68().halfWidth());
  }
}
