package org.cevns.events.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet footer independent of the JVM that wrote it. parquet-java collects the encodings of each
 * column chunk in a {@code HashSet} of enum constants and writes them in its iteration order, which follows
 * the constants' identity hash codes and so differs between processes (apache/parquet-java#3215): the same
 * rows then give files that differ in a few footer bytes. {@link #sortEncodings} rewrites the footer of a
 * complete local file in place with every encoding list sorted; the list holds the same elements, so the footer
 * keeps its length and nothing else in the file moves.
 */
final class DeterministicFooter {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private DeterministicFooter() {}

  /**
   * Sorts the encoding lists of the footer of {@code file} (a complete, unencrypted Parquet file) in place.
   * Does nothing when they are already sorted or when the re-serialised footer would not have the same length.
   *
   * @throws java.nio.file.NoSuchFileException if {@code file} does not exist (it is never created)
   */
  static void sortEncodings(java.io.File file) throws IOException {
    if (!file.isFile()) {
      // "rw" would create it: a file deleted under the writer must fail the commit, not publish an empty file
      throw new java.nio.file.NoSuchFileException(file.toString(), null, "deleted before its footer was sorted");
    }
    try (RandomAccessFile f = new RandomAccessFile(file, "rw")) {
      long size = f.length();
      if (size < 12) {
        return;
      }
      byte[] tail = new byte[8];
      f.seek(size - 8);
      f.readFully(tail);
      if (!java.util.Arrays.equals(java.util.Arrays.copyOfRange(tail, 4, 8), MAGIC)) {
        return;
      }
      int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      long footerStart = size - 8 - footerLength;
      if (footerLength <= 0 || footerStart < 4) {
        return;
      }
      byte[] footer = new byte[footerLength];
      f.seek(footerStart);
      f.readFully(footer);
      FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer));
      boolean changed = false;
      for (RowGroup g : meta.getRow_groups()) {
        for (ColumnChunk c : g.getColumns()) {
          ColumnMetaData m = c.getMeta_data();
          if (m == null || m.getEncodings() == null) {
            continue;
          }
          List<Encoding> sorted = new ArrayList<>(m.getEncodings());
          sorted.sort(FooterWriter.BY_VALUE);
          if (!sorted.equals(m.getEncodings())) {
            m.setEncodings(sorted);
            changed = true;
          }
        }
      }
      if (!changed) {
        return;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(footerLength);
      Util.writeFileMetaData(meta, out);
      if (out.size() != footerLength) {
        return; // not a pure reordering: leave the file as parquet-java wrote it
      }
      f.seek(footerStart);
      f.write(out.toByteArray());
    }
  }
}
