package org.cevns.events.io;

import com.github.luben.zstd.ZstdCompressCtx;
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
 *   <li>{@link HadoopCompression#of}: parquet-java's {@code CodecFactory} for every codec but ZSTD, with the codec
 *       settings of a Hadoop configuration, as for {@code hdfs://}; ZSTD through {@link Zstd} at the configuration's
 *       {@code parquet.compression.codec.zstd.level}, so that a file has the same bytes on every file system.
 * </ul>
 */
interface PageCompression {
  /** A compressor for the pages of one row group; the caller releases it. */
  BytesInputCompressor newCompressor();

  /** The source for local files (see class doc); {@code pageSizeBytes} sizes the compression buffer. */
  static PageCompression hadoopFree(CompressionCodecName codec, int pageSizeBytes) {
    switch (codec) {
      case ZSTD:
        return zstd(pageSizeBytes, Zstd.LEVEL);
      case UNCOMPRESSED:
        return Uncompressed::new;
      default:
        return HadoopCompression.ofDefaults(codec, pageSizeBytes);
    }
  }

  /** ZSTD at {@code level} ({@link Zstd}), buffers kept from row group to row group. */
  static PageCompression zstd(int pageSizeBytes, int level) {
    Queue<Zstd.Buffers> buffers = new ConcurrentLinkedQueue<>();
    return () -> new Zstd(pageSizeBytes, level, buffers);
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
   * ZSTD pages, each one zstd frame made in one call ({@code ZSTD_compress2}) by a compression context that is
   * reused from page to page and from row group to row group ({@link #CONTEXTS}), at level {@link #LEVEL} unless
   * another is given: the frames parquet-java's Arrow and DuckDB writers make (with the page's size in the frame
   * header), read by every zstd decoder. parquet-java's own {@code ZstandardCodec} instead opens a new
   * {@code ZstdOutputStream} (a new native context and its tables) for every page, which cost 30 % of the
   * compression of 64 Ki doubles per page (docs/performance-history.md, "Parquet encoding (thirteenth session)"). Not
   * thread-safe (one per row group).
   */
  final class Zstd implements BytesInputCompressor {
    /**
     * cevns' ZSTD level, 1 (parquet-java's default is 3): with the doubles BYTE_STREAM_SPLIT, level 1 makes files
     * 0.02 % larger for ~50 ns/event less compression CPU (WriteStagesBench, docs/performance-history.md "BYTE_STREAM_SPLIT
     * (eleventh session)").
     */
    static final int LEVEL = 1;
    /** parquet-java's Hadoop key of the ZSTD level ({@code ZstandardCodec.PARQUET_COMPRESS_ZSTD_LEVEL}). */
    static final String LEVEL_KEY = "parquet.compression.codec.zstd.level";
    /** Compression contexts of released compressors, for the next ones (any thread, any writer). */
    private static final Queue<ZstdCompressCtx> CONTEXTS = new ConcurrentLinkedQueue<>();
    /** The class of parquet-java's single-array {@link BytesInput}, whose array is compressed without a copy. */
    private static final Class<?> ARRAY_INPUT = BytesInput.from(new byte[0], 0, 0).getClass();

    private final int level;
    /** Where {@link #compressed} goes back at {@link #release()}, for the next row group (any thread), or null. */
    private final Queue<Buffers> buffers;
    private final Buffers own;
    private ZstdCompressCtx context;
    private boolean released;

    Zstd(int pageSizeBytes) {
      this(pageSizeBytes, LEVEL, null);
    }

    /**
     * A compressor at {@code level} whose buffers come from {@code buffers} (new ones for pages of
     * {@code pageSizeBytes} if empty) and go back there at {@link #release()}: a buffer of a page size (1 MiB by
     * default) is a humongous object for G1 in a heap of a few hundred MB, and was allocated for every row group.
     */
    Zstd(int pageSizeBytes, int level, Queue<Buffers> buffers) {
      Buffers reused = buffers == null ? null : buffers.poll();
      this.own = reused != null ? reused : new Buffers(pageSizeBytes);
      this.buffers = buffers;
      this.level = level;
    }

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      if (released) {
        throw new IllegalStateException("compressor released");
      }
      if (context == null) {
        ZstdCompressCtx c = CONTEXTS.poll();
        context = c != null ? c : new ZstdCompressCtx();
      }
      context.setLevel(level);
      byte[] src;
      int from;
      int n = Math.toIntExact(bytes.size());
      if (bytes.getClass() == ARRAY_INPUT) {
        @SuppressWarnings("deprecation") // for this class a view of its array, no copy
        java.nio.ByteBuffer b = bytes.toByteBuffer();
        src = b.array();
        from = b.arrayOffset() + b.position();
      } else {
        own.input.reset();
        bytes.writeAllTo(own.input);
        src = own.input.array();
        from = 0;
      }
      byte[] dst = own.output(n);
      int size = context.compressByteArray(dst, 0, dst.length, src, from, n);
      // as parquet's HeapBytesCompressor: valid until the next call; the page store copies it at once
      return BytesInput.from(dst, 0, size);
    }

    @Override
    public CompressionCodecName getCodecName() {
      return CompressionCodecName.ZSTD;
    }

    @Override
    public void release() {
      if (!released) {
        released = true;
        if (context != null) {
          CONTEXTS.offer(context);
          context = null;
        }
        if (buffers != null) {
          buffers.offer(own);
        }
      }
    }

    /** The input (for pages in pieces) and output buffers of a compressor. */
    static final class Buffers {
      private final Input input;
      private byte[] output;

      Buffers(int pageSizeBytes) {
        input = new Input(pageSizeBytes);
        output = new byte[(int) Zstd.compressBound(pageSizeBytes)];
      }

      byte[] output(int inputBytes) {
        long bound = com.github.luben.zstd.Zstd.compressBound(inputBytes);
        if (bound > output.length) {
          output = new byte[Math.toIntExact(Math.max(bound, 2L * output.length))];
        }
        return output;
      }
    }

    /** A byte array output stream whose array is read in place. */
    static final class Input extends ByteArrayOutputStream {
      Input(int bytes) {
        super(bytes);
      }

      byte[] array() {
        return buf;
      }
    }

    private static long compressBound(int bytes) {
      return com.github.luben.zstd.Zstd.compressBound(bytes);
    }
  }
}
