package org.cevns.analysis.importer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cevns.physics.constants.Units;

/**
 * How to turn an external event list into a cevns detector-level event file: the table format, which column
 * holds what in which unit, the detector, source, period, beam windows and exposure of the data, and the input
 * files with their window. Built and validated by {@link MappingParser}; the key names are those of the YAML
 * mapping ({@code docs/real-data.md}).
 *
 * @param format table format of the inputs
 * @param header text formats: the first non-comment line holds the column names
 * @param detector detector name (as in the analysis configuration)
 * @param source source name (as in the analysis configuration)
 * @param period period name ({@code beam} for pulsed sources)
 * @param massKg detector mass in kg, &gt; 0
 * @param exposure exposure of the data
 * @param windows beam windows of the data, or empty (steady sources)
 * @param energy the energy column
 * @param time the time column; empty for data without windows whose rows carry no time (reactor data given as
 *     energies only: their events get time NaN, "unknown", and fill no time histogram)
 * @param count optional column of event counts (each row then stands for that many events)
 * @param files input files and their windows (relative to the release directory), or empty: the inputs are
 *     given on the command line and all get {@code defaultWindow}
 * @param defaultWindow window of input files given on the command line
 */
public record ImportMapping(Format format, boolean header, String detector, String source, String period,
    double massKg, Exposure exposure, Optional<Windows> windows, Column energy, Optional<Column> time, Optional<Column> count,
    List<InputFile> files, Window defaultWindow) {
  public ImportMapping {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(exposure, "exposure");
    Objects.requireNonNull(windows, "windows");
    Objects.requireNonNull(energy, "energy");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(count, "count");
    files = List.copyOf(files);
    Objects.requireNonNull(defaultWindow, "defaultWindow");
  }

  /** Table formats: whitespace-separated text ({@code #} comments), CSV, TSV, Parquet. */
  public enum Format {
    TEXT, CSV, TSV, PARQUET
  }

  /** Beam window of a file's events ({@code none}: outside both windows, or no beam). */
  public enum Window {
    COINCIDENCE("coincidence"), ANTICOINCIDENCE("anticoincidence"), NONE("none");

    private final String columnName;

    Window(String columnName) {
      this.columnName = columnName;
    }

    /** The value written to the {@code beam_window} column. */
    public String columnName() {
      return columnName;
    }
  }

  /** Units of the energy column and their factor to keVee (photoelectrons: divided by the light yield). */
  public enum EnergyUnit {
    KEVEE("kevee", 1.0), EVEE("evee", 1.0 / Units.EV_PER_KEV), MEVEE("mevee", Units.KEV_PER_MEV), PE("pe", Double.NaN);

    private final String key;
    private final double keVeePerUnit;

    EnergyUnit(String key, double keVeePerUnit) {
      this.key = key;
      this.keVeePerUnit = keVeePerUnit;
    }

    /** The YAML spelling. */
    public String key() {
      return key;
    }

    /** keVee per unit (NaN for {@code pe}: divide by {@code pe_per_kevee}). */
    public double keVeePerUnit() {
      return keVeePerUnit;
    }
  }

  /** Units of the time column and their factor to ns. */
  public enum TimeUnit {
    NS("ns", 1.0), US("us", Units.NS_PER_US), MS("ms", Units.NS_PER_MS), S("s", Units.NS_PER_S);

    private final String key;
    private final double nsPerUnit;

    TimeUnit(String key, double nsPerUnit) {
      this.key = key;
      this.nsPerUnit = nsPerUnit;
    }

    /** The YAML spelling. */
    public String key() {
      return key;
    }

    /** ns per unit. */
    public double nsPerUnit() {
      return nsPerUnit;
    }
  }

  /** What the time column is measured from: the start of the row's beam window or the proton pulse. */
  public enum TimeOrigin {
    WINDOW, PULSE
  }

  /**
   * A column of the input: by name (a header or Parquet column) or by 1-based position.
   *
   * @param key the mapping key path, for messages ({@code columns.energy})
   * @param name column name, or null
   * @param position 1-based position, or 0 when {@code name} is given
   * @param toCanonical factor from the column's unit to keVee (energy), ns (time) or 1 (count)
   * @param unit the unit as written in the mapping (for metadata and messages)
   * @param timeOrigin the time column's origin (null for other columns)
   */
  public record Column(String key, String name, int position, double toCanonical, String unit, TimeOrigin timeOrigin) {
    public Column {
      Objects.requireNonNull(key, "key");
      if ((name == null) == (position < 1)) {
        throw new IllegalArgumentException(key + ": give a column name or a 1-based position");
      }
      if (!(toCanonical > 0) || Double.isInfinite(toCanonical)) {
        throw new IllegalArgumentException(key + ": unit factor must be finite and > 0, got " + toCanonical);
      }
    }

    /** How the column is named in messages: {@code 'E'} or {@code 2}. */
    public String label() {
      return name != null ? "'" + name + "'" : Integer.toString(position);
    }
  }

  /**
   * The exposure of the data.
   *
   * @param protonsOnTarget protons on target (pulsed sources), or empty
   * @param liveSeconds live seconds (for pulsed sources: beam time at the nominal power, as cevns defines it)
   */
  public record Exposure(OptionalDouble protonsOnTarget, double liveSeconds) {
    public Exposure {
      Objects.requireNonNull(protonsOnTarget, "protonsOnTarget");
      if (protonsOnTarget.isPresent() && !(protonsOnTarget.getAsDouble() > 0)) {
        throw new IllegalArgumentException("protons_on_target must be > 0, got " + protonsOnTarget.getAsDouble());
      }
      if (!(liveSeconds > 0) || Double.isInfinite(liveSeconds)) {
        throw new IllegalArgumentException("live_seconds must be finite and > 0, got " + liveSeconds);
      }
    }
  }

  /**
   * Beam windows in ns since the pulse start (as the configuration's {@code windows:}).
   *
   * @param coincidenceStartNs start of the coincidence window
   * @param lengthNs length of both windows, &gt; 0
   * @param before anti-coincidence window before (true) or after (false) the coincidence window
   * @param delayNs start-to-start offset of the two windows, &ge; lengthNs
   */
  public record Windows(double coincidenceStartNs, double lengthNs, boolean before, double delayNs) {
    /** Start of {@code w} in ns since the pulse start (NaN for {@code none}). */
    public double startNs(Window w) {
      return switch (w) {
        case COINCIDENCE -> coincidenceStartNs;
        case ANTICOINCIDENCE -> before ? coincidenceStartNs - delayNs : coincidenceStartNs + delayNs;
        case NONE -> Double.NaN;
      };
    }
  }

  /**
   * One input file.
   *
   * @param path path relative to the release directory
   * @param window the window of its events
   */
  public record InputFile(String path, Window window) {
    public InputFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(window, "window");
    }
  }
}
