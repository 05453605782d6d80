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
