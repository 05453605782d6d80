package org.cevns.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The cevns version, filtered into {@code cevns-version.properties} by Maven at build time. */
public final class CevnsVersion {
  private static final String VERSION = load();

  private CevnsVersion() {}

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = CevnsVersion.class.getResourceAsStream("/org/cevns/events/cevns-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
