package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.cevns.events.block.EventBlock;
import org.cevns.events.block.EventDictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Truth events written by {@link TruthParquetSink} read back identically by {@link EventFileReader}. */
class TruthRoundTripTest {
  @TempDir
  java.nio.file.Path dir;

  static List<EventBlock> write(java.nio.file.Path file, List<EventBlock> blocks, Map<String, String> metadata,
      WriteOptions options) throws IOException {
    TruthParquetSink sink = TruthParquetSink.open(file.toString(), TestEvents.DICTIONARY, metadata, options);
    for (int k = 0; k < blocks.size(); k++) {
      sink.accept(k, blocks.get(k));
    }
    sink.close();
    return blocks;
  }

  static List<Arguments> pathsAndVersions() {
    List<Arguments> a = new ArrayList<>();
    for (ColumnarFileReader.ReadPath p : ColumnarFileReader.ReadPath.values()) {
      for (WriterVersion v : WriterVersion.values()) {
        a.add(Arguments.of(p, v));
      }
    }
    return a;
  }

  @ParameterizedTest
  @MethodSource("pathsAndVersions")
  void everyColumnReadsBackIdentically(ColumnarFileReader.ReadPath path, WriterVersion version) throws IOException {
    java.nio.file.Path file = dir.resolve("truth.parquet");
    // two full blocks and a partial one; small pages so blocks span many pages, small row groups
    List<EventBlock> blocks = write(file, TestEvents.blocks(7, EventBlock.CAPACITY, EventBlock.CAPACITY, 12345),
        Map.of(), WriteOptions.defaults().withWriterVersion(version).withRowGroupSizeBytes(1 << 20));
    try (EventFileReader r = EventFileReader.open(new Path(file.toString()), TruthColumns.NAMES, null,
        HadoopFiles.configuration(), path)) {
      assertEquals(2L * EventBlock.CAPACITY + 12345, r.totalEvents());
      EventBlock read = new EventBlock();
      for (EventBlock expected : blocks) {
        assertTrue(r.next(read));
        TestEvents.assertSameEvents(expected, TestEvents.DICTIONARY, read, r.dictionary());
      }
      assertFalse(r.next(read));
      assertEquals(0, read.size());
    }
  }

  @Test
  void seedDictionaryGivesTheWritersCodesAndNewBlocksRebind() throws IOException {
    java.nio.file.Path file = dir.resolve("t.parquet");
    write(file, TestEvents.blocks(8, 40000, 40000), Map.of(), WriteOptions.defaults());
    List<EventBlock> blocks = TestEvents.rechunk(TestEvents.blocks(8, 40000, 40000));
    // seeded with the writer's dictionary, the reader hands out the writer's codes
    try (EventFileReader r = EventFileReader.open(new Path(file.toString()), TruthColumns.NAMES,
        TestEvents.DICTIONARY, HadoopFiles.configuration(), ColumnarFileReader.ReadPath.PAGES)) {
      for (EventBlock expected : blocks) {
        EventBlock read = new EventBlock(); // a fresh block each time: targets must follow it
        assertTrue(r.next(read));
        for (int i = 0; i < expected.size(); i++) {
          assertEquals(expected.detector[i], read.detector[i]);
          assertEquals(expected.parent[i], read.parent[i]);
          assertEquals(expected.period[i], read.period[i]);
        }
        TestEvents.assertSameEvents(expected, TestEvents.DICTIONARY, read, r.dictionary());
      }
      assertEquals(TestEvents.DICTIONARY, r.dictionary());
    }
  }

  @Test
  void specialDoublesSurviveBitExactly() throws IOException {
    EventBlock b = TestEvents.blocks(9, 6).get(0);
    double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
        Double.MAX_VALUE};
    System.arraycopy(special, 0, b.recoilKeV, 0, special.length);
    System.arraycopy(special, 0, b.timeNs, 0, special.length);
    java.nio.file.Path file = dir.resolve("s.parquet");
    write(file, List.of(b), Map.of(), WriteOptions.defaults());
    try (EventFileReader r = EventFileReader.open(file.toString())) {
      EventBlock read = new EventBlock();
      assertTrue(r.next(read));
      TestEvents.assertSameEvents(b, TestEvents.DICTIONARY, read, r.dictionary());
    }
  }

  @Test
  void emptyFileIsValidAndReadable() throws IOException {
    java.nio.file.Path file = dir.resolve("empty.parquet");
    write(file, List.of(), Map.of(TruthMetadata.SEED, "5"), WriteOptions.defaults());
    assertTrue(Files.isRegularFile(file));
    Map<String, String> md = ParquetMetadataReader.read(file.toString());
    assertEquals("0", md.get(TruthMetadata.EVENTS));
    assertEquals("5", md.get(TruthMetadata.SEED));
    try (EventFileReader r = EventFileReader.open(file.toString())) {
      assertEquals(0, r.totalEvents());
      EventBlock read = new EventBlock();
      assertFalse(r.next(read));
      assertEquals(0, read.size());
      assertEquals(new EventDictionary(List.of(), List.of(), List.of()), r.dictionary());
    }
    // an empty block is accepted too
    java.nio.file.Path file2 = dir.resolve("empty2.parquet");
    write(file2, TestEvents.blocks(1, 0), Map.of(), WriteOptions.defaults());
    assertEquals("0", ParquetMetadataReader.read(file2.toString()).get(TruthMetadata.EVENTS));
  }

  @Test
  void metadataRoundTripWithCloseTimeEntries() throws IOException {
    java.nio.file.Path file = dir.resolve("m.parquet");
    Map<String, String> md = new HashMap<>();
    md.put(TruthMetadata.VERSION, "0.1.0");
    md.put(TruthMetadata.CONFIG, "name: x\nseed: 3\n# ünïcode ✓\n");
    md.put(TruthMetadata.EXPOSURE, "{\"pot\": 1e23}");
    md.put(TruthMetadata.EVENTS, "999"); // replaced by the true count at close
    TruthParquetSink sink = TruthParquetSink.open(file.toString(), TestEvents.DICTIONARY, md, WriteOptions.defaults());
    sink.accept(0, TestEvents.blocks(3, 100).get(0));
    sink.putMetadata(TruthMetadata.EXPECTED_EVENTS, "{\"csi\": 12.5}");
    sink.putMetadata(TruthMetadata.EXPOSURE, "{\"pot\": 2e23}");
    sink.close();
    sink.close(); // idempotent
    Map<String, String> read = ParquetMetadataReader.read(file.toString());
    assertEquals("0.1.0", read.get(TruthMetadata.VERSION));
    assertEquals("name: x\nseed: 3\n# ünïcode ✓\n", read.get(TruthMetadata.CONFIG));
    assertEquals("{\"pot\": 2e23}", read.get(TruthMetadata.EXPOSURE));
    assertEquals("{\"csi\": 12.5}", read.get(TruthMetadata.EXPECTED_EVENTS));
    assertEquals("100", read.get(TruthMetadata.EVENTS));
    try (EventFileReader r = EventFileReader.open(file.toString())) {
      assertEquals(read, r.metadata());
    }
  }

  @Test
  void schemaIsTheDesignContract() throws IOException {
    java.nio.file.Path file = dir.resolve("schema.parquet");
    write(file, TestEvents.blocks(4, 10), Map.of(), WriteOptions.defaults());
    MessageType schema;
    try (ColumnarFileReader r = ColumnarFileReader.open(file.toString())) {
      schema = r.schema();
    }
    // docs/design.md "Truth events"
    String[][] expected = {{"event_id", "INT64"}, {"detector", "STRING"}, {"process", "STRING"},
        {"flavor", "STRING"}, {"parent", "STRING"}, {"enu_mev", "DOUBLE"}, {"target_z", "INT32"},
        {"target_a", "INT32"}, {"recoil_kev", "DOUBLE"}, {"time_ns", "DOUBLE"}, {"period", "STRING"},
        {"weight", "DOUBLE"}, {"nu_pdg", "INT32"}, {"recoil_pdg", "INT32"}, {"nu_out_px_mev", "DOUBLE"},
        {"nu_out_py_mev", "DOUBLE"}, {"nu_out_pz_mev", "DOUBLE"}, {"nu_out_e_mev", "DOUBLE"},
        {"recoil_px_mev", "DOUBLE"}, {"recoil_py_mev", "DOUBLE"}, {"recoil_pz_mev", "DOUBLE"},
        {"recoil_e_mev", "DOUBLE"}, {"vertex_x_m", "DOUBLE"}, {"vertex_y_m", "DOUBLE"}, {"vertex_z_m", "DOUBLE"},
        {"pulse_index", "INT64"}, {"time_s", "DOUBLE"}};
    assertEquals(expected.length, schema.getFieldCount());
    for (int i = 0; i < expected.length; i++) {
      PrimitiveType t = schema.getType(i).asPrimitiveType();
      assertEquals(expected[i][0], t.getName());
      assertEquals(t.getName().equals("pulse_index") ? Repetition.OPTIONAL : Repetition.REQUIRED, t.getRepetition(),
          t.getName());
      if (expected[i][1].equals("STRING")) {
        assertEquals(PrimitiveTypeName.BINARY, t.getPrimitiveTypeName());
        assertEquals(LogicalTypeAnnotation.stringType(), t.getLogicalTypeAnnotation());
      } else {
        assertEquals(PrimitiveTypeName.valueOf(expected[i][1]), t.getPrimitiveTypeName());
        assertEquals(null, t.getLogicalTypeAnnotation(), t.getName());
      }
    }
    assertEquals(TruthColumns.NAMES, schema.getFields().stream().map(f -> f.getName()).toList());
    assertEquals(TruthColumns.MESSAGE_NAME, schema.getName());
  }

  @ParameterizedTest
  @EnumSource(names = {"UNCOMPRESSED", "SNAPPY", "ZSTD", "GZIP", "LZ4_RAW"})
  void everyOfferedCodecRoundTrips(org.apache.parquet.hadoop.metadata.CompressionCodecName codec) throws IOException {
    java.nio.file.Path file = dir.resolve(codec + ".parquet");
    List<EventBlock> blocks = write(file, TestEvents.blocks(11, 3000), Map.of(),
        WriteOptions.defaults().withCompression(codec));
    try (EventFileReader r = EventFileReader.open(file.toString())) {
      EventBlock read = new EventBlock();
      assertTrue(r.next(read));
      TestEvents.assertSameEvents(blocks.get(0), TestEvents.DICTIONARY, read, r.dictionary());
    }
  }
}
