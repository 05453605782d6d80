package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChannelInputFile}: positional channel reads of a local file for the page path. */
class ChannelInputFileTest {
  @TempDir Path dir;

  @Test
  void readsEveryRangeWithTheRightBytesAcrossReadPieces() throws IOException {
    int size = 3 * ChannelInputFile.Stream.READ_BYTES + 12_345;
    byte[] content = new byte[size];
    new SplittableRandom(5).nextBytes(content);
    Path file = Files.write(dir.resolve("x.bin"), content);
    InputFile in = ChannelInputFile.of(new org.apache.hadoop.fs.Path(file.toString()), HadoopFiles.configuration());
    assertInstanceOf(ChannelInputFile.class, in);
    assertEquals(size, in.getLength());
    try (SeekableInputStream s = in.newStream()) {
      assertEquals(0, s.getPos());
      // a heap buffer larger than one read piece, limited below its capacity (as ChunkBuffers hands them out)
      ByteBuffer b = ByteBuffer.allocate(size + 100).limit(size - 7);
      s.seek(7);
      s.readFully(b);
      assertEquals(size - 7, b.position());
      assertEquals(size - 7, b.limit(), "the limit is restored");
      assertEquals(size, s.getPos());
      assertArrayEquals(Arrays.copyOfRange(content, 7, size), Arrays.copyOfRange(b.array(), 0, size - 7));
      s.seek(1000);
      assertEquals(content[1000] & 0xff, s.read());
      byte[] a = new byte[300];
      s.readFully(a, 100, 200);
      assertArrayEquals(Arrays.copyOfRange(content, 1001, 1201), Arrays.copyOfRange(a, 100, 300));
      assertEquals(1201, s.getPos());
      ByteBuffer d = ByteBuffer.allocateDirect(50);
      s.readFully(d);
      d.flip();
      byte[] got = new byte[50];
      d.get(got);
      assertArrayEquals(Arrays.copyOfRange(content, 1201, 1251), got);
      s.seek(size - 10);
      ByteBuffer tail = ByteBuffer.allocate(64);
      assertEquals(10, s.read(tail));
      assertEquals(-1, s.read());
      s.seek(size - 10);
      EOFException e = assertThrows(EOFException.class, () -> s.readFully(ByteBuffer.allocate(11)));
      assertEquals("reached the end of the file with 1 bytes left to read", e.getMessage());
      assertThrows(IOException.class, () -> s.seek(-1));
    }
  }
}
