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
 * ({@code docs/io.md}). Everything else (other codecs, direct buffers, compression) is Parquet's own.
 */
final class ZstdReadCodecs implements CompressionCodecFactory {
  private final CompressionCodecFactory parquet;
  private final BytesInputDecompressor zstd;

  private ZstdReadCodecs(CompressionCodecFactory parquet) {
    this.parquet = parquet;
    this.zstd = new OneShotZstd(parquet.getDecompressor(CompressionCodecName.ZSTD));
  }

  /** Parquet's default codec factory for {@code conf} ({@code HadoopCodecs}) with one-shot ZSTD reads. */
  static CompressionCodecFactory of(Configuration conf) {
    return new ZstdReadCodecs(HadoopCodecs.newFactory(conf, 0));
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
   * One zstd-jni call per page; direct buffers go to Parquet's decompressor. Used by one reader, on one thread
   * at a time (as all of Parquet's decompressors).
   */
  private static final class OneShotZstd implements BytesInputDecompressor {
    private final BytesInputDecompressor parquet;
    private ZstdDecompressCtx context;

    OneShotZstd(BytesInputDecompressor parquet) {
      this.parquet = parquet;
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
      byte[] out = new byte[uncompressedSize];
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
      return BytesInput.from(out);
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
