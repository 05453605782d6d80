package org.cevns.events.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * parquet-java's values writers, except that PLAIN doubles are written straight into a growing array instead of
 * through its byte-by-byte little-endian stream, which was most of the cost of writing a truth file (JFR of
 * {@code cevns generate}), and that 64-bit integers without dictionary are DELTA_BINARY_PACKED with v1 pages too
 * ({@link #deltaEncoded}). The bytes are the same: PLAIN is 8 little-endian
 * bytes per value, doubles as {@link Double#doubleToLongBits} like parquet-java. Stateless after
 * {@link #initialize}: one factory serves writers on many threads.
 */
final class PlainValuesWriters implements ValuesWriterFactory {
  private final DefaultValuesWriterFactory parquet = new DefaultValuesWriterFactory();
  private volatile ParquetProperties properties;

  @Override
  public void initialize(ParquetProperties properties) {
    parquet.initialize(properties);
    this.properties = properties;
  }

  @Override
  public ValuesWriter newValuesWriter(ColumnDescriptor descriptor) {
    PrimitiveTypeName type = descriptor.getPrimitiveType().getPrimitiveTypeName();
    // parquet-java writes these PLAIN: doubles without dictionary or byte-stream split; longs so with v1 pages
    ParquetProperties p = properties;
    boolean v1Pages = p.getWriterVersion() == ParquetProperties.WriterVersion.PARQUET_1_0;
    if (v1Pages && deltaEncoded(descriptor, p)) {
      return newDeltaWriter(p);
    }
    boolean plain = type == PrimitiveTypeName.DOUBLE && !p.isDictionaryEnabled(descriptor)
        && !p.isByteStreamSplitEnabled(descriptor);
    return plain ? new Plain64() : parquet.newValuesWriter(descriptor);
  }

  /**
   * True for a column whose values cevns writes DELTA_BINARY_PACKED: 64-bit integers without dictionary (event
   * numbers, beam pulses), as parquet-java does with v2 pages. Sequential event numbers take ~0 bytes so instead of
   * ~1 byte/event PLAIN + ZSTD, and random pulse numbers ~3.9 bytes/event instead of 4.1, with less CPU than ZSTD
   * spends on their PLAIN bytes (docs/performance-history.md, "Parquet encoding (thirteenth session)").
   */
  static boolean deltaEncoded(ColumnDescriptor descriptor, ParquetProperties p) {
    return descriptor.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT64
        && !p.isDictionaryEnabled(descriptor);
  }

  /** parquet-java's DELTA_BINARY_PACKED writer of 64-bit integers, as its v2 values writer factory makes it. */
  static DeltaBinaryPackingValuesWriterForLong newDeltaWriter(ParquetProperties p) {
    return new DeltaBinaryPackingValuesWriterForLong(p.getInitialSlabSize(), p.getPageSizeThreshold(),
        p.getAllocator());
  }

  /** PLAIN encoding of 8-byte values into one array. */
  static final class Plain64 extends ValuesWriter {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int INITIAL_BYTES = 1 << 16;
    private byte[] bytes = new byte[INITIAL_BYTES];
    private int size;

    @Override
    public void writeDouble(double v) {
      writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeLong(long v) {
      if (size + Long.BYTES > bytes.length) {
        bytes = Arrays.copyOf(bytes, 2 * bytes.length);
      }
      LONGS.set(bytes, size, v);
      size += Long.BYTES;
    }

    @Override
    public long getBufferedSize() {
      return size;
    }

    /** Valid until the next {@link #reset}: parquet-java compresses a page before it resets its writers. */
    @Override
    public BytesInput getBytes() {
      return BytesInput.from(bytes, 0, size);
    }

    @Override
    public Encoding getEncoding() {
      return Encoding.PLAIN;
    }

    @Override
    public void reset() {
      size = 0;
    }

    @Override
    public long getAllocatedSize() {
      return bytes.length;
    }

    @Override
    public String memUsageString(String prefix) {
      return prefix + " PLAIN 64-bit " + size + " bytes";
    }
  }
}
