package org.cevns.events.io;

import java.io.IOException;
import java.util.Objects;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * An {@link OutputFile} whose streams collect writes into a {@value #BUFFER_BYTES}-byte buffer before passing them
 * on, so that the file system sees large writes. parquet-java writes a column chunk's pages through
 * {@code Channels.newChannel(out)}, which hands any stream that is not a plain {@code FileOutputStream} 8 KiB at a
 * time, and Hadoop's local file system and parquet-java's {@code LocalOutputFile} pass writes of that size
 * straight to the kernel: one {@code write} system call per 8 KiB (strace of {@code cevns generate}: 23,620 calls
 * for a 183 MB file), all on the one writer thread. The bytes and positions are unchanged.
 */
final class LargeWritesOutputFile implements OutputFile {
  /** Bytes collected before a write to the underlying stream: 1 MiB. */
  static final int BUFFER_BYTES = 1 << 20;

  private final OutputFile file;

  private LargeWritesOutputFile(OutputFile file) {
    this.file = file;
  }

  /** {@code file} with large writes (returned as is if it already has them). */
  static OutputFile of(OutputFile file) {
    Objects.requireNonNull(file, "file");
    return file instanceof LargeWritesOutputFile ? file : new LargeWritesOutputFile(file);
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    return new Buffered(file.create(blockSizeHint));
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    return new Buffered(file.createOrOverwrite(blockSizeHint));
  }

  @Override
  public boolean supportsBlockSize() {
    return file.supportsBlockSize();
  }

  @Override
  public long defaultBlockSize() {
    return file.defaultBlockSize();
  }

  @Override
  public String getPath() {
    return file.getPath();
  }

  /** The stream: writes of at least the buffer size go through directly, smaller ones are collected. */
  static final class Buffered extends PositionOutputStream {
    private final PositionOutputStream out;
    private final byte[] buffer;
    private int count;
    private boolean closed;

    Buffered(PositionOutputStream out) {
      this(out, BUFFER_BYTES);
    }

    Buffered(PositionOutputStream out, int bufferBytes) {
      this.out = Objects.requireNonNull(out, "out");
      this.buffer = new byte[bufferBytes];
    }

    @Override
    public long getPos() throws IOException {
      return out.getPos() + count;
    }

    @Override
    public void write(int b) throws IOException {
      if (count == buffer.length) {
        drain();
      }
      buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len >= buffer.length) {
        drain();
        out.write(b, off, len);
        return;
      }
      if (len > buffer.length - count) {
        drain();
      }
      System.arraycopy(b, off, buffer, count, len);
      count += len;
    }

    private void drain() throws IOException {
      if (count > 0) {
        out.write(buffer, 0, count);
        count = 0;
      }
    }

    @Override
    public void flush() throws IOException {
      drain();
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        drain();
      } finally {
        out.close();
      }
    }
  }
}
