package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code analysis.parameters} entry spelled like a physics parameter that the configuration does not have
 * ({@code "mediator[0].g"} without {@code physics.mediators}, {@code sterile.*} without {@code physics.sterile},
 * {@code ngi.tensor.mass_mev} of a contact interaction) fails before any simulation, in one line naming the entry
 * and the compact list of names the configuration has, exit 2, nothing written. Before, {@code sensitivity},
 * {@code run}, {@code toys} and {@code scan} ran the pilot and template simulations (and {@code run} the toy)
 * first and then printed the whole ~150-name list without the key.
 */
class AnalysisParameterNamesTest {
  static final Path CSI = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml");
  @TempDir Path tmp;

  private static boolean empty(Path dir) {
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aParameterTheConfigurationDoesNotHaveFailsBeforeAnySimulation() {
    for (String name : List.of("mediator[0].g", "sterile.dipole_mub.numu", "ngi.tensor.mass_mev")) {
      String set = "analysis.parameters=[sin2_theta_w, \"" + name + "\"]";
      Path out = tmp.resolve("o");
      for (List<String> args : List.of(
          List.of("sensitivity", CSI.toString(), "-o", out.toString(), "--set", set),
          List.of("run", CSI.toString(), "-o", out.toString(), "--set", set),
          List.of("toys", CSI.toString(), "--toys", "2", "-o", out.toString(), "--set", set),
          List.of("scan", CSI.toString(), "-o", out.toString(), "--poi", "mu=0:2:3", "--set", set))) {
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), args + ": " + r.err());
        assertTrue(r.err().startsWith("cevns: analysis.parameters[1]: unknown physics parameter '" + name
            + "'; this configuration has: mu, sin2_theta_w, rn_fm.{Cs133,I127,CsI}"), args + ": " + r.err());
        assertTrue(r.err().contains("(mediator[k].* need physics.mediators;"), r.err());
        // one line: no "pilot simulation" / "template simulation" progress before it
        assertEquals(1, r.err().strip().lines().count(), args + ": " + r.err());
        // toys makes DIR (shared by the shards) before the work; no part file in it
        assertTrue(Files.notExists(out) || empty(out), args + ": output written");
      }
    }
  }

  /** A name of no known form says what it must be ("analysis.parameters[0]: mu, …, got" read as a list of values). */
  @Test
  void aMisspelledParameterSaysWhatItMustBe() {
    CliRunner.Result r = CliRunner.run("sensitivity", CSI.toString(), "--set", "analysis.parameters=[nsi.u.xx]");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("cevns: analysis.parameters[0]: must be mu, sin2_theta_w, rn_fm.<Element><A>"),
        r.err());
    assertTrue(r.err().strip().endsWith("got 'nsi.u.xx'"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
