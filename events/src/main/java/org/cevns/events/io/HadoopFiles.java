package org.cevns.events.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Paths and file systems for event files. Any Hadoop file system works ({@code hdfs://...} when the Hadoop
 * client configuration is on the classpath); paths without scheme resolve against {@code fs.defaultFS},
 * the local file system unless configured otherwise, which needs no Hadoop installation.
 *
 * <p>Local files are accessed through {@link RawLocalFileSystem}, so no {@code .crc} checksum side files are
 * written or expected (Parquet pages carry their own structure; the checksum files only clutter output
 * directories). This is done on a copy of the configuration ({@code fs.file.impl} set to the raw file system,
 * with the file-system cache disabled for the {@code file} scheme so an instance cached elsewhere in the JVM
 * is never used or modified).
 */
public final class HadoopFiles {
  /** Suffix of a file being written; such files are never read as shards. */
  public static final String IN_PROGRESS_SUFFIX = ".inprogress";
  /** Suffix of a Parquet shard. */
  public static final String PARQUET_SUFFIX = ".parquet";

  private HadoopFiles() {}

  /**
   * A configuration with the defaults on the classpath and the raw local file system (see class doc). The default
   * resources ({@code core-default.xml}, {@code core-site.xml}) are parsed once per JVM and class loader
   * ({@link Defaults}) and copied: a new {@code Configuration} parsed its XML at every call (a call per histogram
   * pass of {@code analyze}), and the parser's code reached the JIT compiler only in later passes
   * (docs/performance-history.md, "analyze5 (thirty-fourth session)").
   */
  public static Configuration configuration() {
    QuietHadoop.install();
    return configuration(Defaults.parsed());
  }

  /**
   * The defaults of {@code new Configuration()}, parsed once and only copied (never changed): a copy holds the same
   * properties as a new configuration would. A configuration finds its resources through the thread's context class
   * loader, so a thread with another loader gets a new configuration of its own, as before. Hadoop reloads every
   * configuration when a default resource is added ({@code Configuration.addDefaultResource}); copies made after
   * that see it, as new configurations do.
   */
  private static final class Defaults {
    private static final Configuration BASE = new Configuration();

    private Defaults() {}

    static Configuration parsed() {
      ClassLoader loader = Thread.currentThread().getContextClassLoader(); // as Configuration picks its loader
      ClassLoader mine = loader != null ? loader : Configuration.class.getClassLoader();
      return mine == BASE.getClassLoader() ? BASE : new Configuration();
    }
  }

  /** A copy of {@code base} using the raw local file system for {@code file:} paths (see class doc). */
  public static Configuration configuration(Configuration base) {
    QuietHadoop.install();
    Configuration conf = new Configuration(base);
    conf.set("fs.file.impl", RawLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  /** Parses a path string ({@code out/truth.parquet}, {@code /data/x.parquet}, {@code hdfs://nn/x.parquet}). */
  public static Path path(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("path must be a non-blank string, got '" + path + "'");
    }
    try {
      return new Path(path);
    } catch (IllegalArgumentException e) {
      int colon = path.indexOf(':');
      int slash = path.indexOf('/');
      if (colon > 0 && (slash < 0 || colon < slash)) {
        // Hadoop reads the text before a colon that precedes every '/' as a URI scheme (hdfs:, file:)
        throw new IllegalArgumentException("path '" + path + "' is not a valid path: '" + path.substring(0, colon + 1)
            + "' reads as a URI scheme (as hdfs: or file:); for a local file name with a colon write ./" + path, e);
      }
      String why = e.getCause() instanceof java.net.URISyntaxException u ? u.getMessage() : e.getMessage();
      throw new IllegalArgumentException("path '" + path + "' is not a valid path: " + why, e);
    }
  }

  /**
   * Makes the footer of the complete Parquet file {@code file} independent of the writing JVM (its encoding lists
   * sorted, see {@link DeterministicFooter}) when it is on the local file system; elsewhere does nothing.
   */
  public static void sortFooterEncodings(FileSystem fs, Path file) throws IOException {
    if (fs instanceof RawLocalFileSystem raw) {
      DeterministicFooter.sortEncodings(raw.pathToFile(file));
    } else if (fs instanceof org.apache.hadoop.fs.LocalFileSystem local) {
      DeterministicFooter.sortEncodings(local.pathToFile(file));
    }
  }

  /** The file system of {@code path} under {@code conf} (use a configuration from {@link #configuration}). */
  public static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
    return FileSystem.get(path.toUri(), conf);
  }

  /**
   * The temporary file of one run beside {@code target}: {@code .NAME.TOKEN.inprogress}, unique to the run
   * with a {@link Temporaries#uniqueToken()}, so concurrent runs never write, truncate or delete each other's.
   */
  public static Path temporaryFor(Path target, String token) {
    String name = target.getName();
    // keep the temporary name within the 255-byte limit of common file systems when the target's is near it
    String stem = name.length() > MAX_TEMPORARY_STEM ? name.substring(0, MAX_TEMPORARY_STEM) : name;
    return new Path(target.getParent(), "." + stem + "." + token + IN_PROGRESS_SUFFIX);
  }

  /** Longest part of the target's name kept in a temporary name (the rest is the unique token). */
  static final int MAX_TEMPORARY_STEM = 180;

  /**
   * The Parquet files of {@code path}: the file itself, or for a directory all regular files named
   * {@code *.parquet} in it (not recursive) sorted by name, ignoring hidden ({@code .x}) and
   * {@code _x} files ({@code _SUCCESS}, {@code _metadata}) and files being written. A directory of MapReduce
   * shards ({@code part-m-*}) must hold {@code _SUCCESS} (the job completed).
   *
   * @throws FileNotFoundException if {@code path} does not exist or a directory holds no shard
   */
  public static List<Path> parquetFiles(Path path, Configuration conf) throws IOException {
    FileSystem fs = fileSystem(path, conf);
    FileStatus status;
    try {
      status = fs.getFileStatus(path);
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException(display(path) + ": no such file or directory");
    }
    if (!status.isDirectory()) {
      return List.of(status.getPath());
    }
    List<FileStatus> shards = new ArrayList<>();
    for (FileStatus s : fs.listStatus(status.getPath())) {
      String name = s.getPath().getName();
      if (s.isFile() && name.endsWith(PARQUET_SUFFIX) && !name.startsWith(".") && !name.startsWith("_")) {
        shards.add(s);
      }
    }
    if (shards.isEmpty()) {
      throw new FileNotFoundException("directory " + display(path) + " holds no *" + PARQUET_SUFFIX + " file");
    }
    if (shards.stream().anyMatch(s -> s.getPath().getName().startsWith("part-m-"))
        && !fs.exists(new Path(status.getPath(), "_SUCCESS"))) {
      throw new FileNotFoundException("directory " + display(path) + " holds MapReduce shards (part-m-*) but no"
          + " _SUCCESS: the job did not complete");
    }
    shards.sort(Comparator.comparing(s -> s.getPath().getName()));
    List<Path> paths = new ArrayList<>(shards.size());
    shards.forEach(s -> paths.add(s.getPath()));
    return paths;
  }

  /**
   * A path as a message shows it: a local file as its plain path ({@code /data/run.parquet}, not
   * {@code file:/data/run.parquet}), any other file system's path as its URI.
   */
  public static String display(Path path) {
    java.net.URI uri = path.toUri();
    return "file".equals(uri.getScheme()) ? uri.getPath() : path.toString();
  }

  /**
   * The error for a file parquet-java could not open ({@code e}): one line naming the file once, as
   * {@link #display} shows it. parquet-java's own messages start with the (qualified) path: that start is dropped,
   * and "is not a Parquet file. Expected magic number at tail, but found [...]" is said in words.
   */
  public static IOException unreadable(Path file, RuntimeException e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    why = why.replace(file.toString() + " ", "").replace(display(file) + " ", "");
    if (why.startsWith("is not a Parquet file. Expected magic number")) {
      why = "not a Parquet file (it does not end with Parquet's magic number PAR1)";
    } else if (why.startsWith("is not a Parquet file")) {
      why = "not a Parquet file" + why.substring("is not a Parquet file".length());
    } else if (why.contains("footer is too large") || why.contains("footer index is not within the file")) {
      why = "a truncated or corrupt Parquet file (its footer length points outside the file)";
    } else {
      why = "not a readable Parquet file: " + why;
    }
    return new IOException(display(file) + ": " + why, e);
  }

  /**
   * The error for an I/O failure of parquet-java opening {@code file}: a footer it could not decode ("can not read
   * class ...FileMetaData: ..." with the decoder's internal names) is a corrupt file, said in one line naming the
   * file; any other failure (the disk, the file system) is returned as it is.
   */
  public static IOException unreadable(Path file, IOException e) {
    if (String.valueOf(e.getMessage()).startsWith("can not read class")) {
      return new IOException(display(file) + ": a corrupt Parquet file (its footer, the file metadata, cannot be"
          + " decoded)", e);
    }
    return e;
  }
}
