package org.cevns.events.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.SeekableInputStream;

/**
 * The projected column chunks of a file's row groups, one row group at a time, for the page path: each run of
 * adjacent chunks is read with one positioned read into a buffer of {@link ChunkBuffers#SHARED} (handed back when the
 * row group closes), and each chunk's pages are given by {@link ChunkPages}. This is what parquet-java's
 * {@code ParquetFileReader.readNextRowGroup} did for the page path (same bytes read, same CRC checks, same page
 * objects), with the page headers read by parquet-format's Thrift reader through one reused protocol instead of a new
 * one per header (see {@link PageHeaderDecoder}). Row groups of 0 rows are skipped (parquet-java skips them too). Encrypted columns are refused. Not thread-safe.
 */
final class RowGroupChunks implements AutoCloseable {
  private final SeekableInputStream stream;
  private final List<BlockMetaData> blocks;
  private final ColumnPath[] paths;
  private final String[] names;
  private final ZstdReadCodecs codecs;
  private final boolean verifyCrc;
  private final PageHeaderDecoder header = new PageHeaderDecoder();
  private final CRC32 crc = new CRC32();
  private final List<ByteBuffer> held = new ArrayList<>();
  private int next;
  private long rowCount;

  RowGroupChunks(InputFile input, ParquetMetadata footer, List<ColumnDescriptor> columns, ZstdReadCodecs codecs,
      boolean verifyCrc) throws IOException {
    this.blocks = footer.getBlocks();
    this.codecs = codecs;
    this.verifyCrc = verifyCrc;
    this.paths = new ColumnPath[columns.size()];
    this.names = new String[columns.size()];
    for (int c = 0; c < paths.length; c++) {
      paths[c] = ColumnPath.get(columns.get(c).getPath());
      names[c] = Arrays.toString(columns.get(c).getPath());
    }
    this.stream = input.newStream();
  }

  /** The page readers of the next row group's columns (in the order given), or null after the last row group. */
  PageReader[] next() throws IOException {
    release();
    while (next < blocks.size() && blocks.get(next).getRowCount() == 0) {
      next++;
    }
    if (next >= blocks.size()) {
      return null;
    }
    BlockMetaData block = blocks.get(next++);
    rowCount = block.getRowCount();
    // the projected chunks in file order (the block's column order), and their column index
    List<ColumnChunkMetaData> chunks = new ArrayList<>(paths.length);
    List<Integer> which = new ArrayList<>(paths.length);
    for (ColumnChunkMetaData mc : block.getColumns()) {
      for (int c = 0; c < paths.length; c++) {
        if (paths[c].equals(mc.getPath())) {
          if (mc.isEncrypted()) {
            throw new ParquetDecodingException("column " + names[c] + " is encrypted; ReadPath.PAGES reads only"
                + " plaintext columns");
          }
          chunks.add(mc);
          which.add(c);
          break;
        }
      }
    }
    if (chunks.size() != paths.length) {
      throw new ParquetDecodingException("row group " + (next - 1) + " lacks a column chunk of the projected columns "
          + Arrays.toString(names));
    }
    PageReader[] readers = new PageReader[paths.length];
    int i = 0;
    while (i < chunks.size()) {
      // a run of adjacent chunks: one read
      long start = chunks.get(i).getStartingPos();
      long runEnd = start + chunks.get(i).getTotalSize();
      int j = i + 1;
      while (j < chunks.size() && chunks.get(j).getStartingPos() == runEnd
          && runEnd + chunks.get(j).getTotalSize() - start <= ChunkBuffers.MAX_PIECE_BYTES) {
        runEnd += chunks.get(j).getTotalSize();
        j++;
      }
      ByteBuffer run = ChunkBuffers.SHARED.allocate(Math.toIntExact(runEnd - start));
      held.add(run);
      stream.seek(start);
      stream.readFully(run);
      for (int k = i; k < j; k++) {
        ColumnChunkMetaData mc = chunks.get(k);
        int c = which.get(k);
        readers[c] = new ChunkPages(run.array(), run.arrayOffset() + (int) (mc.getStartingPos() - start),
            Math.toIntExact(mc.getTotalSize()), mc.getStartingPos(), mc.getValueCount(), names[c],
            codecs.getDecompressor(mc.getCodec()), header, crc, verifyCrc);
      }
      i = j;
    }
    return readers;
  }

  /** The rows of the row group {@link #next} returned last. */
  long rowCount() {
    return rowCount;
  }

  /** Hands the current row group's buffers back (its pages are no longer read). */
  void release() {
    for (ByteBuffer b : held) {
      ChunkBuffers.SHARED.release(b);
    }
    held.clear();
  }

  @Override
  public void close() throws IOException {
    release();
    stream.close();
  }
}
