package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The page path reuses buffers across row groups and readers of a thread (column chunks: {@link ChunkBuffers};
 * decompressed and unsplit pages: {@link PageArrays#local()}; ids and levels: per-thread scratch): two page readers
 * of one file, read alternately on one thread, over several row groups, each twice, read what Parquet's own column
 * readers read, for a compressed and an uncompressed file (whose dictionaries live in the chunk buffers).
 */
class PageReuseTest {
  @TempDir Path dir;

  private static final List<String> NAMES = List.of("tag", "npe", "detected", "delay_ns", "observed_kevee", "window",
      "component", "recoil_kev", "event_id", "target_z");

  @ParameterizedTest
  @EnumSource(value = CompressionCodecName.class, names = {"ZSTD", "UNCOMPRESSED", "SNAPPY"})
  void interleavedPageReadersOfOneThreadReadWhatParquetReads(CompressionCodecName codec) throws IOException {
    Path file = GenericColumnsTest.writeSim(dir.resolve("sim.parquet"), GenericColumnsTest.simBlocks(31, 40_000,
        21_003), WriteOptions.defaults().withCompression(codec.name()).withRowGroupSizeBytes(1 << 19)
        .withPageSizeBytes(8192));
    List<String> expected = rows(ColumnarFileReader.ReadPath.COLUMNS, file);
    assertEquals(61_003, expected.size());
    for (int round = 0; round < 2; round++) {
      try (ColumnarFileReader a = open(file, ColumnarFileReader.ReadPath.PAGES);
          ColumnarFileReader b = open(file, ColumnarFileReader.ReadPath.PAGES)) {
        ColumnBatch ba = a.select(NAMES, 7_001);
        ColumnBatch bb = b.select(NAMES, 5_003);
        List<String> ra = new ArrayList<>();
        List<String> rb = new ArrayList<>();
        boolean moreA = true;
        boolean moreB = true;
        while (moreA || moreB) {
          if (moreA && (moreA = a.next(ba))) {
            add(ba, ra);
          }
          if (moreB && (moreB = b.next(bb))) {
            add(bb, rb);
          }
        }
        assertEquals(expected, ra, codec + " round " + round + ", reader a");
        assertEquals(expected, rb, codec + " round " + round + ", reader b");
      }
    }
  }

  private static ColumnarFileReader open(Path file, ColumnarFileReader.ReadPath path) throws IOException {
    return ColumnarFileReader.open(new org.apache.hadoop.fs.Path(file.toString()), HadoopFiles.configuration(), path);
  }

  private static List<String> rows(ColumnarFileReader.ReadPath path, Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (ColumnarFileReader r = open(file, path)) {
      ColumnBatch b = r.select(NAMES, 9_999);
      while (r.next(b)) {
        add(b, out);
      }
    }
    return out;
  }

  private static void add(ColumnBatch b, List<String> out) {
    for (int i = 0; i < b.size(); i++) {
      int component = b.codes("component")[i];
      out.add(b.strings("tag").value(b.codes("tag")[i]) + " " + (b.nulls("npe")[i] ? "-" : b.ints("npe")[i]) + " "
          + b.booleans("detected")[i] + " " + (b.nulls("delay_ns")[i] ? "-"
          : Long.toHexString(Double.doubleToRawLongBits(b.doubles("delay_ns")[i])))
          + " " + Long.toHexString(Double.doubleToRawLongBits(b.doubles("observed_kevee")[i])) + " "
          + b.strings("window").value(b.codes("window")[i]) + " "
          + (component < 0 ? "null" : b.strings("component").value(component)) + " "
          + Long.toHexString(Double.doubleToRawLongBits(b.doubles("recoil_kev")[i])) + " " + b.longs("event_id")[i]
          + " " + b.ints("target_z")[i]);
    }
  }
}
