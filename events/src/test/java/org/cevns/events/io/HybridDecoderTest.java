package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.ParquetDecodingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HybridDecoder} decodes what Parquet's own encoder writes, for every bit width and run pattern. */
class HybridDecoderTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 5, 7, 8, 9, 12, 16, 17, 24, 31, 32})
  void decodesParquetEncoderOutputInUnevenChunks(int bitWidth) throws IOException {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create((long) (1000 + bitWidth));
    int n = 20_011;
    int[] values = new int[n];
    long bound = bitWidth == 32 ? 1L << 32 : 1L << bitWidth;
    for (int i = 0; i < n; ) {
      // alternate long repeats (RLE runs) and random stretches (bit-packed runs)
      int len = 1 + rng.nextInt(rng.nextBoolean() ? 40 : 3);
      int v = (int) rng.nextLong(bound);
      boolean repeat = rng.nextBoolean();
      for (int k = 0; k < len && i < n; k++, i++) {
        values[i] = repeat ? v : (int) rng.nextLong(bound);
      }
    }
    ByteBuffer encoded;
    try (RunLengthBitPackingHybridEncoder enc =
        new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20, new HeapByteBufferAllocator())) {
      for (int v : values) {
        enc.writeInt(v);
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      enc.toBytes().writeAllTo(bytes);
      encoded = ByteBuffer.wrap(bytes.toByteArray());
    }
    HybridDecoder d = new HybridDecoder();
    d.init(encoded, bitWidth);
    int[] decoded = new int[n];
    for (int off = 0; off < n; ) {
      int k = Math.min(n - off, 1 + rng.nextInt(300));
      d.read(decoded, off, k);
      off += k;
    }
    assertArrayEquals(values, decoded);
  }

  /** Skipping repeated runs of one value and reading the rest by run gives the values read one by one. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void skipsRepeatedRunsOfAValueAndReadsTheRestByRun(int bitWidth) throws IOException {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create((long) (3000 + bitWidth));
    int n = 30_001;
    int max = (1 << bitWidth) - 1;
    int[] values = new int[n];
    for (int i = 0; i < n; ) {
      int len = 1 + rng.nextInt(rng.nextBoolean() ? 300 : 12);
      boolean full = rng.nextInt(3) > 0;
      for (int k = 0; k < len && i < n; k++, i++) {
        values[i] = full ? max : rng.nextInt(max + 1);
      }
    }
    byte[] bytes;
    try (RunLengthBitPackingHybridEncoder enc =
        new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20, new HeapByteBufferAllocator())) {
      for (int v : values) {
        enc.writeInt(v);
      }
      bytes = enc.toBytes().toByteArray();
    }
    HybridDecoder d = new HybridDecoder();
    d.init(ByteBuffer.wrap(bytes), bitWidth);
    int[] decoded = new int[n];
    int skipped = 0;
    for (int off = 0; off < n; ) {
      int want = Math.min(n - off, 1 + rng.nextInt(5000));
      int run = d.skipRepeated(max, want);
      if (run > 0) {
        java.util.Arrays.fill(decoded, off, off + run, max);
        skipped += run;
      } else {
        run = d.runLength(want);
        org.junit.jupiter.api.Assertions.assertTrue(run >= 1 && run <= want);
        d.read(decoded, off, run);
      }
      off += run;
    }
    assertArrayEquals(values, decoded);
    org.junit.jupiter.api.Assertions.assertTrue(skipped > n / 4, "long runs are skipped, got " + skipped);
    org.junit.jupiter.api.Assertions.assertEquals(0, d.skipRepeated(max, 10), "nothing left to skip");
  }

  /** Long bit-packed runs (32 values per unpack call) from an array at an offset and from a direct buffer. */
  @ParameterizedTest
  @ValueSource(ints = {1, 3, 8, 10, 13, 32})
  void decodesLongBitPackedRunsFromSlicesAndDirectBuffers(int bitWidth) throws IOException {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create((long) (2000 + bitWidth));
    int n = 5_003;
    int[] values = new int[n];
    long bound = bitWidth == 32 ? 1L << 32 : 1L << bitWidth;
    for (int i = 0; i < n; i++) {
      values[i] = (int) rng.nextLong(bound);
    }
    byte[] bytes;
    try (RunLengthBitPackingHybridEncoder enc =
        new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20, new HeapByteBufferAllocator())) {
      for (int v : values) {
        enc.writeInt(v);
      }
      bytes = enc.toBytes().toByteArray();
    }
    byte[] padded = new byte[bytes.length + 11];
    System.arraycopy(bytes, 0, padded, 7, bytes.length);
    ByteBuffer slice = ByteBuffer.wrap(padded, 7, bytes.length).slice();
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
    direct.put(bytes).flip();
    for (ByteBuffer in : new ByteBuffer[] {slice, direct}) {
      HybridDecoder d = new HybridDecoder();
      d.init(in, bitWidth);
      int[] decoded = new int[n];
      for (int off = 0; off < n; ) {
        int k = Math.min(n - off, 1 + rng.nextInt(700));
        d.read(decoded, off, k);
        off += k;
      }
      assertArrayEquals(values, decoded, in.isDirect() ? "direct" : "slice");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void readingPastTheDataFails(int bitWidth) {
    HybridDecoder d = new HybridDecoder();
    d.init(ByteBuffer.wrap(new byte[] {(byte) (3 << 1), 1}), bitWidth); // one RLE run of 3 ones
    int[] out = new int[4];
    d.read(out, 0, 3);
    assertArrayEquals(new int[] {1, 1, 1, 0}, out);
    assertThrows(ParquetDecodingException.class, () -> d.read(out, 3, 1));
  }
}
