package org.cevns.events.io;

/**
 * Keeps Hadoop and Parquet quiet on stderr in a normal run. Without this, slf4j-simple (the binding of the
 * cevns command line) prints for every run {@code WARN NativeCodeLoader - Unable to load native-hadoop
 * library ...} (harmless: the pure-Java code is used) and INFO lines such as {@code CodecPool - Got brand-new
 * compressor} and {@code InternalParquetRecordReader - RecordReader initialized ...}.
 *
 * <p>Sets slf4j-simple's per-logger levels through system properties, before the first Hadoop logger is
 * created, and only where the user has not set them: {@code org.apache.hadoop} and {@code org.apache.parquet}
 * at WARN, {@code NativeCodeLoader} and {@code FileSystem} at ERROR. Other slf4j bindings are configured by their own files.
 * {@link #setIfAbsent} serves other stages that quiet a logger of their own (the MapReduce job client).
 */
public final class QuietHadoop {
  private static final String PREFIX = "org.slf4j.simpleLogger.log.";
  private static volatile boolean installed;

  private QuietHadoop() {}

  static void install() {
    if (installed) {
      return;
    }
    setIfAbsent("org.apache.hadoop", "warn");
    setIfAbsent("org.apache.parquet", "warn");
    setIfAbsent("org.apache.hadoop.util.NativeCodeLoader", "error");
    // Java 24+: "WARN FileSystem - Cannot load filesystem" and a 40-line stack trace on every run, for the viewfs://
    // provider, which needs Subject.getSubject (no longer supported); the file systems in use still load
    setIfAbsent("org.apache.hadoop.fs.FileSystem", "error");
    installed = true;
  }

  /**
   * Sets slf4j-simple's level of {@code logger} (a logger name or package) to {@code level} unless the user has
   * set one ({@code -Dorg.slf4j.simpleLogger.log.LOGGER=...}); a security manager that forbids it leaves
   * logging as configured.
   */
  public static void setIfAbsent(String logger, String level) {
    try {
      if (System.getProperty(PREFIX + logger) == null) {
        System.setProperty(PREFIX + logger, level);
      }
    } catch (SecurityException ignored) {
      // a security manager forbids it: leave logging as configured
    }
  }
}
