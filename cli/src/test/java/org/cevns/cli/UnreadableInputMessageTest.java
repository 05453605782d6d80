package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input that is missing, not Parquet or a directory without Parquet files is one line naming the path once, as the
 * user wrote it for a local file. Regression: the messages read "cannot read the input events: file:/tmp/d/x.parquet:
 * not a readable Parquet file: file:/tmp/d/x.parquet is not a Parquet file. Expected magic number at tail, but found
 * [117, 101, 116, 10]", "directory file:/tmp/d holds no *.parquet file" and "File /tmp/x.parquet does not exist";
 * detsim and convert named the input twice.
 */
class UnreadableInputMessageTest {
  @TempDir Path tmp;

  private Path notParquet() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    return Files.writeString(dir.resolve("x.parquet"), "not parquet\n", StandardCharsets.US_ASCII);
  }

  private static void oneLine(String expected, CliRunner.Result r) {
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: " + expected + "\n", r.err());
    assertTrue(!r.err().contains("file:"), r.err());
  }

  @Test
  void analyzeNamesTheFileOnceWithoutItsUri() throws IOException {
    Path bad = notParquet();
    String out = tmp.resolve("out").toString();
    oneLine("cannot read the input events: " + bad + ": not a Parquet file (it does not end with Parquet's magic"
        + " number PAR1)", CliRunner.run("analyze", GenerateShardTest.CONFIG, "-i", bad.toString(), "-o", out));
    oneLine("cannot read the input events: " + bad + ": not a Parquet file (it does not end with Parquet's magic"
        + " number PAR1)", CliRunner.run("analyze", GenerateShardTest.CONFIG, "-i", bad.getParent().toString(),
        "-o", out));
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    oneLine("cannot read the input events: directory " + empty + " holds no *.parquet file",
        CliRunner.run("analyze", GenerateShardTest.CONFIG, "-i", empty.toString(), "-o", out));
    Path missing = tmp.resolve("missing.parquet");
    oneLine("cannot read the input events: " + missing + ": no such file or directory",
        CliRunner.run("analyze", GenerateShardTest.CONFIG, "-i", missing.toString(), "-o", out));
    assertTrue(Files.notExists(tmp.resolve("out")));
  }

  @Test
  void detsimAndConvertNameTheFileOnce() throws IOException {
    Path bad = notParquet();
    String why = "cannot read truth events: " + bad + ": not a Parquet file (it does not end with Parquet's magic"
        + " number PAR1)";
    oneLine(why, CliRunner.run("detsim", GenerateShardTest.CONFIG, "-i", bad.toString(), "-o",
        tmp.resolve("d.parquet").toString()));
    oneLine(why, CliRunner.run("convert", bad.toString(), "--to", "hepmc3", "-o", tmp.resolve("x.hepmc3").toString()));
    Path tiny = Files.write(tmp.resolve("tiny.parquet"), "PAR1".getBytes(StandardCharsets.US_ASCII));
    oneLine("cannot read truth events: " + tiny + ": not a Parquet file (length is too low: 4)",
        CliRunner.run("convert", tiny.toString(), "--to", "hepmc3", "-o", tmp.resolve("y.hepmc3").toString()));
    assertTrue(Files.notExists(tmp.resolve("d.parquet")));
    assertTrue(Files.notExists(tmp.resolve("x.hepmc3")));
  }

  /**
   * walk32: {@code merge} of a directory with a truncated shard said "part-00002.parquet: /d/part-00002.parquet: not a
   * Parquet file (...)"; now the file once, as the other commands.
   */
  @Test
  void mergeNamesABrokenShardOnce() throws IOException {
    Path bad = notParquet();
    oneLine(bad + ": not a Parquet file (it does not end with Parquet's magic number PAR1)",
        CliRunner.run("merge", bad.getParent().toString()));
  }

  /**
   * A Parquet file whose footer is corrupt (bytes flipped) or whose footer length points outside it names the file in
   * words. Before: "cannot
   * read the input events: can not read class org.cevns.shaded.org.apache.parquet.format.FileMetaData: Required
   * field 'version' was not found in serialized data! Struct: ...FileMetaDataStandardScheme@3d121db3", without the
   * file, and "footer is too large: 2254896552to be read".
   */
  @Test
  void aCorruptOrTruncatedFooterNamesTheFile() throws IOException {
    Path good = tmp.resolve("good.parquet");
    CliRunner.Result g = CliRunner.run("generate", GenerateShardTest.CONFIG, "-o", good.toString(), "--events", "200",
        "--seed", "1", "--quiet");
    assertEquals(0, g.exitCode(), g.err());
    byte[] bytes = Files.readAllBytes(good);
    byte[] flipped = bytes.clone();
    for (int i = flipped.length - 40; i < flipped.length - 32; i++) {
      flipped[i] = (byte) 0xff;
    }
    Path bad = Files.write(tmp.resolve("flipped.parquet"), flipped);
    String out = tmp.resolve("out").toString();
    oneLine("cannot read the input events: " + bad + ": a corrupt Parquet file (its footer, the file metadata,"
        + " cannot be decoded)", CliRunner.run("analyze", GenerateShardTest.CONFIG, "-i", bad.toString(), "-o", out));
    // cut short after a row group, with a footer length (little-endian) and the magic number at its end
    byte[] tail = {(byte) 0xf0, (byte) 0xff, (byte) 0xff, 0x7f, 'P', 'A', 'R', '1'};
    byte[] cutBytes = java.util.Arrays.copyOf(bytes, bytes.length / 2 + tail.length);
    System.arraycopy(tail, 0, cutBytes, bytes.length / 2, tail.length);
    Path cut = Files.write(tmp.resolve("cut.parquet"), cutBytes);
    oneLine("cannot read truth events: " + cut + ": a truncated or corrupt Parquet file (its footer length points"
        + " outside the file)", CliRunner.run("convert", cut.toString(), "--to", "hepmc3", "-o",
        tmp.resolve("x.hepmc3").toString()));
    assertTrue(Files.notExists(tmp.resolve("out")) && Files.notExists(tmp.resolve("x.hepmc3")));
  }
}
