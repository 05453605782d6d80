package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cevns.analysis.stat.Asimov;
import org.junit.jupiter.api.Test;

/**
 * The 68.27 % interval of a parameter that enters the rates only as x² (a magnetic moment, a light Z′ or scalar
 * coupling at the Standard Model), on the Asimov data of x = 0: the profile is flat there (q ∝ x⁴), its Hesse error
 * undefined (a fallback step of 0.1) or far larger than the range (600 for a Z′ coupling of range ±1e-4). The end
 * tolerance, 1e-7 of that step, then exceeded the whole range, and the first Newton or bisection point inside
 * [0, bound] was returned as the end, unflagged and unchecked. Found by {@code cevns sensitivity} on conus-plus with
 * {@code analysis.parameters=[magnetic_moment_mub.nue]} (±5e-10 μ_B, half the range 1e-9, at exposure factors 0.2,
 * 0.5 and 5, 1.08e-10 at 1) and on coherent-csi with a 30 MeV Z′ ({@code mediator[0].g} ±5e-5 at factor 2 between
 * 2.11e-5 at 1 and 1.9e-5 at 5; 2.69e-5 with q = 37 there once the fallback alone was bounded).
 */
class FlatProfileIntervalTest {
  static final double SCALE = 1e-10;
  static final double[] SIG = {400, 600, 500, 300, 150, 50};
  static final double[] EXTRA = {24, 12, 6, 3, 1.5, 0.75};
  static final double[] BKG = {30, 30, 30, 30, 30, 30};

  static BinnedModel model(double bound, double factor) {
    Sample s = Sample.signal("signal", scaled(SIG, factor)).withModifiers(List.of(Modifier.lognormal("flux", 0.10)))
        .withPhysics(v -> {
          double r = v[0] / SCALE;
          double[] out = new double[SIG.length];
          for (int i = 0; i < out.length; i++) {
            out[i] = factor * (SIG[i] + r * r * EXTRA[i]);
          }
          return out;
        });
    Sample b = Sample.background("steady", scaled(BKG, factor), "steady");
    return BinnedModel.of(List.of(Channel.of("on", s, b)), List.of(NormParameter.free("steady")),
        List.of(PhysicsParameter.free("x", 0, -bound, bound)));
  }

  static double[] scaled(double[] a, double f) {
    double[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= f;
    }
    return out;
  }

  @Test
  void theIntervalOfAQuarticProfileEndsWhereQIsOneNotAtHalfTheBound() {
    for (double factor : new double[] {0.2, 0.5, 1, 2, 5}) {
      BinnedModel m = model(10 * SCALE, factor);
      ProfileLikelihood pl = ProfileLikelihood.of(m, Asimov.dataset(m, m.nominalParameters(1.0)),
          FitOptions.unboundedMu(), "x", false);
      Interval i = pl.interval68();
      assertFalse(i.upperAtBound() || i.lowerAtBound(), factor + ": " + i);
      assertTrue(Math.abs(i.upper() - 5 * SCALE) > 1e-3 * SCALE, factor + ": half the bound, " + i);
      assertEquals(1.0, pl.q(i.upper()), 1e-3, factor + ": q at the upper end " + i);
      assertEquals(1.0, pl.q(i.lower()), 1e-3, factor + ": q at the lower end " + i);
    }
  }

  /** The step is the Hesse error, at most half a finite range; an unbounded range keeps it (μ's intervals). */
  @Test
  void theSearchStepIsBoundedByTheRange() {
    assertEquals(1e-4, IntervalEnds.searchStep(600, 0, -1e-4, 1e-4), 1e-18);
    assertEquals(1e-9, IntervalEnds.searchStep(Double.NaN, 0, -1e-9, 1e-9), 1e-24);
    assertEquals(1e-9, IntervalEnds.searchStep(Double.POSITIVE_INFINITY, 0, -1e-9, 1e-9), 1e-24);
    assertEquals(0.15, IntervalEnds.searchStep(0.15, 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), 0);
    assertEquals(0.025, IntervalEnds.searchStep(0.025, 0.24, 0.05, 0.45), 0);
  }
}
