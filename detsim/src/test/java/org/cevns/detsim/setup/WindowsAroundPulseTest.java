package org.cevns.detsim.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * Beam windows off the proton pulse: before, a coincidence window after the beam cycle (or before the pulse)
 * was accepted and `rates` printed 0 signal events in it, and an anti-coincidence window over the next cycle's
 * pulse was treated as beam-free.
 */
class WindowsAroundPulseTest {
  /** A CsI detector at the ESS (14 Hz: period 7.142857143e7 ns; flat pulse of 2.86e6 ns). */
  private static final String ESS = """
      name: t
      sources:
        - {name: ess, type: pion-dar, facility: ess, exposure: {pot: 1.0e23}}
      detectors:
        - {name: csi, target: {formula: CsI}, mass_kg: 10, distance_m: 20, response: {quenching: {model: none},
           energy: {model: ideal}}}
      windows: WINDOWS
      """;

  private static DetsimConfig parse(String windows) {
    return DetsimConfig.of(ExperimentModel.build(ConfigLoader.parse(ESS.replace("WINDOWS", windows), Path.of("."))));
  }

  private static String refusal(String windows) {
    return assertThrows(ConfigException.class, () -> parse(windows)).getMessage();
  }

  @Test
  void coincidenceWindowOffThePulseIsRefused() {
    assertEquals("windows.coincidence_start_ns: must place the coincidence window [70000000, 73500000) ns over the proton"
        + " pulse of source 'ess' (0 to 2860000 ns after the pulse start), got 7.0e7",
        refusal("{coincidence_start_ns: 7.0e7, coincidence_length_ns: 3.5e6, anticoincidence: before}"));
    assertEquals("windows.coincidence_start_ns: must place the coincidence window [-70000000, -66500000) ns over the"
        + " proton pulse of source 'ess' (0 to 2860000 ns after the pulse start), got -7.0e7",
        refusal("{coincidence_start_ns: -7.0e7, coincidence_length_ns: 3.5e6, anticoincidence: delayed}"));
  }

  @Test
  void windowsOverANeighbouringPulseAreRefused() {
    // the coincidence window overlaps the pulse, the delayed anti-coincidence window reaches the next pulse
    assertEquals("windows.anticoincidence_delay_ns: must keep both windows [2000000, 72500000) ns within one beam cycle"
        + " of source 'ess', after the previous pulse's end and before the next pulse (-6.856857143e7 to"
        + " 7.142857143e7 ns), got 6.7e7",
        refusal("{coincidence_start_ns: 2.0e6, coincidence_length_ns: 3.5e6, anticoincidence: delayed,"
            + " anticoincidence_delay_ns: 6.7e7}"));
    // an anti-coincidence window before the pulse that reaches back into the previous pulse
    assertEquals("windows.anticoincidence_delay_ns: must keep both windows [-69500000, 1500000) ns within one beam"
        + " cycle of source 'ess', after the previous pulse's end and before the next pulse (-6.856857143e7 to"
        + " 7.142857143e7 ns), got 6.75e7",
        refusal("{coincidence_start_ns: -2.0e6, coincidence_length_ns: 3.5e6, anticoincidence: before,"
            + " anticoincidence_delay_ns: 6.75e7}"));
  }

  @Test
  void windowsAroundThePulseAreAccepted() {
    // configs/ess.yaml's windows, and a delayed window late in the cycle
    parse("{coincidence_length_ns: 2.88e6, anticoincidence: before, record_start_ns: -2.88e6,"
        + " record_length_ns: 5.76e6}");
    parse("{coincidence_length_ns: 3.5e6, anticoincidence: delayed, anticoincidence_delay_ns: 6.7e7}");
  }
}
