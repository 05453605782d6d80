package org.cevns.analysis.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.cevns.events.io.ColumnarFileReader;
import org.cevns.events.io.HadoopFiles;

/**
 * One Parquet event file to analyse: its path, columns, row count, key-value metadata and the string key
 * columns that hold a single value in the whole file (from the footer's column statistics), which need not be
 * read.
 *
 * @param path the file
 * @param columns top-level column names
 * @param rows rows in the file
 * @param metadata key-value metadata
 * @param constants value of each key column ({@code detector}, {@code period}, {@code window},
 *     {@code component}) that is the same in every row (min = max in every row group, no nulls)
 * @param rowGroups number of row groups (the units in which a file is read in parallel)
 */
public record EventFile(Path path, Set<String> columns, long rows, Map<String, String> metadata,
    Map<String, String> constants, int rowGroups) {
  /** Key columns that may be constant. */
  static final List<String> KEY_COLUMNS = List.of(EventColumns.DETECTOR, EventColumns.PERIOD, EventColumns.WINDOW,
      EventColumns.COMPONENT, EventColumns.PROCESS);

  public EventFile {
    columns = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(columns));
    metadata = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metadata));
    constants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constants));
  }

  /**
   * The files of the given inputs: each a Parquet file or a directory of {@code *.parquet} shards (local paths
   * or Hadoop URIs), in order, footers read.
   *
   * @throws IOException if an input is missing, holds no shard or is not Parquet
   */
  public static List<EventFile> list(List<String> inputs, Configuration conf) throws IOException {
    if (inputs == null || inputs.isEmpty()) {
      throw new IllegalArgumentException("give at least one input file or directory");
    }
    Configuration c = HadoopFiles.configuration(conf);
    List<EventFile> out = new ArrayList<>();
    List<org.cevns.events.io.ShardSet.Member> all = new ArrayList<>();
    for (String in : inputs) {
      List<org.cevns.events.io.ShardSet.Member> members = new ArrayList<>();
      for (Path f : HadoopFiles.parquetFiles(HadoopFiles.path(in), c)) {
        EventFile e = read(f, c);
        out.add(e);
        members.add(new org.cevns.events.io.ShardSet.Member(
            f.getFileSystem(c).makeQualified(f), e.metadata()));
      }
      org.cevns.events.io.ShardSet.checkOneRun(in, members);
      all.addAll(members);
    }
    // nothing counted twice: no file, run or shard given twice (also across inputs), complete shard sets
    org.cevns.events.io.ShardSet.check(all);
    return out;
  }

  /** Reads the footer of {@code file}. */
  static EventFile read(Path file, Configuration conf) throws IOException {
    ParquetMetadata footer = ColumnarFileReader.readFooter(file, conf);
    MessageType schema = footer.getFileMetaData().getSchema();
    Set<String> cols = new LinkedHashSet<>();
    for (Type t : schema.getFields()) {
      cols.add(t.getName());
    }
    long rows = 0;
    for (BlockMetaData b : footer.getBlocks()) {
      rows += b.getRowCount();
    }
    Map<String, String> constants = new LinkedHashMap<>();
    for (String c : KEY_COLUMNS) {
      if (cols.contains(c) && schema.getType(c).isPrimitive()) {
        constant(footer, c).ifPresent(v -> constants.put(c, v));
      }
    }
    return new EventFile(file, cols, rows, footer.getFileMetaData().getKeyValueMetaData(), constants,
        footer.getBlocks().size());
  }

  /** The single value of string column {@code column} if its statistics say so in every row group. */
  private static Optional<String> constant(ParquetMetadata footer, String column) {
    String value = null;
    for (BlockMetaData b : footer.getBlocks()) {
      if (b.getRowCount() == 0) {
        continue;
      }
      ColumnChunkMetaData chunk = null;
      for (ColumnChunkMetaData m : b.getColumns()) {
        if (m.getPath().size() == 1 && m.getPath().toArray()[0].equals(column)) {
          chunk = m;
        }
      }
      if (chunk == null || chunk.getPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY) {
        return Optional.empty();
      }
      Statistics<?> st = chunk.getStatistics();
      if (st == null || st.isEmpty() || !st.hasNonNullValue() || st.getNumNulls() != 0
          || !(st.genericGetMin() instanceof Binary min) || !(st.genericGetMax() instanceof Binary max)
          || !min.equals(max)) {
        return Optional.empty();
      }
      String v = min.toStringUsingUTF8();
      if (value != null && !value.equals(v)) {
        return Optional.empty();
      }
      value = v;
    }
    return Optional.ofNullable(value);
  }

  /**
   * True when signal rows can be split by process (the file has {@code component} and {@code process}): EvES signal
   * rows get the component {@link EventColumns#EVES_COMPONENT} when EvES is a background ({@link SignalProcess}).
   */
  public boolean splitsProcess() {
    return columns.contains(EventColumns.COMPONENT) && columns.contains(EventColumns.PROCESS);
  }

  /** True unless the metadata says all rows are detected ({@code cevns.drop_undetected = true}). */
  public boolean needsDetectedColumn() {
    return columns.contains(EventColumns.DETECTED)
        && !"true".equals(metadata.get(EventColumns.META_DROP_UNDETECTED));
  }

  /** True unless the metadata says the events are unweighted ({@code cevns.weighted = false}). */
  public boolean needsWeightColumn() {
    return columns.contains(EventColumns.WEIGHT) && !"false".equals(metadata.get(EventColumns.META_WEIGHTED));
  }

  /** The run identity: shards of one run share seed and configuration. */
  public String runId() {
    return metadata.getOrDefault(EventColumns.META_SEED, "?") + "\n"
        + metadata.getOrDefault(EventColumns.META_CONFIG, path.toString());
  }

  /**
   * The columns to read (the projection): the required ones, {@code component} and {@code process} unless
   * constant in the file, {@code npe} where present, {@code detected} and {@code weight} unless the metadata
   * makes them redundant.
   */
  public List<String> projection() {
    List<String> p = new ArrayList<>();
    for (String c : EventColumns.REQUIRED) {
      if (!columns.contains(c)) {
        throw new IllegalArgumentException(path + ": no column '" + c + "'; the analysis reads detector-level files"
            + " (cevns simulate or cevns detsim output) with the columns " + EventColumns.REQUIRED);
      }
      if (!constants.containsKey(c)) {
        p.add(c);
      }
    }
    if (columns.contains(EventColumns.COMPONENT) && !constants.containsKey(EventColumns.COMPONENT)) {
      p.add(EventColumns.COMPONENT);
    }
    if (splitsProcess() && !constants.containsKey(EventColumns.PROCESS)) {
      p.add(EventColumns.PROCESS);
    }
    if (columns.contains(EventColumns.NPE)) {
      p.add(EventColumns.NPE);
    }
    if (needsDetectedColumn()) {
      p.add(EventColumns.DETECTED);
    }
    if (needsWeightColumn()) {
      p.add(EventColumns.WEIGHT);
    }
    return p;
  }
}
