package org.cevns.analysis.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cevns.physics.constants.Units;
import org.cevns.physics.source.DecimalCommas;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.LocaleEncoding;
import org.cevns.schema.TemplateFileKeys;

/**
 * Reads the files of {@code analysis.fit.template_files} (bound onto {@link TemplateFileKeys}, see
 * {@link TemplateFile}) and checks the entries against the configuration and the mode, so that a bad file is a
 * one-line configuration error before any work.
 */
final class TemplateFilesParser {
  /** Two blank-separated fields of which one has a comma between digits: {@code 0,5 1} or {@code 1 0,5}. */
  private static final Pattern DECIMAL_COMMA_FIELDS =
      Pattern.compile("\\d,\\d[^\\s,]*\\s+[^\\s,]|[^\\s,]\\s+[^\\s,]*\\d,\\d");
  /** Largest template file read. */
  static final long MAX_FILE_BYTES = 16L << 20;
  /** Largest number of rows of a template file. */
  static final int MAX_ROWS = 1_000_000;

  private TemplateFilesParser() {}

  /** The column positions (0-based) of a file and the time unit's factor to ns (NaN: no time column). */
  private record Columns(int energy, int time, double nsPerUnit, int expected) {}

  /** A file key: its value and full key path, for errors. */
  private record FileKey(String file, String path) {}

  static List<TemplateFile> parse(List<TemplateFileKeys> items, String path, ExperimentConfig config,
      AnalysisMode mode, Set<String> components, FitObservable observable) {
    List<TemplateFile> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      out.add(entry(items.get(i), path + "[" + i + "]", config, mode, components, observable));
    }
    for (int i = 0; i < out.size(); i++) {
      for (int j = 0; j < i; j++) {
        TemplateFile a = out.get(i);
        TemplateFile b = out.get(j);
        if (a.detector().equals(b.detector()) && a.component().equals(b.component()) && a.period().equals(b.period())
            && a.window().equals(b.window())) {
          throw new ConfigException(path + "[" + i + "]", "a second template for " + a.detector() + " "
              + a.component() + " in " + a.period() + "/" + a.window() + " (first: template_files[" + j + "])");
        }
      }
    }
    return out;
  }

  private static TemplateFile entry(TemplateFileKeys t, String at, ExperimentConfig config, AnalysisMode mode,
      Set<String> components, FitObservable observable) {
    String component = t.component();
    if (!component.equals("signal") && !components.contains(component)) {
      throw new ConfigException(ConfigException.join(at, "component"), "must be signal or a background component ("
          + (components.isEmpty() ? "this configuration has none" : String.join(", ", components)) + ")",
          ConfigException.quote(component));
    }
    String detector;
    if (t.detector().isPresent()) {
      detector = t.detector().get();
      if (config.detector(detector).isEmpty()) {
        throw new ConfigException(ConfigException.join(at, "detector"), "must be one of " + String.join(", ",
            config.detectors().stream().map(d -> d.name()).toList()), ConfigException.quote(detector));
      }
    } else if (config.detectors().size() == 1) {
      detector = config.detectors().get(0).name();
    } else {
      throw new ConfigException(at, "detector: required with several detectors");
    }
    boolean beam = mode == AnalysisMode.BEAM;
    if (t.pot().isPresent() && !beam) {
      throw new ConfigException(ConfigException.join(at, "pot"), "only for the beam mode (pulsed sources), this"
          + " analysis is " + mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          ConfigException.render(t.pot().getAsDouble()));
    }
    String window = t.window().orElse(beam ? "coincidence" : "none");
    if (beam ? !window.equals("coincidence") && !window.equals("anticoincidence") : !window.equals("none")) {
      throw new ConfigException(ConfigException.join(at, "window"), beam ? "must be coincidence or anticoincidence"
          : "must be none (beam windows need the beam mode)", ConfigException.quote(window));
    }
    String period = t.period().orElse(switch (mode) {
      case BEAM -> "beam";
      case ON_OFF -> "on";
      default -> "run";
    });
    TemplateFileKeys.Columns c = t.columns();
    Columns columns = new Columns(c.energyKeVee() - 1, c.timeNs() != null ? c.timeNs() - 1
        : c.timeUs() != null ? c.timeUs() - 1 : -1, c.timeNs() != null ? 1 : c.timeUs() != null ? Units.NS_PER_US
        : Double.NaN, c.expected() - 1);
    if (columns.time() < 0 && observable == FitObservable.ENERGY_TIME) {
      throw new ConfigException(ConfigException.join(at, "columns"), "the energy-time fit needs a time column"
          + " (time_us or time_ns)");
    }
    FileKey fileKey = new FileKey(t.file(), ConfigException.join(at, "file"));
    double[][] rows = read(fileKey, config.baseDir(), columns);
    double total = 0;
    for (double v : rows[2]) {
      total += v;
    }
    double scale = 1;
    if (t.events().isPresent()) {
      if (!(total > 0)) {
        throw new ConfigException(fileKey.path(), "the file's expected counts sum to 0, so events cannot rescale"
            + " them");
      }
      scale = t.events().getAsDouble() / total;
    }
    List<TemplateFile.Variant> variants = new ArrayList<>();
    List<TemplateFileKeys.Variant> given = t.variants().orElse(List.of());
    for (int i = 0; i < given.size(); i++) {
      variants.add(variant(given.get(i), at + ".variants[" + i + "]", config.baseDir(), columns, rows, scale));
    }
    return new TemplateFile(detector, component, period, window, t.file(), rows[0], rows[1], scaled(rows[2], scale),
        variants, t.pot());
  }

  private static TemplateFile.Variant variant(TemplateFileKeys.Variant v, String at, Path baseDir, Columns columns,
      double[][] nominal, double scale) {
    FileKey upKey = new FileKey(v.up(), at + ".up");
    double[] up = scaled(sameRows(upKey, read(upKey, baseDir, columns), nominal), scale);
    double[] down;
    String source = v.up();
    if (v.down().isPresent()) {
      FileKey downKey = new FileKey(v.down().get(), at + ".down");
      down = scaled(sameRows(downKey, read(downKey, baseDir, columns), nominal), scale);
      source += ", " + v.down().get();
    } else {
      down = new double[up.length];
      for (int i = 0; i < up.length; i++) {
        down[i] = Math.max(0, 2 * nominal[2][i] * scale - up[i]);
      }
      source += " (mirrored)";
    }
    return new TemplateFile.Variant(v.name(), up, down, source);
  }

  private static double[] sameRows(FileKey n, double[][] rows, double[][] nominal) {
    if (rows[2].length != nominal[2].length) {
      throw problem(n, "has " + rows[2].length + " rows, the nominal file has " + nominal[2].length);
    }
    for (int i = 0; i < rows[2].length; i++) {
      if (rows[0][i] != nominal[0][i] || !(rows[1][i] == nominal[1][i] || Double.isNaN(rows[1][i]))) {
        throw problem(n, "row " + (i + 1) + " is at energy " + rows[0][i] + " keVee, time " + rows[1][i]
            + " ns; the nominal file's row " + (i + 1) + " is at " + nominal[0][i] + " keVee, " + nominal[1][i]
            + " ns (variants must list the nominal file's rows in its order)");
      }
    }
    return rows[2];
  }

  private static double[] scaled(double[] a, double c) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] * c;
    }
    return out;
  }

  /** Reads {energy keVee, time ns (NaN without a time column), expected} per data row. */
  private static double[][] read(FileKey fileNode, Path baseDir, Columns c) {
    String file = fileNode.file();
    Path p;
    try {
      p = baseDir.resolve(file).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw error(fileNode, LocaleEncoding.invalidFileName(file, e));
    }
    List<String> lines;
    try {
      if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
        throw error(fileNode, "must be a readable file (relative paths are relative to the configuration file's"
            + " directory; looked for " + p + ")");
      }
      if (Files.size(p) > MAX_FILE_BYTES) {
        throw error(fileNode, "must be a file of at most " + (MAX_FILE_BYTES >> 20) + " MiB");
      }
      lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw problem(fileNode, file + ": not UTF-8 text (a byte that is not UTF-8, e.g. a Latin-1 or Windows-1252"
          + " \u00b5, \u00b0 or umlaut in a comment); save the file as UTF-8");
    } catch (IOException e) {
      throw problem(fileNode, "cannot read " + p + ": " + e.getMessage());
    }
    int need = Math.max(c.energy(), Math.max(c.time(), c.expected())) + 1;
    List<double[]> rows = new ArrayList<>();
    boolean first = true;
    for (int ln = 0; ln < lines.size(); ln++) {
      String raw = lines.get(ln);
      // a UTF-8 byte-order mark (a spreadsheet's export) is not a field: it made a header-less file's first row
      // look like a header, and that row was skipped
      String line = (ln == 0 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int lineNo = ln + 1;
      String comma = decimalCommas(line);
      if (comma != null) {
        throw problem(fileNode, DecimalCommas.message(file + ":" + lineNo, comma, DecimalCommas.abbreviated(line),
            "numbers with a decimal point separated by blanks or commas (0.5 1.2e3)"));
      }
      String[] f = fields(line);
      if (first && f.length > 0 && !isNumber(f[0])) {
        first = false;
        continue; // a header line
      }
      first = false;
      if (f.length < need) {
        throw problem(fileNode, where(file, lineNo) + "has " + f.length + " columns, the columns mapping needs " + need);
      }
      double e = number(fileNode, file, lineNo, f[c.energy()], "energy_kevee");
      double t = c.time() >= 0 ? number(fileNode, file, lineNo, f[c.time()], "time") * c.nsPerUnit() : Double.NaN;
      double x = number(fileNode, file, lineNo, f[c.expected()], "expected");
      if (!(x >= 0)) {
        throw problem(fileNode, where(file, lineNo) + "expected: must be >= 0, got " + f[c.expected()]);
      }
      rows.add(new double[] {e, t, x});
      if (rows.size() > MAX_ROWS) {
        throw problem(fileNode, "has more than " + MAX_ROWS + " rows");
      }
    }
    if (rows.isEmpty()) {
      throw problem(fileNode, "has no data rows");
    }
    double[][] out = new double[3][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int k = 0; k < 3; k++) {
        out[k][i] = rows.get(i)[k];
      }
    }
    return out;
  }

  /**
   * The fields of a data line, as {@code Pattern.compile("[\\s,]+").split(line)}: separated by runs of commas and
   * the regex's blanks (space, tab, line feed, vertical tab, form feed, carriage return); a leading run gives an
   * empty first field, trailing ones give none (so a line of separators only has no field). Hand-written: the
   * regular expression was ~7 ms of the analysis thread per reference.yaml `rates` (3,840 lines in four files;
   * docs/performance-history.md, "refrates3 (thirty-second session)"). {@code TemplateFieldsTest} compares the two.
   */
  static String[] fields(String line) {
    if (line.isEmpty()) {
      return new String[] {""};
    }
    List<String> out = new ArrayList<>(8);
    int n = line.length();
    int i = 0;
    if (n > 0 && isSeparator(line.charAt(0))) {
      out.add("");
      while (i < n && isSeparator(line.charAt(i))) {
        i++;
      }
    }
    while (i < n) {
      int start = i;
      while (i < n && !isSeparator(line.charAt(i))) {
        i++;
      }
      out.add(line.substring(start, i));
      while (i < n && isSeparator(line.charAt(i))) {
        i++;
      }
    }
    if (out.size() == 1 && out.get(0).isEmpty()) {
      return new String[0]; // separators only: Pattern.split drops the empty leading field as a trailing one
    }
    return out.toArray(new String[0]);
  }

  /** A character of the regex class {@code [\\s,]} (without UNICODE_CHARACTER_CLASS). */
  private static boolean isSeparator(char c) {
    return c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * Why {@code line} looks like a spreadsheet's export with decimal commas, or null: a {@code ;} between fields, or a
   * comma inside blank-separated fields ({@code 0,5 1,2e3}, tab-separated text from German Excel), which the blanks
   * and commas separating fields here would read as four numbers.
   */
  static String decimalCommas(String line) {
    if (line.indexOf(';') >= 0) {
      return "';' separates fields";
    }
    return line.indexOf(',') >= 0 && DECIMAL_COMMA_FIELDS.matcher(line).find()
        ? "a comma inside blank-separated fields" : null;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** "file:line: ", the start of a message about a data line (built only for a message). */
  private static String where(String file, int lineNo) {
    return file + ":" + lineNo + ": ";
  }

  private static double number(FileKey n, String file, int lineNo, String s, String what) {
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw problem(n, where(file, lineNo) + what + ": not a number: '" + s + "'");
    }
    if (!Double.isFinite(v)) {
      throw problem(n, where(file, lineNo) + what + ": must be finite, got " + s);
    }
    return v;
  }

  private static ConfigException problem(FileKey k, String problem) {
    return new ConfigException(k.path(), problem);
  }

  private static ConfigException error(FileKey k, String allowed) {
    return new ConfigException(k.path(), allowed, ConfigException.quote(k.file()));
  }
}
