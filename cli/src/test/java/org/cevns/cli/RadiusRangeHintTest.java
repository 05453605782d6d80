package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interval of a radius (or sin²θ_W) cut by its default range says under the table how to see the rest: a
 * scan whose grid goes beyond the range widens it. The COHERENT CsI 2021 data with R_n(Cs133) held at its nominal
 * value put R_n(I127)'s 68 % interval against the top of its range (1.4 × 4.74 fm); a scan to 9 fm then gives the
 * whole interval.
 */
class RadiusRangeHintTest {
  static final Path CSI = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml");
  @TempDir Path tmp;

  @Test
  void aRadiusCutByItsRangePointsToTheWiderScan() {
    Path data = tmp.resolve("data.parquet");
    CliRunner.Result imp = CliRunner.run("import", "--format", "coherent-csi-2021",
        GenerateCommandTest.CONFIGS.resolve("data/coherent-csi-2021").toString(), "-o", data.toString());
    assertEquals(0, imp.exitCode(), imp.err());
    CliRunner.Result r = CliRunner.run("fit", CSI.toString(), "-i", data.toString(), "-o", tmp.resolve("f").toString(),
        "--poi", "rn_fm.I127", "--seed", "1", "--max-template-events", "100000", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("> : the interval ends at the parameter's range"), "premise: " + r.out());
    assertTrue(r.out().contains("a scan whose grid goes beyond the range widens it"), r.out());
    CliRunner.Result s = CliRunner.run("scan", CSI.toString(), "-i", data.toString(), "-o", tmp.resolve("s").toString(),
        "--poi", "rn_fm.I127=3:9:4", "--seed", "1", "--max-template-events", "100000", "--quiet");
    assertEquals(0, s.exitCode(), s.err());
    String row = s.out().lines().filter(l -> l.startsWith("rn_fm.I127")).findFirst().orElseThrow();
    assertTrue(!row.contains(">"), s.out());
  }
}
