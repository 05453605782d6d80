package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteStreamUnsplitTest {
  /** The byte-by-byte gather PageColumnReader used before the block transpose. */
  private static byte[] reference(byte[] in, int base, int size, int width) {
    byte[] out = new byte[size];
    int n = size / width;
    for (int k = 0; k < width; k++) {
      for (int i = 0; i < n; i++) {
        out[i * width + k] = in[base + k * n + i];
      }
    }
    return out;
  }

  @Test
  void sameBytesAsTheByteByByteGatherForEveryLengthAndOffset() {
    SplittableRandom rng = new SplittableRandom(15);
    for (int width : new int[] {4, 8}) {
      for (int n = 0; n <= 70; n++) {
        for (int base : new int[] {0, 1, 7, 13}) {
          byte[] in = new byte[base + n * width + 5];
          for (int i = 0; i < in.length; i++) {
            in[i] = (byte) rng.nextInt(256);
          }
          byte[] out = new byte[n * width + 3];
          ByteStreamUnsplit.unsplit(in, base, n * width, width, out);
          byte[] got = java.util.Arrays.copyOf(out, n * width);
          assertArrayEquals(reference(in, base, n * width, width), got, "width " + width + ", n " + n + ", base " + base);
        }
      }
    }
  }

  @Test
  void doublesComeBackAsWritten() {
    double[] values = {0.0, -0.0, 1.5, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, -3.25e-300, 42.0, 1e300,
        Math.PI, -Math.E, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0};
    int n = values.length;
    byte[] split = new byte[n * Double.BYTES];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToRawLongBits(values[i]);
      for (int k = 0; k < Double.BYTES; k++) {
        split[k * n + i] = (byte) (bits >>> (8 * k));
      }
    }
    byte[] out = new byte[split.length];
    ByteStreamUnsplit.unsplit(split, 0, split.length, Double.BYTES, out);
    double[] back = new double[n];
    java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(back);
    for (int i = 0; i < n; i++) {
      org.junit.jupiter.api.Assertions.assertEquals(Double.doubleToRawLongBits(values[i]),
          Double.doubleToRawLongBits(back[i]), "value " + i);
    }
  }

  @Test
  void rejectsWidthsAndSizesItCannotGather() {
    assertThrows(IllegalArgumentException.class, () -> ByteStreamUnsplit.unsplit(new byte[16], 0, 16, 2, new byte[16]));
    assertThrows(IllegalArgumentException.class, () -> ByteStreamUnsplit.unsplit(new byte[16], 0, 12, 8, new byte[16]));
    assertThrows(IllegalArgumentException.class, () -> ByteStreamUnsplit.unsplit(new byte[16], 4, 16, 8, new byte[16]));
    assertThrows(IllegalArgumentException.class, () -> ByteStreamUnsplit.unsplit(new byte[16], 0, 16, 8, new byte[8]));
  }

  @Test
  void splitDoublesOfAnySubRangeHaveTheBitsOfTheByteByByteGather() {
    SplittableRandom rng = new SplittableRandom(16);
    for (int n = 0; n <= 70; n++) {
      for (int base : new int[] {0, 3, 8}) {
        byte[] in = new byte[base + n * Long.BYTES + 2];
        for (int i = 0; i < in.length; i++) {
          in[i] = (byte) rng.nextInt(256); // any bit pattern: NaN payloads, infinities, subnormals, -0.0
        }
        java.nio.ByteBuffer plain = java.nio.ByteBuffer.wrap(reference(in, base, n * Long.BYTES, Long.BYTES))
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int trial = 0; trial < 6; trial++) {
          int first = trial == 0 ? 0 : rng.nextInt(n + 1);
          int m = trial == 0 ? n : rng.nextInt(n - first + 1);
          int to = rng.nextInt(4);
          double[] out = new double[to + m + 3];
          java.util.Arrays.fill(out, 42.0);
          ByteStreamUnsplit.unsplitDoubles(in, base, n, first, m, out, to);
          for (int j = 0; j < out.length; j++) {
            long want = j >= to && j < to + m ? plain.getLong((first + j - to) * Long.BYTES)
                : Double.doubleToRawLongBits(42.0);
            org.junit.jupiter.api.Assertions.assertEquals(want, Double.doubleToRawLongBits(out[j]),
                "n " + n + ", base " + base + ", values [" + first + ", +" + m + ") at " + to + ": out[" + j + "]");
          }
        }
      }
    }
    double[] out = new double[4];
    byte[] page = new byte[32];
    assertThrows(IllegalArgumentException.class, () -> ByteStreamUnsplit.unsplitDoubles(page, 0, 4, 1, 4, out, 0));
    assertThrows(IllegalArgumentException.class, () -> ByteStreamUnsplit.unsplitDoubles(page, 1, 4, 0, 1, out, 0));
    assertThrows(IllegalArgumentException.class, () -> ByteStreamUnsplit.unsplitDoubles(page, 0, 4, 0, 2, out, 3));
    assertThrows(IllegalArgumentException.class, () -> ByteStreamUnsplit.unsplitDoubles(page, 0, 4, -1, 1, out, 0));
  }
  /**
   * Both paths share one long kernel: 8-byte values that are signalling NaNs, NaNs with payloads, infinities and
   * negative zero come back with every bit, as bytes ({@code unsplit}: INT64 and DOUBLE pages gathered to PLAIN) and
   * as doubles ({@code unsplitDoubles}); the 8-byte path once went through {@code longBitsToDouble} and back.
   */
  @Test
  void everyBitPatternSurvivesBothPaths() {
    long[] bits = {0x7ff0_0000_0000_0001L, 0xfff0_0000_0000_0001L, 0x7ff4_0000_dead_beefL, 0x7ff8_0000_0000_0000L,
        0xfff8_0000_0000_0001L, 0x7ff0_0000_0000_0000L, 0x8000_0000_0000_0000L, 0x0000_0000_0000_0001L,
        0x7fef_ffff_ffff_ffffL, 0x0123_4567_89ab_cdefL, -1L, Long.MIN_VALUE + 1, 0x7ff7_ffff_ffff_ffffL,
        0xfff7_ffff_ffff_ffffL, 0L, 0x7ff0_0000_0000_0002L, 0x7ff8_dead_beef_0001L};
    int n = bits.length;
    byte[] split = new byte[n * Long.BYTES];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < Long.BYTES; k++) {
        split[k * n + i] = (byte) (bits[i] >>> (8 * k));
      }
    }
    byte[] plain = new byte[split.length];
    ByteStreamUnsplit.unsplit(split, 0, split.length, Long.BYTES, plain);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(plain).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    double[] doubles = new double[n];
    ByteStreamUnsplit.unsplitDoubles(split, 0, n, 0, n, doubles, 0);
    for (int i = 0; i < n; i++) {
      org.junit.jupiter.api.Assertions.assertEquals(bits[i], b.getLong(i * Long.BYTES), "bytes of value " + i);
      org.junit.jupiter.api.Assertions.assertEquals(bits[i], Double.doubleToRawLongBits(doubles[i]),
          "double of value " + i);
    }
  }
}
