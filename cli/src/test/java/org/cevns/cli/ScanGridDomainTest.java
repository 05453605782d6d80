package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan grid with points outside a physics parameter's values is one line naming --poi, exit 2, before any
 * simulation. Regression (found by the walknp branch): {@code scan configs/coherent-csi-newphysics.yaml --poi
 * 'mediator[0].mass_mev=0:100:5'} ran the pilot and template simulations, then stopped with "cevns:
 * mediator[0].mass_mev must be in [0.03, 110.0], got 0.0".
 */
class ScanGridDomainTest {
  @TempDir Path tmp;

  @Test
  void aMediatorMassGridFromZeroIsRefusedBeforeTheSimulation() {
    Path out = tmp.resolve("scan");
    CliRunner.Result r = CliRunner.run("scan", GenerateCommandTest.CONFIGS.resolve("coherent-csi-newphysics.yaml")
        .toString(), "--poi", "mediator[0].mass_mev=0:100:5", "-o", out.toString(), "--seed", "1");
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: --poi: mediator[0].mass_mev: the grid's points must lie in [0.03, 110.0], got 0.0\n",
        r.err());
    assertTrue(!r.err().contains("simulation"), r.err());
    assertTrue(Files.notExists(out));
  }
}
