package org.cevns.events.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Bulk decoder of Parquet's RLE / bit-packing hybrid encoding (dictionary ids and definition levels; format
 * spec "Run Length Encoding / Bit-Packing Hybrid (RLE = 3)"): a sequence of runs, each a ULEB128 header whose
 * low bit selects a repeated value (header >>> 1 repeats, value in ceil(bitWidth / 8) little-endian bytes) or
 * bit-packed groups of 8 values (header >>> 1 groups of bitWidth bytes). Unpacking uses Parquet's
 * {@link BytePacker}. Reused across pages via {@link #init}.
 */
final class HybridDecoder {
  /** Groups of 8 values that {@link BytePacker#unpack32Values} unpacks in one call. */
  private static final int GROUPS_PER_32 = 4;
  private ByteBuffer in;
  private int bitWidth;
  private int rleValueBytes;
  private BytePacker packer;
  private boolean repeated;
  private int runLeft;
  private int repeatedValue;
  private int[] unpacked = new int[512];
  private int unpackedPos;

  /** Starts decoding {@code data} (from its position to its limit) with values of {@code width} bits. */
  void init(ByteBuffer data, int width) {
    if (width < 0 || width > 32) {
      throw new ParquetDecodingException("bit width must be in [0, 32], got " + width);
    }
    this.in = data;
    if (packer == null || bitWidth != width) {
      packer = Packer.LITTLE_ENDIAN.newBytePacker(width);
    }
    this.bitWidth = width;
    this.rleValueBytes = (width + 7) / 8;
    this.runLeft = 0;
  }

  /** Decodes the next {@code n} values into {@code dst[off, off + n)}. */
  void read(int[] dst, int off, int n) {
    while (n > 0) {
      if (runLeft == 0) {
        nextRun();
        continue;
      }
      int k = Math.min(n, runLeft);
      if (repeated) {
        Arrays.fill(dst, off, off + k, repeatedValue);
      } else {
        System.arraycopy(unpacked, unpackedPos, dst, off, k);
        unpackedPos += k;
      }
      off += k;
      n -= k;
      runLeft -= k;
    }
  }

  /**
   * Consumes the next values while they are a repeated run of {@code value}, at most {@code max}, and returns how
   * many (0 if the next value starts a bit-packed run or a run of another value, or the data ended).
   */
  int skipRepeated(int value, int max) {
    if (runLeft == 0) {
      if (!in.hasRemaining()) {
        return 0;
      }
      nextRun();
    }
    if (!repeated || repeatedValue != value) {
      return 0;
    }
    int k = Math.min(max, runLeft);
    runLeft -= k;
    return k;
  }

  /** The values left in the current run (the next run's if this one is done), at most {@code max}; &ge; 1. */
  int runLength(int max) {
    if (runLeft == 0) {
      nextRun();
    }
    return Math.min(max, runLeft);
  }

  private void nextRun() {
    if (!in.hasRemaining()) {
      throw new ParquetDecodingException("RLE/bit-packed data ended before all values were read");
    }
    int header = readUnsignedVarInt();
    if ((header & 1) == 0) {
      repeated = true;
      runLeft = header >>> 1;
      int v = 0;
      for (int i = 0; i < rleValueBytes; i++) {
        v |= (in.get() & 0xff) << (8 * i);
      }
      repeatedValue = v;
      return;
    }
    repeated = false;
    int groups = header >>> 1;
    int values = groups * 8;
    if (unpacked.length < values) {
      unpacked = new int[values];
    }
    int bytes = groups * bitWidth;
    ByteBuffer src = in;
    int start = in.position();
    if (in.remaining() < bytes) {
      // the last run may be truncated to the bytes that hold real values: pad with zeros
      byte[] padded = new byte[bytes];
      in.get(padded, 0, in.remaining());
      src = ByteBuffer.wrap(padded);
      start = 0;
    } else {
      in.position(start + bytes);
    }
    if (src.hasArray()) {
      // from the array: the ByteBuffer overloads read byte by byte through the buffer's checked get(int)
      byte[] a = src.array();
      int at = src.arrayOffset() + start;
      int g = 0;
      for (; g <= groups - GROUPS_PER_32; g += GROUPS_PER_32) {
        packer.unpack32Values(a, at + g * bitWidth, unpacked, g * 8);
      }
      for (; g < groups; g++) {
        packer.unpack8Values(a, at + g * bitWidth, unpacked, g * 8);
      }
    } else {
      for (int g = 0; g < groups; g++) {
        packer.unpack8Values(src, start + g * bitWidth, unpacked, g * 8);
      }
    }
    unpackedPos = 0;
    runLeft = values;
  }

  private int readUnsignedVarInt() {
    int value = 0;
    int shift = 0;
    int b;
    do {
      b = in.get() & 0xff;
      value |= (b & 0x7f) << shift;
      shift += 7;
    } while ((b & 0x80) != 0 && shift < 35);
    return value;
  }
}
