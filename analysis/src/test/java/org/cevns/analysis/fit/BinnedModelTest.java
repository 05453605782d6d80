package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinnedModelTest {
  @Test
  void channelsAreConcatenatedAndNormsShared() {
    Channel on = Channel.of("on", Sample.signal("sig", new double[] {10, 5, 0}),
        Sample.background("ss", new double[] {4, 4, 4}, "steady"));
    Channel off = Channel.of("off", Sample.background("ss", new double[] {8, 8, 8}, "steady"));
    BinnedModel m = BinnedModel.of(List.of(on, off), List.of(NormParameter.free("steady")));
    assertEquals(6, m.nBins());
    assertEquals(3, m.channelOffset(1));
    assertEquals(List.of("mu", "steady"), m.parameterNames());
    assertArrayEquals(new double[] {10 * 2 + 4 * 0.5, 5 * 2 + 2, 2, 4, 4, 4}, m.expected(new double[] {2, 0.5}),
        1e-12);
    assertArrayEquals(new double[] {4, 4, 4}, m.expectedInChannel(new double[] {2, 0.5}, 1), 1e-12);
    BinnedModel twice = m.scaled(2);
    assertArrayEquals(new double[] {28, 18, 8, 16, 16, 16}, twice.expected(twice.nominalParameters(1)), 1e-12);
  }

  @Test
  void validation() {
    Sample sig = Sample.signal("sig", new double[] {1, 2});
    Sample bkg = Sample.background("b", new double[] {1, 2}, "x");
    assertThrows(IllegalArgumentException.class, () -> BinnedModel.of(List.of(Channel.of("c", sig, bkg)), List.of()));
    assertThrows(IllegalArgumentException.class, () -> BinnedModel.of(List.of(Channel.of("c", sig)),
        List.of(NormParameter.free("unused"))));
    assertThrows(IllegalArgumentException.class, () -> BinnedModel.of(List.of(Channel.of("c", bkg)),
        List.of(NormParameter.free("x"))));
    assertThrows(IllegalArgumentException.class, () -> Channel.of("c", sig, Sample.background("b", new double[] {1})));
    assertThrows(IllegalArgumentException.class, () -> Sample.background("b", new double[] {1, -1}));
    assertThrows(IllegalArgumentException.class, () -> Sample.background("b", new double[] {1}, "x", "x"));
    assertThrows(IllegalArgumentException.class, () -> NormParameter.constrained("mu", 0.1));
    assertThrows(IllegalArgumentException.class, () -> NormParameter.constrained("b", 0));
    assertThrows(IllegalArgumentException.class, () -> new FitOptions(0.5, 10, 1000));
  }
}
