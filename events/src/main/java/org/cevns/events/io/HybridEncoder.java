package org.cevns.events.io;

import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;

/**
 * Parquet's RLE / bit-packing hybrid encoding of small non-negative integers (dictionary ids, definition levels),
 * fed a run of equal values at a time ({@link #writeRun}): the bytes of parquet-java's
 * {@code RunLengthBitPackingHybridEncoder} given the same values one by one. Its rules, kept here: values are
 * buffered 8 at a time; 8 equal values in a row make an RLE run, counted until another value comes (the buffered
 * copies are dropped); otherwise each group of 8 is bit-packed (LSB first) into the current bit-packed run of at
 * most 63 groups, whose one-byte header is set when the run ends; at the end a partial group is padded with zeros.
 * Once 8 equal values are counted, the rest of a run is a counter increment, so a page of long runs costs per run,
 * not per value ({@link HybridEncoderTest}). The output starts with {@code prefix} bytes the caller fills (the
 * bit-width byte of dictionary ids, the 4-byte length of levels). Not thread-safe; reusable ({@link #reset}).
 */
final class HybridEncoder {
  private final int[] buffered = new int[8];
  private byte[] out = new byte[64];
  private int size;
  private int prefix;
  private int bitWidth;
  private int valueBytes;
  private BytePacker packer;
  private int numBuffered;
  private int previous;
  private int repeatCount;
  private int groups;
  /** Index of the current bit-packed run's header byte, or -1. */
  private int header = -1;

  /** Empties the encoder for values of {@code bitWidth} bits (0-32), leaving {@code prefix} bytes at the start. */
  void reset(int bitWidth, int prefix) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new IllegalArgumentException("bit width must be 0-32, got " + bitWidth);
    }
    if (packer == null || this.bitWidth != bitWidth) {
      packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
    }
    this.bitWidth = bitWidth;
    this.valueBytes = (bitWidth + 7) / 8;
    this.prefix = prefix;
    size = prefix;
    numBuffered = 0;
    previous = 0;
    repeatCount = 0;
    groups = 0;
    header = -1;
  }

  /** Adds {@code count} copies of {@code value} (non-negative, within the bit width). */
  void writeRun(int value, int count) {
    for (int left = count; left > 0; left--) {
      if (value == previous && repeatCount >= 8) {
        repeatCount += left;
        return;
      }
      write(value);
    }
  }

  private void write(int value) {
    if (value == previous) {
      if (++repeatCount >= 8) {
        return;
      }
    } else {
      if (repeatCount >= 8) {
        rleRun();
      }
      repeatCount = 1;
      previous = value;
    }
    buffered[numBuffered++] = value;
    if (numBuffered == 8) {
      packGroup();
    }
  }

  private void packGroup() {
    if (groups >= 63) {
      endPackedRun();
    }
    if (header < 0) {
      ensure(1);
      header = size++;
      out[header] = 0;
    }
    ensure(bitWidth);
    packer.pack8Values(buffered, 0, out, size);
    size += bitWidth;
    numBuffered = 0;
    repeatCount = 0;
    groups++;
  }

  private void endPackedRun() {
    if (header >= 0) {
      out[header] = (byte) ((groups << 1) | 1);
      header = -1;
      groups = 0;
    }
  }

  private void rleRun() {
    endPackedRun();
    ensure(5 + valueBytes);
    for (int v = repeatCount << 1; ; v >>>= 7) {
      if ((v & ~0x7F) == 0) {
        out[size++] = (byte) v;
        break;
      }
      out[size++] = (byte) ((v & 0x7F) | 0x80);
    }
    for (int k = 0; k < valueBytes; k++) {
      out[size++] = (byte) (previous >>> (8 * k));
    }
    repeatCount = 0;
    numBuffered = 0;
  }

  private void ensure(int more) {
    if (size + more > out.length) {
      out = Arrays.copyOf(out, Math.max(size + more, 2 * out.length));
    }
  }

  /** Bytes encoded so far after the prefix (parquet-java's {@code getBufferedSize}: buffered values not counted). */
  long bufferedSize() {
    return size - prefix;
  }

  /**
   * Ends the encoding (as parquet-java's {@code toBytes}) and returns the prefix and the encoded values; the prefix
   * bytes are set by {@code setPrefix} before. Valid until the next {@link #reset}.
   */
  BytesInput finish() {
    if (repeatCount >= 8) {
      rleRun();
    } else if (numBuffered > 0) {
      Arrays.fill(buffered, numBuffered, 8, 0);
      packGroup();
      endPackedRun();
    } else {
      endPackedRun();
    }
    return BytesInput.from(out, 0, size);
  }

  /** Sets prefix byte {@code at} to {@code b}. */
  void setPrefix(int at, byte b) {
    out[at] = b;
  }
}
