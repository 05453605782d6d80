package org.cevns.events.io;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Page compressors from parquet-java's Hadoop {@link CodecFactory}, one factory per row group (as before
 * {@link PageCompression}): its own class, so that writing a local ZSTD file never loads it or Hadoop's
 * configuration and codec classes.
 */
final class HadoopCompression implements PageCompression {
  private final Configuration conf;
  private final CompressionCodecName codec;
  private final int pageSizeBytes;

  private HadoopCompression(Configuration conf, CompressionCodecName codec, int pageSizeBytes) {
    this.conf = conf;
    this.codec = codec;
    this.pageSizeBytes = pageSizeBytes;
  }

  /**
   * {@code codec} with the codec settings of {@code conf}; ZSTD by {@link PageCompression.Zstd} at the level
   * {@code conf} sets, else {@link PageCompression.Zstd#LEVEL}.
   */
  static PageCompression of(Configuration conf, CompressionCodecName codec, int pageSizeBytes) {
    if (codec == CompressionCodecName.ZSTD) {
      // the bytes of a local file's (PageCompression.Zstd), at the configured level or cevns'
      return PageCompression.zstd(pageSizeBytes, conf.getInt(PageCompression.Zstd.LEVEL_KEY, PageCompression.Zstd.LEVEL));
    }
    return new HadoopCompression(conf, codec, pageSizeBytes);
  }

  /** {@code codec} with the settings of {@link HadoopFiles#configuration()} (the defaults on the classpath). */
  static PageCompression ofDefaults(CompressionCodecName codec, int pageSizeBytes) {
    return of(HadoopFiles.configuration(), codec, pageSizeBytes);
  }

  @Override
  public BytesInputCompressor newCompressor() {
    CodecFactory codecs = new CodecFactory(conf, pageSizeBytes);
    BytesInputCompressor c = codecs.getCompressor(codec);
    return new BytesInputCompressor() {
      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        return c.compress(bytes);
      }

      @Override
      public CompressionCodecName getCodecName() {
        return c.getCodecName();
      }

      @Override
      public void release() {
        codecs.release();
      }
    };
  }
}
