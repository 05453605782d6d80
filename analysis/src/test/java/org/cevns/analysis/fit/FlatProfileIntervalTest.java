package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression: a signal that a nuisance can switch off for less than Δ = 1 of constraint (here α = −0.5 empties the
 * bin, costing α² = 0.25) leaves the profile of an unbounded μ below Δ for ever. {@code IntervalEnds.byBracketing}
 * threw "interval end not bracketed after 60 doublings" (ShippedConfigsRunTest, neon at 2 % of its exposure, after
 * its quenching nuisance was added); the end is now reported open, flagged like an end at the range bound.
 */
class FlatProfileIntervalTest {
  @Test
  void anEndThatIsNeverReachedIsReportedOpen() {
    Modifier switchOff = Modifier.histosys("a", new double[] {1}, new double[] {2}, new double[] {-1});
    BinnedModel m = BinnedModel.of(List.of(Channel.of("c", Sample.signal("sig", new double[] {1})
        .withModifiers(List.of(switchOff)), Sample.background("bkg", new double[] {5}))), List.of());
    ProfileLikelihood pl = ProfileLikelihood.of(m, Observations.of(m, new double[] {5}));
    Interval i = pl.interval68();
    assertTrue(i.upperAtBound(), "upper end open: " + i);
    assertTrue(i.upper() > 1e6 * Math.max(1.0, Math.abs(i.muHat())), "upper end far out: " + i);
  }
}
