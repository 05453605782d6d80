package org.cevns.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The cevns version and the git commit it was built from, filtered into {@code cevns-version.properties} by
 * Maven at build time (the commit by git-commit-id-maven-plugin; {@code unknown} when built from a source tree
 * without git).
 */
public final class CevnsVersion {
  /** Value of {@link #commit()} when the build had no git information. */
  public static final String UNKNOWN = "unknown";
  private static final Properties PROPERTIES = load();

  private CevnsVersion() {}

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String get() {
    return property("version");
  }

  /** The full git commit id of the build, {@code unknown} without git. */
  public static String commit() {
    return property("commit");
  }

  /** True when the build's work tree had uncommitted changes. */
  public static boolean dirty() {
    return "true".equals(property("dirty"));
  }

  /** {@code 0.1.0-SNAPSHOT (git 1a2b3c4d5e6f, dirty)}, or the version alone without git information. */
  public static String describe() {
    String c = commit();
    if (UNKNOWN.equals(c)) {
      return get();
    }
    return get() + " (git " + c.substring(0, Math.min(12, c.length())) + (dirty() ? ", dirty" : "") + ")";
  }

  private static String property(String key) {
    String v = PROPERTIES.getProperty(key, UNKNOWN);
    return v.isBlank() || v.startsWith("${") ? UNKNOWN : v;
  }

  private static Properties load() {
    try (InputStream in = CevnsVersion.class.getResourceAsStream("/org/cevns/events/cevns-version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
