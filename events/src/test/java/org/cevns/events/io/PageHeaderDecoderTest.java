package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.IndexPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.ParquetDecodingException;
import org.junit.jupiter.api.Test;

/**
 * {@link PageHeaderDecoder} against parquet-format's own Thrift reader ({@code Util.readPageHeader}, what the page
 * path used before): the same values for headers Thrift writes, the same skipping of fields it does not know, and a
 * one-line error where the bytes are damaged (where the old reader failed too, or read garbage).
 */
class PageHeaderDecoderTest {
  private static final Encoding[] ENCODINGS = {Encoding.PLAIN, Encoding.PLAIN_DICTIONARY, Encoding.RLE,
      Encoding.BIT_PACKED, Encoding.DELTA_BINARY_PACKED, Encoding.DELTA_LENGTH_BYTE_ARRAY, Encoding.DELTA_BYTE_ARRAY,
      Encoding.RLE_DICTIONARY, Encoding.BYTE_STREAM_SPLIT};

  private static byte[] write(PageHeader h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Util.writePageHeader(h, out);
    return out.toByteArray();
  }

  private static PageHeader old(byte[] bytes) throws IOException {
    return Util.readPageHeader(new ByteArrayInputStream(bytes));
  }

  private static PageHeaderDecoder decode(byte[] bytes) {
    PageHeaderDecoder d = new PageHeaderDecoder();
    assertEquals(bytes.length, d.decode(bytes, 0, bytes.length, 100));
    return d;
  }

  private static int value(int bound, SplittableRandom rng) {
    return switch (rng.nextInt(4)) {
      case 0 -> rng.nextInt(bound);
      case 1 -> Integer.MAX_VALUE - rng.nextInt(3);
      case 2 -> rng.nextInt(128);
      default -> rng.nextInt();
    };
  }

  private static Statistics statistics(SplittableRandom rng) {
    Statistics s = new Statistics();
    byte[] min = new byte[rng.nextInt(40)];
    byte[] max = new byte[rng.nextInt(300)];
    s.setMin_value(min).setMax_value(max).setNull_count(rng.nextLong()).setDistinct_count(rng.nextInt(1000));
    if (rng.nextBoolean()) {
      s.setIs_min_value_exact(rng.nextBoolean());
    }
    return s;
  }

  private static PageHeader random(SplittableRandom rng) {
    Encoding e = ENCODINGS[rng.nextInt(ENCODINGS.length)];
    PageHeader h = new PageHeader(PageType.findByValue(rng.nextInt(4)), value(1 << 20, rng),
        Math.abs(value(1 << 20, rng)) & Integer.MAX_VALUE);
    if (rng.nextBoolean()) {
      h.setCrc(rng.nextInt());
    }
    switch (h.getType()) {
      case DATA_PAGE -> {
        DataPageHeader p = new DataPageHeader(value(1 << 17, rng), e, Encoding.RLE, Encoding.BIT_PACKED);
        if (rng.nextBoolean()) {
          p.setStatistics(statistics(rng));
        }
        h.setData_page_header(p);
      }
      case DICTIONARY_PAGE -> {
        DictionaryPageHeader p = new DictionaryPageHeader(value(1 << 16, rng), Encoding.PLAIN);
        if (rng.nextBoolean()) {
          p.setIs_sorted(rng.nextBoolean());
        }
        h.setDictionary_page_header(p);
      }
      case DATA_PAGE_V2 -> {
        DataPageHeaderV2 p = new DataPageHeaderV2(value(1 << 17, rng), value(1 << 17, rng), value(1 << 17, rng), e,
            rng.nextInt(1 << 16), rng.nextInt(1 << 10));
        if (rng.nextBoolean()) {
          p.setIs_compressed(rng.nextBoolean());
        }
        if (rng.nextBoolean()) {
          p.setStatistics(statistics(rng));
        }
        h.setData_page_header_v2(p);
      }
      default -> h.setIndex_page_header(new IndexPageHeader());
    }
    return h;
  }

  private static void assertSame(PageHeader o, PageHeaderDecoder d) {
    assertEquals(o.getType().getValue(), d.type);
    assertEquals(o.getUncompressed_page_size(), d.uncompressedSize);
    assertEquals(o.getCompressed_page_size(), d.compressedSize);
    assertEquals(o.isSetCrc(), d.hasCrc);
    if (o.isSetCrc()) {
      assertEquals(o.getCrc(), d.crc);
    }
    if (o.isSetData_page_header()) {
      DataPageHeader p = o.getData_page_header();
      assertEquals(p.getNum_values(), d.numValues);
      assertEquals(p.getEncoding().name(), d.encoding.name());
      assertEquals(p.getDefinition_level_encoding().name(), d.definitionLevelEncoding.name());
      assertEquals(p.getRepetition_level_encoding().name(), d.repetitionLevelEncoding.name());
    } else if (o.isSetDictionary_page_header()) {
      assertEquals(o.getDictionary_page_header().getNum_values(), d.numValues);
      assertEquals(o.getDictionary_page_header().getEncoding().name(), d.encoding.name());
    } else if (o.isSetData_page_header_v2()) {
      DataPageHeaderV2 p = o.getData_page_header_v2();
      assertEquals(p.getNum_values(), d.numValues);
      assertEquals(p.getNum_nulls(), d.numNulls);
      assertEquals(p.getNum_rows(), d.numRows);
      assertEquals(p.getEncoding().name(), d.encoding.name());
      assertEquals(p.getDefinition_levels_byte_length(), d.definitionLevelsBytes);
      assertEquals(p.getRepetition_levels_byte_length(), d.repetitionLevelsBytes);
      assertEquals(p.isIs_compressed(), d.compressed);
    }
  }

  @Test
  void headersThriftWritesDecodeAsThriftReadsThem() throws IOException {
    SplittableRandom rng = new SplittableRandom(33);
    PageHeaderDecoder d = new PageHeaderDecoder();
    for (int i = 0; i < 5000; i++) {
      PageHeader h = random(rng);
      byte[] one = write(h);
      // the header between other bytes: the decoder stops at its end and returns that offset
      byte[] padded = new byte[one.length + 20];
      System.arraycopy(one, 0, padded, 7, one.length);
      assertEquals(7 + one.length, d.decode(padded, 7, padded.length, 7));
      assertSame(old(one), d);
      assertSame(h, d);
    }
  }

  /** A compact-protocol writer for hand-made headers. */
  private static final class Compact {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Compact field(int delta, int wire) {
      out.write(delta << 4 | wire);
      return this;
    }

    /** A field header with the id written out (delta 0: the id as a zigzag i16). */
    Compact longField(int id, int wire) {
      out.write(wire);
      return varint((id << 1) ^ (id >> 31));
    }

    Compact i32(int v) {
      return varint((v << 1) ^ (v >> 31));
    }

    Compact varint(long v) {
      while ((v & ~0x7fL) != 0) {
        out.write((int) (v & 0x7f) | 0x80);
        v >>>= 7;
      }
      out.write((int) v);
      return this;
    }

    Compact raw(int... bytes) {
      for (int b : bytes) {
        out.write(b);
      }
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  /** type DATA_PAGE, sizes, crc, then a data_page_header of 42 values, PLAIN, RLE, BIT_PACKED; {@code extra} inside. */
  private static byte[] dataPage(int compressedSize, java.util.function.Consumer<Compact> extraInStruct,
      java.util.function.Consumer<Compact> extraAtEnd) {
    Compact c = new Compact().field(1, 5).i32(0).field(1, 5).i32(1000).field(1, 5).i32(compressedSize).field(1, 5)
        .i32(-7).field(1, 12).field(1, 5).i32(42).field(1, 5).i32(0).field(1, 5).i32(3).field(1, 5).i32(4);
    extraInStruct.accept(c);
    c.raw(0);
    extraAtEnd.accept(c);
    return c.raw(0).bytes();
  }

  @Test
  void fieldsOfUnknownIdsAreSkippedByTheirWireTypeAsThriftSkipsThem() throws IOException {
    java.util.List<java.util.function.Consumer<Compact>> extras = java.util.List.of(
        c -> c.longField(20, 8).varint(5).raw(1, 2, 3, 4, 5), // binary
        c -> c.longField(21, 1).longField(22, 2), // booleans
        c -> c.longField(23, 3).raw(0x99).longField(24, 4).i32(-300).longField(25, 6).varint(1L << 62),
        c -> c.longField(26, 7).raw(1, 2, 3, 4, 5, 6, 7, 8), // double
        c -> c.longField(27, 9).raw(0x35).i32(1).i32(2).i32(3), // list of 3 i32
        c -> c.longField(28, 10).raw(0xf1).varint(20).raw(new int[20]), // set of 20 booleans, long size
        c -> c.longField(29, 11).varint(2).raw(0x85).varint(1).raw(1).i32(7).varint(0).i32(8), // map binary → i32
        c -> c.longField(30, 11).varint(0), // empty map
        // a struct holding a list of structs holding a binary
        c -> c.longField(31, 12).field(1, 9).raw(0x2c).field(1, 8).varint(1).raw(65).raw(0).field(2, 8).varint(0)
            .raw(0).raw(0),
        c -> c.field(9, 5).i32(5)); // a short-form header of an unknown id
    PageHeader plain = old(dataPage(500, c -> { }, c -> { }));
    for (java.util.function.Consumer<Compact> extra : extras) {
      for (byte[] b : new byte[][] {dataPage(500, extra, c -> { }), dataPage(500, c -> { }, extra)}) {
        PageHeader o = old(b);
        assertEquals(plain, o, "the old reader skips it");
        assertSame(o, decode(b));
      }
    }
  }

  /**
   * One decoder reads more than Thrift's 100 MiB message size in all (the message size is reset for every header;
   * Thrift's stream transport does not count the bytes read against it either, checked by removing the reset).
   */
  @Test
  void oneDecoderReadsMoreThanThriftsMessageSize() throws IOException {
    byte[] big = new byte[1 << 20];
    byte[] b = dataPage(500, c -> c.longField(20, 8).varint(big.length).out.write(big, 0, big.length),
        c -> { });
    PageHeaderDecoder d = new PageHeaderDecoder();
    for (int i = 0; i < 120; i++) { // 120 MiB in all
      assertEquals(b.length, d.decode(b, 0, b.length, 0));
    }
    assertSame(old(b), d);
  }

  /** A binary's length past the header's bytes is refused before Thrift allocates it. */
  @Test
  void aLengthPastTheLimitIsCutShort() {
    byte[] b = dataPage(500, c -> c.longField(20, 8).varint(1 << 20).raw(1, 2, 3), c -> { });
    assertEquals("a corrupt page header at file offset 1234: cut short after " + b.length + " bytes (its column"
        + " chunk ends there)", error(b));
    byte[] huge = dataPage(500, c -> c.longField(20, 8).varint(1L << 30).raw(1, 2, 3), c -> { });
    assertEquals("a corrupt page header at file offset 1234: cut short after " + huge.length + " bytes (its column"
        + " chunk ends there)", error(huge));
  }

  private static String error(byte[] b) {
    return assertThrows(ParquetDecodingException.class, () -> new PageHeaderDecoder().decode(b, 0, b.length, 1234))
        .getMessage();
  }

  @Test
  void aNegativeCompressedSizeIsParquetsMessage() {
    byte[] b = dataPage(-5, c -> { }, c -> { });
    Exception o = assertThrows(RuntimeException.class, () -> old(b));
    assertEquals("Compressed page size must not be negative but was: -5", o.getMessage());
    assertEquals(o.getMessage(), error(b));
  }

  @Test
  void everyCutShortHeaderIsOneLineNamingTheOffset() {
    byte[] b = dataPage(500, c -> { }, c -> { });
    for (int n = 0; n < b.length; n++) {
      byte[] cut = Arrays.copyOf(b, n);
      assertThrows(IOException.class, () -> old(cut), "the old reader fails too");
      String m = error(cut);
      assertTrue(m.startsWith("a corrupt page header at file offset 1234: ") && !m.contains("\n"), m);
    }
  }

  @Test
  void aVarintThatDoesNotEndIsRefused() throws IOException {
    byte[] b = dataPage(500, c -> { }, c -> { });
    byte[] bad = b.clone();
    Arrays.fill(bad, 3, bad.length, (byte) 0xff); // the uncompressed size's varint never ends
    assertThrows(IOException.class, () -> old(bad), "the old reader fails too");
    // Thrift's varint has no length bound: it stops at the end of the bytes the decoder is given
    assertEquals("a corrupt page header at file offset 1234: cut short after " + bad.length + " bytes (its column"
        + " chunk ends there)", error(bad));
    byte[] padded = Arrays.copyOf(bad, bad.length + 10); // zeros past the limit are never read
    assertEquals(error(bad), assertThrows(ParquetDecodingException.class,
        () -> new PageHeaderDecoder().decode(padded, 0, bad.length, 1234)).getMessage());
    // in a skipped i64 field, a 12-byte varint is read (and its value dropped) as Thrift's own reader does
    byte[] skipped = dataPage(500, c -> c.longField(20, 6).raw(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0x01), c -> { });
    assertSame(old(skipped), decode(skipped));
  }

  @Test
  void unknownWireTypesAreRefused() {
    for (int wire = 14; wire <= 15; wire++) {
      int w = wire;
      byte[] b = dataPage(500, c -> c.longField(20, w).raw(1, 2, 3), c -> { });
      assertThrows(IOException.class, () -> old(b), "the old reader fails too");
      assertEquals("a corrupt page header at file offset 1234: don't know what type: " + wire, error(b));
    }
  }

  /** Thrift's messages (the part before its struct dump): a missing required field, an unknown enum value. */
  @Test
  void missingFieldsAndUnknownValuesAreNamed() {
    assertEquals("a corrupt page header at file offset 1234: Required field 'uncompressed_page_size' was not found in"
        + " serialized data", error(new Compact().raw(0).bytes()));
    // page type 7: Thrift's PageType.findByValue gives null
    assertEquals("a corrupt page header at file offset 1234: Required field 'type' was not present",
        error(new Compact().field(1, 5).i32(7).field(1, 5).i32(1).field(1, 5).i32(1).raw(0).bytes()));
    assertEquals("a corrupt page header at file offset 1234: Required field 'compressed_page_size' was not found in"
        + " serialized data", error(new Compact().field(1, 5).i32(0).field(1, 5).i32(1).raw(0).bytes()));
    assertEquals("a corrupt page header at file offset 1234: a data_page without its data_page_header",
        error(new Compact().field(1, 5).i32(0).field(1, 5).i32(1).field(1, 5).i32(1).raw(0).bytes()));
    byte[] badEncoding = dataPage(500, c -> { }, c -> { });
    assertEquals(0x15, badEncoding[13]); // the data_page_header's encoding field, i32 0 (PLAIN) at 14
    badEncoding[14] = 2; // i32 1: GROUP_VAR_INT, which parquet-format no longer knows (null)
    assertEquals("a corrupt page header at file offset 1234: Required field 'encoding' was not present",
        error(badEncoding));
  }

  @Test
  void errorsAreTheSameOnEveryRun() {
    byte[] b = dataPage(500, c -> { }, c -> { });
    for (int n = 0; n < b.length; n++) {
      byte[] cut = Arrays.copyOf(b, n);
      assertEquals(error(cut), error(cut));
    }
    byte[] unknown = new Compact().field(1, 5).i32(7).field(1, 5).i32(1).field(1, 5).i32(1).raw(0).bytes();
    assertEquals(error(unknown), error(unknown));
  }
}
