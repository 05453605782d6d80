package org.cevns.events.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;

/**
 * Reads selected flat columns of one Parquet file or of a directory of shards ({@link HadoopFiles#parquetFiles})
 * into {@link ColumnTarget}s, batch by batch, across row groups and files. Only the selected column chunks
 * are read from storage (the projection). This is the generic reader under {@link EventFileReader}; later
 * stages read their own columns with it:
 *
 * <pre>{@code
 * try (ColumnarFileReader r = ColumnarFileReader.open("run/detsim", HadoopFiles.configuration())) {
 *   ColumnBatch b = r.select(List.of("observed_kevee", "beam_window"), 65536);
 *   while (r.next(b)) { double[] e = b.doubles("observed_kevee"); ... b.size() ... }
 * }
 * }</pre>
 *
 * <p>Three decoding paths fill the same targets: {@link ReadPath#PAGES} (default) decodes each column's pages in
 * bulk ({@link PageColumnReader}); {@link ReadPath#COLUMNS} reads each column chunk with Parquet's
 * {@link ColumnReader} in a tight loop per column; {@link ReadPath#RECORDS} uses Parquet's record assembly with
 * a custom {@link ReadSupport}. The last two are slower and kept as independent cross-checks (and as
 * fallback for encodings the page path does not take). Not thread-safe.
 */
public final class ColumnarFileReader implements AutoCloseable {
  /** Decoding path, see class doc. */
  public enum ReadPath {
    /** Bulk page decoding into the targets ({@link PageColumnReader}); the fastest. */
    PAGES,
    /** Parquet's {@link ColumnReader}, value by value, one column at a time. */
    COLUMNS,
    /** Parquet's record assembly with a custom {@link ReadSupport}. */
    RECORDS
  }

  private final Configuration conf;
  private final List<Path> files;
  private final List<ParquetMetadata> footers;
  private final ReadPath readPath;
  private List<ColumnTarget> targets;
  private int fileIndex = -1;
  private FileSources.Source source;

  private ColumnarFileReader(Configuration conf, List<Path> files, List<ParquetMetadata> footers, ReadPath path) {
    this.conf = conf;
    this.files = files;
    this.footers = footers;
    this.readPath = path;
  }

  /** Opens a local or Hadoop path (file or directory of shards) with the default (page) path. */
  public static ColumnarFileReader open(String pathOrDirectory) throws IOException {
    return open(HadoopFiles.path(pathOrDirectory), HadoopFiles.configuration(), ReadPath.PAGES);
  }

  /** Opens a file or directory of shards; reads every footer (schema, metadata, row counts). */
  public static ColumnarFileReader open(Path pathOrDirectory, Configuration conf, ReadPath readPath)
      throws IOException {
    Objects.requireNonNull(readPath, "readPath");
    Configuration c = HadoopFiles.configuration(Objects.requireNonNull(conf, "conf"));
    List<Path> files = HadoopFiles.parquetFiles(Objects.requireNonNull(pathOrDirectory, "pathOrDirectory"), c);
    List<ParquetMetadata> footers = new ArrayList<>(files.size());
    for (Path f : files) {
      footers.add(readFooter(f, c));
    }
    List<ShardSet.Member> members = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      members.add(new ShardSet.Member(files.get(i), footers.get(i).getFileMetaData().getKeyValueMetaData()));
    }
    // a directory reads as one whole run; a single shard file may be processed on its own (one batch job each)
    if (HadoopFiles.fileSystem(pathOrDirectory, c).getFileStatus(pathOrDirectory).isDirectory()) {
      ShardSet.checkOneRun(pathOrDirectory.toString(), members);
    }
    return new ColumnarFileReader(c, List.copyOf(files), List.copyOf(footers), readPath);
  }

  /**
   * Opens row groups {@code [firstRowGroup, firstRowGroup + rowGroupCount)} of one Parquet file, so that a
   * large file can be read in parts by several threads (one reader per part, each reading only its row
   * groups). {@link #totalRows()} counts the rows of these row groups.
   *
   * @param readPath {@link ReadPath#PAGES} or {@link ReadPath#COLUMNS}
   * @throws IllegalArgumentException if the range is outside the file's row groups
   */
  public static ColumnarFileReader openRowGroups(Path file, Configuration conf, ReadPath readPath, int firstRowGroup,
      int rowGroupCount) throws IOException {
    return openRowGroups(file, readFooter(file, conf), conf, readPath, firstRowGroup, rowGroupCount);
  }

  /**
   * {@link #openRowGroups(Path, Configuration, ReadPath, int, int)} with the file's footer already read
   * ({@link #readFooter}): several parts of one file share one footer instead of each reading and parsing it.
   */
  public static ColumnarFileReader openRowGroups(Path file, ParquetMetadata footer, Configuration conf,
      ReadPath readPath, int firstRowGroup, int rowGroupCount) {
    if (readPath == ReadPath.RECORDS) {
      throw new IllegalArgumentException("row-group ranges are read with ReadPath.PAGES or COLUMNS, got RECORDS");
    }
    Configuration c = HadoopFiles.configuration(Objects.requireNonNull(conf, "conf"));
    List<BlockMetaData> blocks = footer.getBlocks();
    if (firstRowGroup < 0 || rowGroupCount < 0 || firstRowGroup > blocks.size() - rowGroupCount) {
      throw new IllegalArgumentException(file + ": row groups [" + firstRowGroup + ", " + firstRowGroup + " + "
          + rowGroupCount + ") are outside the file's " + blocks.size() + " row groups");
    }
    ParquetMetadata part = new ParquetMetadata(footer.getFileMetaData(),
        List.copyOf(blocks.subList(firstRowGroup, firstRowGroup + rowGroupCount)));
    return new ColumnarFileReader(c, List.of(file), List.of(part), readPath);
  }

  /**
   * The footer of a Parquet file.
   *
   * @throws IOException naming the file if it cannot be read or is not Parquet
   */
  public static ParquetMetadata readFooter(Path file, Configuration conf) throws IOException {
    Configuration c = HadoopFiles.configuration(Objects.requireNonNull(conf, "conf"));
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(file, c),
        HadoopReadOptions.builder(c).build())) {
      return r.getFooter();
    } catch (RuntimeException e) {
      throw HadoopFiles.unreadable(file, e);
    } catch (IOException e) {
      throw HadoopFiles.unreadable(file, e);
    }
  }

  /** The files read, in order. */
  public List<Path> files() {
    return files;
  }

  /** The schema of the first file. */
  public MessageType schema() {
    return footers.get(0).getFileMetaData().getSchema();
  }

  /** The key-value metadata of the first file. */
  public Map<String, String> metadata() {
    return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(footers.get(0).getFileMetaData().getKeyValueMetaData()));
  }

  /** The total number of rows of all files (from their footers). */
  public long totalRows() {
    long n = 0;
    for (ParquetMetadata f : footers) {
      for (BlockMetaData b : f.getBlocks()) {
        n += b.getRowCount();
      }
    }
    return n;
  }

  /**
   * Selects the columns to read, one target each (names unique); may be called once, before reading. Every
   * file must have each column as a top-level non-repeated field of the target's type.
   */
  public void select(List<ColumnTarget> columnTargets) {
    if (targets != null) {
      throw new IllegalStateException("columns are already selected");
    }
    if (columnTargets == null || columnTargets.isEmpty()) {
      throw new IllegalArgumentException("select at least one column, got " + columnTargets);
    }
    Set<String> names = new HashSet<>();
    for (ColumnTarget t : columnTargets) {
      if (!names.add(t.column())) {
        throw new IllegalArgumentException("column " + t.column() + " is selected twice");
      }
    }
    for (int i = 0; i < files.size(); i++) {
      projection(files.get(i), footers.get(i).getFileMetaData().getSchema(), columnTargets);
    }
    this.targets = List.copyOf(columnTargets);
  }

  /** Selects {@code columns} into a new {@link ColumnBatch} of {@code capacity} rows (types of the first file). */
  public ColumnBatch select(List<String> columns, int capacity) {
    ColumnBatch batch = ColumnBatch.create(schema(), columns, capacity);
    select(batch.targets());
    return batch;
  }

  /** Reads the next rows into {@code batch} (from {@link #select(List, int)}); false at the end. */
  public boolean next(ColumnBatch batch) throws IOException {
    int n = read(batch.capacity());
    batch.setSize(n);
    return n > 0;
  }

  /**
   * Reads up to {@code maxRows} rows into rows {@code [0, n)} of the selected targets and returns {@code n};
   * 0 only at the end of the last file.
   */
  public int read(int maxRows) throws IOException {
    if (targets == null) {
      throw new IllegalStateException("select columns before reading");
    }
    for (ColumnTarget t : targets) {
      if (t.capacity() < maxRows) {
        throw new IllegalArgumentException("maxRows " + maxRows + " exceeds the " + t.capacity()
            + " rows of the target of column " + t.column());
      }
      t.seek(0);
    }
    int filled = 0;
    while (filled < maxRows) {
      if (source == null && !openNextFile()) {
        break;
      }
      int n = source.read(filled, maxRows - filled);
      if (n == 0) {
        source.close();
        source = null;
      }
      filled += n;
    }
    return filled;
  }

  private boolean openNextFile() throws IOException {
    if (fileIndex + 1 >= files.size()) {
      return false;
    }
    fileIndex++;
    Path file = files.get(fileIndex);
    ParquetMetadata footer = footers.get(fileIndex);
    MessageType projection = projection(file, footer.getFileMetaData().getSchema(), targets);
    TargetReadSupport.Root root = new TargetReadSupport.Root(targets, projection);
    InputFile input = readPath == ReadPath.PAGES ? ChannelInputFile.of(file, conf) : HadoopInputFile.fromPath(file, conf);
    source = switch (readPath) {
      case PAGES -> new FileSources.Pages(input, footer, projection, targets, conf);
      case COLUMNS -> new FileSources.Columns(input, footer, projection, root, targets, conf);
      case RECORDS -> new FileSources.Records(input, projection, root, targets, conf);
    };
    return true;
  }

  private static MessageType projection(Path file, MessageType schema, List<ColumnTarget> columnTargets) {
    List<Type> fields = new ArrayList<>();
    for (ColumnTarget t : columnTargets) {
      if (!schema.containsField(t.column())) {
        List<String> present = new ArrayList<>();
        schema.getFields().forEach(f -> present.add(f.getName()));
        // the path as the user wrote it (/data/x.parquet, not file:/data/x.parquet)
        throw new IllegalArgumentException(HadoopFiles.display(file) + ": no column '" + t.column() + "', columns are "
            + present);
      }
      Type type = schema.getType(t.column());
      if (!type.isPrimitive() || type.isRepetition(Repetition.REPEATED)) {
        throw new IllegalArgumentException(HadoopFiles.display(file) + ": column " + t.column() + " is not a flat column: "
            + type);
      }
      try {
        t.checkType(type.asPrimitiveType());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(HadoopFiles.display(file) + ": " + e.getMessage(), e);
      }
      fields.add(type);
    }
    return new MessageType(schema.getName(), fields);
  }

  @Override
  public void close() throws IOException {
    if (source != null) {
      source.close();
      source = null;
    }
    fileIndex = files.size();
  }
}
