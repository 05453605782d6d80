package org.cevns.events.io;

import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.cevns.events.run.RandomStreams;

/**
 * Loads and initialises, on a daemon thread, what the first block of a Parquet output and its footer need and
 * would otherwise load one after the other once the run has started: zstd-jni's native library (unpacked into the
 * temporary directory and loaded), Commons RNG's provider set-up ({@link RandomStreams}) and parquet-java's bit
 * packers (all widths, by reflection: ~250 classes). Started by {@code cevns generate} while the sampling tables
 * are built, so that this work overlaps them instead of following them: in a 10-event run the worker loaded ~720
 * classes after the tables (docs/performance-history.md, "genfixed (thirty-first session)"). It also initialised
 * parquet-java's {@code ParquetMetadata}, whose class creates a JSON mapper (~370 classes), until
 * {@link FooterWriter} wrote the footer without it ("genfixed2 (thirty-third session)").
 *
 * <p>Nothing is written and no state of a writer is touched; a failure here (e.g. a temporary directory where the
 * library cannot be unpacked) is ignored: the writer meets it again where it needs the class and reports it there as
 * before (zstd-jni's loader retries after a failure).
 */
public final class WriterWarmUp {
  private WriterWarmUp() {}

  /**
   * Starts the warm-up on a daemon thread named {@code cevns-writer-warm-up} for a writer with {@code options}
   * (zstd-jni only for ZSTD pages).
   */
  public static void start(WriteOptions options) {
    Thread t = new Thread(new Body(options.compression() == CompressionCodecName.ZSTD), "cevns-writer-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** A named class, not a lambda, so that the class-data archive holds it (bin/cevns, CdsTraining). */
  private static final class Body implements Runnable {
    private final boolean zstd;

    Body(boolean zstd) {
      this.zstd = zstd;
    }

    @Override
    public void run() {
      try {
        if (zstd) {
          com.github.luben.zstd.util.Native.load();
        }
      } catch (RuntimeException | LinkageError e) {
        // reported by the writer when it compresses its first page
      }
      try {
        RandomStreams.create(0, 0);
        Packer.LITTLE_ENDIAN.newBytePacker(1);
      } catch (RuntimeException | LinkageError e) {
        // the writer loads the class itself and reports its failure
      }
    }
  }
}
