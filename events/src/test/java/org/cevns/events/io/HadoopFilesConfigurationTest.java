package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;

/**
 * {@link HadoopFiles#configuration()} copies defaults parsed once per JVM: each call gives a configuration of its
 * own with the same properties as one made from a new {@code Configuration} (the code before), and nothing set on
 * one shows in the next.
 */
class HadoopFilesConfigurationTest {
  @Test
  void everyCallHoldsWhatANewConfigurationHolds() {
    Map<String, String> expected = entries(HadoopFiles.configuration(new Configuration()));
    Configuration a = HadoopFiles.configuration();
    Configuration b = HadoopFiles.configuration();
    assertNotSame(a, b);
    assertEquals(expected, entries(a));
    assertEquals(expected, entries(b));
    assertEquals(RawLocalFileSystem.class.getName(), a.get("fs.file.impl"));
    assertEquals("true", a.get("fs.file.impl.disable.cache"));
    assertFalse(expected.isEmpty());
  }

  @Test
  void whatOneCallSetsStaysInIt() {
    Configuration a = HadoopFiles.configuration();
    a.set("cevns.test.only", "x");
    a.set("fs.file.impl", "changed");
    a.unset("io.file.buffer.size");
    Configuration b = HadoopFiles.configuration();
    assertNull(b.get("cevns.test.only"));
    assertEquals(RawLocalFileSystem.class.getName(), b.get("fs.file.impl"));
    assertEquals(new Configuration().get("io.file.buffer.size"), b.get("io.file.buffer.size"));
  }

  @Test
  void aThreadWithAnotherClassLoaderGetsItsOwnDefaults() throws Exception {
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    try (URLClassLoader other = new URLClassLoader(new URL[0], before)) {
      t.setContextClassLoader(other);
      Configuration c = HadoopFiles.configuration();
      assertSame(other, c.getClassLoader());
      assertEquals(entries(HadoopFiles.configuration(new Configuration())), entries(c));
    } finally {
      t.setContextClassLoader(before);
    }
    assertSame(before, HadoopFiles.configuration().getClassLoader());
  }

  private static Map<String, String> entries(Configuration c) {
    Map<String, String> m = new TreeMap<>();
    c.forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }
}
