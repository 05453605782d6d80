package org.cevns.events.io;

import java.util.Locale;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * How a Parquet event file is written.
 *
 * @param compression page compression codec
 * @param overwrite replace an existing file at the target (otherwise writing fails before any work, and again
 *     at the final rename if the target appeared meanwhile)
 * @param rowGroupSizeBytes target row group size (buffered in memory before it is written)
 * @param pageSizeBytes target page size
 * @param writerVersion Parquet format writer version; {@code PARQUET_1_0} (v1 data pages) is read by every tool
 */
public record WriteOptions(CompressionCodecName compression, boolean overwrite, long rowGroupSizeBytes,
    int pageSizeBytes, WriterVersion writerVersion) {
  /** Default compression, chosen by measurement ({@code ParquetWriteBench}, see {@code docs/io.md}). */
  public static final CompressionCodecName DEFAULT_COMPRESSION = CompressionCodecName.ZSTD;
  /** Parquet's default row group size, 128 MiB. */
  public static final long DEFAULT_ROW_GROUP_SIZE_BYTES = 128L << 20;
  /** Parquet's default page size, 1 MiB. */
  public static final int DEFAULT_PAGE_SIZE_BYTES = 1 << 20;

  public WriteOptions {
    if (compression == null) {
      throw new IllegalArgumentException("compression must be given, allowed: " + allowedCodecs());
    }
    if (rowGroupSizeBytes < (1 << 16)) {
      throw new IllegalArgumentException("rowGroupSizeBytes must be >= 65536, got " + rowGroupSizeBytes);
    }
    if (pageSizeBytes < 1024) {
      throw new IllegalArgumentException("pageSizeBytes must be >= 1024, got " + pageSizeBytes);
    }
    if (writerVersion == null) {
      throw new IllegalArgumentException("writerVersion must be given, allowed: PARQUET_1_0, PARQUET_2_0");
    }
  }

  /** Defaults: {@link #DEFAULT_COMPRESSION}, no overwrite, 128 MiB row groups, 1 MiB pages, v1 pages. */
  public static WriteOptions defaults() {
    return new WriteOptions(DEFAULT_COMPRESSION, false, DEFAULT_ROW_GROUP_SIZE_BYTES, DEFAULT_PAGE_SIZE_BYTES,
        WriterVersion.PARQUET_1_0);
  }

  /** A copy with another compression codec. */
  public WriteOptions withCompression(CompressionCodecName codec) {
    return new WriteOptions(codec, overwrite, rowGroupSizeBytes, pageSizeBytes, writerVersion);
  }

  /** A copy with another compression codec given by name ({@link #parseCompression}). */
  public WriteOptions withCompression(String codec) {
    return withCompression(parseCompression(codec));
  }

  /** A copy that does or does not replace an existing target. */
  public WriteOptions withOverwrite(boolean replace) {
    return new WriteOptions(compression, replace, rowGroupSizeBytes, pageSizeBytes, writerVersion);
  }

  /** A copy with another row group size. */
  public WriteOptions withRowGroupSizeBytes(long bytes) {
    return new WriteOptions(compression, overwrite, bytes, pageSizeBytes, writerVersion);
  }

  /** A copy with another page size. */
  public WriteOptions withPageSizeBytes(int bytes) {
    return new WriteOptions(compression, overwrite, rowGroupSizeBytes, bytes, writerVersion);
  }

  /** A copy with another Parquet writer version. */
  public WriteOptions withWriterVersion(WriterVersion version) {
    return new WriteOptions(compression, overwrite, rowGroupSizeBytes, pageSizeBytes, version);
  }

  /** Parses a codec name, case-insensitive: {@code uncompressed}, {@code snappy}, {@code zstd}, {@code gzip}, {@code lz4_raw}. */
  public static CompressionCodecName parseCompression(String name) {
    String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    switch (n) {
      case "UNCOMPRESSED", "NONE" -> {
        return CompressionCodecName.UNCOMPRESSED;
      }
      case "SNAPPY", "ZSTD", "GZIP", "LZ4_RAW" -> {
        return CompressionCodecName.valueOf(n);
      }
      default -> throw new IllegalArgumentException(
          "must be one of " + allowedCodecs() + ", got '" + name + "'");
    }
  }

  private static String allowedCodecs() {
    return "uncompressed, snappy, zstd, gzip, lz4_raw";
  }
}
