package org.cevns.detsim.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.detsim.sim.ExpectedDetected;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * Detectors configured with the same target and response section share one response object, and the expected
 * detected events computed with it shared (one detection curve) equal those computed with a separate object per
 * detector, to the bit.
 */
class SharedResponseTest {
  private static ExperimentModel model(String name) throws Exception {
    return ExperimentModel.build(ConfigLoader.load(ShippedDetsimConfigsTest.configsDir().resolve(name)));
  }

  @Test
  void detectorsConfiguredAlikeShareTheirResponse() throws Exception {
    DetsimConfig conus = DetsimConfig.of(model("conus.yaml"));
    for (int d = 1; d < 4; d++) {
      assertSame(conus.response(0), conus.response(d), "conus detector " + d);
    }
    DetsimConfig ess = DetsimConfig.of(model("ess.yaml"));
    for (int d = 1; d < ess.responses().size(); d++) {
      assertNotSame(ess.response(0), ess.response(d), "ess detector " + d + " has its own response section");
    }
  }

  @Test
  void sharedResponseGivesTheSameExpectations() throws Exception {
    for (String name : List.of("conus.yaml", "conus-plus.yaml")) {
      ExperimentModel model = model(name);
      DetsimConfig shared = DetsimConfig.of(model);
      DetsimConfig separate = shared;
      for (int d = 0; d < shared.responses().size(); d++) {
        // a new object with the same content (offset 0 as configured)
        separate = separate.withResponse(d, shared.response(d).withBeamTimeOffsetNs(0.0));
      }
      assertNotSame(separate.response(0), separate.response(1));
      List<ExpectedDetected.Entry> a = ExpectedDetected.of(model, shared, BackgroundChannels.of(model, shared));
      List<ExpectedDetected.Entry> b = ExpectedDetected.of(model, separate,
          BackgroundChannels.of(model, separate));
      assertEquals(b, a, name);
    }
  }
}
