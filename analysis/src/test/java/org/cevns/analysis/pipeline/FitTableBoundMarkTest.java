package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.Channel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.NormParameter;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.Sample;
import org.cevns.analysis.report.ScanOutputs;
import org.cevns.analysis.report.SensitivityOutputs;
import org.junit.jupiter.api.Test;

/**
 * The fit table of {@code fit} and {@code scan} marks an interval of μ that ends at μ's range ("&gt; " and one line
 * under the table), as the precision tables mark a half-width cut by a physics parameter's range: a signal
 * (3, 3, 1) over a background (4, 4, 4) with a 10 % constrained normalisation, observed (4, 4, 4), fitted with
 * μ &ge; 0: μ̂ = 0 and both intervals start at 0, which summary.json flagged (lower_at_bound) and the table did not.
 * Without the bound the table has no mark.
 */
class FitTableBoundMarkTest {
  static BinnedModel model() {
    return BinnedModel.of(List.of(Channel.of("c", Sample.signal("sig", new double[] {3, 3, 1}),
        Sample.background("bkg", new double[] {4, 4, 4}, "bnorm"))), List.of(NormParameter.constrained("bnorm", 0.1)));
  }

  private static PoiScan fit(FitOptions options) {
    BinnedModel m = model();
    return PoiScan.fit(m, Observations.of(m, new double[] {4, 4, 4}), options, List.of("mu"), List.of(), true,
        Map.of(), Optional.empty(), false, Optional.empty());
  }

  @Test
  void anIntervalEndingAtMusRangeIsMarked() {
    PoiScan bounded = fit(FitOptions.defaults().withMuRange(0, 10));
    Interval i68 = bounded.intervals().get(0).orElseThrow()[0];
    assertTrue(i68.lowerAtBound(), "premise: " + i68);
    String text = ScanOutputs.render(bounded, "toy");
    assertTrue(text.contains("> [0, "), text);
    assertTrue(text.contains(SensitivityOutputs.INTERVAL_CUT_NOTE), text);
    String free = ScanOutputs.render(fit(FitOptions.unboundedMu()), "toy");
    assertFalse(free.contains(">"), free);
    assertFalse(free.contains(SensitivityOutputs.INTERVAL_CUT_NOTE), free);
  }
}
