package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.bytestreamsplit.ByteStreamSplitValuesWriter.DoubleByteStreamSplitValuesWriter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.cevns.events.block.EventBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BYTE_STREAM_SPLIT doubles: the column-wise encoder's pages ({@link SplitStreams} in {@link PageValues}) are the
 * bytes of parquet-java's {@code ByteStreamSplitValuesWriter} for any doubles (NaN with payloads, ±0, ±∞,
 * subnormals), across growth and reuse of the page; cevns' double columns are written so by the column-wise
 * encoder (not by parquet-java's record writer) and declared so in the footer. The file-level identity with
 * parquet-java's record writer is {@link ColumnwiseEncodingTest}'s; the read-back of every read path
 * {@link TruthRoundTripTest}'s.
 */
class ByteStreamSplitTest {
  @TempDir
  Path dir;

  private static final double[] SPECIAL = {Double.NaN, Double.longBitsToDouble(0x7ff0000000000123L),
      Double.longBitsToDouble(0xfff8000000000001L), -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE, -Double.MIN_VALUE, Double.longBitsToDouble(0x000fffffffffffffL), Double.MIN_NORMAL,
      Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0};

  @Test
  void pagesAreParquetJavasBytesForAnyDoubles() throws IOException {
    SplittableRandom rng = new SplittableRandom(21);
    // 64 bytes = 8 values per stream at first: the streams grow (and move) several times on the first page
    PageValues page = new PageValues(Types.primitive(PrimitiveTypeName.DOUBLE, Repetition.REQUIRED).named("x"),
        64, true, null);
    for (int n : new int[] {1, 7, 1000, 20000, 3, 45000, 0, 12, 48, 60, 30000}) {
      DoubleByteStreamSplitValuesWriter parquet = new DoubleByteStreamSplitValuesWriter(64, 1 << 20,
          new HeapByteBufferAllocator());
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = rng.nextInt(10) == 0 ? SPECIAL[rng.nextInt(SPECIAL.length)]
            : switch (rng.nextInt(3)) {
              case 0 -> rng.nextDouble() * 60 - 30;
              case 1 -> Double.longBitsToDouble(rng.nextLong()); // any bit pattern, NaNs included
              default -> rng.nextDouble() * Double.MIN_NORMAL; // subnormals
            };
      }
      if (n == 48 || n == 60 || n == 30000) {
        // one repeated value (the constant-range path), a NaN with a payload for the 60
        java.util.Arrays.fill(values, n == 60 ? Double.longBitsToDouble(0x7ff0000000000123L) : values[0]);
      }
      for (int i = 0; i < n; i++) {
        parquet.writeDouble(values[i]);
      }
      // the bulk path (REQUIRED columns: 8 values at a time, then one by one) and the value-by-value path
      // (OPTIONAL ones) in one page; the second bulk run starts at an index that is no multiple of 8
      int third = n / 3;
      page.addDoubles(values, 0, third);
      for (int i = third; i < 2 * third + 1 && i < n; i++) {
        page.writeLong(Double.doubleToLongBits(values[i]));
      }
      page.addDoubles(values, Math.min(n, 2 * third + 1), n);
      assertEquals(parquet.getBufferedSize(), page.plainBytes(), n + " values: buffered size");
      assertArrayEquals(parquet.getBytes().toByteArray(), page.byteStreamSplit().toByteArray(), n + " values");
      assertEquals(Encoding.BYTE_STREAM_SPLIT, parquet.getEncoding());
      page.reset();
      parquet.close();
    }
  }

  /**
   * Pages of one constant ({@code PageValues.addConstantDoubles}) in any order: the bytes stay parquet-java's for
   * constant pages repeated, with another count or value, after and before random pages, and for pages whose
   * constant part is followed by other values, on one reused page buffer.
   */
  @Test
  void constantPagesAreParquetJavasBytesInAnyOrder() throws IOException {
    SplittableRandom rng = new SplittableRandom(8);
    double[] constants = {0.0, -0.0, 1.0, Double.longBitsToDouble(0x7ff0000000000123L), 2.5};
    for (int capacity : new int[] {64, 1 << 16}) {
      PageValues page = new PageValues(Types.primitive(PrimitiveTypeName.DOUBLE, Repetition.REQUIRED).named("x"),
          capacity, true, null);
      for (int p = 0; p < 300; p++) {
        int n = rng.nextInt(4) == 0 ? 1 + rng.nextInt(3000) : new int[] {16, 100, 4096}[rng.nextInt(3)];
        double c = constants[rng.nextInt(rng.nextBoolean() ? 2 : constants.length)];
        double[] values = new double[n];
        java.util.Arrays.fill(values, c);
        int kind = rng.nextInt(6);
        if (kind == 1 || kind == 2) {
          // constant, then other values (kind 2: another constant)
          for (int i = rng.nextInt(n); i < n; i++) {
            values[i] = kind == 1 ? rng.nextDouble() : c + 1;
          }
        } else if (kind == 3) {
          for (int i = 0; i < n; i++) {
            values[i] = rng.nextDouble() - 0.5;
          }
        }
        DoubleByteStreamSplitValuesWriter parquet = new DoubleByteStreamSplitValuesWriter(64, 1 << 20,
            new HeapByteBufferAllocator());
        for (double v : values) {
          parquet.writeDouble(v);
        }
        // in ranges of 16 or more (the constant-range path) or all at once
        for (int from = 0; from < n; ) {
          int to = kind == 4 ? n : Math.min(n, from + PageValues.MIN_CONSTANT_RUN + rng.nextInt(500));
          page.addDoubles(values, from, to);
          from = to;
        }
        String what = "page " + p + ": " + n + " values, kind " + kind + ", constant " + c;
        assertEquals(parquet.getBufferedSize(), page.plainBytes(), what);
        assertArrayEquals(parquet.getBytes().toByteArray(), page.byteStreamSplit().toByteArray(), what);
        page.reset();
        parquet.close();
      }
    }
  }

  /**
   * The page min and max of {@link PageValues#addDoubles} (one branch-free pass over whole groups of 8 by order
   * keys, value by value after a NaN) are those of the column comparator value by value, for ranges with
   * and without NaNs, negative values, ±0, ±∞ and ties, of any length and start, on new and used pages.
   */
  @Test
  void pageMinMaxIsTheComparatorsValueByValue() {
    SplittableRandom rng = new SplittableRandom(5);
    org.apache.parquet.schema.PrimitiveType type = Types.primitive(PrimitiveTypeName.DOUBLE, Repetition.REQUIRED)
        .named("x");
    PageValues page = new PageValues(type, 64, true, null);
    for (int round = 0; round < 400; round++) {
      int n = 1 + rng.nextInt(round % 4 == 0 ? 20 : 300);
      int specialsOneIn = round % 3 == 0 ? Integer.MAX_VALUE : 1 + rng.nextInt(40);
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = rng.nextInt(Math.max(1, specialsOneIn)) == 0 && specialsOneIn != Integer.MAX_VALUE
            ? SPECIAL[rng.nextInt(SPECIAL.length)]
            : round % 5 == 0 ? rng.nextInt(3) - 1.0 : rng.nextDouble() * 60 - (round % 3 == 1 ? 0 : 30);
      }
      if (round % 2 == 0) {
        // a new page as well as a used one
        page = new PageValues(type, 64, true, null);
      }
      PageMinMax expected = new PageMinMax(type);
      int cut = rng.nextInt(n + 1);
      for (double v : values) {
        expected.doubleValue(v);
      }
      page.addDoubles(values, 0, cut);
      page.addDoubles(values, cut, n);
      org.apache.parquet.column.statistics.Statistics<?> want = expected.statistics(0);
      org.apache.parquet.column.statistics.Statistics<?> got = page.statistics(true, 0, null, type);
      String what = "round " + round + ", " + n + " values";
      assertEquals(want.hasNonNullValue(), got.hasNonNullValue(), what);
      if (want.hasNonNullValue()) {
        assertArrayEquals(want.getMinBytes(), got.getMinBytes(), what + ": min");
        assertArrayEquals(want.getMaxBytes(), got.getMaxBytes(), what + ": max");
      }
      page.reset();
    }
  }

  @Test
  void cevnsDoublesAreByteStreamSplitAndColumnwiseEncoded() throws IOException {
    for (List<? extends BlockColumn<?>> columns : List.of(TruthColumns.of(TestEvents.DICTIONARY),
        org.cevns.events.io.SimColumns.of(TestEvents.DICTIONARY, List.of("signal", "brn")))) {
      ParquetProperties props = ParquetBlockWriter.properties(columns, WriteOptions.defaults());
      List<ColumnDescriptor> descriptors = ParquetBlockWriter.schema("m", columns).getColumns();
      assertTrue(ColumnChunkEncoder.supports(descriptors, props), "column-wise encoder, not parquet-java's records");
      for (ColumnDescriptor d : descriptors) {
        boolean isDouble = d.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.DOUBLE;
        assertEquals(isDouble, props.isByteStreamSplitEnabled(d), d.toString());
        assertFalse(isDouble && props.isDictionaryEnabled(d), d.toString());
      }
    }
    Path file = dir.resolve("t.parquet");
    List<EventBlock> blocks = ColumnwiseEncodingTest.truthBlocks(3, 30000);
    try (TruthParquetSink sink = TruthParquetSink.open(file.toString(), TestEvents.DICTIONARY, java.util.Map.of(),
        WriteOptions.defaults())) {
      sink.accept(0, blocks.get(0));
    }
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toString()), HadoopFiles.configuration()))) {
      for (ColumnChunkMetaData c : r.getFooter().getBlocks().get(0).getColumns()) {
        boolean isDouble = c.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.DOUBLE;
        assertEquals(isDouble, c.getEncodings().contains(Encoding.BYTE_STREAM_SPLIT), c.getPath() + " "
            + c.getEncodings());
        assertEquals(isDouble, c.getEncodingStats().getDataEncodings().equals(java.util.Set.of(
            Encoding.BYTE_STREAM_SPLIT)), c.getPath() + " " + c.getEncodingStats().getDataEncodings());
      }
    }
  }

  @Test
  void byteStreamSplitIsOnlyForDoublesWithoutDictionary() {
    BlockColumn<double[]> d = BlockColumn.float64("x", (b, i) -> b[i]);
    assertTrue(d.byteStreamSplit());
    assertFalse(d.withByteStreamSplit(false).byteStreamSplit());
    assertFalse(d.withDictionaryEncoding(true).byteStreamSplit(), "a dictionary replaces the split");
    assertFalse(d.withDictionaryEncoding(true).withByteStreamSplit(true).dictionaryEncoded());
    assertTrue(d.nullWhen((b, i) -> false).adapt((double[][] c) -> c[0]).byteStreamSplit(), "decorators keep it");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BlockColumn.<long[]>int64("n", (b, i) -> b[i]).withByteStreamSplit(true));
    assertTrue(e.getMessage().contains("column n") && e.getMessage().contains("INT64"), e.getMessage());
  }
}
