package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose first page header of a column is damaged, read by the page path ({@link PageHeaderDecoder}) and by
 * parquet-java's column path (the old behaviour of the page path, which read its headers through parquet-java):
 * both fail where the header cannot be read, the page path in one line naming the header's file offset; where
 * parquet-java's message named the fault (a negative size) it is the same; a field that Thrift skips is skipped.
 */
class CorruptPageHeaderTest {
  @TempDir Path dir;

  private Path file;
  private byte[] bytes;
  /** The first page header of observed_kevee in the first row group (its only page: 20,000 values). */
  private int header;
  private double[] intact;

  @BeforeEach
  void write() throws IOException {
    file = GenericColumnsTest.writeSim(dir.resolve("sim.parquet"), GenericColumnsTest.simBlocks(5, 20_000),
        WriteOptions.defaults());
    bytes = Files.readAllBytes(file);
    ColumnChunkMetaData chunk = ColumnarFileReader.readFooter(hadoop(file), HadoopFiles.configuration()).getBlocks()
        .get(0).getColumns().stream().filter(c -> c.getPath().toDotString().equals("observed_kevee")).findFirst()
        .orElseThrow();
    header = Math.toIntExact(chunk.getStartingPos());
    intact = read(file, ColumnarFileReader.ReadPath.COLUMNS);
    assertArrayEquals(intact, read(file, ColumnarFileReader.ReadPath.PAGES));
    // DATA_PAGE (i32 0), then the uncompressed size (i32), the compressed size (i32), the CRC (i32)
    assertEquals(0x15, bytes[header] & 0xff);
    assertEquals(0x00, bytes[header + 1]);
    assertEquals(0x15, bytes[header + 2] & 0xff);
  }

  private static org.apache.hadoop.fs.Path hadoop(Path p) {
    return new org.apache.hadoop.fs.Path(p.toString());
  }

  private static double[] read(Path f, ColumnarFileReader.ReadPath path) throws IOException {
    try (ColumnarFileReader r = ColumnarFileReader.open(hadoop(f), HadoopFiles.configuration(), path)) {
      ColumnBatch b = r.select(List.of("observed_kevee"), 4096);
      double[] all = new double[Math.toIntExact(r.totalRows())];
      int n = 0;
      while (r.next(b)) {
        System.arraycopy(b.doubles("observed_kevee"), 0, all, n, b.size());
        n += b.size();
      }
      return Arrays.copyOf(all, n);
    }
  }

  /** The offset just after the varint at {@code at}. */
  private int varintEnd(int at) {
    while ((bytes[at] & 0x80) != 0) {
      at++;
    }
    return at + 1;
  }

  /** Offsets of the header's first four fields' header bytes. */
  private int[] fields() {
    int[] f = new int[4];
    int at = header;
    for (int i = 0; i < 4; i++) {
      f[i] = at;
      at = varintEnd(at + 1);
    }
    return f;
  }

  private Path damaged(Consumer<byte[]> damage) throws IOException {
    byte[] b = bytes.clone();
    damage.accept(b);
    return Files.write(dir.resolve("damaged.parquet"), b);
  }

  /** Both paths fail; the page path's message is returned. */
  private String bothFail(Path f) {
    assertThrows(Exception.class, () -> read(f, ColumnarFileReader.ReadPath.COLUMNS), "the old path fails too");
    Exception e = assertThrows(Exception.class, () -> read(f, ColumnarFileReader.ReadPath.PAGES));
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  @Test
  void aVarintThatNeverEndsIsOneLine() throws IOException {
    Path f = damaged(b -> Arrays.fill(b, header + 3, header + 20, (byte) 0xff));
    // Thrift's varint has no length bound: it runs on into the page's bytes, and what follows is no header
    String m = bothFail(f);
    assertTrue(m.startsWith("a corrupt page header at file offset " + header + ": "), m);
    assertEquals(m, bothFail(f));
  }

  @Test
  void aNegativeCompressedSizeIsParquetsMessage() throws IOException {
    int[] f = fields();
    Path p = damaged(b -> {
      // the compressed size's varint, same length, value 1 (zigzag -1)
      int end = varintEnd(f[2] + 1);
      b[f[2] + 1] = (byte) (end - (f[2] + 1) == 1 ? 0x01 : 0x81);
      for (int i = f[2] + 2; i < end; i++) {
        b[i] = (byte) (i == end - 1 ? 0x00 : 0x80);
      }
    });
    Exception old = assertThrows(Exception.class, () -> read(p, ColumnarFileReader.ReadPath.COLUMNS));
    assertTrue(old.getMessage().contains("Compressed page size must not be negative but was: -1"), old.getMessage());
    assertEquals("Compressed page size must not be negative but was: -1", bothFail(p));
  }

  @Test
  void aPageLargerThanItsChunkIsOneLine() throws IOException {
    int[] f = fields();
    int end = varintEnd(f[2] + 1);
    assertTrue(end - f[1] - 3 >= 3, "room for a long varint");
    Path p = damaged(b -> {
      // the same bytes re-cut: uncompressed size 0 (one byte), then a compressed size of ~1.3e8 (the rest)
      b[f[1] + 1] = 0x00;
      b[f[1] + 2] = 0x15;
      for (int i = f[1] + 3; i < end - 1; i++) {
        b[i] = (byte) (i == f[1] + 3 ? 0xfe : 0xff);
      }
      b[end - 1] = 0x07;
    });
    String m = bothFail(p);
    assertTrue(m.matches("a corrupt page header at file offset " + header + ": a page of \\d+ bytes runs past the end"
        + " of its column chunk \\(\\d+ bytes left\\)"), m);
  }

  @Test
  void anUnknownWireTypeIsOneLine() throws IOException {
    int crcField = fields()[3];
    Path p = damaged(b -> b[crcField] = 0x1e); // field 4 of wire type 14
    assertEquals("a corrupt page header at file offset " + header + ": don't know what type: 14", bothFail(p));
  }

  @Test
  void aFieldOfAnUnexpectedWireTypeIsSkippedAsThriftSkipsIt() throws IOException {
    int crcField = fields()[3];
    int end = varintEnd(crcField + 1);
    Path p = damaged(b -> {
      // the CRC (i32) becomes a binary of as many bytes: skipped by both readers, so no CRC is checked
      b[crcField] = 0x18;
      b[crcField + 1] = (byte) (end - crcField - 2);
    });
    assertArrayEquals(intact, read(p, ColumnarFileReader.ReadPath.COLUMNS));
    assertArrayEquals(intact, read(p, ColumnarFileReader.ReadPath.PAGES));
  }

  @Test
  void aDamagedPageIsStillTheCrcMessage() throws IOException {
    Path p = damaged(b -> b[header + 200] ^= 0x5a); // inside the page (its header is ~25 bytes)
    assertEquals("could not verify page integrity, CRC checksum verification failed", bothFail(p));
  }
}
