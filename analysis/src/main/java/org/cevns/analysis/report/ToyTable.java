package org.cevns.analysis.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.GroupWriter;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.cevns.analysis.stat.ToyStudy;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.HadoopSmallFiles;

/**
 * The per-toy result table ({@code cevns toys}, {@code cevns mapreduce toys}): one Parquet row per toy with the
 * columns of {@link ToyStudy#columns()} — {@code toy} (int64), {@code covered_68}, {@code converged} and each
 * physics POI's {@code NAME_covered_68}, {@code NAME_converged} (boolean), every other column double: the μ fit,
 * six columns per physics POI of {@code analysis.parameters}, one {@code fit.NAME} column per fit parameter and one
 * {@code pull.NAME} column per constrained nuisance (docs/scale.md lists them). A directory of such files reads as
 * one table, rows in file-name order.
 */
public final class ToyTable {
  /** Metadata: total toys of the study. */
  public static final String TOYS = "cevns.toys";
  /** Metadata: first toy index of the file. */
  public static final String FIRST_TOY = "cevns.toy_first";
  /** Metadata: end (exclusive) toy index of the file. */
  public static final String END_TOY = "cevns.toy_end";
  /**
   * Metadata: the template-statistics warning of the study's templates
   * ({@link org.cevns.analysis.pipeline.TemplateStatistics#asimovWarning}), only when there is one.
   */
  public static final String TEMPLATES_WARNING = "cevns.templates_warning";

  private ToyTable() {}

  static MessageType schema(List<String> columns) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (String c : columns) {
      PrimitiveTypeName type = c.equals("toy") ? PrimitiveTypeName.INT64
          : isBoolean(c) ? PrimitiveTypeName.BOOLEAN : PrimitiveTypeName.DOUBLE;
      b.required(type).named(c);
    }
    return b.named("cevns_toys");
  }

  /**
   * True for the boolean columns: {@code covered_68}, {@code converged} and a physics POI's
   * {@code NAME_covered_68}, {@code NAME_converged} (not the {@code fit.} and {@code pull.} columns).
   */
  static boolean isBoolean(String column) {
    if (column.startsWith("fit.") || column.startsWith("pull.")) {
      return false;
    }
    return column.equals("covered_68") || column.equals("converged") || column.endsWith("_covered_68")
        || column.endsWith("_converged");
  }

  /**
   * Writes {@code rows} to {@code file} (under a temporary name, renamed when complete: {@link HadoopSmallFiles}); on the local file system
   * the same rows and metadata give the same bytes in any process ({@link HadoopFiles#sortFooterEncodings}).
   */
  public static void write(String file, List<String> columns, List<ToyStudy.Row> rows, Map<String, String> metadata)
      throws IOException {
    Configuration conf = HadoopFiles.configuration();
    Path target = HadoopFiles.path(file);
    FileSystem fs = HadoopFiles.fileSystem(target, conf);
    if (fs.exists(target)) {
      throw new org.apache.hadoop.fs.FileAlreadyExistsException(target + ": exists");
    }
    // a hidden temporary unique to the run, deleted on failure (a full disk) and at exit; never replaces a file
    HadoopSmallFiles.write(fs, target, false, tmp -> {
      write(HadoopOutputFile.fromPath(tmp, conf), conf, columns, rows, metadata);
      // the same rows give the same bytes in any process (apache/parquet-java#3215)
      HadoopFiles.sortFooterEncodings(fs, tmp);
    });
  }

  /** Writes {@code rows} to an output file (the MapReduce output format writes into its task's work file). */
  public static void write(org.apache.parquet.io.OutputFile out, Configuration conf, List<String> columns,
      List<ToyStudy.Row> rows, Map<String, String> metadata) throws IOException {
    MessageType schema = schema(columns);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w = new Writer(out, schema).withConf(conf)
        .withCompressionCodec(CompressionCodecName.ZSTD).withExtraMetaData(metadata)
        .withWriteMode(org.apache.parquet.hadoop.ParquetFileWriter.Mode.OVERWRITE).build()) {
      for (ToyStudy.Row r : rows) {
        double[] v = r.values();
        if (v.length != columns.size()) {
          throw new IllegalArgumentException("toy row has " + v.length + " cells, the table " + columns.size()
              + " columns");
        }
        Group g = groups.newGroup();
        for (int i = 0; i < v.length; i++) {
          String c = columns.get(i);
          if (c.equals("toy")) {
            g.append(c, r.toy());
          } else if (isBoolean(c)) {
            g.append(c, v[i] != 0);
          } else {
            g.append(c, v[i]);
          }
        }
        w.write(g);
      }
    }
  }

  /**
   * The writer of {@link Group} rows whose write support names no object model ({@link WriteSupport#getName} null): parquet-java's example writer would
   * record {@code writer.model.name = example} in the footer, as if a parquet-java example had written the table; the
   * toy table, like the event files, carries only cevns' own metadata.
   */
  private static final class Writer extends ParquetWriter.Builder<Group, Writer> {
    private final MessageType schema;

    Writer(org.apache.parquet.io.OutputFile out, MessageType schema) {
      super(out);
      this.schema = schema;
    }

    @Override
    protected Writer self() {
      return this;
    }

    @Override
    protected WriteSupport<Group> getWriteSupport(Configuration conf) {
      return new WriteSupport<>() {
        private GroupWriter groups;

        @Override
        public WriteContext init(Configuration c) {
          return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer consumer) {
          groups = new GroupWriter(consumer, schema);
        }

        @Override
        public void write(Group g) {
          groups.write(g);
        }
      };
    }
  }

  /**
   * A table read back: column names and, per column, the values of all rows (booleans as 0/1), and the study's
   * template-statistics warning ({@link #TEMPLATES_WARNING}), if it recorded one.
   */
  public record Columns(List<String> names, List<double[]> values, int rows, java.util.Optional<String> templateWarning) {
    /** A table without a template-statistics warning. */
    public Columns(List<String> names, List<double[]> values, int rows) {
      this(names, values, rows, java.util.Optional.empty());
    }

    /** The values of column {@code name}. */
    public double[] get(String name) {
      int i = names.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException("toy table has no column '" + name + "'; it has " + names);
      }
      return values.get(i);
    }
  }

  /**
   * Reads a file or a directory of files (rows in file-name order), after checking that they form one complete
   * study ({@link #checkComplete}).
   *
   * @throws IllegalArgumentException if the files are not one complete study
   */
  public static Columns read(String fileOrDirectory) throws IOException {
    Configuration conf = HadoopFiles.configuration();
    List<Path> files = HadoopFiles.parquetFiles(HadoopFiles.path(fileOrDirectory), conf);
    java.util.Map<String, String> study = checkComplete(fileOrDirectory, files, conf);
    List<String> names = null;
    List<List<Double>> cols = new ArrayList<>();
    int rows = 0;
    for (Path f : files) {
      try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), f).withConf(conf).build()) {
        for (Group g = r.read(); g != null; g = r.read()) {
          if (names == null) {
            names = new ArrayList<>();
            for (int i = 0; i < g.getType().getFieldCount(); i++) {
              names.add(g.getType().getFieldName(i));
              cols.add(new ArrayList<>());
            }
          }
          for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            double v = n.equals("toy") ? g.getLong(n, 0)
                : isBoolean(n) ? (g.getBoolean(n, 0) ? 1 : 0) : g.getDouble(n, 0);
            cols.get(i).add(v);
          }
          rows++;
        }
      }
    }
    if (names == null) {
      throw new IOException(fileOrDirectory + ": the toy table has no rows");
    }
    List<double[]> values = new ArrayList<>();
    cols.forEach(c -> values.add(c.stream().mapToDouble(Double::doubleValue).toArray()));
    return new Columns(List.copyOf(names), values, rows,
        java.util.Optional.ofNullable(study == null ? null : study.get(TEMPLATES_WARNING)));
  }

  /**
   * The template-statistics warning recorded in the toy table {@code fileOrDirectory} ({@link #TEMPLATES_WARNING}
   * of its first file; every part of a study builds the same templates), if any.
   */
  public static java.util.Optional<String> templateWarning(String fileOrDirectory) throws IOException {
    return templateWarning(HadoopFiles.path(fileOrDirectory), HadoopFiles.configuration());
  }

  /** As above, on the file system of {@code conf} (a MapReduce job's output, read with the job's configuration). */
  public static java.util.Optional<String> templateWarning(Path fileOrDirectory, Configuration conf)
      throws IOException {
    List<Path> files = HadoopFiles.parquetFiles(fileOrDirectory, conf);
    if (files.isEmpty()) {
      return java.util.Optional.empty();
    }
    try (org.apache.parquet.hadoop.ParquetFileReader r = org.apache.parquet.hadoop.ParquetFileReader.open(
        HadoopInputFile.fromPath(files.get(0), conf))) {
      return java.util.Optional.ofNullable(r.getFooter().getFileMetaData().getKeyValueMetaData()
          .get(TEMPLATES_WARNING));
    }
  }

  /** The study keys that every file of one study shares. */
  private static final List<String> SHARED_KEYS = List.of(TOYS, org.cevns.events.io.TruthMetadata.SEED,
      org.cevns.events.io.TruthMetadata.CONFIG);

  /**
   * Checks that {@code files} are the parts of one study, each toy once: every file has the study metadata
   * ({@link #TOYS}, {@link #FIRST_TOY}, {@link #END_TOY}, seed, configuration), the same total, seed and
   * configuration, and their toy ranges [first, end) tile [0, toys) without gap or overlap.
   *
   * @return the key-value metadata of the first file (null when there are no files)
   * @throws IllegalArgumentException naming the first problem: a foreign file, a file of another study, missing or
   *     duplicated toys
   */
  static java.util.Map<String, String> checkComplete(String what, List<Path> files, Configuration conf)
      throws IOException {
    java.util.Map<String, String> first = null;
    String firstName = null;
    List<long[]> ranges = new ArrayList<>();
    for (Path f : files) {
      java.util.Map<String, String> kv;
      try (org.apache.parquet.hadoop.ParquetFileReader r = org.apache.parquet.hadoop.ParquetFileReader.open(
          HadoopInputFile.fromPath(f, conf))) {
        kv = r.getFooter().getFileMetaData().getKeyValueMetaData();
      }
      for (String k : List.of(TOYS, FIRST_TOY, END_TOY, org.cevns.events.io.TruthMetadata.SEED,
          org.cevns.events.io.TruthMetadata.CONFIG)) {
        if (kv.get(k) == null) {
          throw new IllegalArgumentException(f.getName() + ": not a cevns toy table (no " + k + " metadata)");
        }
      }
      if (first == null) {
        first = kv;
        firstName = f.getName();
      } else {
        for (String k : SHARED_KEYS) {
          if (!first.get(k).equals(kv.get(k))) {
            String shown = k.equals(org.cevns.events.io.TruthMetadata.CONFIG) ? "" : " " + kv.get(k) + " vs "
                + first.get(k);
            throw new IllegalArgumentException(f.getName() + ": " + k + shown + " differs from " + firstName
                + " (toys of another study)");
          }
        }
      }
      try {
        ranges.add(new long[] {Long.parseLong(kv.get(FIRST_TOY)), Long.parseLong(kv.get(END_TOY))});
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(f.getName() + ": toy range metadata is not a number", e);
      }
    }
    if (first == null) {
      return null; // no files: the reader reports it
    }
    long toys = Long.parseLong(first.get(TOYS));
    ranges.sort(java.util.Comparator.comparingLong(r -> r[0]));
    long next = 0;
    for (long[] r : ranges) {
      if (r[0] > next) {
        throw new IllegalArgumentException(what + ": toys [" + next + ", " + r[0] + ") of " + toys + " missing");
      }
      if (r[0] < next) {
        throw new IllegalArgumentException(what + ": toys [" + r[0] + ", " + Math.min(next, r[1]) + ") of " + toys
            + " present twice");
      }
      next = r[1];
    }
    if (next != toys) {
      throw new IllegalArgumentException(what + ": toys [" + next + ", " + toys + ") of " + toys + " missing");
    }
    return first;
  }
}
