package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cevns.events.block.EventBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary-file-and-rename protocol of {@link TruthParquetSink} / {@link StagedParquetFile}. */
class TruthSinkLifecycleTest {
  @TempDir
  Path dir;

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void fileAppearsUnderItsFinalNameOnlyAtCloseAndNoChecksumFiles() throws IOException {
    Path target = dir.resolve("truth.parquet");
    TruthParquetSink sink = TruthParquetSink.open(target.toString(), TestEvents.DICTIONARY, Map.of(),
        WriteOptions.defaults().withRowGroupSizeBytes(1 << 16));
    sink.accept(0, TestEvents.blocks(1, EventBlock.CAPACITY).get(0));
    List<String> names = listing();
    assertEquals(1, names.size(), names.toString());
    // hidden, unique to this run: .NAME.TOKEN.inprogress
    assertTrue(names.get(0).matches("\\.truth\\.parquet\\.[0-9a-f]{16}\\.inprogress"), names.toString());
    assertTrue(Files.size(dir.resolve(names.get(0))) > 0, "row groups are written as they fill");
    sink.close();
    assertEquals(List.of("truth.parquet"), listing()); // no .crc side files, no temporary
    assertEquals(EventBlock.CAPACITY, sink.events());
  }

  @Test
  void abortLeavesNothing() throws IOException {
    Path target = dir.resolve("a.parquet");
    TruthParquetSink sink = TruthParquetSink.open(target.toString(), TestEvents.DICTIONARY, Map.of(),
        WriteOptions.defaults());
    sink.accept(0, TestEvents.blocks(2, 5000).get(0));
    sink.abort();
    sink.abort(); // idempotent
    assertEquals(List.of(), listing());
    assertThrows(IllegalStateException.class, sink::close, "no commit after abort");
    assertEquals(List.of(), listing());
  }

  @Test
  void failingWriteLeavesNoFile() throws IOException {
    Path target = dir.resolve("f.parquet");
    TruthParquetSink sink = TruthParquetSink.open(target.toString(), TestEvents.DICTIONARY, Map.of(),
        WriteOptions.defaults());
    sink.accept(0, TestEvents.blocks(3, 100).get(0));
    EventBlock bad = TestEvents.blocks(4, 100).get(0);
    bad.detector[57] = 3; // the dictionary has 3 detectors: codes 0..2
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sink.accept(1, bad));
    assertEquals("column detector: code 3 at row 57 is outside the 3 dictionary values", e.getMessage());
    assertEquals(List.of(), listing(), "the sink aborts itself on a failed write");
    sink.abort(); // what a driver does after a failure: harmless
    assertThrows(IllegalStateException.class, sink::close);
    assertEquals(List.of(), listing());
  }

  @Test
  void existingTargetIsRefusedUnlessOverwriteIsRequested() throws IOException {
    Path target = dir.resolve("e.parquet");
    Files.writeString(target, "keep me");
    OutputExistsException e = assertThrows(OutputExistsException.class,
        () -> TruthParquetSink.open(target.toString(), TestEvents.DICTIONARY, Map.of(), WriteOptions.defaults()));
    assertTrue(e.getMessage().contains("exists (request overwrite to replace it)"), e.getMessage());
    assertEquals("keep me", Files.readString(target));
    assertEquals(List.of("e.parquet"), listing());

    TruthParquetSink sink = TruthParquetSink.open(target.toString(), TestEvents.DICTIONARY, Map.of(),
        WriteOptions.defaults().withOverwrite(true));
    sink.accept(0, TestEvents.blocks(5, 10).get(0));
    assertEquals("keep me", Files.readString(target), "replaced only at close");
    sink.close();
    assertEquals("10", ParquetMetadataReader.read(target.toString()).get(TruthMetadata.EVENTS));
    assertEquals(List.of("e.parquet"), listing());
  }

  @Test
  void targetAppearingDuringTheWriteIsNotReplaced() throws IOException {
    Path target = dir.resolve("race.parquet");
    TruthParquetSink sink = TruthParquetSink.open(target.toString(), TestEvents.DICTIONARY, Map.of(),
        WriteOptions.defaults());
    sink.accept(0, TestEvents.blocks(6, 10).get(0));
    byte[] other = {1, 2, 3};
    Files.write(target, other);
    assertThrows(OutputExistsException.class, sink::close);
    assertArrayEquals(other, Files.readAllBytes(target));
    assertEquals(List.of("race.parquet"), listing(), "temporary deleted");
  }

  @Test
  void otherRunsTemporariesAreNeverTouchedAndParentsAreCreated() throws IOException {
    Path sub = dir.resolve("runs/r1");
    Files.createDirectories(sub);
    // a temporary file of another run (killed, or still writing): not ours to delete (issue 16)
    Path other = Files.writeString(sub.resolve(".t.parquet.0123456789abcdef.inprogress"), "another run");
    TruthParquetSink sink = TruthParquetSink.open(sub.resolve("t.parquet").toString(), TestEvents.DICTIONARY,
        Map.of(), WriteOptions.defaults());
    sink.close();
    assertTrue(Files.isRegularFile(sub.resolve("t.parquet")));
    assertEquals("another run", Files.readString(other));

    Path deep = dir.resolve("new/a/b/t.parquet");
    TruthParquetSink s2 = TruthParquetSink.open(deep.toString(), TestEvents.DICTIONARY, Map.of(),
        WriteOptions.defaults());
    s2.close();
    assertTrue(Files.isRegularFile(deep));
  }

  @Test
  void anyHadoopFileSystemSchemeWorks() throws IOException {
    // counting:/// is a test file system registered in the configuration, like hdfs:// would be
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path("counting://" + dir.toAbsolutePath() + "/h.parquet");
    TruthParquetSink sink = TruthParquetSink.open(target, TestEvents.DICTIONARY, Map.of(), WriteOptions.defaults(),
        CountingFileSystem.configuration());
    assertTrue(sink.target().startsWith("counting:/"), sink.target());
    sink.accept(0, TestEvents.blocks(12, 777).get(0));
    sink.close();
    assertEquals(List.of("h.parquet"), listing());
    assertEquals("777", ParquetMetadataReader.read(target, CountingFileSystem.configuration()).get(TruthMetadata.EVENTS));
  }

  @Test
  void targetThatIsADirectoryIsRefused() throws IOException {
    Files.createDirectories(dir.resolve("d.parquet"));
    assertThrows(OutputExistsException.class, () -> TruthParquetSink.open(dir.resolve("d.parquet").toString(),
        TestEvents.DICTIONARY, Map.of(), WriteOptions.defaults().withOverwrite(true)));
  }

  @Test
  void optionsAreValidated() {
    assertEquals(org.apache.parquet.hadoop.metadata.CompressionCodecName.ZSTD, WriteOptions.parseCompression("zstd"));
    assertEquals(org.apache.parquet.hadoop.metadata.CompressionCodecName.UNCOMPRESSED,
        WriteOptions.parseCompression(" None "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WriteOptions.parseCompression("brotli"));
    assertEquals("must be one of uncompressed, snappy, zstd, gzip, lz4_raw, got 'brotli'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WriteOptions.defaults().withRowGroupSizeBytes(100));
    assertThrows(IllegalArgumentException.class, () -> TruthParquetSink.open(" ", TestEvents.DICTIONARY, Map.of(),
        WriteOptions.defaults()));
    java.util.HashMap<String, String> nullValue = new java.util.HashMap<>();
    nullValue.put("k", null);
    assertThrows(IllegalArgumentException.class, () -> TruthParquetSink.open(dir.resolve("n.parquet").toString(),
        TestEvents.DICTIONARY, nullValue, WriteOptions.defaults()));
    assertEquals(List.of(), assertDoesNotThrow(this::listing), "invalid input touches no file");
  }
}
