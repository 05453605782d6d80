package org.cevns.events.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local Parquet file read through a {@link FileChannel} with positional reads, for the page path of
 * {@link ColumnarFileReader}: Parquet reads each row group's column chunks with {@link SeekableInputStream#readFully(
 * ByteBuffer)} into buffers of its allocator ({@link ChunkBuffers}), and a channel fills a heap buffer through the
 * JDK's per-thread temporary direct buffer, reused from call to call. Through Hadoop's local stream Parquet 1.16 reads
 * the chunks with vectored reads into buffers that it never hands back to its allocator (a new zeroed array of up to
 * ~30 MB per chunk and row group: most of the analysis read's memset and page faults in {@code perf}, 2026-12-07).
 * A {@link SeekableInputStream} of its own has no vectored reads, so Parquet reads through {@code readFully} into
 * buffers it releases when the row group closes. Other file systems keep Hadoop's {@link HadoopInputFile}.
 */
final class ChannelInputFile implements InputFile {
  private final java.nio.file.Path file;
  private final long length;

  private ChannelInputFile(java.nio.file.Path file, long length) {
    this.file = file;
    this.length = length;
  }

  /** A channel-read file for a path of Hadoop's raw local file system under {@code conf}; Hadoop's input file otherwise. */
  static InputFile of(Path path, Configuration conf) throws IOException {
    FileSystem fs = HadoopFiles.fileSystem(path, conf);
    // exactly Hadoop's raw local file system (HadoopFiles.configuration): a subclass may read differently (a test's
    // byte-counting one does), and the checksummed one verifies its .crc side files
    if (fs.getClass() != RawLocalFileSystem.class) {
      return HadoopInputFile.fromPath(path, conf);
    }
    java.nio.file.Path p = ((RawLocalFileSystem) fs).pathToFile(path).toPath();
    return new ChannelInputFile(p, java.nio.file.Files.size(p));
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    return new Stream(FileChannel.open(file, StandardOpenOption.READ));
  }

  @Override
  public String toString() {
    return file.toString();
  }

  /** Positional reads of one channel; the position is kept here. */
  static final class Stream extends SeekableInputStream {
    /** Bytes read per call of the channel (see {@link #readFully(ByteBuffer)}). */
    static final int READ_BYTES = 1 << 20;
    private final FileChannel channel;
    private long position;

    Stream(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void seek(long newPos) throws IOException {
      if (newPos < 0) {
        throw new IOException("cannot seek to " + newPos);
      }
      position = newPos;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int start, int len) throws IOException {
      return read(ByteBuffer.wrap(bytes, start, len));
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
      readFully(ByteBuffer.wrap(bytes));
    }

    @Override
    public void readFully(byte[] bytes, int start, int len) throws IOException {
      readFully(ByteBuffer.wrap(bytes, start, len));
    }

    @Override
    public int read(ByteBuffer buf) throws IOException {
      if (!buf.hasRemaining()) {
        return 0;
      }
      int n = channel.read(buf, position);
      if (n > 0) {
        position += n;
      }
      return n;
    }

    @Override
    public void readFully(ByteBuffer buf) throws IOException {
      int end = buf.limit();
      try {
        while (buf.position() < end) {
          // at most READ_BYTES a call: the JDK's bounce buffer for a heap buffer stays small and in the cache
          buf.limit((int) Math.min(end, (long) buf.position() + READ_BYTES));
          int n = channel.read(buf, position);
          if (n < 0) {
            throw new EOFException("reached the end of the file with " + (end - buf.position())
                + " bytes left to read");
          }
          position += n;
        }
      } finally {
        buf.limit(end);
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
