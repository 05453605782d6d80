package org.cevns.events.io;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.codec.ZstandardCodec;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopCodecs;

/**
 * Parquet's codecs for reading, with one change: a ZSTD page is decompressed in one call of zstd-jni
 * ({@link ZstdDecompressCtx#decompressByteArray}, with one context reused for all pages of the reader) into an
 * array of the page's known uncompressed size, instead of through
 * Parquet's streaming {@link ZstandardCodec} input stream with its intermediate buffers and copies. ZSTD is the
 * default codec of cevns files, and its decompression dominated the projected reads of the analysis
 * ({@code docs/io.md}). The arrays are reused: a reader hands a page's array back with {@link #recycle} once it
 * has decoded the page, and the next page of about that size is decompressed into it (a data page of 65,536
 * doubles is 512 KiB, a humongous object for G1, so one new array per page cost allocation, zeroing and
 * collection cycles). Everything else (other codecs, direct buffers, compression) is Parquet's own.
 */
final class ZstdReadCodecs implements CompressionCodecFactory {
  private final CompressionCodecFactory parquet;
  private final OneShotZstd zstd;

  private ZstdReadCodecs(CompressionCodecFactory parquet, boolean pooled, PageArrays pool) {
    this.parquet = parquet;
    this.zstd = new OneShotZstd(parquet.getDecompressor(CompressionCodecName.ZSTD), pooled, pool);
  }

  /** Parquet's default codec factory for {@code conf} ({@code HadoopCodecs}) with one-shot ZSTD reads. */
  static ZstdReadCodecs of(Configuration conf) {
    return new ZstdReadCodecs(HadoopCodecs.newFactory(conf, 0), false, null);
  }

  /**
   * As {@link #of}, with ZSTD pages decompressed into reused arrays of the calling thread's pool
   * ({@link PageArrays#local()}): for a reader that hands back every data page with {@link #recycle} and every
   * dictionary page with {@link #forget} once it has decoded them.
   */
  static ZstdReadCodecs pooled(Configuration conf) {
    return new ZstdReadCodecs(HadoopCodecs.newFactory(conf, 0), true, null);
  }

  /** As {@link #pooled(Configuration)} with the arrays of {@code pool} (tests). */
  static ZstdReadCodecs pooled(Configuration conf, PageArrays pool) {
    return new ZstdReadCodecs(HadoopCodecs.newFactory(conf, 0), true, pool);
  }

  /** An array of at least {@code size} bytes from the page arrays (a new one if not pooled); see {@link #giveBack}. */
  byte[] take(int size) {
    return zstd.pooled ? zstd.pool().take(size) : new byte[size];
  }

  /** Hands back an array from {@link #take} (or any array: one the pool did not lend is ignored). */
  void giveBack(byte[] array) {
    if (zstd.pooled) {
      zstd.pool().giveBack(array);
    }
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
    return parquet.getCompressor(codecName);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
    return codecName == CompressionCodecName.ZSTD ? zstd : parquet.getDecompressor(codecName);
  }

  @Override
  public void release() {
    parquet.release();
  }

  /**
   * Takes back the array behind {@code page}, the bytes of a data page this factory decompressed, for a later
   * page; the caller no longer reads it. Buffers from elsewhere (other codecs) are ignored.
   */
  void recycle(ByteBuffer page) {
    if (zstd.pooled && page != null && page.hasArray()) {
      zstd.pool().giveBack(page.array());
    }
  }

  /** Stops tracking the array behind {@code page} (a dictionary page, kept by its dictionary): it is not reused. */
  void forget(ByteBuffer page) {
    if (zstd.pooled && page != null && page.hasArray()) {
      zstd.pool().forget(page.array());
    }
  }

  /**
   * One zstd-jni call per page; direct buffers go to Parquet's decompressor. Used by one reader, on one thread
   * at a time (as all of Parquet's decompressors).
   */
  private static final class OneShotZstd implements BytesInputDecompressor {
    private final BytesInputDecompressor parquet;
    /** The pool, or null: the pool of the calling thread at each call. */
    private final PageArrays fixedPool;
    private final boolean pooled;
    private ZstdDecompressCtx context;

    OneShotZstd(BytesInputDecompressor parquet, boolean pooled, PageArrays fixedPool) {
      this.parquet = parquet;
      this.pooled = pooled;
      this.fixedPool = fixedPool;
    }

    PageArrays pool() {
      return fixedPool != null ? fixedPool : PageArrays.local();
    }

    @Override
    @SuppressWarnings("deprecation") // toByteBuffer(): see PageColumnReader.bytes
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      ByteBuffer in = bytes.toByteBuffer();
      byte[] src;
      int offset;
      int length = in.remaining();
      if (in.hasArray()) {
        src = in.array();
        offset = in.arrayOffset() + in.position();
      } else {
        src = new byte[length];
        in.duplicate().get(src);
        offset = 0;
      }
      byte[] out = pooled ? pool().take(uncompressedSize) : new byte[uncompressedSize];
      if (context == null) {
        context = new ZstdDecompressCtx();
      }
      int n;
      try {
        n = context.decompressByteArray(out, 0, uncompressedSize, src, offset, length);
      } catch (ZstdException e) {
        throw new IOException("ZSTD page of " + length + " bytes: " + e.getMessage(), e);
      }
      if (n != uncompressedSize) {
        throw new IOException("ZSTD page of " + length + " bytes decompressed to " + n + " bytes, expected "
            + uncompressedSize);
      }
      return BytesInput.from(out, 0, uncompressedSize);
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
        throws IOException {
      parquet.decompress(input, compressedSize, output, decompressedSize);
    }

    @Override
    public void release() {
      if (context != null) {
        context.close();
        context = null;
      }
      parquet.release();
    }
  }
}
