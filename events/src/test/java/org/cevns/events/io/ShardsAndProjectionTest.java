package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cevns.events.block.EventBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories of shards read like one file; projections read (from storage) only the requested columns. */
class ShardsAndProjectionTest {
  @TempDir
  Path dir;

  @Test
  void directoryOfShardsEqualsOneFile() throws IOException {
    List<EventBlock> all = TestEvents.blocks(31, 20_000, 50_000, 7_000, 30_000);
    Path single = dir.resolve("single.parquet");
    TruthRoundTripTest.write(single, all, Map.of(), WriteOptions.defaults());

    Path shards = dir.resolve("shards");
    Files.createDirectories(shards);
    // written out of name order; read in name order
    TruthRoundTripTest.write(shards.resolve("part-00002.parquet"), all.subList(3, 4), Map.of("shard", "2"),
        WriteOptions.defaults());
    TruthRoundTripTest.write(shards.resolve("part-00000.parquet"), all.subList(0, 1), Map.of("shard", "0"),
        WriteOptions.defaults());
    TruthRoundTripTest.write(shards.resolve("part-00001.parquet"), all.subList(1, 3), Map.of("shard", "1"),
        WriteOptions.defaults());
    // an empty shard in the middle is fine
    TruthRoundTripTest.write(shards.resolve("part-00001a.parquet"), List.of(), Map.of(), WriteOptions.defaults());
    // not shards
    Files.writeString(shards.resolve("_SUCCESS"), "");
    Files.writeString(shards.resolve("README.txt"), "x");
    Files.writeString(shards.resolve(".part-00003.parquet.inprogress"), "partial");
    Files.writeString(shards.resolve(".hidden.parquet"), "hidden");
    Files.writeString(shards.resolve("_metadata.parquet"), "summary");
    Files.createDirectories(shards.resolve("sub.parquet"));

    List<EventBlock> fromFile = readAll(single.toString());
    List<EventBlock> fromDir = readAll(shards.toString());
    assertEquals(TestEvents.rechunk(all).size(), fromFile.size());
    assertEquals(fromFile.size(), fromDir.size());
    for (int k = 0; k < fromFile.size(); k++) {
      TestEvents.assertSameEvents(fromFile.get(k), TestEvents.DICTIONARY, fromDir.get(k), TestEvents.DICTIONARY);
    }
    try (EventFileReader r = EventFileReader.open(shards.toString())) {
      assertEquals(List.of("part-00000.parquet", "part-00001.parquet", "part-00001a.parquet", "part-00002.parquet"),
          r.files().stream().map(org.apache.hadoop.fs.Path::getName).toList());
      assertEquals(107_000, r.totalEvents());
    }
    assertEquals("0", ParquetMetadataReader.read(shards.toString()).get("shard"), "metadata of the first shard");
  }

  /** Reads all blocks, with codes translated to {@link TestEvents#DICTIONARY} by seeding the reader with it. */
  private static List<EventBlock> readAll(String path) throws IOException {
    List<EventBlock> out = new ArrayList<>();
    try (EventFileReader r = EventFileReader.open(HadoopFiles.path(path), TruthColumns.NAMES, TestEvents.DICTIONARY,
        HadoopFiles.configuration(), ColumnarFileReader.ReadPath.PAGES)) {
      EventBlock b = new EventBlock();
      while (r.next(b)) {
        out.add(b);
        b = new EventBlock();
      }
      assertEquals(TestEvents.DICTIONARY, r.dictionary());
    }
    return out;
  }

  @Test
  void missingPathsAndEmptyDirectoriesAreReported() throws IOException {
    assertThrows(FileNotFoundException.class, () -> EventFileReader.open(dir.resolve("nope.parquet").toString()));
    Files.createDirectories(dir.resolve("empty"));
    Files.writeString(dir.resolve("empty/_SUCCESS"), "");
    FileNotFoundException e = assertThrows(FileNotFoundException.class,
        () -> EventFileReader.open(dir.resolve("empty").toString()));
    assertTrue(e.getMessage().endsWith("holds no *.parquet file"), e.getMessage());
    Files.writeString(dir.resolve("junk.parquet"), "not parquet at all");
    assertThrows(IOException.class, () -> ColumnarFileReader.open(dir.resolve("junk.parquet").toString()));
  }

  @Test
  void projectionFillsOnlyRequestedArrays() throws IOException {
    List<EventBlock> blocks = TestEvents.blocks(41, 5000);
    Path file = dir.resolve("p.parquet");
    TruthRoundTripTest.write(file, blocks, Map.of(), WriteOptions.defaults());
    for (ColumnarFileReader.ReadPath path : ColumnarFileReader.ReadPath.values()) {
      EventBlock read = new EventBlock();
      Arrays.fill(read.eventId, -7);
      Arrays.fill(read.enuMeV, -7);
      Arrays.fill(read.period, -7);
      try (EventFileReader r = EventFileReader.open(HadoopFiles.path(file.toString()),
          List.of(TruthColumns.WEIGHT, TruthColumns.DETECTOR, TruthColumns.RECOIL_KEV), null,
          HadoopFiles.configuration(), path)) {
        assertEquals(List.of("detector", "recoil_kev", "weight"), r.columns(), "file order");
        assertTrue(r.next(read));
        assertFalse(r.next(read));
      }
      EventBlock e = blocks.get(0);
      for (int i = 0; i < e.size(); i++) {
        TestEvents.assertBits(e.recoilKeV[i], read.recoilKeV[i], path + " recoil_kev");
        TestEvents.assertBits(e.weight[i], read.weight[i], path + " weight");
        assertEquals(-7, read.eventId[i], "event_id untouched");
        TestEvents.assertBits(-7, read.enuMeV[i], "enu_mev untouched");
        assertEquals(-7, read.period[i], "period untouched");
      }
    }
  }

  @Test
  void projectionReadsOnlyTheRequestedColumnChunksFromStorage() throws IOException {
    Path file = dir.resolve("big.parquet");
    TruthRoundTripTest.write(file, TestEvents.blocks(51, EventBlock.CAPACITY, EventBlock.CAPACITY), Map.of(),
        WriteOptions.defaults().withCompression("uncompressed"));
    long fileBytes = Files.size(file);
    // the detector column is a few kB of dictionary ids; the whole file is > 5 MB of doubles
    long projected = bytesReadWhile(() -> readColumns(file, List.of(TruthColumns.DETECTOR)));
    long everything = bytesReadWhile(() -> readColumns(file, TruthColumns.NAMES));
    assertTrue(everything > 0.95 * fileBytes, "control: a full read reads the file, " + everything + " of " + fileBytes);
    assertTrue(projected < 0.05 * fileBytes, "projected read took " + projected + " of " + fileBytes + " bytes");
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static long bytesReadWhile(IoAction action) throws IOException {
    long before = CountingFileSystem.BYTES_READ.get();
    action.run();
    return CountingFileSystem.BYTES_READ.get() - before;
  }

  private static void readColumns(Path file, List<String> columns) throws IOException {
    try (EventFileReader r = EventFileReader.open(new org.apache.hadoop.fs.Path("counting://" + file.toAbsolutePath()),
        columns, null, CountingFileSystem.configuration(), ColumnarFileReader.ReadPath.PAGES)) {
      EventBlock b = new EventBlock();
      long n = 0;
      while (r.next(b)) {
        n += b.size();
      }
      assertEquals(2L * EventBlock.CAPACITY, n);
    }
  }
}
