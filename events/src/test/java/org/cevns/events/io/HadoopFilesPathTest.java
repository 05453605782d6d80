package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@link HadoopFiles#path}: a local name with a colon before its first '/' is refused with what the colon means and
 * how to write it (regression: the message was Java's "java.net.URISyntaxException: Relative path in absolute URI").
 */
class HadoopFilesPathTest {
  @Test
  void aColonBeforeTheFirstSlashIsExplainedAsAUriScheme() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HadoopFiles.path("a:b"));
    assertEquals("path 'a:b' is not a valid path: 'a:' reads as a URI scheme (as hdfs: or file:); for a local file"
        + " name with a colon write ./a:b", e.getMessage());
    assertEquals("./a:b", HadoopFiles.path("./a:b").toString());
    assertEquals("hdfs://nn/x.parquet", HadoopFiles.path("hdfs://nn/x.parquet").toString());
  }
}
