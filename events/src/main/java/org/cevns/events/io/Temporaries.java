package org.cevns.events.io;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Temporary outputs of this process that are deleted when the JVM exits before they were committed or aborted
 * (Ctrl-C, SIGTERM, {@code System.exit} after a failure), so an interrupted run leaves nothing behind. A
 * SIGKILL cannot be caught: its temporary files stay, under hidden names that no reader takes for outputs.
 */
public final class Temporaries {
  private static final Map<Object, Runnable> PENDING = new LinkedHashMap<>();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static boolean hookInstalled;

  private Temporaries() {}

  /** A random token (16 hex digits) that makes a temporary name unique to one run. */
  public static String uniqueToken() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * The hidden name a local output {@code target} is written under until it is complete: {@code .NAME.TOKEN.inprogress}
   * beside it, unique to the run ({@link #uniqueToken}), the name cut to {@link HadoopFiles#MAX_TEMPORARY_STEM}
   * characters to stay within the 255-byte limit of common file systems (the local twin of
   * {@link HadoopFiles#temporaryFor(org.apache.hadoop.fs.Path, String)}).
   *
   * @param target an absolute, normalised path with a file name
   */
  public static java.nio.file.Path sibling(java.nio.file.Path target) {
    String name = target.getFileName().toString();
    String stem = name.length() > HadoopFiles.MAX_TEMPORARY_STEM ? name.substring(0, HadoopFiles.MAX_TEMPORARY_STEM)
        : name;
    return target.resolveSibling("." + stem + "." + uniqueToken() + HadoopFiles.IN_PROGRESS_SUFFIX);
  }

  /**
   * Registers {@code cleanup} to run at JVM exit unless {@link #release} is called first.
   *
   * @return the key to pass to {@link #release}
   */
  public static synchronized Object register(Runnable cleanup) {
    if (!hookInstalled) {
      Runtime.getRuntime().addShutdownHook(new Thread(Temporaries::runAll, "cevns-temporaries"));
      hookInstalled = true;
    }
    Object key = new Object();
    PENDING.put(key, cleanup);
    return key;
  }

  /** Forgets a registration (the output was committed or its temporary already deleted). */
  public static synchronized void release(Object key) {
    PENDING.remove(key);
  }

  private static void runAll() {
    Runnable[] all;
    synchronized (Temporaries.class) {
      all = PENDING.values().toArray(new Runnable[0]);
      PENDING.clear();
    }
    for (Runnable r : all) {
      try {
        r.run();
      } catch (RuntimeException e) {
        // best effort at exit
      }
    }
  }
}
