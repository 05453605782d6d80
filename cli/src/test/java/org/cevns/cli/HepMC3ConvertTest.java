package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.EventFileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns convert --to hepmc3} read back by a reader written here from the HepMC3 ASCII format (HepMC3
 * {@code ReaderAscii}: E/U/W/A/P/V lines) and the NuHepMC 1.0.0 requirements (github.com/NuHepMC/Spec), and
 * compared row by row with the Parquet truth file it came from.
 */
class HepMC3ConvertTest {
  static final Path CONFIG = Path.of("src/test/resources/configs/geometry-lar.yaml").toAbsolutePath();
  @TempDir static Path tmp;
  static Path parquet;
  static Path hepmc;

  /** One parsed event. */
  record Particle(int id, int vertex, int pdg, double[] p, double mass, int status) {}

  record Event(long number, String[] units, double weight, Map<String, String> attributes, List<Particle> particles,
      int vertexStatus, List<Integer> vertexIn, double[] vertexPosition) {}

  /** The run information and events of a HepMC3 ASCII vector. */
  record Vector(List<String> weightNames, List<String> tools, Map<String, String> runAttributes,
      Map<Long, Event> events, boolean ended) {}

  @BeforeAll
  static void generateAndConvert() {
    parquet = tmp.resolve("lar.parquet");
    hepmc = tmp.resolve("lar.hepmc3");
    CliRunner.Result g = CliRunner.run("generate", CONFIG.toString(), "--events", "3000", "--seed", "11", "-o",
        parquet.toString(), "--quiet");
    assertEquals(0, g.exitCode(), g.err());
    CliRunner.Result c = CliRunner.run("convert", parquet.toString(), "--to", "hepmc3", "-o", hepmc.toString());
    assertEquals(0, c.exitCode(), c.err());
  }

  static Vector read(Path file) throws IOException {
    List<String> weightNames = new ArrayList<>();
    List<String> tools = new ArrayList<>();
    Map<String, String> run = new LinkedHashMap<>();
    Map<Long, Event> events = new LinkedHashMap<>();
    boolean ended = false;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      assertTrue(r.readLine().startsWith("HepMC::Version 3."));
      assertEquals("HepMC::Asciiv3-START_EVENT_LISTING", r.readLine());
      Event e = null;
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        if (line.equals("HepMC::Asciiv3-END_EVENT_LISTING")) {
          ended = true;
          continue;
        }
        assertFalse(ended, "line after the end of the listing: " + line);
        String[] f = line.split(" ", -1);
        switch (f[0]) {
          case "W" -> {
            if (e == null) {
              weightNames.addAll(List.of(f).subList(1, f.length));
            } else {
              events.put(e.number(), e = new Event(e.number(), e.units(), Double.parseDouble(f[1]), e.attributes(),
                  e.particles(), e.vertexStatus(), e.vertexIn(), e.vertexPosition()));
            }
          }
          case "T" -> tools.add(line.substring(2));
          case "A" -> {
            if (e == null) {
              int space = line.indexOf(' ', 2);
              run.put(line.substring(2, space), unescape(line.substring(space + 1)));
            } else {
              assertEquals("0", f[1], "event-level attribute id: " + line);
              e.attributes().put(f[2], String.join(" ", List.of(f).subList(3, f.length)));
            }
          }
          case "E" -> {
            e = new Event(Long.parseLong(f[1]), null, Double.NaN, new HashMap<>(), new ArrayList<>(), 0,
                new ArrayList<>(), null);
            assertEquals("1", f[2], "vertices: " + line);
            assertEquals("4", f[3], "particles: " + line);
            assertTrue(events.put(e.number(), e) == null, "event number repeated: " + line);
          }
          case "U" -> events.put(e.number(), e = new Event(e.number(), new String[] {f[1], f[2]}, e.weight(),
              e.attributes(), e.particles(), e.vertexStatus(), e.vertexIn(), e.vertexPosition()));
          case "P" -> e.particles().add(new Particle(Integer.parseInt(f[1]), Integer.parseInt(f[2]),
              Integer.parseInt(f[3]), new double[] {Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                  Double.parseDouble(f[6]), Double.parseDouble(f[7])}, Double.parseDouble(f[8]),
              Integer.parseInt(f[9])));
          case "V" -> {
            assertEquals("-1", f[1]);
            List<Integer> in = new ArrayList<>();
            for (String s : f[3].substring(1, f[3].length() - 1).split(",")) {
              in.add(Integer.parseInt(s));
            }
            assertEquals("@", f[4]);
            double[] pos = {Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                Double.parseDouble(f[8])};
            events.put(e.number(), e = new Event(e.number(), e.units(), e.weight(), e.attributes(), e.particles(),
                Integer.parseInt(f[2]), in, pos));
          }
          default -> throw new AssertionError("unknown line type: " + line);
        }
      }
    }
    return new Vector(weightNames, tools, run, events, ended);
  }

  private static String unescape(String s) {
    return s.replace("\\|", "\n").replace("\\\\", "\\");
  }

  @Test
  void runInformationHasTheNuHepMCRequirements() throws IOException {
    Vector v = read(hepmc);
    assertTrue(v.ended());
    assertEquals(List.of("CV"), v.weightNames()); // G.R.7
    assertTrue(v.tools().get(0).startsWith("cevns\\|"), v.tools().toString()); // G.R.3: name|version|description
    Map<String, String> a = v.runAttributes();
    assertEquals("1", a.get("NuHepMC.Version.Major")); // G.R.2
    assertEquals("0", a.get("NuHepMC.Version.Minor"));
    assertEquals("0", a.get("NuHepMC.Version.Patch"));
    List<String> conventions = List.of(a.get("NuHepMC.Conventions").split(" ")); // G.R.4
    assertTrue(conventions.contains("G.C.2") && conventions.contains("G.C.1"), conventions.toString());
    // G.R.5 / G.C.2: the flux-averaged cross section in pb per atom, as `cevns rates` gives it for Ar
    double xsPb = Double.parseDouble(a.get("NuHepMC.FluxAveragedTotalCrossSection"));
    assertTrue(xsPb > 0.0010 && xsPb < 0.0030, "flux-averaged xs " + xsPb + " pb");
    assertEquals("pb", a.get("NuHepMC.Units.CrossSection.Unit")); // G.R.6
    assertEquals("PerAtom", a.get("NuHepMC.Units.CrossSection.TargetScale"));
    assertEquals(1.0e22, Double.parseDouble(a.get("NuHepMC.Exposure.POT"))); // G.C.1
    for (String id : a.get("NuHepMC.ProcessIDs").split(" ")) { // G.R.8
      assertTrue(a.containsKey("NuHepMC.ProcessInfo[" + id + "].Name"), id);
      assertTrue(a.containsKey("NuHepMC.ProcessInfo[" + id + "].Description"), id);
    }
    for (String kind : List.of("Vertex", "Particle")) { // G.R.9, G.R.10
      for (String id : a.get("NuHepMC." + kind + "StatusIDs").split(" ")) {
        assertTrue(a.containsKey("NuHepMC." + kind + "StatusInfo[" + id + "].Name"), kind + id);
        assertTrue(a.containsKey("NuHepMC." + kind + "StatusInfo[" + id + "].Description"), kind + id);
      }
    }
    assertTrue(a.containsKey("NuHepMC.AdditionalParticleNumbers")); // G.R.11
    assertEquals("11", a.get("NuHepMC.Provenance.cevns.seed"));
    assertTrue(a.get("NuHepMC.Provenance.cevns.config").contains("name: geometry-lar\n"));
  }

  @Test
  void everyEventMatchesItsParquetRow() throws IOException {
    Vector v = read(hepmc);
    Map<String, String> a = v.runAttributes();
    List<String> processIds = List.of(a.get("NuHepMC.ProcessIDs").split(" "));
    int rows = 0;
    double sumWeights = 0;
    try (EventFileReader r = EventFileReader.open(parquet.toString())) {
      EventBlock b = new EventBlock();
      while (r.next(b)) {
        for (int i = 0; i < b.size(); i++, rows++) {
          Event e = v.events().get(b.eventId[i]);
          String at = "event " + b.eventId[i];
          assertArrayEquals(new String[] {"MEV", "MM"}, e.units(), at); // E.R.4
          assertEquals(b.weight[i], e.weight(), at);
          sumWeights += e.weight();
          String process = e.attributes().get("signal_process_id"); // E.R.3
          assertTrue(processIds.contains(process), at);
          assertEquals(b.process[i] == 0 ? "150" : "700", process, at);
          String[] lab = e.attributes().get("lab_pos").split(" "); // E.R.5, E.C.5
          assertEquals(4, lab.length, at);
          assertEquals(b.vertexXM[i] * 1e3, Double.parseDouble(lab[0]), at);
          assertEquals(b.vertexYM[i] * 1e3, Double.parseDouble(lab[1]), at);
          assertEquals(b.vertexZM[i] * 1e3, Double.parseDouble(lab[2]), at);
          assertEquals(b.timeS[i], Double.parseDouble(lab[3]), at);
          assertEquals(1, e.vertexStatus(), at); // E.R.6: one primary vertex
          assertEquals(List.of(1, 2), e.vertexIn(), at);
          assertEquals(b.vertexXM[i] * 1e3, e.vertexPosition()[0], at);
          assertEquals(b.timeNs[i] * 299.792458, e.vertexPosition()[3], 1e-9 * e.vertexPosition()[3], at);
          List<Particle> p = e.particles();
          Particle beam = p.get(0);
          Particle target = p.get(1);
          Particle nuOut = p.get(2);
          Particle recoil = p.get(3);
          // E.R.7: one beam particle (4) and one target (20); outgoing real particles status 1
          assertEquals(List.of(4, 20, 1, 1), p.stream().map(Particle::status).toList(), at);
          assertEquals(List.of(0, 0, -1, -1), p.stream().map(Particle::vertex).toList(), at);
          assertEquals(b.nuPdg[i], beam.pdg(), at);
          assertEquals(b.nuPdg[i], nuOut.pdg(), at);
          assertEquals(b.recoilPdg[i], recoil.pdg(), at);
          assertEquals(b.recoilPdg[i], target.pdg(), at);
          assertArrayEquals(new double[] {b.nuOutPxMeV[i], b.nuOutPyMeV[i], b.nuOutPzMeV[i], b.nuOutEMeV[i]},
              nuOut.p(), at);
          assertArrayEquals(new double[] {b.recoilPxMeV[i], b.recoilPyMeV[i], b.recoilPzMeV[i], b.recoilEMeV[i]},
              recoil.p(), at);
          assertEquals(b.enuMeV[i], beam.p()[3], at);
          double m = target.mass();
          for (int k = 0; k < 4; k++) { // four-momentum conservation
            double in = beam.p()[k] + target.p()[k];
            double out = nuOut.p()[k] + recoil.p()[k];
            assertEquals(in, out, 1e-12 * (m + b.enuMeV[i]), at + " component " + k);
          }
          double eOut = nuOut.p()[3];
          double p2 = nuOut.p()[0] * nuOut.p()[0] + nuOut.p()[1] * nuOut.p()[1] + nuOut.p()[2] * nuOut.p()[2];
          assertEquals(eOut * eOut, p2, 1e-9 * eOut * eOut, at + ": outgoing neutrino massless");
          assertEquals(b.recoilKeV[i] / 1e3, recoil.p()[3] - recoil.mass(), 1e-15 * recoil.p()[3] * 64, at); // E − M loses the bits of T below the ulp of E
          // incoming direction: from the source, 13 m away at (3, 4, 12) m, to the vertex
          double[] d = {3.0 + b.vertexXM[i], 4.0 + b.vertexYM[i], 12.0 + b.vertexZM[i]};
          double norm = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
          for (int k = 0; k < 3; k++) {
            assertEquals(d[k] / norm, beam.p()[k] / beam.p()[3], 1e-9, at + " direction " + k);
          }
          // vertex inside the cylinder of radius 0.25 m and height 0.6 m
          assertTrue(Math.hypot(b.vertexXM[i], b.vertexYM[i]) <= 0.25 && Math.abs(b.vertexZM[i]) <= 0.3, at);
          // pulse index and time since the run start (SNS: 60 Hz)
          assertTrue(b.pulseIndex[i] >= 0 && b.pulseIndex[i] < Math.rint(1.0e22 / (1.4e6 / 1.602176634e-10)
              * 60) + 1, at);
          assertEquals(b.pulseIndex[i] / 60.0 + b.timeNs[i] * 1e-9, b.timeS[i], 1e-9, at);
        }
      }
    }
    assertEquals(3000, rows);
    assertEquals(rows, v.events().size());
    assertTrue(sumWeights > 0);
  }

  @Test
  void detectorLevelFilesAreRejected() {
    Path events = tmp.resolve("events.parquet");
    CliRunner.Result s = CliRunner.run("simulate", GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml").toString(),
        "--events", "1000", "--seed", "1", "-o", events.toString(), "--quiet");
    assertEquals(0, s.exitCode(), s.err());
    Path out = tmp.resolve("events.hepmc3");
    CliRunner.Result c = CliRunner.run("convert", events.toString(), "--to", "hepmc3", "-o", out.toString());
    assertEquals(2, c.exitCode());
    assertEquals("cevns: " + events + ": a detector-level file (cevns simulate); convert takes truth events"
        + " (cevns generate)\n", c.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void unsupportedFormatAndExistingOutputAreUsageErrors() {
    CliRunner.Result f = CliRunner.run("convert", parquet.toString(), "--to", "hepevt", "-o",
        tmp.resolve("x").toString());
    assertEquals(2, f.exitCode());
    assertEquals("cevns: --to: must be hepmc3, got 'hepevt'\n", f.err());
    CliRunner.Result e = CliRunner.run("convert", parquet.toString(), "--to", "hepmc3", "-o", hepmc.toString());
    assertEquals(2, e.exitCode());
    assertEquals("cevns: " + hepmc + ": exists; use --overwrite to replace it\n", e.err());
  }
}
