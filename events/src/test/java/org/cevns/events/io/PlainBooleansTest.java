package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link IntegerTargets.Booleans#putPlainBits}, the bulk read of PLAIN boolean pages, against a bit-by-bit read. */
class PlainBooleansTest {
  @Test
  void sameValuesAsTheBitByBitReadForEveryStartLengthAndPosition() {
    SplittableRandom rng = new SplittableRandom(31);
    byte[] page = new byte[12];
    for (int i = 0; i < page.length; i++) {
      page[i] = (byte) rng.nextInt(256);
    }
    // a buffer whose index 0 is not the array's: absolute reads must be relative to the buffer
    ByteBuffer bits = ByteBuffer.wrap(new byte[3 + page.length], 3, page.length).slice();
    bits.put(0, page, 0, page.length);
    for (int first = 0; first <= 17; first++) {
      for (int m = 0; first + m <= page.length * Byte.SIZE; m++) {
        for (int at : new int[] {0, 5}) {
          boolean[] got = new boolean[at + m + 2];
          IntegerTargets.Booleans t = new IntegerTargets.Booleans("detected", got, null);
          t.seek(at);
          t.putPlainBits(bits, first, m);
          boolean[] want = new boolean[got.length];
          for (int i = 0; i < m; i++) {
            int bit = first + i;
            want[at + i] = (page[bit >>> 3] >>> (bit & 7) & 1) != 0;
          }
          assertArrayEquals(want, got, "first bit " + first + ", " + m + " values at " + at);
          assertEquals(at + m, t.position(), "position");
        }
      }
    }
  }
}
