package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One {@code analysis.fit.template_files} item as bound ({@link ConfigBinding}): a template read from a text file.
 * The analysis stage checks the component, detector and window against the configuration and the mode, and reads
 * the files.
 *
 * <pre>
 * - component: brn_prompt         # signal or a background component
 *   detector: lar                 # default: the only detector
 *   window: coincidence           # beam mode: coincidence (default) | anticoincidence; other modes: none
 *   period: beam                  # default beam (beam mode), on (on-off), run (single)
 *   file: data/brnpdf.txt         # whitespace- or comma-separated numbers, '#' comments
 *   columns: {energy_kevee: 1, time_us: 3, expected: 4}   # 1-based; time_ns instead of time_us
 *   events: 497                   # optional: the file's total scaled to this
 *   pot: 13.8e22                  # optional: the file's counts hold at this POT; scaled to the configured POT
 *   variants:
 *     - {name: brn_energy, up: data/brnpdf+1sigEnergy.txt, down: data/brnpdf-1sigEnergy.txt}
 * </pre>
 *
 * @param component {@code component}: signal or a background component
 * @param detector {@code detector}; absent: the only detector
 * @param window {@code window}
 * @param period {@code period}: a period name
 * @param file {@code file}: path, relative to the configuration file's directory
 * @param columns {@code columns}: 1-based column positions
 * @param events {@code events} in [0, 1e12]: the file's total scaled to this
 * @param pot {@code pot} (protons on target, in the range of a source's {@code exposure.pot}): the exposure at which
 *     the file's counts hold; the analysis scales them by the configured POT over this
 * @param variants {@code variants}: ±1σ files, names used once
 */
public record TemplateFileKeys(
    @JsonProperty(value = "component", required = true) String component,
    @JsonProperty("detector") Optional<String> detector,
    @JsonProperty("window") Optional<String> window,
    @JsonProperty("period") Optional<String> period,
    @JsonProperty(value = "file", required = true) String file,
    @JsonProperty(value = "columns", required = true) Columns columns,
    @JsonProperty("events") OptionalDouble events,
    @JsonProperty("pot") OptionalDouble pot,
    @JsonProperty("variants") Optional<List<Variant>> variants) {
  /** Largest column position. */
  public static final int MAX_COLUMN = 1000;
  private static final String NAME_RULE = "must be a name of letters, digits, '_', '.', '-'";

  public TemplateFileKeys {
    Checks.present("component", component);
    detector = Checks.optional(detector);
    window = Checks.optional(window);
    period = Checks.optional(period);
    if (period.isPresent()) {
      Checks.nameLength("period", period.get());
    }
    if (period.isPresent() && !Checks.NAME.matcher(period.get()).matches()) {
      throw new ConfigException("period", "must be a period name of letters, digits, '_', '.', '-'",
          ConfigException.quote(period.get()));
    }
    Checks.present("file", file);
    Checks.present("columns", columns);
    events = Checks.optional("events", events, DoubleRange.closed(0, 1e12).because("up to 1e12 events"));
    pot = Checks.optional("pot", pot, PhysicalRanges.POT);
    variants = Checks.optional(variants).map(List::copyOf);
    List<Variant> v = variants.orElse(List.of());
    for (int i = 0; i < v.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (v.get(i).name().equals(v.get(j).name())) {
          throw new ConfigException("variants[" + i + "].name", "'" + v.get(i).name() + "' is used twice in this"
              + " template");
        }
      }
    }
  }

  /**
   * Column positions, 1-based; at most one of {@code time_ns} and {@code time_us}.
   *
   * @param energyKeVee {@code energy_kevee}
   * @param timeNs {@code time_ns}
   * @param timeUs {@code time_us}
   * @param expected {@code expected}
   */
  public record Columns(
      @JsonProperty(value = "energy_kevee", required = true) @IntBounds(min = 1, max = MAX_COLUMN) Integer energyKeVee,
      @JsonProperty("time_ns") @IntBounds(min = 1, max = MAX_COLUMN) Integer timeNs,
      @JsonProperty("time_us") @IntBounds(min = 1, max = MAX_COLUMN) Integer timeUs,
      @JsonProperty(value = "expected", required = true) @IntBounds(min = 1, max = MAX_COLUMN) Integer expected) {
    public Columns {
      Checks.present("energy_kevee", energyKeVee);
      if (timeNs != null && timeUs != null) {
        throw new ConfigException("time_us", "not allowed together with time_ns");
      }
      Checks.present("expected", expected);
    }
  }

  /**
   * A ±1σ variant of the template: files with the nominal file's rows.
   *
   * @param name {@code name}: the shape parameter
   * @param up {@code up}: the +1σ file
   * @param down {@code down}: the −1σ file; absent: mirrored about the nominal
   */
  public record Variant(
      @JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "up", required = true) String up,
      @JsonProperty("down") Optional<String> down) {
    public Variant {
      Checks.present("name", name);
      Checks.nameLength("name", name);
      if (!Checks.NAME.matcher(name).matches()) {
        throw new ConfigException("name", NAME_RULE, ConfigException.quote(name));
      }
      Checks.present("up", up);
      down = Checks.optional(down);
    }
  }
}
