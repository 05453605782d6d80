package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event files whose recorded exposure does not describe the configuration (a detector it does not have, another
 * mass) are refused by {@code analyze}, {@code fit} and {@code scan} before the pilot and template simulations: one
 * line, exit 2, nothing written. Before, the detector was named only after the templates, as "/tmp/d.parquet:
 * cannot read the events: file:/tmp/d.parquet: detector 'foo' is not in the configuration; detectors are [ccd]"
 * (the mass likewise after the templates, since the nineteenth session).
 */
class DataCheckedBeforeTemplatesTest {
  static final Path CONNIE = GenerateCommandTest.CONFIGS.resolve("connie.yaml");
  @TempDir Path tmp;

  private Path imported(String detector, String massKg) throws Exception {
    Path csv = tmp.resolve("d.csv");
    Files.writeString(csv, "energy,t\n0.2,1\n0.3,2\n");
    Path out = tmp.resolve(detector + "-" + massKg + ".parquet");
    CliRunner.Result r = CliRunner.run("import", csv.toString(), "--set", "format=csv", "--set", "header=true",
        "--set", "columns.energy.column=energy", "--set", "columns.energy.unit=kevee", "--set", "columns.time.column=t",
        "--set", "columns.time.unit=s", "--set", "detector=" + detector, "--set", "source=angra2", "--set",
        "period=on", "--set", "mass_kg=" + massKg, "--set", "exposure.live_seconds=1e6", "-o", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    return out;
  }

  @Test
  void filesOfAnotherDetectorOrMassAreRefusedBeforeTheTemplates() throws Exception {
    Path foo = imported("foo", "0.010");
    Path heavy = imported("ccd", "0.08");
    Path out = tmp.resolve("out");
    for (Object[] c : List.of(
        new Object[] {foo, "cevns: the event files have detector 'foo', the configuration [ccd] (import: detector)"},
        new Object[] {heavy, "cevns: detector ccd: the event files have mass 0.08 kg, the configuration 0.01 kg"
            + " (the templates scale with the live time only): give the configuration's mass (import: mass_kg) or"
            + " change the configuration"})) {
      String data = c[0].toString();
      for (List<String> args : List.of(List.of("analyze", CONNIE.toString(), "-i", data, "-o", out.toString()),
          List.of("fit", CONNIE.toString(), "--poi", "mu", "-i", data, "-o", out.toString()),
          List.of("scan", CONNIE.toString(), "--poi", "mu=0:2:3", "-i", data, "-o", out.toString()))) {
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), args + ": " + r.err());
        // the one line and no "pilot simulation" / "template simulation" progress before it
        assertEquals(c[1], r.err().strip(), args.toString());
        assertFalse(Files.exists(out), args + ": output written");
      }
    }
  }
}
