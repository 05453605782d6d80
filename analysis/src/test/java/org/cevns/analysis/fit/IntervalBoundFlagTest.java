package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An interval end is either where q = Δ or, flagged, the parameter's bound with q &le; Δ there: never a bound with
 * q far above Δ and no flag. A report from a throw-away study (three bins, observed (5, 1, 5), 95 % CL: a lower end
 * of −3.0 without the flag where q was 498) is checked here on three-bin signal + background models, μ unbounded
 * and bounded at −3, with and without a constrained background normalisation and the shape nuisance of
 * {@link GlobalFitTest}, by Newton and by bracketing, with and without the global search.
 */
class IntervalBoundFlagTest {
  private static final double CL_95 = 0.95;
  private static final double[][] SIGNALS = {{1, 2, 1}, {2, 1, 2}, {3, 3, 1}, {0.5, 4, 0.5}, {4, 0.5, 4}};
  private static final double[][] BACKGROUNDS = {{4, 1, 4}, {1, 1, 1}, {5, 5, 5}};

  static List<BinnedModel> models(double[] s, double[] b) {
    return List.of(
        BinnedModel.of(List.of(Channel.of("c", Sample.signal("sig", s), Sample.background("bkg", b))), List.of()),
        BinnedModel.of(List.of(Channel.of("c", Sample.signal("sig", s), Sample.background("bkg", b, "bnorm"))),
            List.of(NormParameter.constrained("bnorm", 0.3))),
        BinnedModel.of(List.of(Channel.of("c", Sample.signal("sig", s).withModifiers(List.of(Modifier.histosys(
            "shape", s, new double[] {1.4 * s[0], 0.6 * s[1], 0.8 * s[2]},
            new double[] {0.6 * s[0], 1.4 * s[1], 1.2 * s[2]}))), Sample.background("bkg", b, "bnorm"))),
            List.of(NormParameter.constrained("bnorm", 0.3))));
  }

  @Test
  void everyEndIsAtDeltaOrAFlaggedBound() {
    int checked = 0;
    for (double[] s : SIGNALS) {
      for (double[] b : BACKGROUNDS) {
        for (BinnedModel m : models(s, b)) {
          Observations d = Observations.of(m, new double[] {5, 1, 5});
          for (FitOptions o : new FitOptions[] {FitOptions.defaults(), FitOptions.defaults().withMuRange(-3, 10)}) {
            for (int variant = 0; variant < 3; variant++) {
              ProfileLikelihood pl = ProfileLikelihood.of(m, d, o);
              if (variant == 1) {
                pl.bracketingOnly();
              } else if (variant == 2) {
                pl.withGlobalSearch();
              }
              Interval i = pl.interval(CL_95);
              String what = java.util.Arrays.toString(s) + " " + java.util.Arrays.toString(b) + " " + m.parameterNames()
                  + " " + o + " variant " + variant + ": " + i;
              check(pl, i.lower(), i.lowerAtBound(), o.muLower(), i.deltaDeviance(), what + " (lower)");
              check(pl, i.upper(), i.upperAtBound(), o.muUpper(), i.deltaDeviance(), what + " (upper)");
              checked++;
            }
          }
        }
      }
    }
    assertEquals(SIGNALS.length * BACKGROUNDS.length * 3 * 2 * 3, checked);
  }

  private static void check(ProfileLikelihood pl, double end, boolean atBound, double bound, double delta,
      String what) {
    double q = pl.q(end);
    if (atBound) {
      assertTrue(q <= delta + 1e-6, what + ": flagged at the bound with q = " + q);
    } else {
      assertTrue(Math.abs(q - delta) < 1e-3 * Math.max(1, delta), what + ": q = " + q + " at an unflagged end");
    }
  }
}
