package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.cevns.events.block.EventBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12: local outputs are written without Hadoop ({@link LocalStaging}, {@link PageCompression}) and give the
 * bytes the Hadoop path gave, under the same staging rules (temporary name, atomic publication, overwrite).
 */
class LocalOutputTest {
  @TempDir
  Path dir;

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Page-like bytes: runs of small integers (compressible) and random doubles' bytes (not). */
  private static byte[] pageBytes(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ((i / 4096) % 2 == 0 ? r.nextInt(4) : r.nextInt());
    }
    return b;
  }

  @Test
  void zstdPagesAreReadByParquetsZstandardCodecAndTheHadoopPathWritesTheSameBytes() throws IOException {
    CodecFactory hadoop = new CodecFactory(HadoopFiles.configuration(), 1 << 20);
    BytesInputDecompressor parquet = hadoop.getDecompressor(CompressionCodecName.ZSTD);
    PageCompression.Zstd ours = new PageCompression.Zstd(1 << 20);
    // the Hadoop path (hdfs://, MapReduce) compresses with the same compressor: at cevns' level when none is set,
    // at the configured one otherwise
    BytesInputCompressor hadoopDefault = HadoopCompression.of(HadoopFiles.configuration(), CompressionCodecName.ZSTD,
        1 << 20).newCompressor();
    org.apache.hadoop.conf.Configuration level3 = HadoopFiles.configuration();
    level3.setInt(PageCompression.Zstd.LEVEL_KEY, 3);
    BytesInputCompressor hadoopLevel3 = HadoopCompression.of(level3, CompressionCodecName.ZSTD, 1 << 20)
        .newCompressor();
    try {
      byte[] doubles = pageBytes(4, 200_000);
      byte[] compressed = ours.compress(BytesInput.from(doubles)).toByteArray();
      assertArrayEquals(compressed, hadoopDefault.compress(BytesInput.from(doubles)).toByteArray(),
          "Hadoop codec without a configured level");
      assertTrue(compressed.length < doubles.length * 3 / 4, "compressed: " + compressed.length);
      byte[] third = hadoopLevel3.compress(BytesInput.from(doubles)).toByteArray();
      assertFalse(java.util.Arrays.equals(compressed, third), "level 3 configured, level 3 used");
      assertArrayEquals(doubles, parquet.decompress(BytesInput.from(third), doubles.length).toByteArray());
      // empty, tiny, a page, pages over zstd's 128 KiB block and over the buffer, and a page in pieces
      for (int n : new int[] {0, 1, 100, 8191, 1 << 17, (1 << 20) + 17, 3 << 20}) {
        byte[] page = pageBytes(n, n);
        byte[] z = ours.compress(BytesInput.from(page)).toByteArray();
        assertArrayEquals(page, parquet.decompress(BytesInput.from(z), n).toByteArray(), n + " bytes");
        assertArrayEquals(z, ours.compress(BytesInput.from(page)).toByteArray(), n + " bytes again: the same frame");
      }
      byte[] a = pageBytes(1, 70_000);
      byte[] b = pageBytes(2, 5);
      byte[] c = pageBytes(3, 300_000);
      byte[] whole = new byte[a.length + b.length + c.length];
      System.arraycopy(a, 0, whole, 0, a.length);
      System.arraycopy(b, 0, whole, a.length, b.length);
      System.arraycopy(c, 0, whole, a.length + b.length, c.length);
      assertArrayEquals(ours.compress(BytesInput.from(whole)).toByteArray(),
          ours.compress(BytesInput.concat(BytesInput.from(a), BytesInput.from(b), BytesInput.from(c))).toByteArray(),
          "a page given in pieces");
      byte[] offset = new byte[whole.length + 9];
      System.arraycopy(whole, 0, offset, 9, whole.length);
      assertArrayEquals(ours.compress(BytesInput.from(whole)).toByteArray(),
          ours.compress(BytesInput.from(offset, 9, whole.length)).toByteArray(), "a page inside a larger array");
    } finally {
      hadoopDefault.release();
      hadoopLevel3.release();
      hadoop.release();
      ours.release();
    }
    assertThrows(IllegalStateException.class, () -> ours.compress(BytesInput.from(new byte[1])), "released");
  }

  private Path writeTruth(String name, CompressionCodecName codec, boolean viaHadoop) throws IOException {
    List<EventBlock> blocks = TestEvents.blocks(41, EventBlock.CAPACITY, 20000, 777);
    WriteOptions o = WriteOptions.defaults().withCompression(codec).withRowGroupSizeBytes(1 << 18)
        .withPageSizeBytes(8 << 10);
    Path file = dir.resolve(name);
    TruthParquetSink sink = viaHadoop
        ? TruthParquetSink.open(new org.apache.hadoop.fs.Path(file.toUri()), TestEvents.DICTIONARY,
            Map.of(TruthMetadata.VERSION, "t"), o, HadoopFiles.configuration())
        : TruthParquetSink.open(file.toString(), TestEvents.DICTIONARY, Map.of(TruthMetadata.VERSION, "t"), o);
    assertEquals("file:" + file.toAbsolutePath(), sink.target());
    long i = 0;
    for (EventBlock b : blocks) {
      if (i % 2 == 0) {
        sink.prepare(i, b); // appended row groups and rows written by the sink: both paths of the writer
      }
      sink.accept(i++, b);
    }
    sink.close();
    return file;
  }

  @ParameterizedTest
  @EnumSource(value = CompressionCodecName.class, names = {"ZSTD", "UNCOMPRESSED", "SNAPPY", "LZ4_RAW"})
  void localFileHasTheBytesOfTheHadoopPath(CompressionCodecName codec) throws IOException {
    byte[] hadoop = Files.readAllBytes(writeTruth("hadoop.parquet", codec, true));
    byte[] local = Files.readAllBytes(writeTruth("local.parquet", codec, false));
    assertTrue(hadoop.length > 100_000, "several row groups: " + hadoop.length);
    assertArrayEquals(hadoop, local, codec + ": local file differs from the Hadoop path's");
  }

  @Test
  void localPathsAreTheSchemelessAndAbsoluteFileOnes() {
    assertEquals(Path.of("out/t.parquet"), LocalPaths.of("out/t.parquet"));
    assertEquals(Path.of("/d/x.parquet"), LocalPaths.of("/d/x.parquet"));
    assertEquals(Path.of("/d/x.parquet"), LocalPaths.of("file:/d/x.parquet"));
    assertEquals(Path.of("/d/x.parquet"), LocalPaths.of("file:///d/x.parquet"));
    assertEquals(Path.of("/d/a%20b:c.parquet"), LocalPaths.of("/d/a%20b:c.parquet"), "literal, a colon after a slash");
    for (String hadoop : new String[] {"hdfs://nn:8020/x.parquet", "s3a://b/x", "file://host/x.parquet", "file:x",
        "faulty:///tmp/x", "x:y.parquet"}) {
      assertNull(LocalPaths.of(hadoop), hadoop);
    }
    // a name the JVM cannot encode is refused, not handed to Hadoop (whose java.io.File writes '?' for each character
    // it cannot encode: under the C locale, -o /tmp/ünï/x.parquet made a directory "??n??" after the whole run)
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LocalPaths.of("/d/a\u0000b"));
    assertEquals("output file: must be a valid file path (Nul character not allowed), got '/d/a\u0000b'",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LocalPaths.of(" "));
  }

  /**
   * walk31: a name the locale's encoding cannot represent was worded "not a valid file name on this system (...; file
   * names are encoded in ...)", unlike the same problem in a configuration (schema's LocaleEncoding); now in its words
   * (cli's FileNameEncodingWordingTest compares the two for more cases).
   */
  @Test
  void aNameTheLocaleCannotEncodeIsWordedAsInAConfiguration() {
    java.nio.file.InvalidPathException e = new java.nio.file.InvalidPathException("/d/\u00fc.parquet",
        "Malformed input or input contains unmappable characters");
    assertEquals("must be a file name without characters that the locale's encoding (ANSI_X3.4-1968) cannot"
        + " represent; run cevns under a UTF-8 locale, e.g. LC_ALL=C.UTF-8",
        LocalPaths.invalidFileName("/d/\u00fc.parquet", e, "ANSI_X3.4-1968", java.util.Map.of()));
    assertEquals("must be a valid file path (Malformed input or input contains unmappable characters)",
        LocalPaths.invalidFileName("/d/\u00fc.parquet", e, "UTF-8", java.util.Map.of()));
  }

  @Test
  void aHadoopSiteOnTheClasspathDecidesSchemelessPaths() throws IOException {
    Files.writeString(dir.resolve(LocalPaths.HADOOP_SITE_RESOURCE), "<configuration/>");
    Thread t = Thread.currentThread();
    ClassLoader old = t.getContextClassLoader();
    try (java.net.URLClassLoader site = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, old)) {
      t.setContextClassLoader(site);
      assertNull(LocalPaths.of("out/t.parquet"), "fs.defaultFS may name a cluster");
      assertEquals(Path.of("/d/x.parquet"), LocalPaths.of("file:/d/x.parquet"), "a file: URI stays local");
    } finally {
      t.setContextClassLoader(old);
    }
  }

  @Test
  void overwriteReplacesOnlyTheFileSeenAtCreate() throws IOException {
    Path target = dir.resolve("o.parquet");
    Files.writeString(target, "old");
    TruthParquetSink sink = TruthParquetSink.open(target.toString(), TestEvents.DICTIONARY, Map.of(),
        WriteOptions.defaults().withOverwrite(true));
    sink.accept(0, TestEvents.blocks(7, 10).get(0));
    // another run replaces the file (a new inode) while this one writes
    Path other = dir.resolve(".other");
    Files.writeString(other, "another run's");
    Files.move(other, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    OutputExistsException e = assertThrows(OutputExistsException.class, sink::close);
    assertTrue(e.getMessage().contains("was written by another run"), e.getMessage());
    assertFalse(e.isDirectory());
    assertEquals("another run's", Files.readString(target));
    assertEquals(List.of("o.parquet"), listing(), "temporary deleted");

    TruthParquetSink again = TruthParquetSink.open(target.toString(), TestEvents.DICTIONARY, Map.of(),
        WriteOptions.defaults().withOverwrite(true));
    again.accept(0, TestEvents.blocks(8, 10).get(0));
    assertEquals("another run's", Files.readString(target), "replaced only at close");
    again.close();
    assertEquals("10", ParquetMetadataReader.read(target.toString()).get(TruthMetadata.EVENTS));
  }

  @Test
  void lostTemporaryFailsTheCommitAndLeavesNothing() throws IOException {
    Path target = dir.resolve("lost.parquet");
    TruthParquetSink sink = TruthParquetSink.open("file://" + target, TestEvents.DICTIONARY, Map.of(),
        WriteOptions.defaults());
    sink.accept(0, TestEvents.blocks(9, 100).get(0));
    List<String> names = listing();
    assertEquals(1, names.size(), names.toString());
    assertTrue(names.get(0).matches("\\.lost\\.parquet\\.[0-9a-f]{16}\\.inprogress"), names.toString());
    Files.delete(dir.resolve(names.get(0))); // e.g. a clean-up job; the writer keeps writing the unlinked file
    IOException e = assertThrows(IOException.class, sink::close);
    assertInstanceOf(OutputWriteException.class, e);
    assertTrue(e.getMessage().startsWith("cannot write " + target + ": "), e.getMessage());
    assertEquals(List.of(), listing(), "no partial file under the final name");
  }

  @Test
  void aParentThatIsAFileIsNotAnExistingOutput() throws IOException {
    Files.writeString(dir.resolve("f"), "x");
    IOException e = assertThrows(IOException.class, () -> TruthParquetSink.open(dir.resolve("f/t.parquet").toString(),
        TestEvents.DICTIONARY, Map.of(), WriteOptions.defaults()));
    assertFalse(e instanceof OutputExistsException, e.toString());
    assertEquals(List.of("f"), listing());
  }

  @Test
  void directoryTargetIsRefusedAsADirectory() throws IOException {
    Files.createDirectories(dir.resolve("d.parquet"));
    OutputExistsException e = assertThrows(OutputExistsException.class,
        () -> TruthParquetSink.open(dir.resolve("d.parquet").toString(), TestEvents.DICTIONARY, Map.of(),
            WriteOptions.defaults().withOverwrite(true)));
    assertTrue(e.isDirectory());
  }
}
