package org.cevns.analysis.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.cevns.analysis.importer.ImportMapping.Column;
import org.cevns.analysis.importer.ImportMapping.EnergyUnit;
import org.cevns.analysis.importer.ImportMapping.Exposure;
import org.cevns.analysis.importer.ImportMapping.Format;
import org.cevns.analysis.importer.ImportMapping.InputFile;
import org.cevns.analysis.importer.ImportMapping.TimeOrigin;
import org.cevns.analysis.importer.ImportMapping.TimeUnit;
import org.cevns.analysis.importer.ImportMapping.Window;
import org.cevns.analysis.importer.ImportMapping.Windows;
import org.cevns.physics.constants.Units;
import org.cevns.schema.ConfigException;
import org.cevns.schema.YamlReader;

/**
 * Reads an {@link ImportMapping} from YAML (a file, or a ready mapping shipped with cevns) and {@code KEY=VALUE}
 * overrides given on the command line ({@code columns.energy.unit=kevee}), with the checks of a configuration:
 * every key known, every value in its range, one line {@code KEY.PATH: what is allowed, got VALUE}
 * ({@link ConfigException}).
 */
public final class MappingParser {
  /** Names of the ready mappings of published data releases ({@code --format}). */
  public static final List<String> BUILT_IN = List.of("coherent-csi-2021", "coherent-lar-2020");

  private static final Set<String> TOP = Set.of("description", "reference", "format", "header", "detector", "source",
      "period", "mass_kg", "exposure", "windows", "columns", "window", "files");
  private static final Set<String> EXPOSURE = Set.of("protons_on_target", "beam_energy_gwh", "proton_energy_gev",
      "live_seconds", "beam_power_mw");
  private static final Set<String> WINDOWS = Set.of("coincidence_start_ns", "coincidence_length_ns", "anticoincidence",
      "anticoincidence_delay_ns");
  private static final Set<String> COLUMNS = Set.of("energy", "time", "count");
  private static final Set<String> ENERGY = Set.of("column", "unit", "pe_per_kevee");
  private static final Set<String> TIME = Set.of("column", "unit", "origin");
  private static final Set<String> COUNT = Set.of("column");
  private static final Set<String> FILE = Set.of("path", "window");

  private MappingParser() {}

  /** The YAML text of ready mapping {@code name}. */
  public static String builtIn(String name) {
    if (!BUILT_IN.contains(name)) {
      throw new ConfigException("--format", "must be one of " + String.join(", ", BUILT_IN), "'" + name + "'");
    }
    try (InputStream in = MappingParser.class.getResourceAsStream(name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("ready mapping " + name + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the ready mapping " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a mapping.
   *
   * @param yaml the mapping text (may be empty when everything is given by {@code overrides})
   * @param sourceName file name for syntax errors
   * @param overrides {@code KEY.PATH=VALUE} items applied on top (values read as YAML scalars)
   */
  public static ImportMapping parse(String yaml, String sourceName, List<String> overrides) {
    JsonNode read = YamlReader.read(yaml, sourceName);
    ObjectNode root;
    if (read.isMissingNode()) {
      root = JsonNodeFactory.instance.objectNode();
    } else if (read.isObject()) {
      root = (ObjectNode) read;
    } else {
      throw new ConfigException(sourceName, "a mapping must be a YAML map", ConfigException.render(read));
    }
    for (String o : overrides) {
      apply(root, o);
    }
    return of(root);
  }

  private static void apply(ObjectNode root, String item) {
    int eq = item.indexOf('=');
    String[] keys = item.substring(0, Math.max(0, eq)).split("\\.", -1); // an empty key ('.x=1') named no key
    if (eq <= 0 || java.util.Arrays.asList(keys).contains("")) {
      throw new ConfigException("--set", "must be KEY.PATH=VALUE" + (eq <= 0 ? "" : " with no empty key"), "'" + item + "'");
    }
    ObjectNode at = root;
    for (int i = 0; i < keys.length - 1; i++) {
      JsonNode next = at.get(keys[i]);
      if (next == null || !next.isObject()) {
        next = at.putObject(keys[i]);
      }
      at = (ObjectNode) next;
    }
    JsonNode value = YamlReader.read(item.substring(eq + 1), "--set " + item.substring(0, eq));
    if (value.isMissingNode() || value.isNull()) {
      at.remove(keys[keys.length - 1]); // KEY= or KEY=null: the key unset (e.g. the ready mapping's beam_energy_gwh)
    } else {
      at.set(keys[keys.length - 1], value);
    }
  }

  static ImportMapping of(JsonNode root) {
    known(root, "", TOP);
    Format format = choice(root, "format", Format.class, Format.TEXT);
    boolean header = root.has("header") ? bool(root.get("header"), "header") : false;
    String detector = text(root, "detector", null);
    String source = text(root, "source", null);
    double massKg = positive(root, "mass_kg");
    Optional<Windows> windows = root.has("windows") ? Optional.of(windows(root.get("windows"))) : Optional.empty();
    String period = ImportPeriod.of(root.get("period"), windows.isPresent());
    Exposure exposure = exposure(map(root, "exposure"), windows.isPresent());
    JsonNode columns = map(root, "columns");
    known(columns, "columns", COLUMNS);
    Column energy = energy(map(columns, "energy", "columns.energy"));
    Optional<Column> time = windows.isEmpty() && !columns.has("time") ? Optional.empty() // reactor: energies only
        : Optional.of(time(map(columns, "time", "columns.time"), windows.isPresent()));
    Optional<Column> count = Optional.empty();
    if (columns.has("count")) {
      JsonNode c = map(columns, "count", "columns.count");
      known(c, "columns.count", COUNT);
      count = Optional.of(column(c, "columns.count", 1.0, "events", null));
    }
    Window defaultWindow = root.has("window") ? window(root.get("window"), "window")
        : windows.isPresent() ? Window.COINCIDENCE : Window.NONE;
    List<InputFile> files = new ArrayList<>();
    if (root.has("files")) {
      JsonNode list = root.get("files");
      if (!list.isArray() || list.isEmpty()) {
        throw new ConfigException("files", "must be a non-empty list of {path, window}", ConfigException.render(list));
      }
      for (int i = 0; i < list.size(); i++) {
        String at = "files[" + i + "]";
        JsonNode f = list.get(i);
        if (!f.isObject()) {
          throw new ConfigException(at, "must be a map {path, window}", ConfigException.render(f));
        }
        known(f, at, FILE);
        Window w = f.has("window") ? window(f.get("window"), at + ".window") : defaultWindow;
        files.add(new InputFile(text(f, "path", null, at + ".path"), w));
      }
    }
    if (windows.isEmpty()) {
      for (int i = 0; i < files.size(); i++) {
        if (files.get(i).window() != Window.NONE) {
          throw new ConfigException("files[" + i + "].window", "must be none without windows", "'"
              + files.get(i).window().columnName() + "'");
        }
      }
      if (defaultWindow != Window.NONE) {
        throw new ConfigException("window", "must be none without windows", "'" + defaultWindow.columnName() + "'");
      }
    }
    return new ImportMapping(format, header, detector, source, period, massKg, exposure, windows, energy, time, count,
        files, defaultWindow);
  }

  private static Column energy(JsonNode e) {
    known(e, "columns.energy", ENERGY);
    EnergyUnit unit = unit(e, "columns.energy.unit", EnergyUnit.values(), EnergyUnit::key);
    double factor;
    if (unit == EnergyUnit.PE) {
      if (!e.has("pe_per_kevee")) {
        throw new ConfigException("columns.energy.pe_per_kevee", "required with unit pe (the light yield)");
      }
      factor = 1.0 / positive(e, "pe_per_kevee", "columns.energy.pe_per_kevee");
    } else {
      if (e.has("pe_per_kevee")) {
        throw new ConfigException("columns.energy.pe_per_kevee", "only with unit pe", ConfigException.render(
            e.get("pe_per_kevee")));
      }
      factor = unit.keVeePerUnit();
    }
    return column(e, "columns.energy", factor, unit.key(), null);
  }

  private static Column time(JsonNode t, boolean hasWindows) {
    known(t, "columns.time", TIME);
    TimeUnit unit = unit(t, "columns.time.unit", TimeUnit.values(), TimeUnit::key);
    TimeOrigin origin = choice(t, "origin", TimeOrigin.class, TimeOrigin.PULSE, "columns.time.origin");
    if (origin == TimeOrigin.WINDOW && !hasWindows) {
      throw new ConfigException("columns.time.origin", "window needs windows:", "'window'");
    }
    return column(t, "columns.time", unit.nsPerUnit(), unit.key(), origin);
  }

  private static Column column(JsonNode c, String at, double factor, String unit, TimeOrigin origin) {
    JsonNode v = c.get("column");
    if (v == null || v.isNull()) {
      throw new ConfigException(at + ".column", "required: a column name or 1-based position");
    }
    if (v.isIntegralNumber()) {
      if (v.asLong() < 1 || v.asLong() > Integer.MAX_VALUE) {
        throw new ConfigException(at + ".column", "a position must be >= 1", ConfigException.render(v));
      }
      return new Column(at, null, v.asInt(), factor, unit, origin);
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new ConfigException(at + ".column", "must be a column name or a 1-based position",
          ConfigException.render(v));
    }
    return new Column(at, v.asText(), 0, factor, unit, origin);
  }

  private static Exposure exposure(JsonNode e, boolean pulsed) {
    known(e, "exposure", EXPOSURE);
    OptionalDouble pot = OptionalDouble.empty();
    double protonEnergyGeV = e.has("proton_energy_gev") ? positive(e, "proton_energy_gev", "exposure.proton_energy_gev")
        : Double.NaN;
    if (e.has("protons_on_target") && e.has("beam_energy_gwh")) {
      throw new ConfigException("exposure", "give protons_on_target or beam_energy_gwh, not both");
    }
    if (e.has("protons_on_target")) {
      pot = OptionalDouble.of(positive(e, "protons_on_target", "exposure.protons_on_target"));
    } else if (e.has("beam_energy_gwh")) {
      double gwh = positive(e, "beam_energy_gwh", "exposure.beam_energy_gwh");
      if (Double.isNaN(protonEnergyGeV)) {
        throw new ConfigException("exposure.proton_energy_gev", "required with beam_energy_gwh");
      }
      pot = OptionalDouble.of(gwh * Units.WH_PER_GWH * Units.J_PER_WH
          / (protonEnergyGeV * Units.MEV_PER_GEV * Units.EV_PER_MEV * Units.J_PER_EV));
    }
    if (pulsed && pot.isEmpty()) {
      throw new ConfigException("exposure", "data with windows (a pulsed source) need protons_on_target or"
          + " beam_energy_gwh");
    }
    if (!pulsed && pot.isPresent()) {
      throw new ConfigException("exposure", "protons on target only for data with windows (a pulsed source)");
    }
    double live;
    if (e.has("live_seconds") && e.has("beam_power_mw")) {
      throw new ConfigException("exposure", "give live_seconds or beam_power_mw, not both");
    }
    if (e.has("live_seconds")) {
      live = positive(e, "live_seconds", "exposure.live_seconds");
    } else if (e.has("beam_power_mw") && pot.isPresent()) {
      double mw = positive(e, "beam_power_mw", "exposure.beam_power_mw");
      if (Double.isNaN(protonEnergyGeV)) {
        throw new ConfigException("exposure.proton_energy_gev", "required with beam_power_mw");
      }
      // beam time at the nominal power: the live time cevns gives a pulsed exposure (ExperimentModel)
      live = pot.getAsDouble() * protonEnergyGeV * Units.MEV_PER_GEV * Units.EV_PER_MEV * Units.J_PER_EV
          / (mw * Units.W_PER_MW);
    } else {
      throw new ConfigException("exposure.live_seconds", pulsed ? "required (or beam_power_mw with"
          + " proton_energy_gev)" : "required");
    }
    return new Exposure(pot, live);
  }

  private static Windows windows(JsonNode w) {
    if (!w.isObject()) {
      throw new ConfigException("windows", "must be a map", ConfigException.render(w));
    }
    known(w, "windows", WINDOWS);
    double start = w.has("coincidence_start_ns") ? finite(w.get("coincidence_start_ns"), "windows.coincidence_start_ns")
        : 0.0;
    double length = positive(w, "coincidence_length_ns", "windows.coincidence_length_ns");
    String placement = text(w, "anticoincidence", null, "windows.anticoincidence");
    if (!placement.equals("before") && !placement.equals("delayed")) {
      throw new ConfigException("windows.anticoincidence", "must be before or delayed", "'" + placement + "'");
    }
    double delay = w.has("anticoincidence_delay_ns")
        ? positive(w, "anticoincidence_delay_ns", "windows.anticoincidence_delay_ns") : length;
    if (delay < length) {
      throw new ConfigException("windows.anticoincidence_delay_ns", "must be >= coincidence_length_ns ("
          + ConfigException.render(length) + ")", ConfigException.render(delay));
    }
    return new Windows(start, length, placement.equals("before"), delay);
  }

  private static Window window(JsonNode v, String at) {
    String s = v.isTextual() ? v.asText() : null;
    for (Window w : Window.values()) {
      if (w.columnName().equals(s)) {
        return w;
      }
    }
    throw new ConfigException(at, "must be coincidence, anticoincidence or none", ConfigException.render(v));
  }

  private static <U extends Enum<U>> U unit(JsonNode c, String at, U[] values,
      java.util.function.Function<U, String> key) {
    JsonNode v = c.get("unit");
    List<String> names = new ArrayList<>();
    for (U u : values) {
      names.add(key.apply(u));
      if (v != null && key.apply(u).equals(v.asText(null))) {
        return u;
      }
    }
    if (v == null || v.isNull()) {
      throw new ConfigException(at, "required: one of " + String.join(", ", names));
    }
    throw new ConfigException(at, "must be one of " + String.join(", ", names), ConfigException.render(v));
  }

  private static <E extends Enum<E>> E choice(JsonNode n, String key, Class<E> type, E fallback) {
    return choice(n, key, type, fallback, key);
  }

  private static <E extends Enum<E>> E choice(JsonNode n, String key, Class<E> type, E fallback, String at) {
    JsonNode v = n.get(key);
    if (v == null) {
      return fallback;
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      String name = e.name().toLowerCase(Locale.ROOT);
      names.add(name);
      if (name.equals(v.asText(null)) && v.isTextual()) {
        return e;
      }
    }
    throw new ConfigException(at, "must be one of " + String.join(", ", names), ConfigException.render(v));
  }

  private static void known(JsonNode n, String at, Set<String> allowed) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new ConfigException(ConfigException.join(at, k), "unknown key, allowed: "
            + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  private static JsonNode map(JsonNode n, String key) {
    return map(n, key, key);
  }

  private static JsonNode map(JsonNode n, String key, String at) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new ConfigException(at, "required");
    }
    if (!v.isObject()) {
      throw new ConfigException(at, "must be a map", ConfigException.render(v));
    }
    return v;
  }

  private static String text(JsonNode n, String key, String fallback) {
    return text(n, key, fallback, key);
  }

  private static String text(JsonNode n, String key, String fallback, String at) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      if (fallback == null) {
        throw new ConfigException(at, "required");
      }
      return fallback;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new ConfigException(at, "must be a non-empty string", ConfigException.render(v));
    }
    return v.asText();
  }

  private static boolean bool(JsonNode v, String at) {
    if (!v.isBoolean()) {
      throw new ConfigException(at, "must be true or false", ConfigException.render(v));
    }
    return v.asBoolean();
  }

  private static double positive(JsonNode n, String key) {
    return positive(n, key, key);
  }

  private static double positive(JsonNode n, String key, String at) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new ConfigException(at, "required");
    }
    double d = finite(v, at);
    if (!(d > 0)) {
      throw new ConfigException(at, "must be > 0", ConfigException.render(v));
    }
    return d;
  }

  private static double finite(JsonNode v, String at) {
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new ConfigException(at, "must be a finite number", ConfigException.render(v));
    }
    return v.asDouble();
  }
}
