package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.events.block.WindowKind;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * A pulsed source without a {@code windows} section: every event is in window none, so the expected detected
 * counts have no coincidence or anticoincidence entries (before: entries of 0, which {@code cevns rates} printed
 * as columns beam/coincidence and beam/anticoincidence full of 0.000).
 */
class ExpectedDetectedWithoutWindowsTest {
  @Test
  void onlyTheNoneWindowWithoutWindows() {
    ExperimentModel m = ExperimentModel.build(ConfigLoader.parse("""
        name: t
        sources:
          - {name: ess, type: pion-dar, facility: ess, exposure: {pot: 1.0e23}}
        detectors:
          - name: csi
            target: {formula: CsI}
            mass_kg: 10
            distance_m: 20
            response: {quenching: {model: constant, quenching_factor: 0.0878},
                       energy: {model: light-yield, light_yield_pe_per_kevee: 13.35, smearing: poisson}}
            backgrounds:
              - {name: steady, type: steady, counts_per_kg_per_day: 10, spectrum: {shape: flat, max_kev: 10}}
        """, Path.of(".")));
    DetsimConfig d = DetsimConfig.of(m);
    List<ExpectedDetected.Entry> entries = ExpectedDetected.of(m, d, BackgroundChannels.of(m, d));
    Set<WindowKind> windows = entries.stream().map(ExpectedDetected.Entry::window).collect(Collectors.toSet());
    assertEquals(Set.of(WindowKind.NONE), windows);
    assertEquals(3, entries.size()); // signal cevns, signal eves, steady
  }
}
