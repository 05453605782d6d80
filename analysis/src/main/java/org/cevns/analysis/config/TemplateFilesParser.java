package org.cevns.analysis.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cevns.physics.constants.Units;
import org.cevns.schema.ConfigNode;
import org.cevns.schema.DoubleRange;
import org.cevns.schema.ExperimentConfig;

/**
 * Parses {@code analysis.fit.template_files} (see {@link TemplateFile}) and reads the files, so that a bad file
 * is a one-line configuration error before any work:
 *
 * <pre>
 * template_files:
 *   - component: brn_prompt         # signal or a background component
 *     detector: lar                 # default: the only detector
 *     window: coincidence           # beam mode: coincidence (default) | anticoincidence; other modes: none
 *     period: beam                  # default beam (beam mode), on (on-off), run (single)
 *     file: data/brnpdf.txt         # whitespace- or comma-separated numbers, '#' comments
 *     columns: {energy_kevee: 1, time_us: 3, expected: 4}   # 1-based; time_ns instead of time_us
 *     events: 497                   # optional: the file's total scaled to this
 *     variants:
 *       - {name: brn_energy, up: data/brnpdf+1sigEnergy.txt, down: data/brnpdf-1sigEnergy.txt}
 * </pre>
 */
final class TemplateFilesParser {
  /** Largest template file read. */
  static final long MAX_FILE_BYTES = 16L << 20;
  /** Largest number of rows of a template file. */
  static final int MAX_ROWS = 1_000_000;
  /** Largest column position. */
  static final int MAX_COLUMN = 1000;
  private static final String NAME_PATTERN = "[A-Za-z0-9_.-]+";

  private TemplateFilesParser() {}

  /** The column positions (0-based) of a file and the time unit's factor to ns (NaN: no time column). */
  private record Columns(int energy, int time, double nsPerUnit, int expected) {}

  static List<TemplateFile> parse(List<ConfigNode> items, ExperimentConfig config, AnalysisMode mode,
      Set<String> components, FitObservable observable) {
    List<TemplateFile> out = new ArrayList<>();
    for (ConfigNode t : items) {
      out.add(entry(t.requireMap(), config, mode, components, observable));
    }
    for (int i = 0; i < out.size(); i++) {
      for (int j = 0; j < i; j++) {
        TemplateFile a = out.get(i);
        TemplateFile b = out.get(j);
        if (a.detector().equals(b.detector()) && a.component().equals(b.component()) && a.period().equals(b.period())
            && a.window().equals(b.window())) {
          throw items.get(i).problem("a second template for " + a.detector() + " " + a.component() + " in "
              + a.period() + "/" + a.window() + " (first: template_files[" + j + "])");
        }
      }
    }
    return out;
  }

  private static TemplateFile entry(ConfigNode t, ExperimentConfig config, AnalysisMode mode, Set<String> components,
      FitObservable observable) {
    t.allowKeys("component", "detector", "window", "period", "file", "columns", "events", "variants");
    String component = t.requiredString("component");
    if (!component.equals("signal") && !components.contains(component)) {
      throw t.required("component").error("must be signal or a background component ("
          + (components.isEmpty() ? "this configuration has none" : String.join(", ", components)) + ")");
    }
    String detector;
    if (t.has("detector")) {
      detector = t.requiredString("detector");
      if (config.detector(detector).isEmpty()) {
        throw t.required("detector").error("must be one of " + String.join(", ",
            config.detectors().stream().map(d -> d.name()).toList()));
      }
    } else if (config.detectors().size() == 1) {
      detector = config.detectors().get(0).name();
    } else {
      throw t.problem("detector: required with several detectors");
    }
    String window;
    if (mode == AnalysisMode.BEAM) {
      window = t.optionalString("window", "coincidence");
      if (!window.equals("coincidence") && !window.equals("anticoincidence")) {
        throw t.required("window").error("must be coincidence or anticoincidence");
      }
    } else {
      window = t.optionalString("window", "none");
      if (!window.equals("none")) {
        throw t.required("window").error("must be none (beam windows need the beam mode)");
      }
    }
    String period = t.optionalString("period", switch (mode) {
      case BEAM -> "beam";
      case ON_OFF -> "on";
      default -> "run";
    });
    if (!period.matches(NAME_PATTERN)) {
      throw t.required("period").error("must be a period name of letters, digits, '_', '.', '-'");
    }
    Columns columns = columns(t.requiredMap("columns"));
    if (columns.time() < 0 && observable == FitObservable.ENERGY_TIME) {
      throw t.required("columns").problem("the energy-time fit needs a time column (time_us or time_ns)");
    }
    ConfigNode fileNode = t.required("file");
    String file = fileNode.asString();
    double[][] rows = read(fileNode, config.baseDir(), columns);
    double total = 0;
    for (double v : rows[2]) {
      total += v;
    }
    double scale = 1;
    if (t.has("events")) {
      double events = t.requiredDouble("events", DoubleRange.closed(0, 1e12).because("up to 1e12 events"));
      if (!(total > 0)) {
        throw fileNode.problem("the file's expected counts sum to 0, so events cannot rescale them");
      }
      scale = events / total;
    }
    List<TemplateFile.Variant> variants = new ArrayList<>();
    if (t.has("variants")) {
      for (ConfigNode v : t.requiredList("variants")) {
        variants.add(variant(v.requireMap(), config.baseDir(), columns, rows, scale));
      }
      for (int i = 0; i < variants.size(); i++) {
        for (int j = 0; j < i; j++) {
          if (variants.get(i).name().equals(variants.get(j).name())) {
            throw t.requiredList("variants").get(i).required("name").problem("'" + variants.get(i).name()
                + "' is used twice in this template");
          }
        }
      }
    }
    t.requireAllConsumed();
    return new TemplateFile(detector, component, period, window, file, rows[0], rows[1], scaled(rows[2], scale),
        variants);
  }

  private static Columns columns(ConfigNode c) {
    c.allowKeys("energy_kevee", "time_ns", "time_us", "expected");
    int energy = c.requiredInt("energy_kevee", 1, MAX_COLUMN) - 1;
    if (c.has("time_ns") && c.has("time_us")) {
      throw c.required("time_us").problem("not allowed together with time_ns");
    }
    int time = -1;
    double nsPerUnit = Double.NaN;
    if (c.has("time_ns")) {
      time = c.requiredInt("time_ns", 1, MAX_COLUMN) - 1;
      nsPerUnit = 1;
    } else if (c.has("time_us")) {
      time = c.requiredInt("time_us", 1, MAX_COLUMN) - 1;
      nsPerUnit = Units.NS_PER_US;
    }
    int expected = c.requiredInt("expected", 1, MAX_COLUMN) - 1;
    c.requireAllConsumed();
    return new Columns(energy, time, nsPerUnit, expected);
  }

  private static TemplateFile.Variant variant(ConfigNode v, Path baseDir, Columns columns, double[][] nominal,
      double scale) {
    v.allowKeys("name", "up", "down");
    String name = v.requiredString("name");
    if (!name.matches(NAME_PATTERN)) {
      throw v.required("name").error("must be a name of letters, digits, '_', '.', '-'");
    }
    ConfigNode upNode = v.required("up");
    double[] up = scaled(sameRows(upNode, read(upNode, baseDir, columns), nominal), scale);
    double[] down;
    String source = upNode.asString();
    if (v.has("down")) {
      ConfigNode downNode = v.required("down");
      down = scaled(sameRows(downNode, read(downNode, baseDir, columns), nominal), scale);
      source += ", " + downNode.asString();
    } else {
      down = new double[up.length];
      for (int i = 0; i < up.length; i++) {
        down[i] = Math.max(0, 2 * nominal[2][i] * scale - up[i]);
      }
      source += " (mirrored)";
    }
    v.requireAllConsumed();
    return new TemplateFile.Variant(name, up, down, source);
  }

  private static double[] sameRows(ConfigNode n, double[][] rows, double[][] nominal) {
    if (rows[2].length != nominal[2].length) {
      throw n.problem("has " + rows[2].length + " rows, the nominal file has " + nominal[2].length);
    }
    for (int i = 0; i < rows[2].length; i++) {
      if (rows[0][i] != nominal[0][i] || !(rows[1][i] == nominal[1][i] || Double.isNaN(rows[1][i]))) {
        throw n.problem("row " + (i + 1) + " is at energy " + rows[0][i] + " keVee, time " + rows[1][i]
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
  private static double[][] read(ConfigNode fileNode, Path baseDir, Columns c) {
    String file = fileNode.asString();
    Path p;
    try {
      p = baseDir.resolve(file).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw fileNode.error("must be a valid file path (" + e.getReason() + ")");
    }
    List<String> lines;
    try {
      if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
        throw fileNode.error("must be a readable file (relative paths are relative to the configuration file's"
            + " directory; looked for " + p + ")");
      }
      if (Files.size(p) > MAX_FILE_BYTES) {
        throw fileNode.error("must be a file of at most " + (MAX_FILE_BYTES >> 20) + " MiB");
      }
      lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw fileNode.problem("cannot read " + p + ": " + e.getMessage());
    }
    int need = Math.max(c.energy(), Math.max(c.time(), c.expected())) + 1;
    List<double[]> rows = new ArrayList<>();
    boolean first = true;
    for (int ln = 0; ln < lines.size(); ln++) {
      String line = lines.get(ln).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("[\\s,]+");
      String where = file + ":" + (ln + 1) + ": ";
      if (first && !isNumber(f[0])) {
        first = false;
        continue; // a header line
      }
      first = false;
      if (f.length < need) {
        throw fileNode.problem(where + "has " + f.length + " columns, the columns mapping needs " + need);
      }
      double e = number(fileNode, where, f[c.energy()], "energy_kevee");
      double t = c.time() >= 0 ? number(fileNode, where, f[c.time()], "time") * c.nsPerUnit() : Double.NaN;
      double x = number(fileNode, where, f[c.expected()], "expected");
      if (!(x >= 0)) {
        throw fileNode.problem(where + "expected: must be >= 0, got " + f[c.expected()]);
      }
      rows.add(new double[] {e, t, x});
      if (rows.size() > MAX_ROWS) {
        throw fileNode.problem("has more than " + MAX_ROWS + " rows");
      }
    }
    if (rows.isEmpty()) {
      throw fileNode.problem("has no data rows");
    }
    double[][] out = new double[3][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int k = 0; k < 3; k++) {
        out[k][i] = rows.get(i)[k];
      }
    }
    return out;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static double number(ConfigNode n, String where, String s, String what) {
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw n.problem(where + what + ": not a number: '" + s + "'");
    }
    if (!Double.isFinite(v)) {
      throw n.problem(where + what + ": must be finite, got " + s);
    }
    return v;
  }
}
