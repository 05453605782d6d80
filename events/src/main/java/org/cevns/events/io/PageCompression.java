package org.cevns.events.io;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Where the page compressor of each row group comes from ({@link RowGroupEncoder}: one compressor per row group,
 * used by one thread, released with it). Two sources:
 *
 * <ul>
 *   <li>{@link #hadoopFree}: ZSTD ({@link Zstd}) and uncompressed pages without any Hadoop class, for local files;
 *       the other codecs (snappy, gzip, lz4_raw) through parquet-java's Hadoop codec factory
 *       ({@link HadoopCompression}, which loads Hadoop's configuration and codec classes but no file system),
 *       since they are not cevns' default and their Hadoop codecs are the reference for their bytes;
 *   <li>{@link HadoopCompression#of}: parquet-java's {@code CodecFactory} for every codec, with the codec settings
 *       of a Hadoop configuration (e.g. {@code parquet.compression.codec.zstd.level}), as for {@code hdfs://}.
 * </ul>
 */
interface PageCompression {
  /** A compressor for the pages of one row group; the caller releases it. */
  BytesInputCompressor newCompressor();

  /** The source for local files (see class doc); {@code pageSizeBytes} sizes the compression buffer. */
  static PageCompression hadoopFree(CompressionCodecName codec, int pageSizeBytes) {
    switch (codec) {
      case ZSTD: {
        Queue<ByteArrayOutputStream> buffers = new ConcurrentLinkedQueue<>();
        return () -> new Zstd(pageSizeBytes, buffers);
      }
      case UNCOMPRESSED:
        return Uncompressed::new;
      default:
        return HadoopCompression.ofDefaults(codec, pageSizeBytes);
    }
  }

  /** Pages as they are. */
  final class Uncompressed implements BytesInputCompressor {
    @Override
    public BytesInput compress(BytesInput bytes) {
      return bytes;
    }

    @Override
    public CompressionCodecName getCodecName() {
      return CompressionCodecName.UNCOMPRESSED;
    }

    @Override
    public void release() {
      // nothing held
    }
  }

  /**
   * ZSTD pages with the bytes of parquet-java's {@code ZstandardCodec} at level {@link #LEVEL} (cevns' default, set
   * for the Hadoop codec too by {@link HadoopCompression}) and its other defaults: the same zstd-jni stream
   * ({@link ZstdOutputStream} over {@link RecyclingBufferPool}, level {@link #LEVEL}, {@link #WORKERS} workers) fed
   * and ended with the same calls as parquet's {@code ZstdCompressorStream} inside its {@code CodecFactory}
   * (write the page, flush, close), so the frames are the same. Not thread-safe (one per row group).
   */
  final class Zstd implements BytesInputCompressor {
    /**
     * cevns' ZSTD level, 1 (parquet-java's default is 3): with the doubles BYTE_STREAM_SPLIT, level 1 makes files
     * 0.02 % larger for ~50 ns/event less compression CPU (WriteStagesBench, docs/performance.md "BYTE_STREAM_SPLIT
     * (eleventh session)").
     */
    static final int LEVEL = 1;
    /** parquet-java's Hadoop key of the ZSTD level ({@code ZstandardCodec.PARQUET_COMPRESS_ZSTD_LEVEL}). */
    static final String LEVEL_KEY = "parquet.compression.codec.zstd.level";
    /** Compression worker threads: {@code ZstandardCodec.DEFAULTPARQUET_COMPRESS_ZSTD_WORKERS} (0: in the caller). */
    static final int WORKERS = 0;

    private final ByteArrayOutputStream compressed;
    /** Where {@link #compressed} goes back at {@link #release()}, for the next row group (any thread), or null. */
    private final Queue<ByteArrayOutputStream> buffers;
    private boolean released;

    Zstd(int pageSizeBytes) {
      this(pageSizeBytes, null);
    }

    /**
     * A compressor whose output buffer comes from {@code buffers} (a new one of {@code pageSizeBytes} if empty) and
     * goes back there at {@link #release()}: a buffer of a page size (1 MiB by default) is a humongous object for
     * G1 in a heap of a few hundred MB, and was allocated for every row group.
     */
    Zstd(int pageSizeBytes, Queue<ByteArrayOutputStream> buffers) {
      ByteArrayOutputStream reused = buffers == null ? null : buffers.poll();
      this.compressed = reused != null ? reused : new ByteArrayOutputStream(pageSizeBytes);
      this.buffers = buffers;
    }

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      compressed.reset();
      ZstdOutputStream zstd = new ZstdOutputStream(compressed, RecyclingBufferPool.INSTANCE);
      try (ZstdOutputStream z = zstd) {
        z.setLevel(LEVEL);
        z.setWorkers(WORKERS);
        bytes.writeAllTo(z);
        z.flush();
      }
      // as parquet's HeapBytesCompressor: valid until the next call; the page store copies it at once
      return BytesInput.from(compressed);
    }

    @Override
    public CompressionCodecName getCodecName() {
      return CompressionCodecName.ZSTD;
    }

    @Override
    public void release() {
      // the stream's buffers went back to the pool at close; the pages compressed are copied by the page store
      if (!released && buffers != null) {
        released = true;
        compressed.reset();
        buffers.offer(compressed);
      }
    }
  }
}
