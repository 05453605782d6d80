package org.cevns.detsim.setup;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;
import org.cevns.physics.source.CsvRows;
import org.cevns.physics.source.DecimalCommas;
import org.cevns.schema.ConfigException;
import org.cevns.schema.LocaleEncoding;

/**
 * A two-column numeric table read from a CSV file named in the configuration (quenching curves, efficiency
 * curves, background spectra). Format, the lines of {@link CsvRows} as for spectrum files: UTF-8; blank lines and everything after a
 * {@code #} are ignored; the first remaining line is a header naming the two columns (one of the headers the
 * key allows, case-insensitive, spaces allowed around the names); then at least {@code minRows} rows of two
 * finite decimal numbers, the first strictly increasing. Relative paths are relative to the configuration
 * file's directory.
 *
 * <p>Errors are {@link ConfigException}s at the {@code file} key: {@code KEY: must be a readable file (...),
 * got 'x.csv'} or {@code KEY: must be a valid table (x.csv:LINE: what is wrong), got 'x.csv'}.
 *
 * @param file the resolved file
 * @param header the header found (lower case, e.g. {@code recoil_kevnr,quenching_factor})
 * @param x first column, strictly increasing
 * @param y second column
 * @param lines the file's line number of each row (1-based), for messages
 */
public record TableFile(Path file, String header, double[] x, double[] y, int[] lines) {
  /** Copies of the columns. */
  public TableFile {
    x = x.clone();
    y = y.clone();
    lines = lines.clone();
  }

  @Override
  public int[] lines() {
    return lines.clone();
  }

  /**
   * Checks every value of a column: the first that fails is a {@link ConfigException} at {@code keyPath}, {@code
   * KEY: must be a valid table (x.csv:LINE: WHAT, got VALUE), got 'x.csv'}.
   *
   * @param name the file name as configured
   * @param second true: the second column, false: the first
   * @param what the rule, e.g. {@code "efficiency must be in [0, 1]"}
   */
  public void require(String name, String keyPath, boolean second, DoublePredicate ok, String what) {
    double[] v = second ? y : x;
    for (int i = 0; i < v.length; i++) {
      if (!ok.test(v[i])) {
        throw invalid(name, keyPath, new IllegalArgumentException(file.getFileName() + ":" + lines[i] + ": " + what
            + ", got " + v[i]));
      }
    }
  }

  /** As {@link #require}, for values computed per row (e.g. QF · E_nr): must be strictly increasing. */
  public void requireIncreasing(String name, String keyPath, double[] values, String what) {
    for (int i = 1; i < values.length; i++) {
      if (!(values[i] > values[i - 1])) {
        throw invalid(name, keyPath, new IllegalArgumentException(file.getFileName() + ":" + lines[i] + ": " + what
            + " must increase, " + values[i] + " follows " + values[i - 1]));
      }
    }
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  /** Number of rows. */
  public int rows() {
    return x.length;
  }

  /**
   * Reads the file {@code name} given at key {@code keyPath}.
   *
   * @param baseDir directory of the configuration file
   * @param headers allowed headers, e.g. {@code recoil_kevnr,quenching_factor}
   * @param minRows least number of data rows
   */
  public static TableFile read(String name, String keyPath, Path baseDir, List<String> headers, int minRows) {
    Path resolved;
    try {
      resolved = baseDir.resolve(name).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw error(name, keyPath, LocaleEncoding.invalidFileName(name, e));
    }
    if (!Files.isRegularFile(resolved) || !Files.isReadable(resolved)) {
      throw error(name, keyPath, "must be a readable file (relative paths are relative to the configuration file's"
          + " directory; looked for " + resolved + ")");
    }
    try (BufferedReader in = Files.newBufferedReader(resolved, StandardCharsets.UTF_8)) {
      return parse(in, resolved, headers, minRows);
    } catch (IOException e) {
      throw error(name, keyPath, "must be a readable file (" + e.getMessage() + ")");
    } catch (IllegalArgumentException e) {
      throw invalid(name, keyPath, e);
    }
  }

  private static ConfigException error(String name, String keyPath, String allowed) {
    return new ConfigException(keyPath, allowed, ConfigException.quote(name));
  }

  private static TableFile parse(BufferedReader in, Path file, List<String> headers, int minRows)
      throws IOException {
    String source = file.getFileName().toString();
    double[][] xy = {new double[64], new double[64]};
    int[][] lineNos = {new int[64]};
    int[] rows = {0};
    String[] header = {null};
    CsvRows.read(in, source, (lineNo, line, fields) -> {
      String where = source + ":" + lineNo + ": ";
      if (header[0] == null) {
        String h = CsvRows.header(line, fields);
        if (!headers.contains(h)) {
          throw new IllegalArgumentException(where + "expected the header " + String.join(" or ", headers)
              + ", found '" + line + "'");
        }
        header[0] = h;
        return;
      }
      if (fields.length != 2) {
        throw new IllegalArgumentException(where + "expected 2 comma-separated numbers, found " + fields.length
            + " fields" + (fields.length > 2 ? DecimalCommas.splitNumberHint(line) : ""));
      }
      double x = number(where, fields[0]);
      double y = number(where, fields[1]);
      int n = rows[0];
      if (n > 0 && !(x > xy[0][n - 1])) {
        throw new IllegalArgumentException(where + "first column must be strictly increasing, "
            + x + " follows " + xy[0][n - 1]);
      }
      if (n == xy[0].length) {
        xy[0] = Arrays.copyOf(xy[0], 2 * n);
        xy[1] = Arrays.copyOf(xy[1], 2 * n);
        lineNos[0] = Arrays.copyOf(lineNos[0], 2 * n);
      }
      lineNos[0][n] = lineNo;
      xy[0][n] = x;
      xy[1][n] = y;
      rows[0]++;
    });
    if (header[0] == null) {
      throw new IllegalArgumentException(source + ": empty, expected the header " + String.join(" or ", headers));
    }
    if (rows[0] < minRows) {
      throw new IllegalArgumentException(source + ": at least " + minRows + " data rows needed, found " + rows[0]);
    }
    return new TableFile(file, header[0], Arrays.copyOf(xy[0], rows[0]), Arrays.copyOf(xy[1], rows[0]),
        Arrays.copyOf(lineNos[0], rows[0]));
  }

  private static double number(String where, String field) {
    return CsvRows.decimal(field, where + "not a finite decimal number", where + "number overflows a double");
  }

  /** Wraps a model's validation failure of table {@code name} as an error at {@code keyPath}. */
  static ConfigException invalid(String name, String keyPath, IllegalArgumentException e) {
    return error(name, keyPath, "must be a valid table (" + e.getMessage() + ")");
  }
}
