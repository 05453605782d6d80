package org.cevns.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.cevns.events.CevnsVersion;

/**
 * The result cache of {@code cevns rates} (issue 12): the exact text a run printed, per configuration, so that a
 * second run of the same command with the same inputs prints it again without computing (a cold {@code rates} spends
 * 0.25-0.5 s of CPU on its model after the JVM start, docs/performance-history.md, "rates: cache and cold path").
 *
 * <p>An entry is found by its key, compared byte for byte: the build (version, git commit, the jar's path, size and
 * modification time; the JVM's version and architecture), the configuration as named and as an absolute path, its
 * bytes, every {@code --set} override in order and the output mode. The files the configuration names (includes,
 * spectrum, efficiency, quenching and template tables: every string value of the resolved configuration that names a
 * regular file, relative to the configuration's or an included file's directory) are recorded in the entry with
 * their size and two checksums (CRC-32C and CRC-32) and read again on every hit: a changed file is a miss. A run
 * whose inputs were modified less than {@value #SETTLE_MILLIS} ms before it started, or while it ran, is not stored;
 * the configuration itself, whose bytes are in the key, only if it changed while the run read it
 * ({@link #configurationSettled}), so that a script writing a configuration just before each run is cached.
 *
 * <p>Entries live in {@code $XDG_CACHE_HOME/cevns/rates} (default {@code ~/.cache/cevns/rates}), one file each,
 * written to a temporary file and renamed, so that a reader never sees a partial entry; an entry that cannot be read,
 * is truncated or fails its checksum is ignored (and replaced); a directory that cannot be written is skipped without
 * a message. The directory is bounded: each store deletes the least recently used entries (a hit touches its entry)
 * beyond {@value #MAX_ENTRIES} entries or {@value #MAX_TOTAL_BYTES} bytes ({@link RatesCacheBound#prune}). Each input is recorded
 * as named and with its real path: a symbolic link (an included file, a table) re-pointed to another file is a miss
 * even when the other file has the same bytes. {@code CEVNS_CACHE=0} turns the cache off. Only a run from a jar
 * is cached (the classes of a build directory change without a new identity). Every failure of the cache is silent: the run computes as without it.
 */
final class RatesCache {
  /** Environment variable; {@code 0} (or {@code false}, {@code off}, {@code no}) turns the cache off. */
  static final String SWITCH_ENV = "CEVNS_CACHE";
  /** Largest entry read, 64 MiB (a shipped config's entry is 1-10 kB). */
  static final long MAX_ENTRY_BYTES = 64L << 20;
  /** Largest configuration cached, the loader's limit (1 MiB). */
  static final long MAX_CONFIG_BYTES = 1L << 20;
  /** Inputs modified less than this before a run (ms; file systems with 1-2 s timestamps) make it uncached. */
  static final long SETTLE_MILLIS = 2000;
  /** Most entries kept: a store beyond it deletes the least recently used ones ({@link RatesCacheBound#prune}). */
  static final int MAX_ENTRIES = 256;
  /** Most bytes of entries kept, 32 MiB: a store beyond it deletes the least recently used ones. */
  static final long MAX_TOTAL_BYTES = 32L << 20;
  private static final byte[] MAGIC = "cevns rates cache 2\n".getBytes(StandardCharsets.US_ASCII);

  /** Set by {@link CdsTraining} (a scratch directory) so that its runs neither read nor fill the user's cache. */
  static volatile RatesCache processDefault;

  private final Path dir;
  private final String buildIdentity;

  private RatesCache(Path dir, String buildIdentity) {
    this.dir = dir;
    this.buildIdentity = buildIdentity;
  }

  /** A cache of entries in {@code dir} for the build named {@code buildIdentity}. */
  static RatesCache of(Path dir, String buildIdentity) {
    return new RatesCache(dir, buildIdentity);
  }

  /** The cache of this process, or null when it is off, there is no cache directory or cevns runs from no jar. */
  static RatesCache fromEnvironment() {
    RatesCache set = processDefault;
    if (set != null) {
      return set;
    }
    String switchValue = System.getenv(SWITCH_ENV);
    if (off(switchValue)) {
      return null; // before the jar identity: a computed run with the cache off need not read the jar's version
    }
    return from(switchValue, System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"), jarIdentity());
  }

  /** Whether {@value #SWITCH_ENV} = {@code switchValue} turns the cache off (0, false, off or no; null: on). */
  static boolean off(String switchValue) {
    return switchValue != null
        && Set.of("0", "false", "off", "no").contains(switchValue.strip().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * The cache for these values of {@value #SWITCH_ENV}, {@code XDG_CACHE_HOME}, the home directory and the build
   * identity (null: not from a jar); null when it is off or has no directory.
   */
  static RatesCache from(String switchValue, String xdgCacheHome, String home, String buildIdentity) {
    if (off(switchValue)) {
      return null;
    }
    Path base = baseDirectory(xdgCacheHome, home);
    return base == null || buildIdentity == null ? null : of(base.resolve("cevns").resolve("rates"), buildIdentity);
  }

  /** The directory of the entries. */
  Path directory() {
    return dir;
  }

  /** {@code $XDG_CACHE_HOME} if it is an absolute path (the XDG rule), else {@code HOME/.cache}; null if neither. */
  static Path baseDirectory(String xdgCacheHome, String home) {
    try {
      if (xdgCacheHome != null && !xdgCacheHome.isEmpty() && Path.of(xdgCacheHome).isAbsolute()) {
        return Path.of(xdgCacheHome);
      }
      return home == null || home.isEmpty() ? null : Path.of(home, ".cache");
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The build: version, commit, the jar (path, size, modification time) and the JVM; null if not from a jar. */
  static String jarIdentity() {
    try {
      var source = RatesCache.class.getProtectionDomain().getCodeSource();
      Path jar = source == null ? null : Path.of(source.getLocation().toURI());
      if (jar == null || !Files.isRegularFile(jar)) {
        return null;
      }
      BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
      return String.join("\n", CevnsVersion.get(), CevnsVersion.commit(), Boolean.toString(CevnsVersion.dirty()),
          jar.toAbsolutePath().toString(), Long.toString(a.size()), Long.toString(a.lastModifiedTime().toMillis()));
    } catch (Exception | LinkageError e) {
      return null;
    }
  }

  /** The key of {@code rates CONFIG [--set S]... [--json]}, or null when it cannot be cached (unreadable config). */
  byte[] key(Path config, List<String> sets, boolean json) {
    try {
      BasicFileAttributes a = Files.readAttributes(config, BasicFileAttributes.class);
      if (!a.isRegularFile() || a.size() > MAX_CONFIG_BYTES) {
        return null;
      }
      byte[] bytes = Files.readAllBytes(config);
      ByteArrayOutputStream buf = new ByteArrayOutputStream(bytes.length + 512);
      DataOutputStream d = new DataOutputStream(buf);
      d.writeUTF(buildIdentity);
      d.writeUTF(System.getProperty("java.vm.version", "") + " " + System.getProperty("os.arch", ""));
      d.writeUTF(config.toString());
      d.writeUTF(config.toAbsolutePath().normalize().toString());
      d.writeInt(sets.size());
      for (String s : sets) {
        d.writeUTF(s);
      }
      d.writeBoolean(json);
      d.writeInt(bytes.length);
      d.write(bytes);
      return buf.toByteArray();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The text stored for {@code key}, or null (no entry, a corrupt or foreign one, or a changed input file). */
  String lookup(byte[] key) {
    try {
      Path file = dir.resolve(fileName(key));
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_ENTRY_BYTES) {
        return null;
      }
      byte[] entry = Files.readAllBytes(file);
      int body = entry.length - Long.BYTES;
      if (body < MAGIC.length || !Arrays.equals(entry, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
          || checksum(entry, 0, body) != java.nio.ByteBuffer.wrap(entry, body, Long.BYTES).getLong()) {
        return null;
      }
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry, MAGIC.length, body - MAGIC.length));
      if (!Arrays.equals(key, readBytes(in))) {
        return null;
      }
      int inputs = in.readInt();
      for (int i = 0; i < inputs; i++) {
        Path p = Path.of(in.readUTF());
        String real = in.readUTF();
        long size = in.readLong();
        long sum = in.readLong();
        if (!Files.isRegularFile(p) || !p.toRealPath().toString().equals(real) || Files.size(p) != size
            || fileChecksum(p) != sum) {
          return null;
        }
      }
      String text = new String(readBytes(in), StandardCharsets.UTF_8);
      RatesCacheBound.touch(file);
      return text;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The modification time of {@code file} (ms), or {@link Long#MIN_VALUE} if it cannot be read. */
  static long modifiedMillis(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException | RuntimeException e) {
      return Long.MIN_VALUE;
    }
  }

  /**
   * Stores {@code text} for {@code key} with the files it was computed from ({@link #inputs}), unless one of them
   * changed after {@code startMillis - SETTLE_MILLIS} or the configuration may have changed while the run read it
   * ({@link #configurationSettled}); silent on every failure. {@code configMillis}: the configuration's
   * modification time read before {@link #key} read its bytes.
   */
  void store(byte[] key, Path config, long configMillis, List<Path> inputs, String text, long startMillis) {
    Path tmp = null;
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(key.length + text.length() + 1024);
      DataOutputStream d = new DataOutputStream(buf);
      d.write(MAGIC);
      writeBytes(d, key);
      d.writeInt(inputs.size());
      for (Path p : inputs) {
        if (Files.getLastModifiedTime(p).toMillis() >= startMillis - SETTLE_MILLIS) {
          return;
        }
        d.writeUTF(p.toString());
        d.writeUTF(p.toRealPath().toString());
        d.writeLong(Files.size(p));
        d.writeLong(fileChecksum(p));
      }
      writeBytes(d, text.getBytes(StandardCharsets.UTF_8));
      if (!configurationSettled(key, config, configMillis, startMillis)) {
        return;
      }
      byte[] entry = buf.toByteArray();
      d.writeLong(checksum(entry, 0, entry.length));
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, ".rates-", ".tmp");
      Files.write(tmp, buf.toByteArray());
      Files.move(tmp, dir.resolve(fileName(key)), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
      RatesCacheBound.prune(dir, MAX_ENTRIES, MAX_TOTAL_BYTES, System.currentTimeMillis());
    } catch (IOException | RuntimeException e) {
      // not cached: the cache is an optimisation only
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException | RuntimeException e) {
          // left for the next rename over it, or for the user
        }
      }
    }
  }

  /**
   * Whether the configuration the run computed from is the one in {@code key}: modified before {@code startMillis -
   * SETTLE_MILLIS}, or (a script that writes a configuration and runs {@code rates} at once, which was never cached)
   * with the same modification time as before {@link #key} read it, of sub-second precision, and the same bytes as
   * the key now. A file rewritten while the run read it changes its time or its bytes; only a file system with whole-
   * second times (where a rewrite within the second keeps the time) needs the settling time.
   */
  static boolean configurationSettled(byte[] key, Path config, long configMillis, long startMillis)
      throws IOException {
    long now = Files.getLastModifiedTime(config).toMillis();
    if (now < startMillis - SETTLE_MILLIS) {
      return true;
    }
    if (now != configMillis || now % 1000 == 0) {
      return false;
    }
    byte[] bytes = Files.readAllBytes(config);
    int tail = key.length - bytes.length;
    return tail >= Integer.BYTES && java.nio.ByteBuffer.wrap(key, tail - Integer.BYTES, Integer.BYTES).getInt()
        == bytes.length && Arrays.equals(key, tail, key.length, bytes, 0, bytes.length);
  }

  /**
   * The files a configuration reads besides itself, absolute, each once: the files it includes ({@code included}, as
   * the loader read them), and every string value of its resolved tree ({@code tree}: includes merged, overrides
   * applied) that names a regular file relative to its directory or an included file's. A superset of the
   * {@code file:} keys, so that no key naming a file is missed. {@code cevns rates} hands the tree and the included
   * files over from its loading of the configuration instead of reading and parsing it again.
   */
  static List<Path> inputs(Path config, com.fasterxml.jackson.databind.JsonNode tree, List<Path> included) {
    Set<Path> files = new LinkedHashSet<>();
    List<Path> dirs = new ArrayList<>();
    Path absolute = config.toAbsolutePath().normalize();
    dirs.add(absolute.getParent());
    for (Path p : included) {
      files.add(p.toAbsolutePath().normalize());
      dirs.add(p.toAbsolutePath().normalize().getParent());
    }
    addFiles(tree, dirs, files);
    files.remove(absolute);
    return List.copyOf(files);
  }

  private static void addFiles(com.fasterxml.jackson.databind.JsonNode node, List<Path> dirs, Set<Path> files) {
    if (node.isTextual()) {
      for (Path d : dirs) {
        try {
          Path p = d.resolve(node.asText()).normalize();
          if (Files.isRegularFile(p)) {
            files.add(p);
          }
        } catch (InvalidPathException e) {
          // not a file name
        }
      }
    } else {
      node.forEach(child -> addFiles(child, dirs, files));
    }
  }

  /** The entry's file name: the hex digits of the key's checksum (entries of colliding keys replace each other). */
  private static String fileName(byte[] key) {
    return Long.toHexString(checksum(key, 0, key.length)) + ".rates";
  }

  /** CRC-32C in the high and CRC-32 in the low 32 bits (both intrinsics of the JVM: ~1 ms for 300 kB). */
  static long checksum(byte[] b, int off, int len) {
    CRC32C c = new CRC32C();
    c.update(b, off, len);
    CRC32 d = new CRC32();
    d.update(b, off, len);
    return c.getValue() << 32 | d.getValue();
  }

  private static long fileChecksum(Path p) throws IOException {
    byte[] b = Files.readAllBytes(p);
    return checksum(b, 0, b.length);
  }

  private static void writeBytes(DataOutputStream d, byte[] b) throws IOException {
    d.writeInt(b.length);
    d.write(b);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("truncated entry");
    }
    return in.readNBytes(n);
  }
}
