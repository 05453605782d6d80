package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: two writers of one target never damage each other; the second to commit loses. */
class StagedParquetFileConcurrencyTest {
  @TempDir Path tmp;

  private List<String> hidden() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
    }
  }

  @Test
  void concurrentCommitNeverReplacesAFileItDidNotWrite() throws Exception {
    Path target = tmp.resolve("same.parquet");
    org.apache.hadoop.fs.Path t = new org.apache.hadoop.fs.Path(target.toUri());
    List<BlockColumn<long[]>> cols = List.of(BlockColumn.int64("v", (b, i) -> b[i]));
    for (boolean overwrite : new boolean[] {false, true}) {
      Files.deleteIfExists(target);
      WriteOptions o = WriteOptions.defaults().withOverwrite(overwrite);
      StagedParquetFile<long[]> a = StagedParquetFile.create(t, "m", cols, Map.of(), o, HadoopFiles.configuration());
      StagedParquetFile<long[]> b = StagedParquetFile.create(t, "m", cols, Map.of(), o, HadoopFiles.configuration());
      assertFalse(a.temporary().equals(b.temporary()), "unique temporary names");
      a.write(new long[] {1, 2, 3}, 3);
      b.write(new long[] {4}, 1);
      b.commit();
      byte[] winner = Files.readAllBytes(target);
      assertThrows(OutputExistsException.class, a::commit);
      assertArrayEquals(winner, Files.readAllBytes(target), "the completed file is untouched");
      assertEquals(List.of(), hidden());
    }
  }
}
