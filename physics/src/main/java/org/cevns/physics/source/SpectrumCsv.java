package org.cevns.physics.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.cevns.physics.Checks;

/**
 * Reads a spectrum shape from CSV into a {@link TabulatedSpectrum}.
 *
 * <p>Format: UTF-8 text; blank lines and everything from a {@code #} to the end of a line are ignored; the
 * first remaining line is the header {@code energy_mev,dn_de} (case-insensitive, spaces allowed around the
 * names); every further line holds two decimal numbers: the energy in MeV (finite, &ge; 0, strictly
 * increasing) and dN/dE in any unit (finite, &ge; 0). At least 2 rows; the shape is normalised. Errors are
 * IllegalArgumentException with the message {@code SOURCE:LINE: what is wrong} (SOURCE = file name or
 * resource name); unreadable files give UncheckedIOException naming the file.
 */
public final class SpectrumCsv {
  /** Required header. */
  public static final String HEADER = "energy_mev,dn_de";

  /**
   * Highest neutrino energy of a spectrum file, 1000 MeV: far above every source cevns models (pion
   * decay-at-rest ends at 52.8 MeV, reactor and ⁸B spectra below 20 MeV), and above ~100 MeV CEvNS is no
   * longer coherent (the nuclear form factor suppresses it). The same bound applies to {@code energy_mev}
   * and {@code max_energy_mev} in a configuration.
   */
  public static final double MAX_ENERGY_MEV = 1000;
  /** Most data rows of a spectrum file (the sampling tables are built over its knots). */
  public static final int MAX_ROWS = 100_000;
  /** Largest spectrum file read, 16 MiB. */
  public static final int MAX_BYTES = 16 << 20;

  private SpectrumCsv() {}

  /** Reads the CSV file {@code file}. */
  public static TabulatedSpectrum read(Path file) {
    Checks.notNull("file", file);
    try {
      java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
          java.nio.file.attribute.BasicFileAttributes.class);
      if (!a.isRegularFile() || a.size() > MAX_BYTES) {
        throw new IllegalArgumentException(file + ": must be a regular file of at most " + MAX_BYTES + " bytes"
            + (a.isRegularFile() ? ", got " + a.size() : ", got a FIFO, device or socket"));
      }
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("spectrum file not found: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spectrum file " + file + ": " + e.getMessage(), e);
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("spectrum file not found: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spectrum file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads CSV text from {@code reader}; {@code sourceName} prefixes every error message. */
  public static TabulatedSpectrum read(Reader reader, String sourceName) {
    Checks.notNull("reader", reader);
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    Rows rows = new Rows(sourceName);
    try {
      CsvRows.read(in, sourceName, rows::line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sourceName + ": " + e.getMessage(), e);
    }
    return rows.spectrum();
  }

  /** The rows read so far, checked line by line. */
  private static final class Rows {
    private final String sourceName;
    private double[] energies = new double[64];
    private double[] values = new double[64];
    private int rows;
    private int previousLine;
    private boolean headerSeen;

    Rows(String sourceName) {
      this.sourceName = sourceName;
    }

    void line(int lineNo, String line, String[] fields) {
      String where = sourceName + ":" + lineNo + ": ";
      if (!headerSeen) {
        if (!CsvRows.header(line, fields).equals(HEADER)) {
          throw new IllegalArgumentException(where + "expected the header '" + HEADER + "', got '" + line + "'");
        }
        headerSeen = true;
        return;
      }
      if (fields.length != 2) {
        throw new IllegalArgumentException(
            where + "expected 2 comma-separated columns (" + HEADER + "), got " + fields.length
                + (fields.length > 2 ? DecimalCommas.splitNumberHint(line) : ""));
      }
      double e = number(where, "energy_mev", fields[0]);
      double v = number(where, "dn_de", fields[1]);
      if (e < 0) {
        throw new IllegalArgumentException(where + "energy_mev must be >= 0, got " + e);
      }
      if (e > MAX_ENERGY_MEV) {
        throw new IllegalArgumentException(where + "energy_mev must be <= 1000 MeV (no neutrino source reaches"
            + " higher, and CEvNS is not coherent there), got " + e);
      }
      if (rows >= MAX_ROWS) {
        throw new IllegalArgumentException(where + "more than " + MAX_ROWS + " data rows");
      }
      if (v < 0) {
        throw new IllegalArgumentException(where + "dn_de must be >= 0, got " + v);
      }
      if (rows > 0 && !(e > energies[rows - 1])) {
        throw new IllegalArgumentException(where + "energy_mev " + e + " must be greater than "
            + energies[rows - 1] + " on line " + previousLine + ": energies must be strictly increasing");
      }
      if (rows == energies.length) {
        energies = Arrays.copyOf(energies, 2 * rows);
        values = Arrays.copyOf(values, 2 * rows);
      }
      energies[rows] = e;
      values[rows] = v;
      rows++;
      previousLine = lineNo;
    }

    TabulatedSpectrum spectrum() {
      if (!headerSeen) {
        throw new IllegalArgumentException(sourceName + ": empty file, expected the header '" + HEADER
            + "' and at least 2 data rows");
      }
      if (rows < 2) {
        throw new IllegalArgumentException(
            sourceName + ": expected at least 2 data rows after the header, got " + rows);
      }
      double[] e = Arrays.copyOf(energies, rows);
      double[] v = Arrays.copyOf(values, rows);
      if (Arrays.stream(v).allMatch(x -> x == 0.0)) {
        throw new IllegalArgumentException(sourceName + ": dn_de is 0 on every row, the shape cannot be normalised");
      }
      return TabulatedSpectrum.of(e, v);
    }
  }

  private static double number(String where, String column, String field) {
    return CsvRows.decimal(field, where + column + " is not a finite decimal number", where + column
        + " overflows a double");
  }
}
