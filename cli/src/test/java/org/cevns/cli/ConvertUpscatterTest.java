package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.EventFileReader;
import org.cevns.physics.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns convert} of a run with dipole-portal upscattering ({@code configs/coherent-csi-newphysics.yaml}):
 * every upscatter event carries the declared upscatter process id, not EvES's 700 (which it was written as
 * before), and the CEvNS and EvES events keep 150 and 700.
 */
class ConvertUpscatterTest {
  @TempDir Path tmp;

  @Test
  void upscatterEventsCarryTheirOwnDeclaredProcessId() throws IOException {
    Path parquet = tmp.resolve("np.parquet");
    Path hepmc = tmp.resolve("np.hepmc3");
    CliRunner.Result g = CliRunner.run("generate",
        GenerateCommandTest.CONFIGS.resolve("coherent-csi-newphysics.yaml").toString(), "--events", "400", "--seed",
        "5", "-o", parquet.toString(), "--quiet");
    assertEquals(0, g.exitCode(), g.err());
    CliRunner.Result c = CliRunner.run("convert", parquet.toString(), "--to", "hepmc3", "-o", hepmc.toString(),
        "--quiet");
    assertEquals(0, c.exitCode(), c.err());
    Map<Long, String> processById = new HashMap<>();
    try (EventFileReader r = EventFileReader.open(parquet.toString())) {
      EventBlock b = new EventBlock();
      while (r.next(b)) {
        for (int i = 0; i < b.size(); i++) {
          processById.put(b.eventId[i], Process.values()[b.process[i]].columnName());
        }
      }
    }
    List<String> lines = Files.readAllLines(hepmc);
    assertTrue(lines.contains("A NuHepMC.ProcessIDs 150 700 -150"), "ProcessIDs");
    assertTrue(lines.contains("A NuHepMC.ProcessInfo[-150].Name Upscatter"), "ProcessInfo[-150]");
    Map<String, String> expectedId = Map.of("cevns", "150", "eves", "700", "upscatter", "-150");
    Map<String, Integer> seen = new HashMap<>();
    long event = -1;
    for (String line : lines) {
      if (line.startsWith("E ")) {
        event = Long.parseLong(line.split(" ")[1]);
      } else if (line.startsWith("A 0 signal_process_id ")) {
        String process = processById.get(event);
        assertEquals(expectedId.get(process), line.substring("A 0 signal_process_id ".length()),
            "event " + event + " (" + process + ")");
        seen.merge(process, 1, Integer::sum);
      }
    }
    assertEquals(400, seen.values().stream().mapToInt(Integer::intValue).sum());
    assertTrue(seen.getOrDefault("upscatter", 0) > 0, "no upscatter event among 400: " + seen);
  }

  /**
   * The sterile neutrino N of upscattering (m_N = 10 MeV in the configuration) leaves on its mass shell: E² − p² =
   * m_N² in the event record, and HepMC3 gives it that generated mass; the outgoing neutrinos of CEvNS and EvES stay
   * massless. Before, N had the massless elastic kinematics (E² − p² ≈ 1e-15 MeV²) and with them the elastic recoil
   * angle (found by walkg4).
   */
  @Test
  void theSterileNeutrinoIsOnItsMassShell() throws IOException {
    Path parquet = tmp.resolve("np.parquet");
    Path hepmc = tmp.resolve("np.hepmc3");
    assertEquals(0, CliRunner.run("generate", GenerateCommandTest.CONFIGS.resolve("coherent-csi-newphysics.yaml")
        .toString(), "--events", "400", "--seed", "6", "-o", parquet.toString(), "--quiet").exitCode());
    assertEquals(0, CliRunner.run("convert", parquet.toString(), "--to", "hepmc3", "-o", hepmc.toString(), "--quiet")
        .exitCode());
    Map<Long, Double> massById = new HashMap<>();
    int upscatter = 0;
    try (EventFileReader r = EventFileReader.open(parquet.toString())) {
      EventBlock b = new EventBlock();
      while (r.next(b)) {
        for (int i = 0; i < b.size(); i++) {
          double e = b.nuOutEMeV[i];
          double m2 = e * e - b.nuOutPxMeV[i] * b.nuOutPxMeV[i] - b.nuOutPyMeV[i] * b.nuOutPyMeV[i]
              - b.nuOutPzMeV[i] * b.nuOutPzMeV[i];
          boolean up = Process.values()[b.process[i]] == Process.UPSCATTER;
          upscatter += up ? 1 : 0;
          // |m²| of the massless ones: rounding of E² − p² at E ~ 50 MeV
          assertEquals(up ? 100.0 : 0.0, m2, 1e-9, "event " + b.eventId[i] + " m^2 of the outgoing lepton");
          massById.put(b.eventId[i], up ? 10.0 : 0.0);
        }
      }
    }
    assertTrue(upscatter > 0, "no upscatter event among 400");
    long event = -1;
    for (String line : Files.readAllLines(hepmc)) {
      if (line.startsWith("E ")) {
        event = Long.parseLong(line.split(" ")[1]);
      } else if (line.startsWith("P 3 ")) {
        String[] f = line.split(" ");
        assertEquals(massById.get(event), Double.parseDouble(f[8]), 1e-6, "event " + event + ": " + line);
      }
    }
  }

  /** The run's processes come from the flattened keys or, in files without them, from the JSON value. */
  @Test
  void upscatterIsDeclaredFromTheExpectedEventsMetadata() {
    assertTrue(ConvertCommand.hasUpscatter(Map.of("cevns.expected_events.detectors.csi.expected_events.upscatter",
        "314.6")));
    assertTrue(ConvertCommand.hasUpscatter(Map.of("cevns.expected_events",
        "{\"detectors\":[{\"expected_events\":{\"cevns\":1.0,\"upscatter\":2.0}}]}")));
    assertFalse(ConvertCommand.hasUpscatter(Map.of("cevns.expected_events",
        "{\"detectors\":[{\"expected_events\":{\"cevns\":1.0,\"eves\":2.0}}]}",
        "cevns.expected_events.detectors.csi.expected_events.eves", "2.0")));
  }
}
