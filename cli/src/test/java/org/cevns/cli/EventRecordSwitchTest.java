package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cevns.events.io.ParquetMetadataReader;
import org.cevns.events.io.TruthColumns;
import org.cevns.events.io.TruthMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cevns generate --no-event-record}: rate-only truth files without the event-record columns. */
class EventRecordSwitchTest {
  static final Path CONFIGS = Path.of("../configs").toAbsolutePath().normalize();
  @TempDir Path tmp;

  @Test
  void theOtherColumnsAreTheSameRowForRowAndConsumersOfTheRecordRefuseTheFile() throws IOException {
    Path full = tmp.resolve("full.parquet");
    Path rates = tmp.resolve("rates.parquet");
    String config = CONFIGS.resolve("coherent-csi.yaml").toString();
    CliRunner.Result a = CliRunner.run("generate", config, "-o", full.toString(), "--events", "3000", "--seed", "5",
        "--threads", "2", "--quiet");
    assertEquals(0, a.exitCode(), a.err());
    CliRunner.Result b = CliRunner.run("generate", config, "-o", rates.toString(), "--events", "3000", "--seed", "5",
        "--threads", "2", "--quiet", "--no-event-record");
    assertEquals(0, b.exitCode(), b.err());

    Map<String, String> meta = ParquetMetadataReader.read(rates.toString());
    assertEquals("false", meta.get(TruthMetadata.EVENT_RECORD));
    assertFalse(meta.containsKey("cevns.unit." + TruthColumns.VERTEX_X_M), "units only of the columns written");
    assertTrue(meta.containsKey("cevns.unit." + TruthColumns.RECOIL_PDG));
    assertFalse(ParquetMetadataReader.read(full.toString()).containsKey(TruthMetadata.EVENT_RECORD));

    List<String> fullRows = ParquetRows.read(full);
    List<String> rateRows = ParquetRows.read(rates);
    assertEquals(3000, rateRows.size());
    List<String> expected = withoutRecord(fullRows);
    for (int i = 0; i < rateRows.size(); i++) {
      assertEquals(expected.get(i), rateRows.get(i).strip(), "row " + i + ": the columns both files have agree");
    }
    for (String column : TruthColumns.EVENT_RECORD) {
      assertFalse(rateRows.get(0).contains(column + ":"), column);
      assertTrue(fullRows.get(0).contains(TruthColumns.VERTEX_X_M + ":"));
    }
    assertTrue(Files.size(rates) * 2 < Files.size(full), Files.size(rates) + " vs " + Files.size(full));

    CliRunner.Result convert = CliRunner.run("convert", rates.toString(), "--to", "hepmc3", "-o",
        tmp.resolve("x.hepmc3").toString());
    assertEquals(Main.EXIT_USER_ERROR, convert.exitCode());
    assertTrue(convert.err().contains("a rate-only file without the event record (cevns.event_record = false, from"
        + " cevns generate --no-event-record), but this needs nu_out_px_mev"), convert.err());
    assertEquals(1, convert.err().lines().count(), convert.err());
  }

  /** A row of {@link ParquetRows} without the event-record fields. */
  private static List<String> withoutRecord(List<String> rows) {
    List<String> out = new ArrayList<>();
    for (String row : rows) {
      String r = row;
      for (String column : TruthColumns.EVENT_RECORD) {
        r = r.replaceAll("(^| )" + column + ": [^ ]+", "");
      }
      out.add(r.strip());
    }
    return out;
  }
}
