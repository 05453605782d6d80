package org.cevns.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under the scheme {@code faulty:} (registered for tests through
 * META-INF/services), whose writes fail with "No space left on device" once {@link #BUDGET_BYTES} bytes have
 * been written in this JVM: a full disk on demand, without mount privileges.
 */
public class FailingFileSystem extends RawLocalFileSystem {
  /** Bytes that may still be written before every write fails; negative: unlimited. */
  static final AtomicLong BUDGET_BYTES = new AtomicLong(-1);
  private static final URI NAME = URI.create("faulty:///");

  @Override
  public String getScheme() {
    return "faulty";
  }

  @Override
  public URI getUri() {
    return NAME;
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
      short replication, long blockSize, Progressable progress) throws IOException {
    FSDataOutputStream raw = super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    return new FSDataOutputStream(new Failing(raw), null);
  }

  @Override
  public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
      Progressable progress) throws IOException {
    FSDataOutputStream raw = super.create(f, overwrite, bufferSize, replication, blockSize, progress);
    return new FSDataOutputStream(new Failing(raw), null);
  }

  private static final class Failing extends OutputStream {
    private final OutputStream out;

    Failing(OutputStream out) {
      this.out = out;
    }

    private static void spend(long n) throws IOException {
      long left = BUDGET_BYTES.get();
      if (left >= 0) {
        if (left < n) {
          BUDGET_BYTES.set(0);
          throw new IOException("No space left on device");
        }
        BUDGET_BYTES.addAndGet(-n);
      }
    }

    @Override
    public void write(int b) throws IOException {
      spend(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      spend(len);
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
