package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/** {@link PageArrays} and the reuse of ZSTD page arrays by {@link ZstdReadCodecs#pooled}. */
class PageArraysTest {
  @Test
  void lendsTheSmallestFreeArrayThatHoldsThePage() {
    PageArrays pool = new PageArrays();
    byte[] big = pool.take(1000);
    byte[] small = pool.take(100);
    assertEquals(2, pool.lentCount());
    pool.giveBack(big);
    pool.giveBack(small);
    assertEquals(0, pool.lentCount());
    assertEquals(2, pool.freeCount());
    assertSame(small, pool.take(50));
    assertSame(big, pool.take(101));
    byte[] fresh = pool.take(2000);
    assertEquals(2000, fresh.length);
    assertEquals(0, pool.freeCount());
  }

  @Test
  void ignoresArraysItDidNotLendOrThatAreBackOrForgotten() {
    PageArrays pool = new PageArrays();
    pool.giveBack(new byte[10]);
    pool.giveBack(null);
    assertEquals(0, pool.freeCount());
    byte[] a = pool.take(10);
    pool.giveBack(a);
    pool.giveBack(a); // twice: kept once, so never lent to two pages
    assertEquals(1, pool.freeCount());
    byte[] kept = pool.take(10);
    pool.forget(kept); // e.g. a dictionary page
    pool.giveBack(kept);
    assertEquals(0, pool.freeCount());
    assertEquals(0, pool.lentCount());
    assertThrows(IllegalArgumentException.class, () -> pool.take(-1));
  }

  @Test
  void keepsAtMostMaxFreeArrays() {
    PageArrays pool = new PageArrays();
    byte[][] lent = new byte[PageArrays.MAX_FREE + 5][];
    for (int i = 0; i < lent.length; i++) {
      lent[i] = pool.take(8);
    }
    for (byte[] a : lent) {
      pool.giveBack(a);
    }
    assertEquals(PageArrays.MAX_FREE, pool.freeCount());
    assertEquals(0, pool.lentCount());
  }

  @Test
  void pooledZstdDecompressesARecycledPageIntoItsArrayWithTheRightBytes() throws IOException {
    ZstdReadCodecs codecs = ZstdReadCodecs.pooled(HadoopFiles.configuration(), new PageArrays());
    BytesInputDecompressor zstd = codecs.getDecompressor(CompressionCodecName.ZSTD);
    byte[] first = page(7, 5000);
    byte[] second = page(8, 4000);
    ByteBuffer one = decompress(zstd, first);
    assertArrayEquals(first, bytes(one));
    codecs.recycle(one);
    ByteBuffer two = decompress(zstd, second);
    assertSame(one.array(), two.array(), "the recycled array is reused");
    assertEquals(second.length, two.remaining());
    assertArrayEquals(second, bytes(two));
    // not recycled: the next page gets a new array
    ByteBuffer three = decompress(zstd, first);
    assertNotSame(two.array(), three.array());
    assertArrayEquals(first, bytes(three));
    codecs.release();
  }

  @Test
  void unpooledZstdNeverReusesAnArray() throws IOException {
    ZstdReadCodecs codecs = ZstdReadCodecs.of(HadoopFiles.configuration());
    BytesInputDecompressor zstd = codecs.getDecompressor(CompressionCodecName.ZSTD);
    ByteBuffer one = decompress(zstd, page(1, 300));
    codecs.recycle(one);
    ByteBuffer two = decompress(zstd, page(2, 300));
    assertNotSame(one.array(), two.array());
    assertTrue(Arrays.equals(page(2, 300), bytes(two)));
    codecs.release();
  }

  private static byte[] page(int seed, int size) {
    byte[] b = new byte[size];
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (rng.nextInt(4) == 0 ? rng.nextInt(256) : i / 64);
    }
    return b;
  }

  @SuppressWarnings("deprecation")
  private static ByteBuffer decompress(BytesInputDecompressor zstd, byte[] raw) throws IOException {
    return zstd.decompress(BytesInput.from(Zstd.compress(raw, 1)), raw.length).toByteBuffer();
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
