package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --poi} that is neither a physics parameter nor one of the fit's normalisations and nuisances fails before
 * any simulation, in one line naming {@code --poi} and listing what the configuration's fit has, exit 2, nothing
 * written. Before, {@code fit configs/connie.yaml --poi foo} ran the pilot and template simulations and read the
 * data, then printed "parameter must be one of [mu, ccd.flat, angra2.flux, ccd.quenching], got 'foo'" (no
 * {@code --poi}, and no word of the physics parameters it also takes).
 */
class PoiNameTest {
  static final Path CONNIE = GenerateCommandTest.CONFIGS.resolve("connie.yaml");
  @TempDir Path tmp;

  @Test
  void anUnknownNameFailsBeforeAnySimulation() {
    for (String[] args : List.of(
        new String[] {"fit", CONNIE.toString(), "-o", tmp.resolve("f").toString(), "-i",
            tmp.resolve("none.parquet").toString(), "--poi", "foo"},
        new String[] {"scan", CONNIE.toString(), "-o", tmp.resolve("s").toString(), "--poi", "ccd.flux=0:2:3"},
        new String[] {"scan", CONNIE.toString(), "-o", tmp.resolve("s").toString(), "--poi", "mu=0:2:3",
            "--poi", "angra2.flat=0:2:3"})) {
      CliRunner.Result r = CliRunner.run(args);
      assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
      String name = args[args.length - 1].split("=")[0];
      assertTrue(r.err().startsWith("cevns: --poi: unknown parameter '" + name
          + "'; this configuration's fit has: mu, ccd.flat, ccd.eves, angra2.flux, ccd.quenching and the physics"
          + " parameters sin2_theta_w, rn_fm."), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertFalse(Files.exists(tmp.resolve("s")) || Files.exists(tmp.resolve("f")), "output written");
    }
  }

  /**
   * A common radius and one of its members cannot both be POIs ({@code rn_fm.CsI} moves R_n(I) itself): refused
   * before any simulation, one line, exit 2.
   */
  @Test
  void aCommonRadiusAndItsMemberAreRefusedTogether() {
    Path csi = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml");
    CliRunner.Result r = CliRunner.run("scan", csi.toString(), "-o", tmp.resolve("s").toString(), "--poi",
        "rn_fm.CsI=5:6:2", "--poi", "rn_fm.I127=5:6:2");
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: --poi: rn_fm.CsI and rn_fm.I127 cannot vary together: rn_fm.CsI moves the radii of"
        + " [rn_fm.Cs133, rn_fm.I127] together", r.err().strip());
    assertFalse(Files.exists(tmp.resolve("s")), "output written");
  }

  /** A name the fit has passes the check: a background normalisation as the POI of a small scan. */
  @Test
  void theFitsOwnNamesAreScanned() throws Exception {
    Path out = tmp.resolve("scan");
    CliRunner.Result r = CliRunner.run("scan", CONNIE.toString(), "-o", out.toString(), "--poi", "ccd.flat=0.5:1.5:2",
        "--seed", "3", "--max-template-events", "5000", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    List<String> rows = Files.readAllLines(out.resolve("scan.csv"));
    assertEquals("ccd.flat,delta_chi2", rows.get(0));
    assertEquals(3, rows.size());
  }
}
