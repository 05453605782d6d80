package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns import} of a user's own event lists with the mistakes users make: NaN and infinite energies in a
 * Parquet column, a decimal column (read at its scale, not as its unscaled integer), a string or timestamp
 * column, an empty or header-only file, a CSV with an open quote, a spreadsheet's byte-order mark, a
 * semicolon-separated "CSV", reactor data without a period (which the
 * default {@code beam} put into a region an on-off fit does not read), YAML's unquoted {@code on}, and times in
 * a larger unit than the mapping says (a warning). Each input error is one line naming the file, row and column,
 * exit 2 and no output.
 */
class ImportUserDataTest {
  @TempDir Path tmp;

  private List<String> args(Path in, Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("import", in.toString(), "-o", out.toString(), "--set", "format=csv",
        "--set", "header=true", "--set", "detector=csi", "--set", "source=sns", "--set", "mass_kg=14.6",
        "--set", "exposure.protons_on_target=1e22", "--set", "exposure.live_seconds=1e6",
        "--set", "windows.coincidence_length_ns=6000", "--set", "windows.anticoincidence=before",
        "--set", "columns.energy.column=E_keV", "--set", "columns.energy.unit=kevee",
        "--set", "columns.time.column=t_us", "--set", "columns.time.unit=us"));
    for (String e : extra) {
      a.add("--set");
      a.add(e);
    }
    return a;
  }

  /** Reactor data: no windows, energy in eVee, time in s since the run start. */
  private static List<String> reactorArgs(Path in, Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("import", in.toString(), "-o", out.toString(), "--set", "format=csv",
        "--set", "header=true", "--set", "detector=C2", "--set", "source=kkl", "--set", "mass_kg=0.95",
        "--set", "exposure.live_seconds=1.0e7", "--set", "columns.energy.column=E_eVee",
        "--set", "columns.energy.unit=evee", "--set", "columns.time.column=t_s", "--set", "columns.time.unit=s"));
    for (String e : extra) {
      a.add("--set");
      a.add(e);
    }
    return a;
  }

  private static void fails(List<String> args, Path out, String message) {
    CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: " + message, r.err().strip());
    assertFalse(Files.exists(out), "no output after a failure");
  }

  private static Path parquet(Path file, String schemaText, Object[][] rows) throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType(schemaText);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
        .withType(schema).build()) {
      SimpleGroupFactory f = new SimpleGroupFactory(schema);
      for (Object[] row : rows) {
        Group g = f.newGroup();
        for (int i = 0; i < row.length; i++) {
          String name = schema.getFieldName(i);
          if (row[i] instanceof Double d) {
            g.append(name, d);
          } else if (row[i] instanceof Integer n) {
            g.append(name, n);
          } else if (row[i] instanceof Long n) {
            g.append(name, n);
          } else {
            g.append(name, (String) row[i]);
          }
        }
        w.write(g);
      }
    }
    return file;
  }

  /** (observed keVee, time ns) of every row of an imported file. */
  private static List<double[]> rows(Path file) throws IOException {
    List<double[]> out = new ArrayList<>();
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(file.toUri())).build()) {
      Group g;
      while ((g = r.read()) != null) {
        out.add(new double[] {g.getDouble("observed_kevee", 0), g.getDouble("time_ns", 0)});
      }
    }
    return out;
  }

  private static String period(Path file) throws IOException {
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(file.toUri())).build()) {
      return r.read().getString("period", 0);
    }
  }

  @Test
  void parquetNanAndInfiniteValuesAreRefused() throws IOException {
    // before: a NaN or infinite energy was written to the event file (exit 0); a NaN time was "outside the window"
    String schema = "message m { required double E_keV; required double t_us; }";
    Path out = tmp.resolve("o.parquet");
    Path nan = parquet(tmp.resolve("nan.parquet"), schema, new Object[][] {{1.5, 0.3}, {Double.NaN, 1.0}});
    fails(args(nan, out, "format=parquet"), out, nan + ": row 2: columns.energy.column 'E_keV': must be finite,"
        + " got 'NaN'");
    Path inf = parquet(tmp.resolve("inf.parquet"), schema, new Object[][] {{Double.POSITIVE_INFINITY, 0.3}});
    fails(args(inf, out, "format=parquet"), out, inf + ": row 1: columns.energy.column 'E_keV': must be finite,"
        + " got 'Infinity'");
    Path tnan = parquet(tmp.resolve("tnan.parquet"), schema, new Object[][] {{1.0, Double.NaN}});
    fails(args(tnan, out, "format=parquet", "window=none"), out, tnan + ": row 1: columns.time.column 't_us': must"
        + " be finite, got 'NaN'");
  }

  @Test
  void aParquetDecimalColumnIsReadAtItsScale() throws IOException {
    // DuckDB writes DECIMAL(5,2) as int32 with scale 2: 1.25 is stored as 125, which was read as 125 keVee
    Path in = parquet(tmp.resolve("dec.parquet"), "message m { required int32 E_keV (DECIMAL(5,2));"
        + " required int64 t_us (DECIMAL(12,3)); }", new Object[][] {{125, 4500L}});
    Path out = tmp.resolve("o.parquet");
    CliRunner.Result r = CliRunner.run(args(in, out, "format=parquet").toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    List<double[]> rows = rows(out);
    assertEquals(1.25, rows.get(0)[0], 1e-12);
    assertEquals(4500.0, rows.get(0)[1], 1e-9);
  }

  @Test
  void aNonNumericParquetColumnIsNamedWithItsType() throws IOException {
    // before: "no column 'E_keV', columns are [E_keV (not a number), t_us]", which denies the column is there
    Path in = parquet(tmp.resolve("str.parquet"), "message m { required binary E_keV (UTF8); required double t_us; }",
        new Object[][] {{"1.5", 0.3}});
    Path out = tmp.resolve("o.parquet");
    fails(args(in, out, "format=parquet"), out, in + ": columns.energy.column 'E_keV' is not numeric (BINARY"
        + " STRING); allowed: double, float, int32, int64, decimal");
    // a timestamp's unit is the file's, not the mapping's: refused, not read as microseconds since 1970
    Path ts = parquet(tmp.resolve("ts.parquet"), "message m { required double E_keV;"
        + " required int64 t_us (TIMESTAMP(MICROS,true)); }", new Object[][] {{1.5, 3L}});
    fails(args(ts, out, "format=parquet", "columns.time.column=2"), out, ts + ": columns.time.column 2 ('t_us') is"
        + " not numeric (INT64 TIMESTAMP(MICROS,true)); allowed: double, float, int32, int64, decimal");
  }

  @Test
  void emptyAndHeaderOnlyFilesAreRefused() throws IOException {
    Path out = tmp.resolve("o.parquet");
    Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
    // before: "no column 'E_keV', columns are []"
    fails(args(empty, out), out, empty + ": empty: no header line (blank and '#' lines skipped)");
    // before: exit 0 and a file of 0 events
    Path header = Files.writeString(tmp.resolve("header.csv"), "E_keV,t_us\n");
    fails(args(header, out), out, header + ": no data rows (a header only); a window without events: one row with"
        + " count 0 (columns.count)");
    Path none = parquet(tmp.resolve("none.parquet"), "message m { required double E_keV; required double t_us; }",
        new Object[][] {});
    fails(args(none, out, "format=parquet"), out, none + ": no data rows; a window without events: one row with"
        + " count 0 (columns.count)");
    // a window without events, as the message says: one row of count 0
    Path zero = Files.writeString(tmp.resolve("zero.csv"), "E_keV,t_us,n\n1.0,0.5,0\n");
    CliRunner.Result r = CliRunner.run(args(zero, out, "columns.count.column=n").toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(0, rows(out).size());
  }

  @Test
  void aSpreadsheetsByteOrderMarkIsSkippedAndASemicolonHeaderIsNamed() throws IOException {
    // "CSV UTF-8" of a spreadsheet program: a byte-order mark and CRLF; before: "no column 'E_keV', columns are
    // [\uFEFFE_keV, t_us]" (the mark invisible in the message)
    Path bom = tmp.resolve("bom.csv");
    Files.write(bom, "\uFEFFE_keV,t_us\r\n1.5,0.3\r\n2.5,1.2\r\n".getBytes(StandardCharsets.UTF_8));
    Path out = tmp.resolve("o.parquet");
    CliRunner.Result r = CliRunner.run(args(bom, out).toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    List<double[]> rows = rows(out);
    assertEquals(2, rows.size());
    assertEquals(2.5, rows.get(1)[0], 0.0);
    assertEquals(1200.0, rows.get(1)[1], 1e-9);
    // whitespace-separated text with a mark before the first number: before "not a number: '\uFEFF1.5'"
    Path txt = tmp.resolve("bom.txt");
    Files.write(txt, "\uFEFF1.5 0.3\n".getBytes(StandardCharsets.UTF_8));
    Path o2 = tmp.resolve("o2.parquet");
    r = CliRunner.run(args(txt, o2, "format=text", "header=false", "columns.energy.column=1",
        "columns.time.column=2").toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(1.5, rows(o2).get(0)[0], 0.0);
    // a semicolon-separated file read as csv: one column, and the message says why
    Path semi = Files.writeString(tmp.resolve("semi.csv"), "E_keV;t_us\n1,5;0,3\n");
    Path o3 = tmp.resolve("o3.parquet");
    fails(args(semi, o3), o3, semi + ": columns.energy.column: no column 'E_keV', columns are [E_keV;t_us] (one"
        + " column: the fields of csv are separated by ',')");
  }

  @Test
  void aFileThatIsNotUtf8IsNamedAsSuch() throws IOException {
    // before: "cannot read it: Input length = 1"; a byte past the first 8 KiB "not valid csv: Input length = 1", and
    // in a text file "OUT.parquet: cannot write here: Input length = 1" (the output blamed); a Latin-1 mapping
    // "I/O error: Input length = 1", exit 1
    String notUtf8 = ": not UTF-8 text (a byte that is not UTF-8, e.g. a Latin-1 or Windows-1252 \u00b5, \u00b0 or"
        + " umlaut); save the file as UTF-8";
    Path out = tmp.resolve("o.parquet");
    Path head = tmp.resolve("head.csv");
    Files.write(head, "# E in keV, t in \u00b5s\nE_keV,t_us\n1.5,0.3\n".getBytes(StandardCharsets.ISO_8859_1));
    fails(args(head, out), out, head + notUtf8);
    String rows = "1.5,0.3\n".repeat(20_000);
    Path late = tmp.resolve("late.csv");
    Files.write(late, ("E_keV,t_us\n" + rows + "# \u00b0\n").getBytes(StandardCharsets.ISO_8859_1));
    fails(args(late, out), out, late + notUtf8);
    Path text = tmp.resolve("late.txt");
    Files.write(text, (rows.replace(',', ' ') + "# \u00b0\n").getBytes(StandardCharsets.ISO_8859_1));
    fails(args(text, out, "format=text", "header=false", "columns.energy.column=1", "columns.time.column=2"), out,
        text + notUtf8);
    Path mapping = tmp.resolve("mapping.yaml");
    Files.write(mapping, "# \u00b5\nformat: csv\n".getBytes(StandardCharsets.ISO_8859_1));
    List<String> a = new ArrayList<>(args(tmp.resolve("ok.csv"), out));
    a.addAll(List.of("--mapping", mapping.toString()));
    fails(a, out, mapping + notUtf8);
  }

  @Test
  void aCsvParseErrorIsOneLineWithoutTheJavaExceptionNames() throws IOException {
    Path in = Files.writeString(tmp.resolve("quote.csv"), "E_keV,t_us\n\"1.5,0.3\n");
    Path out = tmp.resolve("o.parquet");
    // before: "not valid csv: IOException reading next record: java.io.IOException: (startline 2) EOF ..."
    fails(args(in, out), out, in + ": not valid csv: (startline 2) EOF reached before encapsulated token finished");
  }

  @Test
  void timesInALargerUnitThanTheMappingSaysAreWarnedAbout() throws IOException {
    // microseconds declared as ns: every event in the first 6 ns of the 6000 ns window; before: no word
    StringBuilder csv = new StringBuilder("E_keV,t_us\n");
    for (int i = 0; i < 12; i++) {
      csv.append(1.0 + 0.1 * i).append(',').append(0.4 * i).append('\n');
    }
    Path in = Files.writeString(tmp.resolve("us.csv"), csv.toString());
    Path out = tmp.resolve("o.parquet");
    CliRunner.Result r = CliRunner.run(args(in, out, "columns.time.unit=ns").toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("cevns import: warning: " + in + ": all 12 times of the coincidence window (6000 ns long) lie within"
        + " 4.40000 ns of each other (0 to 4.40000 ns from the pulse start): is columns.time.unit 'ns' right?",
        r.err().strip());
    assertEquals(12, rows(out).size());
    // the same times in their unit, and the published releases: no warning
    Path ok = tmp.resolve("ok.parquet");
    r = CliRunner.run(args(in, ok).toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err().strip());
    for (String release : List.of("coherent-csi-2021", "coherent-lar-2020")) {
      Path o = tmp.resolve(release + ".parquet");
      r = CliRunner.run("import", "--format", release, GenerateCommandTest.CONFIGS.resolve("data/" + release)
          .toString(), "-o", o.toString());
      assertEquals(0, r.exitCode(), r.err());
      assertEquals("", r.err().strip(), release);
    }
  }

  @Test
  void reactorDataNeedTheirPeriodAndUnquotedOnIsOn() throws IOException {
    Path in = Files.writeString(tmp.resolve("on.csv"), "E_eVee,t_s\n250,12.5\n310,99.0\n");
    Path out = tmp.resolve("on.parquet");
    // before: period beam by default, a region the on-off fit of a reactor configuration does not read
    fails(reactorArgs(in, out), out, "period: required without windows: on or off (reactor data), run (a steady"
        + " source)");
    fails(reactorArgs(in, out, "period=beam"), out, "period: must be on or off (reactor data), run (a steady"
        + " source), got 'beam'");
    // before: "period: must be a non-empty string, got true" (YAML 1.1 reads unquoted on as true)
    CliRunner.Result r = CliRunner.run(reactorArgs(in, out, "period=on").toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("on", period(out));
    Path off = tmp.resolve("off.parquet");
    assertEquals(0, CliRunner.run(reactorArgs(in, off, "period=off").toArray(String[]::new)).exitCode());
    assertEquals("off", period(off));
    List<double[]> rows = rows(out);
    assertEquals(0.25, rows.get(0)[0], 1e-12);
    assertEquals(12.5e9, rows.get(0)[1], 1e-3);
    Path x = tmp.resolve("x.parquet");
    fails(args(Files.writeString(tmp.resolve("c.csv"), "E_keV,t_us\n1.5,0.3\n"), x, "period=on"), x,
        "period: must be beam (data with windows), got 'on'");
  }
}
