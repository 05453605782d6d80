package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.schema.Type.Repetition;
import org.cevns.events.block.EventBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extension mechanism later stages use: a block type of their own (here a detsim-like block holding its
 * truth block), truth columns reused through {@link BlockColumn#adapt}, OPTIONAL columns with nulls, booleans,
 * dictionary strings (one with so many values that Parquet falls back to PLAIN pages), read back by name into
 * a {@link ColumnBatch} through all three read paths with an unaligned batch size.
 */
class GenericColumnsTest {
  @TempDir
  Path dir;

  /** A detsim-like block. */
  static final class SimBlock {
    final EventBlock truth;
    final double[] observedKeVee = new double[EventBlock.CAPACITY];
    final int[] npe = new int[EventBlock.CAPACITY];
    final boolean[] detected = new boolean[EventBlock.CAPACITY];
    final double[] delayNs = new double[EventBlock.CAPACITY];
    final int[] window = new int[EventBlock.CAPACITY];
    final int[] component = new int[EventBlock.CAPACITY];
    final int[] tag = new int[EventBlock.CAPACITY];

    SimBlock(EventBlock truth) {
      this.truth = truth;
    }
  }

  static final List<String> WINDOWS = List.of("prompt", "delayed", "late");
  static final List<String> COMPONENTS = List.of("signal", "brn", "ssbkg");
  static final List<String> TAGS = manyTags();

  private static List<String> manyTags() {
    List<String> t = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      t.add("tag-" + i + "-padding-to-make-the-dictionary-larger-than-one-mebibyte");
    }
    return List.copyOf(t);
  }

  static List<BlockColumn<SimBlock>> columns() {
    List<BlockColumn<SimBlock>> c = new ArrayList<>();
    for (BlockColumn<EventBlock> t : TruthColumns.of(TestEvents.DICTIONARY)) {
      c.add(t.adapt(s -> s.truth));
    }
    c.add(BlockColumn.float64("observed_kevee", (s, i) -> s.observedKeVee[i]));
    c.add(BlockColumn.<SimBlock>int32("npe", (s, i) -> s.npe[i]).nullWhen((s, i) -> !s.detected[i]));
    c.add(BlockColumn.bool("detected", (s, i) -> s.detected[i]));
    c.add(BlockColumn.<SimBlock>float64("delay_ns", (s, i) -> s.delayNs[i]).nullWhen((s, i) -> !s.detected[i]));
    c.add(BlockColumn.string("window", WINDOWS, (s, i) -> s.window[i]));
    c.add(BlockColumn.<SimBlock>string("component", COMPONENTS, (s, i) -> s.component[i])
        .nullWhen((s, i) -> s.component[i] < 0));
    c.add(BlockColumn.string("tag", TAGS, (s, i) -> s.tag[i]));
    return c;
  }

  static List<SimBlock> simBlocks(long seed, int... sizes) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    List<EventBlock> truth = TestEvents.blocks(seed, sizes);
    List<SimBlock> out = new ArrayList<>();
    for (EventBlock t : truth) {
      SimBlock s = new SimBlock(t);
      for (int i = 0; i < t.size(); i++) {
        s.detected[i] = rng.nextDouble() < 0.7;
        s.observedKeVee[i] = rng.nextDouble() * 30;
        s.npe[i] = s.detected[i] ? rng.nextInt(500) : 0;
        s.delayNs[i] = s.detected[i] ? rng.nextDouble() * 100 : Double.NaN;
        s.window[i] = rng.nextInt(WINDOWS.size());
        s.component[i] = rng.nextInt(10) == 0 ? -1 : rng.nextInt(COMPONENTS.size());
        s.tag[i] = rng.nextInt(TAGS.size());
      }
      out.add(s);
    }
    return out;
  }

  static Path writeSim(Path file, List<SimBlock> blocks, WriteOptions options) throws IOException {
    StagedParquetFile<SimBlock> f = StagedParquetFile.create(new org.apache.hadoop.fs.Path(file.toString()),
        "cevns_detsim", columns(), Map.of("cevns.stage", "detsim"), options, HadoopFiles.configuration());
    for (SimBlock b : blocks) {
      f.write(b, b.truth.size());
    }
    f.commit();
    return file;
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
  void extraColumnsWithNullsReadBackByName(ColumnarFileReader.ReadPath path, WriterVersion version)
      throws IOException {
    List<SimBlock> blocks = simBlocks(21, 30_000, 25_001);
    // small pages and row groups: values cross pages, row groups and batches at unaligned places
    Path file = writeSim(dir.resolve("sim.parquet"), blocks, WriteOptions.defaults().withWriterVersion(version)
        .withRowGroupSizeBytes(1 << 20).withPageSizeBytes(8192));
    List<String> names = List.of("tag", "npe", "detected", "delay_ns", "observed_kevee", "window", "component",
        "recoil_kev", "event_id", "target_z");
    int capacity = 10_007;
    try (ColumnarFileReader r = ColumnarFileReader.open(new org.apache.hadoop.fs.Path(file.toString()),
        HadoopFiles.configuration(), path)) {
      assertEquals(55_001, r.totalRows());
      assertEquals("detsim", r.metadata().get("cevns.stage"));
      assertEquals(Repetition.OPTIONAL, r.schema().getType("npe").getRepetition());
      ColumnBatch b = r.select(names, capacity);
      assertEquals(names, b.columns());
      assertNull(b.nulls("recoil_kev"));
      int row = 0; // global row
      while (r.next(b)) {
        for (int i = 0; i < b.size(); i++, row++) {
          SimBlock s = blocks.get(row < 30_000 ? 0 : 1);
          int j = row < 30_000 ? row : row - 30_000;
          String at = " at row " + row;
          assertEquals(TAGS.get(s.tag[j]), b.strings("tag").value(b.codes("tag")[i]), "tag" + at);
          assertEquals(!s.detected[j], b.nulls("npe")[i], "npe null" + at);
          assertEquals(s.npe[j], b.ints("npe")[i], "npe" + at);
          assertEquals(s.detected[j], b.booleans("detected")[i], "detected" + at);
          assertEquals(!s.detected[j], b.nulls("delay_ns")[i], "delay_ns null" + at);
          TestEvents.assertBits(s.delayNs[j], b.doubles("delay_ns")[i], "delay_ns" + at);
          TestEvents.assertBits(s.observedKeVee[j], b.doubles("observed_kevee")[i], "observed_kevee" + at);
          assertEquals(WINDOWS.get(s.window[j]), b.strings("window").value(b.codes("window")[i]), "window" + at);
          if (s.component[j] < 0) {
            assertTrue(b.nulls("component")[i], "component null" + at);
            assertEquals(-1, b.codes("component")[i]);
          } else {
            assertFalse(b.nulls("component")[i], "component null" + at);
            assertEquals(COMPONENTS.get(s.component[j]), b.strings("component").value(b.codes("component")[i]));
          }
          TestEvents.assertBits(s.truth.recoilKeV[j], b.doubles("recoil_kev")[i], "recoil_kev" + at);
          assertEquals(s.truth.eventId[j], b.longs("event_id")[i], "event_id" + at);
          assertEquals(s.truth.targetZ[j], b.ints("target_z")[i], "target_z" + at);
        }
      }
      assertEquals(55_001, row);
    }
    // the truth reader reads a detsim file's truth columns and ignores the rest
    try (EventFileReader r = EventFileReader.open(file.toString())) {
      EventBlock read = new EventBlock();
      assertTrue(r.next(read));
      EventBlock expected = TestEvents.rechunk(List.of(blocks.get(0).truth, blocks.get(1).truth)).get(0);
      TestEvents.assertSameEvents(expected, TestEvents.DICTIONARY, read, r.dictionary());
    }
  }

  @Test
  void nullIntoTargetWithoutNullFlagsIsAnError() throws IOException {
    Path file = writeSim(dir.resolve("n.parquet"), simBlocks(3, 100), WriteOptions.defaults());
    try (ColumnarFileReader r = ColumnarFileReader.open(file.toString())) {
      r.select(List.of(ColumnTarget.ints("npe", new int[100])));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.read(100));
      assertTrue(e.getMessage().startsWith("column npe has a null value but the target takes none"), e.getMessage());
    }
  }

  @Test
  void wrongTypeMissingColumnAndBadSelectionsAreReported() throws IOException {
    Path file = writeSim(dir.resolve("w.parquet"), simBlocks(4, 10), WriteOptions.defaults());
    try (ColumnarFileReader r = ColumnarFileReader.open(file.toString())) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> r.select(List.of(ColumnTarget.ints("observed_kevee", new int[10]))));
      assertTrue(e.getMessage().endsWith("column observed_kevee is required double observed_kevee, cannot read it as"
          + " INT32"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> r.select(List.of("nope"), 10));
      assertTrue(e.getMessage().startsWith("no column 'nope', columns are [event_id, detector,"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> r.select(List.of(ColumnTarget.strings("target_z", new int[10], StringCodes.empty()::codeOf))));
      assertTrue(e.getMessage().contains("cannot read it as BINARY"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> r.select(List.of("npe", "npe"), 10));
      assertEquals("column npe is selected twice", e.getMessage());
      assertThrows(IllegalStateException.class, () -> r.read(10), "nothing selected yet");
      ColumnBatch b = r.select(List.of("npe"), 10);
      assertThrows(IllegalArgumentException.class, () -> b.doubles("npe"));
      assertThrows(IllegalArgumentException.class, () -> b.ints("window"));
      assertThrows(IllegalArgumentException.class, () -> r.read(11), "more rows than the targets hold");
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventFileReader.open(file.toString(), List.of("recoil_kev", "npe")));
    assertTrue(e.getMessage().startsWith("column 'npe' is not a truth column"), e.getMessage());
  }

  @Test
  void columnNamesAndSchemasAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> BlockColumn.float64("Recoil", (EventBlock b, int i) -> 0.0));
    assertThrows(IllegalArgumentException.class, () -> BlockColumn.float64("", (EventBlock b, int i) -> 0.0));
    BlockColumn<EventBlock> x = BlockColumn.float64("x", (b, i) -> 0.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParquetBlockWriter.schema("m", List.of(x, x)));
    assertEquals("columns: duplicate column name 'x'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ParquetBlockWriter.schema("m", List.of()));
    BlockColumn<EventBlock> opt = x.nullWhen((b, i) -> true).withDictionaryEncoding(true);
    assertTrue(opt.optional());
    assertTrue(opt.dictionaryEncoded());
    assertEquals("optional double x", opt.parquetType().toString());
    assertArrayEquals(new String[] {"x"}, new String[] {opt.name()});
  }
}
