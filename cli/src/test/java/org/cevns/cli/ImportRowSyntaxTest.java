package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows of a CSV or text import that were read as something else without a word: a decimal comma ("1,5,0,5" under the
 * header "E_keV,t_us" was imported as E = 1 keVee, t = 5 us), a row with more fields than the header, and numbers in
 * Java's syntax that no data file means ("1.5d", "2f", "0x1p3" were imported as 1.5, 2 and 8). Each is now one line
 * naming the file and line, exit 2, no output; a trailing empty field ("1.5,0.5,") and CRLF lines are still read.
 */
class ImportRowSyntaxTest {
  @TempDir Path tmp;

  private List<String> args(Path in, Path out, String format) {
    return new ArrayList<>(List.of("import", in.toString(), "-o", out.toString(), "--set", "format=" + format,
        "--set", "header=true", "--set", "detector=csi", "--set", "source=sns", "--set", "mass_kg=14.6",
        "--set", "exposure.protons_on_target=1e22", "--set", "exposure.live_seconds=1e6",
        "--set", "windows.coincidence_length_ns=6000", "--set", "windows.anticoincidence=before",
        "--set", "columns.energy.column=E_keV", "--set", "columns.energy.unit=kevee",
        "--set", "columns.time.column=t_us", "--set", "columns.time.unit=us", "--set", "window=coincidence"));
  }

  private void fails(String name, String text, String format, String message) throws Exception {
    Path in = Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    Path out = tmp.resolve(name + ".parquet");
    CliRunner.Result r = CliRunner.run(args(in, out, format).toArray(String[]::new));
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: " + in + message, r.err().strip());
    assertFalse(Files.exists(out), "no output after a failure");
  }

  @Test
  void aDecimalCommaOrAWideRowIsRefused() throws Exception {
    fails("comma.csv", "E_keV,t_us\n1.5,0.5\n1,5,0,5\n", "csv",
        ":3: 4 fields, the header has 2 (a decimal comma? the fields of csv are separated by ',')");
    fails("wide.txt", "E_keV t_us\n1.5 0.5 7\n", "text",
        ":2: 3 fields, the header has 2 (a decimal comma? the fields of text are separated by whitespace)");
  }

  @Test
  void aSpreadsheetExportWithDecimalCommasIsRefused() throws Exception {
    // German Excel's CSV without a header: before, "0,512;1,5" was read as the fields 0, 512;1 and 5, and with
    // column 1 the energy mapped imported as 0 keVee, exit 0
    Path in = Files.writeString(tmp.resolve("de.csv"), "0,512;1,5\n1,25;2\n", StandardCharsets.UTF_8);
    Path out = tmp.resolve("de.parquet");
    List<String> a = args(in, out, "csv");
    a.addAll(List.of("--set", "header=false", "--set", "columns.energy.column=1", "--set", "columns.time.column=2"));
    CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: " + in + ":1: ';' separates fields ('0,512;1,5'), as a spreadsheet's export with decimal"
        + " commas (German or French Excel: 0,5;1,2e3); allowed: ',' between fields and a decimal point (0.5,1.2e3):"
        + " export with '.' as the decimal separator", r.err().strip());
    assertFalse(Files.exists(out), "no output after a failure");
  }

  @Test
  void javaNumberSyntaxIsNotANumber() throws Exception {
    fails("suffix.csv", "E_keV,t_us\n1.5d,0.5\n", "csv", ":2: columns.energy.column 'E_keV': not a number: '1.5d'");
    fails("float.csv", "E_keV,t_us\n1.5,2f\n", "csv", ":2: columns.time.column 't_us': not a number: '2f'");
    fails("hex.csv", "E_keV,t_us\n0x1p3,0.5\n", "csv", ":2: columns.energy.column 'E_keV': not a number: '0x1p3'");
  }

  @Test
  void aTrailingEmptyFieldAndCrlfLinesAreRead() throws Exception {
    Path in = Files.writeString(tmp.resolve("ok.csv"), "E_keV,t_us\r\n1.5,0.5,\r\n\r\n2.5e0,1\r\n",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("ok.parquet");
    CliRunner.Result r = CliRunner.run(args(in, out, "csv").toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(2, ParquetRows.read(out).size());
  }
}
