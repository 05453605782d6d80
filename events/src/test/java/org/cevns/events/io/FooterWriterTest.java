package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.cevns.events.block.EventBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FooterWriter} against parquet-java's {@code ParquetFileWriter.end} followed by
 * {@link DeterministicFooter#sortEncodings} (what every local output was before FooterWriter): the same blocks give
 * the same file, byte for byte (column and offset indexes, statistics, size statistics, encoding statistics, key-value
 * metadata, created-by, column orders), for the truth and simulation columns, nullable, boolean, string and
 * dictionary columns, one and many row groups, no rows, v1 and v2 pages and three codecs.
 */
class FooterWriterTest {
  @TempDir
  Path dir;

  private static final Map<String, String> METADATA = new TreeMap<>(Map.of("cevns.b", "{\"x\": [1, 2.5e-3]}",
      "cevns.a", "Grüße, ν̄_e", "cevns.events", "12345"));

  private Path write(String name, List<BlockColumn<EventBlock>> columns, List<EventBlock> blocks, WriteOptions o,
      boolean append, boolean parquetEnd) throws IOException {
    Path file = dir.resolve(name + (parquetEnd ? "-end" : "-footer-writer") + ".parquet");
    ParquetBlockWriter<EventBlock> w = ParquetBlockWriter.open(new LocalOutputFile(file), "events", columns,
        METADATA, o);
    if (parquetEnd) {
      w.useParquetEnd();
    }
    try (w) {
      for (EventBlock b : blocks) {
        if (append) {
          w.append(w.encode(b, b.size()));
        } else {
          w.write(b, b.size());
        }
      }
      w.putFinalMetadata("cevns.final", "42");
    }
    assertEquals(!parquetEnd, w.footerWriterEnded(), name);
    if (parquetEnd) {
      DeterministicFooter.sortEncodings(file.toFile());
    }
    return file;
  }

  private byte[] assertSameBytes(String name, List<BlockColumn<EventBlock>> columns, List<EventBlock> blocks,
      WriteOptions o, boolean append) throws IOException {
    byte[] expected = Files.readAllBytes(write(name, columns, blocks, o, append, true));
    byte[] actual = Files.readAllBytes(write(name, columns, blocks, o, append, false));
    assertArrayEquals(expected, actual, name + ": FooterWriter's file differs from ParquetFileWriter.end's");
    return actual;
  }

  /**
   * Writing a file loads no JSON mapper: before FooterWriter, parquet-java's {@code end} initialised
   * {@code ParquetMetadata}, whose class builds one (372 classes of parquet-java's shaded Jackson, ~60 ms of CPU per
   * process). A fresh JVM with {@code -Xlog:class+load}; the test fails on the old code.
   */
  @Test
  void writingLoadsNoJsonMapper() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xlog:class+load=info:stdout", "-cp",
        System.getProperty("java.class.path"), FooterWriterMain.class.getName(), dir.toString()));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child finished");
    assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.startsWith("[")).collect(Collectors.joining("\n")));
    assertTrue(out.lines().anyMatch(l -> l.equals("ok")), "child wrote its file");
    assertTrue(out.contains("org.cevns.events.io.FooterWriter "), "FooterWriter was used");
    assertFalse(out.contains("jackson.databind.ObjectMapper "), "a Jackson ObjectMapper was loaded");
  }

  @Test
  void parquetJavasFieldsAreThere() {
    assertTrue(FooterWriter.available(), "parquet-java's ParquetFileWriter lost a field FooterWriter reads");
  }

  @Test
  void truthColumnsOneAndManyRowGroups() throws IOException {
    List<EventBlock> blocks = ColumnwiseEncodingTest.truthBlocks(11, EventBlock.CAPACITY, 30000, 45000, 1);
    List<BlockColumn<EventBlock>> truth = TruthColumns.of(TestEvents.DICTIONARY);
    assertSameBytes("truth-zstd", truth, blocks, WriteOptions.defaults(), true);
    assertSameBytes("truth-write", truth, blocks, WriteOptions.defaults(), false);
    assertSameBytes("truth-small-groups", truth, blocks,
        WriteOptions.defaults().withRowGroupSizeBytes(1 << 16).withPageSizeBytes(8 << 10), false);
  }

  @Test
  void otherColumnsCodecsAndPageVersions() throws IOException {
    List<EventBlock> blocks = ColumnwiseEncodingTest.truthBlocks(12, EventBlock.CAPACITY, 20001, 777);
    List<BlockColumn<EventBlock>> extra = ColumnwiseEncodingTest.extraColumns();
    Map<CompressionCodecName, WriterVersion> cases = Map.of(CompressionCodecName.UNCOMPRESSED,
        WriterVersion.PARQUET_1_0, CompressionCodecName.ZSTD, WriterVersion.PARQUET_2_0);
    for (Map.Entry<CompressionCodecName, WriterVersion> c : cases.entrySet()) {
      WriteOptions o = WriteOptions.defaults().withCompression(c.getKey()).withWriterVersion(c.getValue());
      assertSameBytes("extra-" + c, extra, blocks, o, true);
      assertSameBytes("extra-small-" + c, extra, blocks, o.withRowGroupSizeBytes(1 << 16).withPageSizeBytes(4096),
          false);
    }
  }

  @Test
  void noRows() throws IOException {
    List<BlockColumn<EventBlock>> truth = TruthColumns.of(TestEvents.DICTIONARY);
    assertSameBytes("empty", truth, List.of(), WriteOptions.defaults(), true);
    assertSameBytes("empty-block", truth, TestEvents.blocks(3, 0), WriteOptions.defaults(), false);
  }

  /**
   * The bytes of one small truth file, pinned: SHA-256 of the file that this test's {@code parquetEnd} path wrote
   * (parquet-java 1.16.0's {@code end}, then {@link DeterministicFooter}: the code of main 46c5db4a, before
   * FooterWriter) on 2026-12-07, with zstd-jni of that build. A change of either library moves it.
   */
  @Test
  void goldenChecksum() throws IOException, NoSuchAlgorithmException {
    List<EventBlock> blocks = ColumnwiseEncodingTest.truthBlocks(5, 1000, 17);
    byte[] bytes = assertSameBytes("golden", TruthColumns.of(TestEvents.DICTIONARY), blocks,
        WriteOptions.defaults(), true);
    assertEquals(GOLDEN_SHA256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
  }

  private static final String GOLDEN_SHA256 = "b1556f50d1934df14feb9aa70e330924fa2e905df2d5314a4bd99aa16ff4420f";

  @Test
  void schemasItDoesNotWriteAreLeftToParquetJava() throws IOException {
    assertTrue(FooterWriter.supported(ParquetBlockWriter.schema("m", TruthColumns.of(TestEvents.DICTIONARY))));
    assertTrue(FooterWriter.supported(ParquetBlockWriter.schema("m", ColumnwiseEncodingTest.extraColumns())));
    MessageType decimal = Types.buildMessage().required(PrimitiveTypeName.INT32)
        .as(LogicalTypeAnnotation.decimalType(2, 9)).named("d").named("m");
    MessageType int16 = Types.buildMessage().required(PrimitiveTypeName.INT32)
        .as(LogicalTypeAnnotation.intType(16, true)).named("i").named("m");
    MessageType withId = Types.buildMessage().required(PrimitiveTypeName.INT32).id(3).named("i").named("m");
    MessageType nested = Types.buildMessage().requiredGroup().required(PrimitiveTypeName.INT32).named("i")
        .named("g").named("m");
    for (MessageType m : List.of(decimal, int16, withId, nested)) {
      assertFalse(FooterWriter.supported(m), m.toString());
    }
    // a column FooterWriter does not write: parquet-java's end writes the file, with the same bytes as before
    List<BlockColumn<EventBlock>> columns = new ArrayList<>(TruthColumns.of(TestEvents.DICTIONARY));
    columns.add(new BlockColumn<EventBlock>("z16", PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(16, true),
        false, false) {
      @Override
      public void write(EventBlock b, int row, org.apache.parquet.io.api.RecordConsumer consumer) {
        consumer.addInteger(b.targetZ[row]);
      }
    });
    Path file = dir.resolve("int16.parquet");
    ParquetBlockWriter<EventBlock> w = ParquetBlockWriter.open(new LocalOutputFile(file), "events", columns,
        METADATA, WriteOptions.defaults());
    try (w) {
      for (EventBlock b : TestEvents.blocks(4, 100)) {
        w.write(b, b.size());
      }
    }
    assertFalse(w.footerWriterEnded());
    assertEquals(Repetition.REQUIRED, w.schema().getType("z16").getRepetition());
  }
}
