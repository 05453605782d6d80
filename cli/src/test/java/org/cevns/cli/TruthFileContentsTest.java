package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.EventFileReader;
import org.cevns.events.io.ParquetMetadataReader;
import org.cevns.events.io.TruthMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Normalisation, flat metadata and the stability of the columns that existed before the event record. */
class TruthFileContentsTest {
  static final Path CONFIGS = Path.of("../configs").toAbsolutePath().normalize();
  static final Path GEOMETRY = Path.of("src/test/resources/configs/geometry-lar.yaml").toAbsolutePath();
  @TempDir Path tmp;

  private Path generate(Path config, String name, String... extra) {
    Path out = tmp.resolve(name);
    List<String> args = new java.util.ArrayList<>(List.of("generate", config.toString(), "-o", out.toString(),
        "--quiet"));
    args.addAll(List.of(extra));
    CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
    assertEquals(0, r.exitCode(), r.err());
    return out;
  }

  private static double sumWeights(Path file) throws IOException {
    double s = 0;
    try (EventFileReader r = EventFileReader.open(file.toString())) {
      EventBlock b = new EventBlock();
      while (r.next(b)) {
        for (int i = 0; i < b.size(); i++) {
          s += b.weight[i];
        }
      }
    }
    return s;
  }

  @Test
  void weightsOfAFixedCountRunSumToTheExpectation() throws IOException {
    Path f = generate(CONFIGS.resolve("coherent-csi.yaml"), "fixed.parquet", "--events", "5000", "--seed", "3");
    Map<String, String> m = ParquetMetadataReader.read(f.toString());
    double expected = Double.parseDouble(m.get("cevns.expected_total_events"));
    assertEquals(expected, sumWeights(f), 1e-9 * expected);
    assertEquals("expected_count", m.get(TruthMetadata.WEIGHT_NORMALISATION));
    assertEquals(expected / 5000, Double.parseDouble(m.get(TruthMetadata.WEIGHT_PER_EVENT)), 1e-12 * expected);
    // flat copies of the JSON metadata and the units, for pyarrow/DuckDB users
    assertEquals("MeV, incoming neutrino energy", m.get("cevns.unit.enu_mev"));
    assertEquals(m.get("cevns.exposure.csi.exposures.sns.beam.exposure"),
        Double.toString(Double.parseDouble(m.get("cevns.exposure.csi.exposures.sns.beam.exposure"))));
    assertTrue(m.containsKey("cevns.expected_events.detectors.csi.expected_events.cevns"), m.keySet().toString());
    assertTrue(m.get("cevns.config_sha256").matches("[0-9a-f]{64}"));
  }

  @Test
  void weightsOfAToyAreOne() throws IOException {
    Path f = generate(GEOMETRY, "toy.parquet", "--seed", "4");
    Map<String, String> m = ParquetMetadataReader.read(f.toString());
    assertEquals("unit", m.get(TruthMetadata.WEIGHT_NORMALISATION));
    assertEquals("poisson", m.get("cevns.event_count_mode"));
    long rows = Long.parseLong(m.get(TruthMetadata.EVENTS));
    assertTrue(rows > 0);
    assertEquals(rows, sumWeights(f), 0.0);
  }

  /**
   * The event-record columns draw after every other column of a block: the columns that existed before them
   * have the same values whatever the geometry (here: the displaced cylinder against the default point at +z).
   */
  @Test
  void geometryDoesNotChangeTheOtherColumns() throws IOException {
    String withGeometry = Files.readString(GEOMETRY);
    String without = withGeometry.replaceAll("(?s)    geometry:.*", "    distance_m: 13.0\n");
    assertFalse(without.contains("position_m"));
    Path plain = tmp.resolve("plain.yaml");
    Files.writeString(plain, without);
    Path a = generate(GEOMETRY, "a.parquet", "--events", "70000", "--seed", "5", "--threads", "2");
    Path b = generate(plain, "b.parquet", "--events", "70000", "--seed", "5", "--threads", "1");
    try (EventFileReader ra = EventFileReader.open(a.toString());
        EventFileReader rb = EventFileReader.open(b.toString())) {
      EventBlock x = new EventBlock();
      EventBlock y = new EventBlock();
      int rows = 0;
      boolean vertexDiffers = false;
      while (ra.next(x)) {
        assertTrue(rb.next(y));
        assertEquals(x.size(), y.size());
        for (int i = 0; i < x.size(); i++, rows++) {
          assertEquals(x.eventId[i], y.eventId[i]);
          assertEquals(x.enuMeV[i], y.enuMeV[i]);
          assertEquals(x.recoilKeV[i], y.recoilKeV[i]);
          assertEquals(x.timeNs[i], y.timeNs[i]);
          assertEquals(x.weight[i], y.weight[i]);
          assertEquals(x.targetA[i], y.targetA[i]);
          assertEquals(x.flavor[i], y.flavor[i]);
          assertEquals(x.process[i], y.process[i]);
          assertEquals(x.nuPdg[i], y.nuPdg[i]);
          assertEquals(0.0, y.vertexXM[i]);
          vertexDiffers |= x.vertexXM[i] != 0.0;
        }
      }
      assertFalse(rb.next(y));
      assertEquals(70000, rows);
      assertTrue(vertexDiffers);
    }
  }
}
