package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** {@link ChunkBuffers}: Parquet's column-chunk buffers reused across row groups. */
class ChunkBuffersTest {
  @Test
  void buffersAreLimitedToTheRequestAndReusedSmallestFirst() {
    ChunkBuffers pool = new ChunkBuffers(1L << 30);
    ByteBuffer big = pool.allocate(5 << 20);
    assertEquals(0, big.position());
    assertEquals(5 << 20, big.limit());
    assertEquals(5 << 20, big.capacity(), "a multiple of 1 MiB stays as it is");
    ByteBuffer odd = pool.allocate((3 << 20) + 1);
    assertEquals((3 << 20) + 1, odd.remaining());
    assertEquals(4 << 20, odd.capacity(), "rounded up to 1 MiB");
    ByteBuffer small = pool.allocate(100);
    assertEquals(100, small.capacity(), "small buffers are not rounded");
    assertFalse(small.isDirect());
    assertFalse(pool.isDirect());
    // Parquet reads into the buffer, flips it, reads from it, then releases it
    odd.position(odd.limit()).flip();
    pool.release(big);
    pool.release(odd);
    pool.release(small);
    assertEquals(3, pool.freeCount());
    ByteBuffer again = pool.allocate(3 << 20);
    assertSame(odd, again, "the smallest buffer that holds the request");
    assertEquals(0, again.position());
    assertEquals(3 << 20, again.limit());
    assertSame(big, pool.allocate((4 << 20) + 7));
    assertSame(small, pool.allocate(99));
    ByteBuffer fresh = pool.allocate(6 << 20);
    assertNotSame(big, fresh);
    assertEquals(0, pool.freeCount());
    assertThrows(IllegalArgumentException.class, () -> pool.allocate(-1));
  }

  @Test
  void aBufferReleasedTwiceIsKeptOnceAndForeignOnesAreIgnored() {
    ChunkBuffers pool = new ChunkBuffers(1L << 30);
    ByteBuffer b = pool.allocate(1000);
    pool.release(b);
    pool.release(b);
    assertEquals(1, pool.freeCount());
    pool.release(null);
    pool.release(ByteBuffer.allocateDirect(10));
    pool.release(ByteBuffer.allocate(10).asReadOnlyBuffer());
    assertEquals(1, pool.freeCount());
    assertSame(b, pool.allocate(10));
    assertNotSame(b, pool.allocate(10), "lent once only");
  }

  @Test
  void keepsAtMostItsBoundOfFreeBytes() {
    ChunkBuffers pool = new ChunkBuffers(3 << 20);
    ByteBuffer a = pool.allocate(1 << 20);
    ByteBuffer b = pool.allocate(2 << 20);
    ByteBuffer c = pool.allocate(1 << 20);
    pool.release(a);
    pool.release(b);
    pool.release(c); // over the bound: dropped
    assertEquals(2, pool.freeCount());
    assertSame(a, pool.allocate(1 << 20));
    pool.release(c); // room again
    assertEquals(2, pool.freeCount());
  }
}
