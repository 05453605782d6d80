package org.cevns.analysis.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.cevns.analysis.importer.ImportMapping.Column;
import org.cevns.analysis.importer.ImportMapping.Format;
import org.cevns.events.io.HadoopFiles;

/**
 * Reads the mapped columns of one input table, row by row, as numbers: whitespace-separated text ({@code #}
 * starts a comment), CSV and TSV (Apache Commons CSV; {@code #} comments, blank lines skipped), or Parquet
 * (numeric columns: double, float, int32, int64; by name or position in the schema). Columns are resolved by
 * {@link #open}, before any row is read; every value problem names the file, the line (row for Parquet) and the
 * column.
 */
final class TableSource {
  /** Whitespace between the fields of a text line (compiled once, not per line as {@code String.split} does). */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  /** What Java's number syntax accepts but a data file's does not: a type suffix, a hexadecimal float. */
  private static final Pattern JAVA_ONLY_NUMBER = Pattern.compile("[dDfF]$|[xXpP]");
  /** The Unicode byte-order mark, skipped at the start of a text file. */
  private static final char BYTE_ORDER_MARK = '\uFEFF';
  /** The Parquet column types read as numbers (the message of a refused column). */
  static final String NUMERIC_TYPES = "double, float, int32, int64, decimal";
  /** Receives the values of one row, in the order of the requested columns. */
  interface RowSink {
    void row(double[] values, String where) throws IOException;
  }

  private final Path file;
  private final Format format;
  private final boolean header;
  private final List<Column> columns;
  /** 0-based field index of each column (text formats). */
  private final int[] index;

  private TableSource(Path file, Format format, boolean header, List<Column> columns, int[] index) {
    this.file = file;
    this.format = format;
    this.header = header;
    this.columns = columns;
    this.index = index;
  }

  /**
   * Opens {@code file} and resolves {@code columns} against its header (names) or its first row (positions).
   *
   * @throws ImportException if the file is missing or unreadable, or a column is not in it
   */
  static TableSource open(Path file, Format format, boolean header, List<Column> columns) {
    if (!Files.isRegularFile(file)) { // a directory was "no such file"
      throw new ImportException(file + (Files.isDirectory(file) ? ": is a directory; allowed: an event file (a"
          + " directory with a mapping whose files: key lists its files, as --format's)" : ": no such file"));
    }
    if (!Files.isReadable(file)) {
      throw new ImportException(file + ": cannot read it (permission denied)");
    }
    // Parquet: the schema's columns; text formats: the header (names) or the first row (positions only)
    List<String> nonNumeric = new ArrayList<>();
    List<String> first = format == Format.PARQUET ? parquetColumns(file, nonNumeric) : firstRow(file, format);
    if (first.isEmpty()) {
      throw new ImportException(file + ": empty: no " + (format == Format.PARQUET ? "columns"
          : header ? "header line" : "data line") + " (blank and '#' lines skipped)");
    }
    List<String> names = format == Format.PARQUET || header ? first : null;
    int[] index = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      if (c.name() != null) {
        if (names == null) {
          throw new ImportException(c.key() + ".column: the column name '" + c.name() + "' needs header: true (or a"
              + " 1-based position) for " + format.name().toLowerCase(java.util.Locale.ROOT) + " input " + file);
        }
        index[i] = names.indexOf(c.name());
        if (index[i] >= 0 && format == Format.PARQUET && nonNumeric.get(index[i]) != null) {
          throw new ImportException(file + ": " + c.key() + ".column '" + c.name() + "' is not numeric ("
              + nonNumeric.get(index[i]) + "); allowed: " + NUMERIC_TYPES);
        }
        if (index[i] < 0) {
          throw new ImportException(file + ": " + c.key() + ".column: no column '" + c.name() + "', columns are "
              + names + (names.size() == 1 && format != Format.PARQUET ? " (one column: the fields of "
              + format.name().toLowerCase(java.util.Locale.ROOT) + " are separated by " + separator(format) + ")"
              : ""));
        }
      } else {
        index[i] = c.position() - 1;
        if (index[i] >= first.size()) {
          throw new ImportException(file + ": " + c.key() + ".column: no column " + c.position() + ", the "
              + (format == Format.PARQUET ? "schema" : header ? "header" : "first row") + " has " + first.size());
        }
        if (format == Format.PARQUET && nonNumeric.get(index[i]) != null) {
          throw new ImportException(file + ": " + c.key() + ".column " + c.position() + " ('" + first.get(index[i])
              + "') is not numeric (" + nonNumeric.get(index[i]) + "); allowed: " + NUMERIC_TYPES);
        }
      }
    }
    return new TableSource(file, format, header, List.copyOf(columns), index);
  }

  /**
   * Reads every row into {@code sink}.
   *
   * @throws ImportException if the file holds no data row (an empty table, or a header only)
   */
  void read(RowSink sink) throws IOException {
    long rows;
    if (format == Format.PARQUET) {
      rows = readParquet(sink);
    } else {
      try {
        rows = format == Format.TEXT ? readText(sink) : readCsv(sink);
      } catch (java.nio.charset.CharacterCodingException e) {
        throw ImportException.reading(file, "cannot read it", e);
      }
    }
    if (rows == 0) {
      throw new ImportException(file + ": no data rows" + (format == Format.PARQUET ? "" : header ? " (a header only)"
          : "") + "; a window without events: one row with count 0 (columns.count)");
    }
  }

  private long readText(RowSink sink) throws IOException {
    double[] v = new double[columns.size()];
    long rows = 0;
    try (BufferedReader r = reader(file)) {
      String line;
      long n = 0;
      boolean skipHeader = header;
      int width = -1;
      while ((line = r.readLine()) != null) {
        n++;
        String[] f = fields(line);
        if (f == null) {
          continue;
        }
        if (skipHeader) {
          skipHeader = false;
          width = f.length;
          continue;
        }
        String where = file + ":" + n;
        checkWidth(java.util.Arrays.asList(f), width, where);
        for (int i = 0; i < v.length; i++) {
          v[i] = number(index[i] >= f.length ? null : f[index[i]], i, where);
        }
        sink.row(v, where);
        rows++;
      }
    }
    return rows;
  }

  private long readCsv(RowSink sink) throws IOException {
    double[] v = new double[columns.size()];
    long rows = 0;
    try (BufferedReader r = reader(file);
        CSVParser p = csvFormat(format).parse(r)) {
      boolean skipHeader = header;
      int width = -1;
      for (CSVRecord rec : p) {
        if (skipHeader) {
          skipHeader = false;
          width = rec.size();
          continue;
        }
        String where = file + ":" + p.getCurrentLineNumber();
        checkWidth(SpreadsheetExport.refuseSemicolons(rec.toList(), where), width, where);
        for (int i = 0; i < v.length; i++) {
          v[i] = number(index[i] < rec.size() ? rec.get(index[i]) : null, i, where);
        }
        sink.row(v, where);
        rows++;
      }
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      // Commons CSV wraps the parse error ("IOException reading next record: ..."): the innermost cause says why
      ImportException.notUtf8(file, e).ifPresent(x -> {
        throw x;
      });
      Throwable root = e;
      while (root.getCause() != null && root.getCause().getMessage() != null) {
        root = root.getCause();
      }
      throw new ImportException(file + ": not valid " + format.name().toLowerCase(java.util.Locale.ROOT) + ": "
          + root.getMessage(), e);
    }
    return rows;
  }

  private long readParquet(RowSink sink) throws IOException {
    double[] v = new double[columns.size()];
    long row = 0;
    Configuration conf = HadoopFiles.configuration();
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file.toUri());
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), p).withConf(conf).build()) {
      Group g;
      while ((g = r.read()) != null) {
        row++;
        String where = file + ": row " + row;
        for (int i = 0; i < v.length; i++) {
          if (g.getFieldRepetitionCount(index[i]) == 0) {
            v[i] = number(null, i, where);
            continue;
          }
          v[i] = finite(parquetValue(g, index[i], i, where), i, where);
        }
        sink.row(v, where);
      }
    } catch (RuntimeException e) {
      if (e instanceof ImportException) {
        throw e;
      }
      throw new ImportException(file + ": cannot read it as Parquet: " + e.getMessage(), e);
    }
    return row;
  }

  /** The value of field {@code f} (a numeric column, checked by {@link #open}); a decimal is unscaled / 10^scale. */
  private double parquetValue(Group g, int f, int i, String where) {
    PrimitiveType t = g.getType().getType(f).asPrimitiveType();
    int scale = t.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation d ? d.getScale() : -1;
    return switch (t.getPrimitiveTypeName()) {
      case DOUBLE -> g.getDouble(f, 0);
      case FLOAT -> g.getFloat(f, 0);
      case INT32 -> scale >= 0 ? BigDecimal.valueOf(g.getInteger(f, 0), scale).doubleValue()
          : t.getLogicalTypeAnnotation() instanceof IntLogicalTypeAnnotation a && !a.isSigned()
              ? Integer.toUnsignedLong(g.getInteger(f, 0)) : g.getInteger(f, 0);
      case INT64 -> scale < 0 ? g.getLong(f, 0) : BigDecimal.valueOf(g.getLong(f, 0), scale).doubleValue();
      case BINARY, FIXED_LEN_BYTE_ARRAY -> new BigDecimal(new BigInteger(g.getBinary(f, 0).getBytes()), scale)
          .doubleValue();
      default -> throw new ImportException(where + ": " + columns.get(i).key() + ".column " + columns.get(i).label()
          + " is not numeric (" + t.getPrimitiveTypeName() + ")");
    };
  }

  /** {@code d} if finite (a Parquet double or float may hold NaN or an infinity). */
  private double finite(double d, int i, String where) {
    if (!Double.isFinite(d)) {
      Column c = columns.get(i);
      throw new ImportException(where + ": " + c.key() + ".column " + c.label() + ": must be finite, got '" + d + "'");
    }
    return d;
  }

  /**
   * Refuses a row with more non-empty fields than the header ({@code width}; -1 without a header): a decimal comma
   * ("1,5,0,5" under the header "E,t" was read as E = 1, t = 5) or a shifted row, read silently before.
   */
  private void checkWidth(List<String> fields, int width, String where) {
    for (int j = width; width >= 0 && j < fields.size(); j++) {
      if (!fields.get(j).isBlank()) {
        throw new ImportException(where + ": " + fields.size() + " fields, the header has " + width + " (a decimal"
            + " comma? the fields of " + format.name().toLowerCase(java.util.Locale.ROOT) + " are separated by "
            + separator(format) + ")");
      }
    }
  }

  private double number(String s, int i, String where) {
    Column c = columns.get(i);
    if (s == null || s.isBlank()) {
      throw new ImportException(where + ": " + c.key() + ".column " + c.label() + ": no value");
    }
    try {
      if (JAVA_ONLY_NUMBER.matcher(s.strip()).find()) { // "1.5d", "2f", "0x1p3": Java's syntax, not a data file's
        throw new NumberFormatException(s);
      }
      double d = Double.parseDouble(s.trim());
      if (!Double.isFinite(d)) {
        throw new ImportException(where + ": " + c.key() + ".column " + c.label() + ": must be finite, got '" + s
            + "'");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new ImportException(where + ": " + c.key() + ".column " + c.label() + ": not a number: '" + s + "'", e);
    }
  }

  /** Why column type {@code t} is not read as a number, or null if it is. */
  private static String nonNumeric(Type t) {
    if (!t.isPrimitive()) {
      return "a group";
    }
    if (t.isRepetition(Type.Repetition.REPEATED)) {
      return "a repeated field";
    }
    PrimitiveType p = t.asPrimitiveType();
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    String type = p.getPrimitiveTypeName() + (a == null ? "" : " " + a);
    return switch (p.getPrimitiveTypeName()) {
      case DOUBLE, FLOAT -> null;
      case INT32, INT64 -> a == null || a instanceof IntLogicalTypeAnnotation
          || a instanceof DecimalLogicalTypeAnnotation ? null : type;
      case BINARY, FIXED_LEN_BYTE_ARRAY -> a instanceof DecimalLogicalTypeAnnotation ? null : type;
      default -> type;
    };
  }

  /** Whitespace-separated fields of a text line, or null for a blank or comment line. */
  private static String[] fields(String line) {
    int hash = line.indexOf('#');
    String s = (hash >= 0 ? line.substring(0, hash) : line).strip();
    return s.isEmpty() ? null : WHITESPACE.split(s);
  }

  private static String separator(Format format) {
    return switch (format) {
      case CSV -> "','";
      case TSV -> "tabs";
      default -> "whitespace";
    };
  }

  private static CSVFormat csvFormat(Format format) {
    CSVFormat base = format == Format.TSV ? CSVFormat.TDF : CSVFormat.DEFAULT;
    return base.builder().setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).build();
  }

  /**
   * The file as UTF-8 text, after a byte-order mark if it starts with one (spreadsheet programs write it at the
   * start of a "CSV UTF-8" file; read as text it became part of the first column's name or value).
   */
  private static BufferedReader reader(Path file) throws IOException {
    BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    r.mark(1);
    if (r.read() != BYTE_ORDER_MARK) {
      r.reset();
    }
    return r;
  }

  /** The fields of the first non-comment row (header or data). */
  private static List<String> firstRow(Path file, Format format) {
    try (BufferedReader r = reader(file)) {
      if (format == Format.TEXT) {
        String line;
        while ((line = r.readLine()) != null) {
          String[] f = fields(line);
          if (f != null) {
            return List.of(f);
          }
        }
        return List.of();
      }
      try (CSVParser p = csvFormat(format).parse(r)) {
        for (CSVRecord rec : p) {
          List<String> out = new ArrayList<>();
          rec.forEach(out::add);
          return out;
        }
        return List.of();
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw ImportException.reading(file, "cannot read it", e);
    }
  }

  /**
   * The top-level column names of a Parquet file; {@code nonNumeric} gets, per column, why it cannot be read as
   * a number (its type), or null: double, float, int32 and int64 without a logical type or with an integer or
   * decimal one, and decimals stored as bytes. Timestamps, dates and times are refused (their unit is the
   * file's, not the mapping's), as are strings, booleans, INT96, groups and lists.
   */
  private static List<String> parquetColumns(Path file, List<String> nonNumeric) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file.toUri());
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(p, HadoopFiles.configuration()))) {
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      List<String> out = new ArrayList<>();
      for (Type t : schema.getFields()) {
        out.add(t.getName());
        nonNumeric.add(nonNumeric(t));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw new ImportException(file + ": not a Parquet file: " + e.getMessage(), e);
    }
  }
}
