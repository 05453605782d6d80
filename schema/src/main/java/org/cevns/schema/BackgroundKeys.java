package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One entry of {@code detectors[i].backgrounds} as bound ({@link ConfigBinding}), chosen by {@code type}; see
 * {@code configs/reference.yaml} for every key. Common keys: {@code name} (unique within the detector, not
 * {@code signal}), {@code type}, and {@code source} (the source whose periods and exposure the background follows;
 * required when the configuration has more than one source). Each key is checked here; detsim checks {@code source}
 * against the configuration's sources and reads table files.
 */
@ChosenBy(key = "type", kinds = BackgroundKeys.Kind.class, types = {BackgroundKeys.Steady.class,
    BackgroundKeys.ReactorCorrelated.class, BackgroundKeys.BeamCorrelated.class, BackgroundKeys.BeamCorrelated.class,
    BackgroundKeys.XRayLine.class, BackgroundKeys.Beta.class})
public sealed interface BackgroundKeys {
  /** Reserved component name of signal events. */
  String SIGNAL = "signal";

  /** {@code type}. */
  enum Kind { STEADY, REACTOR_CORRELATED, BEAM_NEUTRONS, NEUTRINO_INDUCED_NEUTRONS, XRAY_LINE, BETA }

  /** {@code energy_scale} of a spectrum. */
  enum Scale { KEVEE, KEVNR }

  /** {@code line}: the cosmogenic X-ray lines of germanium, spelled {@code ga-k} … */
  enum Line { GA_K, GA_L, ZN_K, ZN_L, CU_K, CU_L, FE_K, MN_K }

  /** {@code name}. */
  String name();

  /** {@code type}. */
  Kind type();

  /** {@code source}, if given. */
  Optional<String> source();

  /**
   * Binds the {@code backgrounds} list ({@code list}, at its key path): each entry by its type, names unique.
   *
   * @throws ConfigException naming the key
   */
  static List<BackgroundKeys> of(ConfigNode list) {
    List<BackgroundKeys> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode b : list.elements()) {
      BackgroundKeys k = b.bind(BackgroundKeys.class);
      if (!names.add(k.name())) {
        throw new ConfigException(b.pathOf("name"), "must be unique among the detector's backgrounds",
            ConfigException.quote(k.name()));
      }
      out.add(k);
    }
    return List.copyOf(out);
  }

  /** {@code name}: a name of the {@code component} column, not {@value #SIGNAL}. */
  private static String name(String name) {
    Checks.name("name", name);
    if (name.equals(SIGNAL)) {
      throw new ConfigException("name", "must not be '" + SIGNAL + "' (the component name of signal events)",
          ConfigException.quote(name));
    }
    return name;
  }

  /**
   * {@code type: steady}: a constant rate with one of {@code counts_per_kg_per_day} or
   * {@code counts_per_kev_per_kg_per_day} (the latter over a spectrum with a finite energy range).
   */
  record Steady(@JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "type", required = true) Kind type,
      @JsonProperty("source") Optional<String> source, @JsonProperty("energy_scale") Optional<Scale> energyScale,
      @JsonProperty(value = "spectrum", required = true) Spectrum spectrum,
      @JsonProperty("counts_per_kg_per_day") OptionalDouble countsPerKgPerDay,
      @JsonProperty("counts_per_kev_per_kg_per_day") OptionalDouble countsPerKeVPerKgPerDay) implements BackgroundKeys {
    public Steady {
      name = BackgroundKeys.name(name);
      source = Checks.optional(source);
      energyScale = Checks.optional(energyScale);
      Checks.present("spectrum", spectrum);
      countsPerKgPerDay = countsPerKgPerDay == null ? OptionalDouble.empty() : countsPerKgPerDay;
      countsPerKeVPerKgPerDay = countsPerKeVPerKgPerDay == null ? OptionalDouble.empty() : countsPerKeVPerKgPerDay;
      Checks.exactlyOne(List.of("counts_per_kg_per_day", "counts_per_kev_per_kg_per_day"),
          countsPerKgPerDay.isPresent(), countsPerKeVPerKgPerDay.isPresent());
      Checks.optional("counts_per_kg_per_day", countsPerKgPerDay, PhysicalRanges.COUNTS_PER_KG_DAY);
      Checks.optional("counts_per_kev_per_kg_per_day", countsPerKeVPerKgPerDay, PhysicalRanges.COUNTS_PER_KG_DAY);
      if (countsPerKeVPerKgPerDay.isPresent() && !spectrum.finiteRange()) {
        throw new ConfigException("spectrum", "a rate per keV needs a spectrum with a finite energy range (flat,"
            + " tabulated, or exponential with a finite max_kev)");
      }
    }
  }

  /** {@code type: reactor-correlated}: rates with the reactor on and off. */
  record ReactorCorrelated(@JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "type", required = true) Kind type, @JsonProperty("source") Optional<String> source,
      @JsonProperty("energy_scale") Optional<Scale> energyScale,
      @JsonProperty(value = "spectrum", required = true) Spectrum spectrum,
      @JsonProperty(value = "on_counts_per_kg_per_day", required = true) double onCountsPerKgPerDay,
      @JsonProperty(value = "off_counts_per_kg_per_day", required = true) double offCountsPerKgPerDay)
      implements BackgroundKeys {
    public ReactorCorrelated {
      name = BackgroundKeys.name(name);
      source = Checks.optional(source);
      energyScale = Checks.optional(energyScale);
      Checks.present("spectrum", spectrum);
      PhysicalRanges.COUNTS_PER_KG_DAY.check("on_counts_per_kg_per_day", onCountsPerKgPerDay);
      PhysicalRanges.COUNTS_PER_KG_DAY.check("off_counts_per_kg_per_day", offCountsPerKgPerDay);
    }
  }

  /**
   * {@code type: beam-neutrons} or {@code neutrino-induced-neutrons}: one of {@code counts_per_pot} (at most 1 per
   * proton) or {@code counts_per_gwh}, with a time profile delayed by {@code delay_ns} (absent: 0).
   */
  record BeamCorrelated(@JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "type", required = true) Kind type,
      @JsonProperty("source") Optional<String> source,
      @JsonProperty(value = "spectrum", required = true) Spectrum spectrum,
      @JsonProperty("counts_per_pot") OptionalDouble countsPerPot,
      @JsonProperty("counts_per_gwh") OptionalDouble countsPerGWh,
      @JsonProperty("delay_ns") OptionalDouble delayNs) implements BackgroundKeys {
    public BeamCorrelated {
      name = BackgroundKeys.name(name);
      source = Checks.optional(source);
      Checks.present("spectrum", spectrum);
      countsPerPot = countsPerPot == null ? OptionalDouble.empty() : countsPerPot;
      countsPerGWh = countsPerGWh == null ? OptionalDouble.empty() : countsPerGWh;
      Checks.exactlyOne(List.of("counts_per_pot", "counts_per_gwh"), countsPerPot.isPresent(),
          countsPerGWh.isPresent());
      Checks.optional("counts_per_pot", countsPerPot, DoubleRange.closed(0, 1).because("up to 1 per proton"));
      Checks.optional("counts_per_gwh", countsPerGWh, PhysicalRanges.COUNTS_PER_GWH);
      delayNs = Checks.optional("delay_ns", delayNs, PhysicalRanges.SIGNED_TIME_NS);
    }
  }

  /**
   * {@code type: xray-line}: one of {@code line} or {@code energy_kevee}, decaying with {@code half_life_days}
   * (absent: stable) from {@code days_since_reference} (absent: 0) before every period.
   */
  record XRayLine(@JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "type", required = true) Kind type,
      @JsonProperty("source") Optional<String> source, @JsonProperty("line") Optional<Line> line,
      @JsonProperty("energy_kevee") OptionalDouble energyKeVee,
      @JsonProperty(value = "counts_per_kg_per_day", required = true) double countsPerKgPerDay,
      @JsonProperty("half_life_days") OptionalDouble halfLifeDays,
      @JsonProperty("days_since_reference") OptionalDouble daysSinceReference) implements BackgroundKeys {
    public XRayLine {
      name = BackgroundKeys.name(name);
      source = Checks.optional(source);
      line = Checks.optional(line);
      energyKeVee = energyKeVee == null ? OptionalDouble.empty() : energyKeVee;
      Checks.exactlyOne(List.of("line", "energy_kevee"), line.isPresent(), energyKeVee.isPresent());
      Checks.optional("energy_kevee", energyKeVee, PhysicalRanges.ENERGY_KEV);
      PhysicalRanges.COUNTS_PER_KG_DAY.check("counts_per_kg_per_day", countsPerKgPerDay);
      halfLifeDays = Checks.optional("half_life_days", halfLifeDays, DoubleRange.POSITIVE_OR_INFINITE);
      daysSinceReference = Checks.optional("days_since_reference", daysSinceReference, PhysicalRanges.SIGNED_DAYS);
    }
  }

  /** {@code type: beta}: a beta spectrum ({@code endpoint_kev}, {@code daughter_z}; absent: tritium's). */
  record Beta(@JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "type", required = true) Kind type,
      @JsonProperty("source") Optional<String> source,
      @JsonProperty(value = "counts_per_kg_per_day", required = true) double countsPerKgPerDay,
      @JsonProperty("endpoint_kev") OptionalDouble endpointKeV,
      @JsonProperty("daughter_z") @IntBounds(min = 0, max = 118) Integer daughterZ) implements BackgroundKeys {
    public Beta {
      name = BackgroundKeys.name(name);
      source = Checks.optional(source);
      PhysicalRanges.COUNTS_PER_KG_DAY.check("counts_per_kg_per_day", countsPerKgPerDay);
      endpointKeV = Checks.optional("endpoint_kev", endpointKeV, PhysicalRanges.ENERGY_KEV);
    }
  }

  // ------------------------------------------------------------------ spectra

  /** {@code spectrum.shape}. */
  enum Shape { FLAT, EXPONENTIAL, TABULATED, LINE }

  /** {@code spectrum}: energies in keV on the entry's scale, chosen by {@code shape}. */
  @ChosenBy(key = "shape", kinds = Shape.class, types = {Flat.class, Exponential.class, Tabulated.class,
      LineShape.class})
  sealed interface Spectrum {
    /** True unless a line or an exponential without {@code max_kev}. */
    boolean finiteRange();
  }

  /** Flat in [{@code min_kev} (absent: 0), {@code max_kev}). */
  record Flat(@JsonProperty(value = "shape", required = true) Shape shape,
      @JsonProperty("min_kev") OptionalDouble minKeV,
      @JsonProperty(value = "max_kev", required = true) double maxKeV) implements Spectrum {
    public Flat {
      minKeV = Checks.optional("min_kev", minKeV, PhysicalRanges.ENERGY_KEV_OR_ZERO);
      DoubleRange.greaterThan(minKeV.orElse(0)).check("max_kev", maxKeV);
    }

    @Override
    public boolean finiteRange() {
      return true;
    }
  }

  /** exp(−E/{@code slope_kev}) in [{@code min_kev} (absent: 0), {@code max_kev} (absent: .inf)). */
  record Exponential(@JsonProperty(value = "shape", required = true) Shape shape,
      @JsonProperty("min_kev") OptionalDouble minKeV,
      @JsonProperty("max_kev") OptionalDouble maxKeV,
      @JsonProperty(value = "slope_kev", required = true) double slopeKeV) implements Spectrum {
    public Exponential {
      minKeV = Checks.optional("min_kev", minKeV, PhysicalRanges.ENERGY_KEV_OR_ZERO);
      maxKeV = Checks.optional("max_kev", maxKeV, DoubleRange.POSITIVE_OR_INFINITE);
      double min = minKeV.orElse(0);
      if (maxKeV.isPresent() && !(maxKeV.getAsDouble() > min)) {
        throw new ConfigException("max_kev", "must be > min_kev (" + ConfigException.render(min) + ")",
            ConfigException.render(maxKeV.getAsDouble()));
      }
      PhysicalRanges.ENERGY_KEV.check("slope_kev", slopeKeV);
    }

    @Override
    public boolean finiteRange() {
      return maxKeV.isPresent() && Double.isFinite(maxKeV.getAsDouble());
    }
  }

  /** A table energy_kev,density of at least two rows. */
  record Tabulated(@JsonProperty(value = "shape", required = true) Shape shape,
      @JsonProperty(value = "file", required = true) String file)
      implements Spectrum {
    public Tabulated {
      Checks.present("file", file);
    }

    @Override
    public boolean finiteRange() {
      return true;
    }
  }

  /** A line at {@code energy_kev}. */
  record LineShape(@JsonProperty(value = "shape", required = true) Shape shape,
      @JsonProperty(value = "energy_kev", required = true) double energyKeV) implements Spectrum {
    public LineShape {
      PhysicalRanges.ENERGY_KEV.check("energy_kev", energyKeV);
    }

    @Override
    public boolean finiteRange() {
      return false;
    }
  }
}
