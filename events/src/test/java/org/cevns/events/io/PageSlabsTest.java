package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.ConcatenatingByteBufferCollector;
import org.junit.jupiter.api.Test;

/** {@link PageSlabs}: buffers as a new one's, arrays reused from row group to row group, bounded. */
class PageSlabsTest {
  @Test
  void aBufferIsPositionedAsANewOne() {
    PageSlabs slabs = new PageSlabs();
    ByteBuffer b = slabs.allocate(100);
    assertEquals(0, b.position());
    assertEquals(100, b.limit());
    assertFalse(b.isDirect());
    assertFalse(slabs.isDirect());
    assertThrows(IllegalArgumentException.class, () -> slabs.allocate(-1));
  }

  @Test
  void theNextRowGroupReusesTheArraysInOrder() {
    PageSlabs slabs = new PageSlabs();
    byte[] first = slabs.allocate(800).array();
    byte[] second = slabs.allocate(50).array();
    assertEquals(800 + 800 / PageSlabs.HEADROOM_DIVISOR, first.length);
    assertNotSame(first, second);
    slabs.reset();
    // a page up to the headroom larger fits the same array; a larger one gets a new array in its place
    assertSame(first, slabs.allocate(850).array());
    byte[] grown = slabs.allocate(500).array();
    assertNotSame(second, grown);
    byte[] third = slabs.allocate(10).array();
    slabs.reset();
    assertSame(first, slabs.allocate(1).array());
    assertSame(grown, slabs.allocate(500).array());
    assertSame(third, slabs.allocate(10).array());
    assertEquals(first.length + grown.length + third.length, slabs.heldBytes());
  }

  @Test
  void heldBytesStayBoundedOverManyRowGroups() {
    PageSlabs slabs = new PageSlabs();
    long most = 0;
    for (int group = 0; group < 1000; group++) {
      slabs.reset();
      for (int page = 0; page < 5; page++) {
        slabs.allocate(1000 + (group * 37 + page * 101) % 200);
      }
      most = Math.max(most, slabs.heldBytes());
    }
    // never more than one array per page, each at most the largest page plus its headroom
    assertTrue(most <= 5L * (1200 + 1200 / PageSlabs.HEADROOM_DIVISOR), "held " + most);
  }

  @Test
  void parquetsCollectorKeepsTheSameBytesInReusedArrays() throws Exception {
    PageSlabs slabs = new PageSlabs();
    byte[] big = new byte[700];
    byte[] small = new byte[300];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 7);
    }
    for (int i = 0; i < small.length; i++) {
      small[i] = (byte) (i * 13 + 1);
    }
    try (ConcatenatingByteBufferCollector first = new ConcatenatingByteBufferCollector(slabs)) {
      first.collect(BytesInput.from(big));
      assertArrayEquals(big, first.toByteArray());
    }
    slabs.reset();
    // the second row group's smaller page in the first's array: only its own bytes are collected
    try (ConcatenatingByteBufferCollector second = new ConcatenatingByteBufferCollector(slabs)) {
      second.collect(BytesInput.from(small));
      second.collect(BytesInput.from(small, 0, 5));
      assertEquals(305, second.size());
      byte[] expected = new byte[305];
      System.arraycopy(small, 0, expected, 0, 300);
      System.arraycopy(small, 0, expected, 300, 5);
      assertArrayEquals(expected, second.toByteArray());
    }
  }
}
