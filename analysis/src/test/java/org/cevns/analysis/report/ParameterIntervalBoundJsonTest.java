package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.pipeline.PoiFit;
import org.junit.jupiter.api.Test;

/**
 * A physics parameter's interval in summary.json / scan.json ({@code parameters[].interval_68/90}) says when an end is
 * the parameter's bound, as μ's top-level interval does: reduced coherent-csi's rn_fm.I127 ended at its template
 * range's lower bound (0.6 × nominal) and the JSON gave the number alone. Written only when true, so an interval
 * without a bound is the same text as before. The terminal's precision table marks such a half-width "&gt; " (a lower
 * limit) with a line under the table, and is unchanged without a bound.
 */
class ParameterIntervalBoundJsonTest {
  @Test
  void anEndAtTheBoundIsFlaggedAndOnlyThen() throws Exception {
    Interval atLower = new Interval(0.6827, 1.0, 2.9029, 2.84198, 3.51, true, false);
    assertEquals("{\"lower\":2.84198,\"upper\":3.51,\"lower_at_bound\":true}",
        compact(SummaryRecords.Bounds.of(atLower)));
    Interval free = new Interval(0.6827, 1.0, 1.0, 0.8, 1.2, false, false);
    assertEquals("{\"lower\":0.8,\"upper\":1.2}", compact(SummaryRecords.Bounds.of(free)));
    assertEquals("{\"lower\":0.8,\"upper\":1.2}",
        compact(new SummaryRecords.Bounds(0.8, 1.2)));
  }

  /** summary.json's text of {@code b} (indented), its whitespace removed. */
  private static String compact(SummaryRecords.Bounds b) throws Exception {
    return Json.MAPPER.writeValueAsString(b).replaceAll("\\s", "");
  }

  @Test
  void thePrecisionTableMarksAHalfWidthCutByTheRange() {
    Interval atLower = new Interval(0.6827, 1.0, 2.9029, 2.84198, 3.51, true, false);
    Interval free = new Interval(0.6827, 1.0, 0.2312, 0.2212, 0.2412, false, false);
    PoiFit rn = new PoiFit("rn_fm.I127", 4.7366, 2.9029, Optional.of(atLower), Optional.empty(), Optional.empty(),
        List.of(), Optional.empty());
    PoiFit sw = new PoiFit("sin2_theta_w", 0.2386, 0.2312, Optional.of(free), Optional.empty(), Optional.empty(),
        List.of(), Optional.empty());
    String both = SensitivityOutputs.precision(List.of(sw, rn), "Physics parameters");
    assertTrue(both.contains("> 0.0609"), both);
    assertTrue(both.endsWith(SensitivityOutputs.CUT_NOTE), both);
    String plain = SensitivityOutputs.precision(List.of(sw), "Physics parameters");
    assertFalse(plain.contains(">"), plain);
    assertFalse(plain.contains(SensitivityOutputs.CUT_NOTE), plain);
  }

  /** A parameter of nominal 0 (new physics at the Standard Model) has no relative precision: "–", not "inf". */
  @Test
  void theRelativePrecisionOfANominalZeroIsADashNotInf() {
    Interval i = new Interval(0.6827, 1.0, 0.0, -0.042, 0.045, false, false);
    PoiFit nsi = new PoiFit("nsi.u.ee", 0.0, 0.0, Optional.of(i), Optional.empty(), Optional.empty(), List.of(),
        Optional.empty());
    String t = SensitivityOutputs.precision(List.of(nsi), "Physics parameters");
    assertFalse(t.contains("inf"), t);
    assertTrue(t.lines().anyMatch(l -> l.startsWith("nsi.u.ee") && l.strip().endsWith(SensitivityOutputs.NO_RELATIVE)),
        t);
  }
}
