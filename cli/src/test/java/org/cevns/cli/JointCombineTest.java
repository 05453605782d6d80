package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns combine --joint}: bad invocations refused with one line, exit 2, before any template is made; the
 * joint Asimov scan of COHERENT CsI and CENNS-10 (small templates) shares sns.flux, keeps the norms per experiment,
 * writes the joint pyhf workspace (sns.flux one modifier name in both experiments) and gives the same bytes with 1
 * and 2 threads.
 */
class JointCombineTest {
  static final Path CSI = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml");
  static final Path LAR = GenerateCommandTest.CONFIGS.resolve("coherent-lar.yaml");
  @TempDir Path tmp;

  @Test
  void badInvocationsAreRefusedBeforeAnyWork() throws Exception {
    Path out = tmp.resolve("o");
    Path data = Files.writeString(tmp.resolve("d.parquet"), "not read");
    CliRunner.Result r = CliRunner.run("combine", "--joint", CSI.toString(), "-o", out.toString(), "--poi",
        "mu=0:2:3");
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: combine --joint: need at least two configurations, got 1", r.err().strip());
    r = CliRunner.run("combine", "--joint", CSI.toString(), "-i", data.toString(), LAR.toString(), "-o",
        out.toString(), "--poi", "mu=0:2:3");
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: combine --joint: 2 configurations but 1 -i inputs; give one -i per configuration, in the"
        + " same order (or none: the Asimov datasets)", r.err().strip());
    r = CliRunner.run("combine", "--joint", CSI.toString(), LAR.toString(), "-o", out.toString(), "--poi",
        "rn_fm.Cs133=4:6:3");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("cevns: " + LAR + ": "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    r = CliRunner.run("combine", "--joint", CSI.toString(), "-i", data.toString(), LAR.toString(), "-i",
        data.toString(), "-o", data.toString(), "--poi", "mu=0:2:3");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("d.parquet"), r.err());
    r = CliRunner.run("combine", "--joint", CSI.toString(), LAR.toString(), "-o", out.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: --poi: give one or two NAME=A:B:N, got 0", r.err().strip());
    r = CliRunner.run("combine", tmp.toString(), tmp.toString(), "-o", out.toString(), "--poi", "mu=0:2:3");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("need --joint"), r.err());
    r = CliRunner.run("combine", "--joint", CSI.toString(), LAR.toString(), "-o", out.toString(), "--poi",
        "mu=0:2:3", "--no-share", "mu");
    assertEquals("cevns: --no-share: 'mu' is the scanned parameter, one parameter of the joint fit", r.err().strip());
    r = CliRunner.run("combine", "--joint", CSI.toString(), CSI.toString(), "-o", out.toString(), "--poi",
        "mu=0:2:3");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("given twice"), r.err());
    assertFalse(Files.exists(out));
  }

  /**
   * Data files swapped between the configurations: the refusal names the configuration and its -i (walk34; before,
   * "cevns: the event files have detector 'lar', the configuration [csi] (import: detector)" named neither).
   */
  @Test
  void swappedDataNameTheirConfiguration() throws Exception {
    Path lar = tmp.resolve("lar.parquet");
    CliRunner.Result r = CliRunner.run("import", "--format", "coherent-lar-2020",
        ImportCommandTest.LAR_RELEASE.toString(), "-o", lar.toString(), "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    Path out = tmp.resolve("o");
    r = CliRunner.run("combine", "--joint", CSI.toString(), "-i", lar.toString(), LAR.toString(), "-i",
        lar.toString(), "-o", out.toString(), "--poi", "mu=0:2:3", "--max-template-events", "20000", "--quiet");
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: " + CSI + " -i " + lar + ": the event files have detector 'lar', the configuration [csi]"
        + " (import: detector)", r.err().strip());
    assertFalse(Files.exists(out));
  }

  /** The usage shows both forms: scan outputs, and with --joint configurations each with its data (was SCAN_DIR...). */
  @Test
  void usageShowsTheJointForm() {
    CliRunner.Result h = CliRunner.run("combine", "--help");
    assertEquals(0, h.exitCode(), h.err());
    assertTrue(h.out().startsWith("Usage: cevns combine [-hV] [--overwrite] [--quiet] -o=DIR SCAN_DIR...\n"
        + "       cevns combine --joint CONFIG [-i=DATA] (CONFIG [-i=DATA])... -o=DIR\n"), h.out());
    assertTrue(h.out().contains("SCAN_DIR|CONFIG..."), h.out());
  }

  /** About 100 s on 2 loaded cores (two joint scans with template simulations): slow. */
  @Test
  @Tag("slow")
  void jointAsimovScanSharesTheFluxAndIsThreadIndependent() throws Exception {
    byte[][] csv = new byte[2][];
    byte[][] json = new byte[2][];
    byte[][] workspace = new byte[2][];
    for (int t = 1; t <= 2; t++) {
      Path out = tmp.resolve("j" + t);
      CliRunner.Result r = CliRunner.run("combine", "--joint", CSI.toString(), LAR.toString(), "-o", out.toString(),
          "--poi", "mu=0.6:1.4:5", "--seed", "3", "--max-template-events", "100000", "--threads",
          Integer.toString(t));
      assertEquals(0, r.exitCode(), r.err());
      assertTrue(r.err().contains("cevns: shared across coherent-csi, coherent-lar: sns.flux"), r.err());
      csv[t - 1] = Files.readAllBytes(out.resolve("scan.csv"));
      json[t - 1] = Files.readAllBytes(out.resolve("summary.json"));
      JsonNode s = new ObjectMapper().readTree(json[t - 1]);
      assertEquals(1.0, s.at("/fit/parameters/0/best").asDouble(), 1e-3, "Asimov: mu at 1");
      assertEquals(List.of("coherent-csi", "coherent-lar"),
          List.of(s.at("/joint/shared_nuisances/sns.flux/0").asText(), s.at("/joint/shared_nuisances/sns.flux/1")
              .asText()));
      String profiled = s.at("/fit/profiled").toString();
      assertTrue(profiled.contains("\"sns.flux\"") && profiled.contains("\"coherent-lar.lar.steady\""), profiled);
      assertFalse(profiled.contains("\"coherent-csi.sns.flux\""), profiled);
      // workspace.json: one channel per EXPERIMENT.CHANNEL, sns.flux one modifier name in both experiments, one
      // measurement entry per parameter at most, the norms under their joint names
      workspace[t - 1] = Files.readAllBytes(out.resolve("workspace.json"));
      JsonNode ws = new ObjectMapper().readTree(workspace[t - 1]);
      List<String> channels = new java.util.ArrayList<>();
      java.util.Set<String> flux = new java.util.TreeSet<>();
      for (JsonNode c : ws.get("channels")) {
        channels.add(c.get("name").asText());
        c.findValues("modifiers").forEach(ms -> ms.forEach(m -> {
          if (m.get("name").asText().equals("sns.flux")) {
            flux.add(c.get("name").asText().split("\\.")[0]);
          }
          assertFalse(m.get("name").asText().endsWith(".sns.flux"), m.toString());
        }));
      }
      assertEquals(List.of("coherent-csi.csi.coincidence", "coherent-csi.csi.anticoincidence",
          "coherent-lar.lar.coincidence"), channels);
      assertEquals(java.util.Set.of("coherent-csi", "coherent-lar"), flux);
      java.util.Set<String> params = new java.util.HashSet<>();
      ws.at("/measurements/0/config/parameters").forEach(p -> assertTrue(params.add(p.get("name").asText()), p
          .toString()));
      assertTrue(params.contains("coherent-lar.lar.steady"), params.toString());
      assertEquals("coherent-csi+coherent-lar", ws.at("/measurements/0/name").asText());
      assertFalse(r.err().contains("pyhf cannot vary"), r.err()); // a scan of mu: nothing left out
    }
    assertArrayEquals(csv[0], csv[1]);
    assertArrayEquals(json[0], json[1]);
    assertArrayEquals(workspace[0], workspace[1]);
  }
}
