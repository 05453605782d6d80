package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A toy-calibrated interval whose band reaches the end of the scan grid is printed with that end marked
 * {@code ...} and a note (as summary.json's grid_bands lower_open/upper_open say). Regression: the row printed
 * the grid's ends as the interval, e.g. {@code scan configs/coherent-lar.yaml --poi rn_fm.Ar40=2.04:4.74:10
 * --toys 300} gave R_n(Ar40) "[2.04, 2.91]" with the band open below 2.04.
 */
class ToyIntervalGridEndTest {
  @TempDir Path tmp;

  @Test
  void anIntervalAtTheGridsEndsIsMarkedOpen() {
    CliRunner.Result r = CliRunner.run("scan", GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml").toString(),
        "--poi", "mu=0.9:1.1:3", "--seed", "5", "--max-template-events", "20000", "--toys", "10", "--quiet", "-o",
        tmp.resolve("s").toString());
    assertEquals(0, r.exitCode(), r.err());
    // the Asimov interval of mu is about [0.81, 1.23]: the 68 % band covers the whole grid 0.9 ... 1.1
    String row = r.out().lines().filter(l -> l.startsWith("mu (toys, grid)")).findFirst().orElseThrow();
    assertTrue(row.contains("[...0.9, 1.1...]"), row);
    assertTrue(r.out().contains("... : the toy-calibrated interval reaches the end of the grid there"), r.out());
  }
}
