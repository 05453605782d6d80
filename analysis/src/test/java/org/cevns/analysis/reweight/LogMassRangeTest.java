package org.cevns.analysis.reweight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cevns.analysis.fit.PhysicsParameter;
import org.junit.jupiter.api.Test;

/**
 * A mediator mass over a decade or more is tabulated on log-spaced nodes, its scan range padded in log(m): a Z′ mass
 * scanned over 1–1000 MeV with linear nodes would put 21 nodes 50 MeV apart, none between 1 and 50 MeV, where the
 * propagator 1/(q² + m²) changes most.
 */
class LogMassRangeTest {
  @Test
  void aMassScannedOverDecadesIsPaddedInLogAndTabulatedInLog() {
    PhysicsParameter m = PhysicsParameter.free("mediator[0].mass_mev", 30, 3, 300);
    assertTrue(NewPhysicsRanges.logNodes(m), "the default range nominal/10 .. 10 x nominal");
    PhysicsParameter w = NewPhysicsRanges.widened(m, 1, 1000);
    // padding 10 % of the span in log: 1000^0.1 at each end
    double pad = Math.pow(1000, NewPhysicsRanges.SCAN_PADDING);
    assertEquals(1 / pad, w.lower(), 1e-15);
    assertEquals(1000 * pad, w.upper(), 1e-9);
    assertTrue(NewPhysicsRanges.logNodes(w));
  }

  @Test
  void otherParametersAndNarrowMassRangesStayLinear() {
    PhysicsParameter g = PhysicsParameter.free("mediator[0].g", 0, -1e-4, 1e-4);
    PhysicsParameter wg = NewPhysicsRanges.widened(g, 1e-6, 1e-3);
    assertFalse(NewPhysicsRanges.logNodes(wg));
    assertEquals(0 - 0.1 * 1e-3, wg.lower(), 1e-18);
    PhysicsParameter narrow = NewPhysicsRanges.widened(PhysicsParameter.free("mediator[0].mass_mev", 30, 3, 300),
        20, 40);
    assertFalse(NewPhysicsRanges.logNodes(narrow));
    assertEquals(18, narrow.lower(), 1e-12);
    assertEquals(42, narrow.upper(), 1e-12);
  }
}
