package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.GenericColumnsTest.SimBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The column-wise encoder ({@link ColumnChunkEncoder}) against parquet-java's record writer: the same blocks written
 * both ways give the same file, byte for byte (pages, encodings, dictionary fall-backs, statistics and indexes),
 * and every value of every column read back with parquet-java's own {@link ColumnReader}, column by column, equals
 * the block's.
 */
class ColumnwiseEncodingTest {
  @TempDir
  Path dir;

  private final Configuration conf = HadoopFiles.configuration();

  /** Truth blocks with the event record filled, some null pulse indexes and the doubles' special values. */
  static List<EventBlock> truthBlocks(long seed, int... sizes) {
    List<EventBlock> blocks = TestEvents.blocks(seed, sizes);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1);
    double[] special = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
    for (int k = 0; k < blocks.size(); k++) {
      EventBlock b = blocks.get(k);
      for (int i = 0; i < b.size(); i++) {
        b.nuPdg[i] = rng.nextBoolean() ? 12 : -14;
        b.recoilPdg[i] = 1000000000 + 10000 * b.targetZ[i] + 10 * b.targetA[i];
        double[][] record = {b.nuOutPxMeV, b.nuOutPyMeV, b.nuOutPzMeV, b.nuOutEMeV, b.recoilPxMeV, b.recoilPyMeV,
            b.recoilPzMeV, b.recoilEMeV, b.vertexXM, b.vertexYM, b.vertexZM, b.timeS};
        for (double[] column : record) {
          column[i] = rng.nextInt(5000) == 0 ? special[rng.nextInt(special.length)] : rng.nextDouble() - 0.5;
        }
        // block 1: all null; block 2: none null; others: a mix
        b.pulseIndex[i] = k == 1 || (k != 2 && rng.nextInt(3) == 0) ? EventBlock.NO_PULSE : rng.nextInt(1 << 20);
      }
    }
    return blocks;
  }

  /** Columns beyond the truth file's: dictionaries that do not pay, switched encodings, a write()-only column. */
  static List<BlockColumn<EventBlock>> extraColumns() {
    List<BlockColumn<EventBlock>> c = new ArrayList<>(TruthColumns.of(TestEvents.DICTIONARY));
    c.add(BlockColumn.int32("distinct_int", (b, i) -> (int) b.eventId[i] * 7919));
    c.add(BlockColumn.<EventBlock>int64("dict_long", (b, i) -> b.eventId[i] % 5).withDictionaryEncoding(true));
    c.add(BlockColumn.<EventBlock>float64("dict_double", (b, i) -> b.targetZ[i] * 0.5).withDictionaryEncoding(true));
    c.add(BlockColumn.<EventBlock>string("plain_string", TestEvents.DICTIONARY.parents(), (b, i) -> b.parent[i])
        .withDictionaryEncoding(false));
    c.add(BlockColumn.<EventBlock>int32("null_int", (b, i) -> b.targetA[i]).nullWhen((b, i) -> b.targetZ[i] < 30));
    c.add(BlockColumn.bool("flag", (b, i) -> (b.eventId[i] * 31 & 4) != 0));
    c.add(new BlockColumn<EventBlock>("write_only", PrimitiveTypeName.BINARY, null, true, true) {
      @Override
      public boolean isNull(EventBlock b, int row) {
        return b.targetZ[row] == 7;
      }

      @Override
      public void write(EventBlock b, int row, RecordConsumer consumer) {
        consumer.addBinary(Binary.fromString("z" + b.targetZ[row] % 13));
      }
    });
    return c;
  }

  enum Path2 { APPEND, WRITE }

  private <B> Path write(String name, List<BlockColumn<B>> columns, List<B> blocks, ToIntFunction<B> rows,
      WriteOptions options, Path2 how, boolean recordShredding) throws IOException {
    Path file = dir.resolve(name + (recordShredding ? "-records" : "-columns") + ".parquet");
    try (ParquetBlockWriter<B> w = ParquetBlockWriter.open(
        HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toString()), conf), "m", columns, Map.of(),
        options, HadoopCompression.of(conf, options.compression(), options.pageSizeBytes()), recordShredding)) {
      for (B b : blocks) {
        if (how == Path2.APPEND) {
          w.append(w.encode(b, rows.applyAsInt(b)));
        } else {
          w.write(b, rows.applyAsInt(b));
        }
      }
    }
    return file;
  }

  private <B> Path assertSameBytes(String name, List<BlockColumn<B>> columns, List<B> blocks, ToIntFunction<B> rows,
      WriteOptions options, Path2 how) throws IOException {
    Path records = write(name, columns, blocks, rows, options, how, true);
    Path columnwise = write(name, columns, blocks, rows, options, how, false);
    assertArrayEquals(Files.readAllBytes(records), Files.readAllBytes(columnwise),
        name + ": column-wise file differs from parquet-java's record writer's");
    return columnwise;
  }

  @ParameterizedTest
  @EnumSource(Path2.class)
  void truthColumnsGiveParquetJavasBytesAndValues(Path2 how) throws IOException {
    List<EventBlock> blocks = truthBlocks(11, EventBlock.CAPACITY, 30000, 45000, 1);
    // the codec is the page store's business, not the encoder's: one each
    CompressionCodecName codec = how == Path2.APPEND ? CompressionCodecName.ZSTD : CompressionCodecName.UNCOMPRESSED;
    WriteOptions o = WriteOptions.defaults().withCompression(codec);
    Path f = assertSameBytes("truth-" + codec, TruthColumns.of(TestEvents.DICTIONARY), blocks, EventBlock::size,
        o, how);
    assertValues(f, TruthColumns.of(TestEvents.DICTIONARY), blocks, EventBlock::size);
  }

  @ParameterizedTest
  @EnumSource(Path2.class)
  void extraColumnsSmallPagesAndRowGroups(Path2 how) throws IOException {
    List<EventBlock> blocks = truthBlocks(12, EventBlock.CAPACITY, 20001, 777);
    for (WriteOptions o : List.of(WriteOptions.defaults(),
        WriteOptions.defaults().withRowGroupSizeBytes(1 << 16).withPageSizeBytes(8 << 10),
        WriteOptions.defaults().withPageSizeBytes(1024))) {
      Path f = assertSameBytes("extra-" + o.pageSizeBytes(), extraColumns(), blocks, EventBlock::size, o, how);
      assertValues(f, extraColumns(), blocks, EventBlock::size);
    }
  }

  /** Per block: an array of runs (lengths 1 to 40) of {@code distinct} values, for the array-backed getters. */
  private static final Map<EventBlock, int[]> RUNS = new java.util.IdentityHashMap<>();

  private static int[] runs(EventBlock b) {
    return RUNS.computeIfAbsent(b, k -> {
      UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(k.size());
      int[] a = new int[EventBlock.CAPACITY];
      for (int i = 0; i < a.length; ) {
        int v = rng.nextInt(300);
        for (int end = Math.min(a.length, i + 1 + rng.nextInt(40)); i < end; i++) {
          a[i] = v;
        }
      }
      return a;
    });
  }

  /**
   * Array-backed getters (read a run of equal values at a time, a range of doubles or longs in one loop) and
   * getters without array (read in chunks) give parquet-java's bytes, including dictionaries that overflow in the
   * middle of a run (300 distinct ints, strings of 12 bytes, 1 KiB dictionary pages) and byte codes; double
   * columns repeating one value over pages (NaN with a payload, -0.0 then 0.0), from an array and scaled.
   */
  @ParameterizedTest
  @EnumSource(Path2.class)
  void arrayGettersRunsAndChunksGiveParquetJavasBytes(Path2 how) throws IOException {
    List<EventBlock> blocks = truthBlocks(14, EventBlock.CAPACITY, 20001, 777);
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      strings.add(String.format("string-%05d", i));
    }
    byte[][] codes = new byte[blocks.size()][];
    for (int k = 0; k < blocks.size(); k++) {
      codes[k] = new byte[EventBlock.CAPACITY];
      int[] r = runs(blocks.get(k));
      for (int i = 0; i < r.length; i++) {
        codes[k][i] = (byte) (r[i] % 120);
      }
    }
    List<BlockColumn<EventBlock>> c = new ArrayList<>(TruthColumns.of(TestEvents.DICTIONARY, 0.75));
    c.add(BlockColumn.int32("run_int", BlockColumn.IntGetter.of(ColumnwiseEncodingTest::runs)));
    c.add(BlockColumn.string("run_string", strings, BlockColumn.IntGetter.of(ColumnwiseEncodingTest::runs)));
    c.add(BlockColumn.string("run_byte_string", strings,
        BlockColumn.IntGetter.ofBytes(b -> codes[blocks.indexOf(b)])));
    c.add(BlockColumn.int64("long_getter", (b, i) -> b.eventId[i] * 3 - 7));
    c.add(BlockColumn.<EventBlock>float64("double_getter", (b, i) -> b.enuMeV[i] * 3).adapt(b -> b));
    double[][] constant = {constants(65536, 2.5, 40000, 3.0), constants(20001, NAN_PAYLOAD, -1, 0),
        constants(777, -0.0, 400, 0.0)};
    c.add(BlockColumn.float64("constant", BlockColumn.DoubleGetter.of(b -> constant[blocks.indexOf(b)])));
    c.add(BlockColumn.float64("constant_scaled", Getters.<EventBlock>scaled(b -> constant[blocks.indexOf(b)], 0.3))
        .adapt(b -> b));
    for (WriteOptions o : List.of(WriteOptions.defaults(), WriteOptions.defaults().withPageSizeBytes(1024))) {
      Path f = assertSameBytes("runs-" + o.pageSizeBytes(), c, blocks, EventBlock::size, o, how);
      assertValues(f, c, blocks, EventBlock::size);
    }
  }

  /** A NaN whose bits are not {@code Double.doubleToLongBits}' (the file holds the canonical NaN). */
  private static final double NAN_PAYLOAD = Double.longBitsToDouble(0x7ff8000000000001L);

  /** {@code n} copies of {@code v}, from row {@code at} on (if not -1) {@code then}: repeated-value ranges. */
  private static double[] constants(int n, double v, int at, double then) {
    double[] a = new double[EventBlock.CAPACITY];
    java.util.Arrays.fill(a, 0, n, v);
    if (at >= 0) {
      java.util.Arrays.fill(a, at, n, then);
    }
    return a;
  }

  @ParameterizedTest
  @EnumSource(Path2.class)
  void simColumnsWithNullsBooleansAndADictionaryOverItsLimit(Path2 how) throws IOException {
    List<SimBlock> blocks = GenericColumnsTest.simBlocks(13, EventBlock.CAPACITY, 40000);
    Path f = assertSameBytes("sim", GenericColumnsTest.columns(), blocks, b -> b.truth.size(),
        WriteOptions.defaults(), how);
    assertValues(f, GenericColumnsTest.columns(), blocks, b -> b.truth.size());
  }

  @Test
  void encodingsAreTheOnesReadersExpect() throws IOException {
    List<EventBlock> blocks = truthBlocks(14, EventBlock.CAPACITY);
    Path f = write("enc", extraColumns(), blocks, EventBlock::size, WriteOptions.defaults(), Path2.APPEND, false);
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(f.toString()), conf))) {
      BlockMetaData g = r.getFooter().getBlocks().get(0);
      for (ColumnChunkMetaData c : g.getColumns()) {
        String name = c.getPath().toDotString();
        boolean dictionary = c.getEncodings().contains(Encoding.PLAIN_DICTIONARY);
        boolean expected = List.of("detector", "process", "flavor", "parent", "period", "target_z", "target_a",
            "nu_pdg", "recoil_pdg", "dict_long", "dict_double", "null_int", "write_only").contains(name);
        assertEquals(expected, dictionary, name + " " + c.getEncodings());
        assertTrue(c.getStatistics().isNumNullsSet(), name);
        // min and max (a NaN among the values leaves them unset, as parquet-java does)
        assertTrue(c.getStatistics().hasNonNullValue() || name.endsWith("_mev") || name.endsWith("_m")
            || name.equals("time_s") || name.equals("pulse_index"), name);
      }
    }
  }

  /** Reads every column of {@code file} with parquet-java's ColumnReader and compares each value with the block's. */
  static <B> void assertValues(Path file, List<BlockColumn<B>> columns, List<B> blocks, ToIntFunction<B> rows)
      throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toString()), new Configuration()))) {
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      List<ColumnDescriptor> descriptors = schema.getColumns();
      int block = 0;
      int row = 0;
      long total = 0;
      PageReadStore group;
      while ((group = r.readNextRowGroup()) != null) {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(group, new DummyRecordConverter(schema).getRootConverter(),
            schema, r.getFooter().getFileMetaData().getCreatedBy());
        ColumnReader[] readers = new ColumnReader[descriptors.size()];
        for (int c = 0; c < readers.length; c++) {
          readers[c] = store.getColumnReader(descriptors.get(c));
        }
        for (long n = 0; n < group.getRowCount(); n++) {
          while (row == rows.applyAsInt(blocks.get(block))) {
            block++;
            row = 0;
          }
          B b = blocks.get(block);
          for (int c = 0; c < readers.length; c++) {
            assertValue(columns.get(c), b, row, readers[c], descriptors.get(c), "row " + total);
          }
          row++;
          total++;
        }
      }
      long expected = 0;
      for (B b : blocks) {
        expected += rows.applyAsInt(b);
      }
      assertEquals(expected, total, "rows");
    }
  }

  private static <B> void assertValue(BlockColumn<B> column, B block, int row, ColumnReader reader,
      ColumnDescriptor d, String at) {
    String what = column.name() + " " + at;
    boolean isNull = column.optional() && column.isNull(block, row);
    assertEquals(isNull ? 0 : d.getMaxDefinitionLevel(), reader.getCurrentDefinitionLevel(), what + " null?");
    if (!isNull) {
      Object[] expected = new Object[1];
      column.write(block, row, new Capture(expected));
      Object actual = switch (d.getPrimitiveType().getPrimitiveTypeName()) {
        case INT64 -> reader.getLong();
        case INT32 -> reader.getInteger();
        case DOUBLE -> Double.doubleToRawLongBits(reader.getDouble());
        case BOOLEAN -> reader.getBoolean();
        default -> reader.getBinary().toStringUsingUTF8();
      };
      // Parquet stores Double.doubleToLongBits (one NaN), as parquet-java's writers
      Object e = expected[0] instanceof Double v ? Double.doubleToLongBits(v) : expected[0];
      assertEquals(e, actual, what);
    }
    reader.consume();
  }

  /** The one value a column writes. */
  private static final class Capture extends RecordConsumer {
    private final Object[] out;

    Capture(Object[] out) {
      this.out = out;
    }

    @Override public void addLong(long v) {
      out[0] = v;
    }

    @Override public void addInteger(int v) {
      out[0] = v;
    }

    @Override public void addDouble(double v) {
      out[0] = v;
    }

    @Override public void addBoolean(boolean v) {
      out[0] = v;
    }

    @Override public void addBinary(Binary v) {
      out[0] = v.toStringUsingUTF8();
    }

    @Override public void addFloat(float v) {
      out[0] = v;
    }

    @Override public void startMessage() { }

    @Override public void endMessage() { }

    @Override public void startField(String field, int index) { }

    @Override public void endField(String field, int index) { }

    @Override public void startGroup() { }

    @Override public void endGroup() { }
  }
}
