package org.cevns.events.io;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Test file system {@code counting:///abs/path}: the local file system counting the bytes read through
 * streams it opens, to check that projections read only the requested column chunks.
 */
public final class CountingFileSystem extends RawLocalFileSystem {
  static final AtomicLong BYTES_READ = new AtomicLong();

  /** A configuration that routes {@code counting:} paths here. */
  static Configuration configuration() {
    Configuration c = HadoopFiles.configuration();
    c.set("fs.counting.impl", CountingFileSystem.class.getName());
    c.setBoolean("fs.counting.impl.disable.cache", true);
    return c;
  }

  @Override
  public URI getUri() {
    return URI.create("counting:///");
  }

  @Override
  public String getScheme() {
    return "counting";
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    FSDataInputStream in = super.open(f, bufferSize);
    return new FSDataInputStream(new FSInputStream() {
      @Override
      public void seek(long pos) throws IOException {
        in.seek(pos);
      }

      @Override
      public long getPos() throws IOException {
        return in.getPos();
      }

      @Override
      public boolean seekToNewSource(long targetPos) {
        return false;
      }

      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
          BYTES_READ.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
          BYTES_READ.addAndGet(n);
        }
        return n;
      }

      @Override
      public int read(long position, byte[] b, int off, int len) throws IOException {
        int n = in.read(position, b, off, len);
        if (n > 0) {
          BYTES_READ.addAndGet(n);
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    });
  }
}
