package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cevns.analysis.fit.PhysicsShape;
import org.junit.jupiter.api.Test;

/** A physics parameter moves a file template by the bin-wise ratio of the reweighted simulated signal. */
class FileTemplatePhysicsTest {
  /** A simulated signal whose bins scale as (1 + x·b) with the parameter x (nominal 0); its last bin is empty. */
  private static final PhysicsShape SIMULATED = v -> new double[] {10 * (1 + v[0]), 20 * (1 + 2 * v[0]),
      5 * (1 + 3 * v[0]), 0};

  @Test
  void atTheConfiguredPointTheFileTemplateIsUnchanged() {
    double[] file = {3, 7, 11, 2};
    FileTemplatePhysics p = FileTemplatePhysics.of(file, SIMULATED, new double[] {0});
    assertArrayEquals(file, p.expected(new double[] {0}), 0);
  }

  @Test
  void eachBinMovesByTheSimulatedRatioAndEmptyBinsByTheTotal() {
    double[] file = {3, 7, 11, 2};
    FileTemplatePhysics p = FileTemplatePhysics.of(file, SIMULATED, new double[] {0});
    double[] at = p.expected(new double[] {0.1});
    assertEquals(3 * 1.1, at[0], 1e-12);
    assertEquals(7 * 1.2, at[1], 1e-12);
    assertEquals(11 * 1.3, at[2], 1e-12);
    // the simulation has no signal in the last bin: the ratio of the totals, (11 + 24 + 6.5) / 35
    assertEquals(2 * (41.5 / 35), at[3], 1e-12);
    // the file's own shape is kept: only the ratio comes from the simulation
    assertTrue(at[2] / at[0] > 11.0 / 3);
  }

  @Test
  void theFileIsCopiedAndANoSignalSimulationIsRefused() {
    double[] file = {1, 1, 1, 1};
    FileTemplatePhysics p = FileTemplatePhysics.of(file, SIMULATED, new double[] {0});
    file[0] = 100;
    assertEquals(1.0, p.expected(new double[] {0})[0], 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FileTemplatePhysics.of(new double[4], v -> new double[4], new double[] {0}));
    assertTrue(e.getMessage().contains("no events in the fit range"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> FileTemplatePhysics.of(new double[3], SIMULATED, new double[] {0}));
  }

  @Test
  void derivativesGoThroughTheSameRatios() {
    PhysicsShape withDerivatives = new PhysicsShape() {
      @Override
      public double[] expected(double[] v) {
        return SIMULATED.expected(v);
      }

      @Override
      public double[][] derivatives(double[] v) {
        return new double[][] {{10, 40, 15, 0}, {0, 0, 0, 0}};
      }
    };
    double[] file = {3, 7, 11, 2};
    double[][] d = FileTemplatePhysics.of(file, withDerivatives, new double[] {0}).derivatives(new double[] {0.1});
    // d/dx of file_b * S_b(x) / S_b(0): file_b * S_b'(x) / S_b(0); the empty bin: file * sum S' / sum S(0)
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {3, 14, 33, 2 * 65.0 / 35}, d[0], 1e-12);
    org.junit.jupiter.api.Assertions.assertNull(FileTemplatePhysics.of(file, SIMULATED, new double[] {0})
        .derivatives(new double[] {0}));
  }
}
