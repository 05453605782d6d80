package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code analysis.systematics} as bound ({@link ConfigBinding}); every key optional. Each entry is checked here
 * (sizes against its kind and constraint, names); the analysis stage checks source, detector and component names
 * against the rest of the configuration and reads the {@code response_variants} sides against the detector's
 * response.
 *
 * <pre>
 * systematics:
 *   template_statistics: true              # Barlow–Beeston-lite (default true)
 *   response_interpolation: norm-plus-shape  # norm-plus-shape (default) | additive
 *   sources:
 *     SOURCE: {flux: {size: 0.10, constraint: gaussian, source: "..."}, pulse_width: {size: 0.1, source: "..."}}
 *   detectors:
 *     DETECTOR:
 *       mass | cross_section | efficiency | quenching | energy_scale | threshold: {size: ..., ...}
 *       timing: {size_ns: ..., source: "..."}
 *       tilt: {COMPONENT: {size: ...}}
 *       response_variants: [{name: ..., up: {RESPONSE KEYS}, down: {RESPONSE KEYS}, source: ...}]
 *       measured_backgrounds: [COMPONENT, ...]
 * </pre>
 *
 * Every entry (and {@code timing}, each variant) takes an optional {@code group}, one of {@link #GROUPS}: the group
 * of the impact breakdown its nuisance is counted in (default: from its kind).
 *
 * @param templateStatistics {@code template_statistics}; absent: true
 * @param responseInterpolation {@code response_interpolation}: how the templates re-folded at ±1σ of a response
 *     systematic (and a shape variant's sides) enter the fit; absent: norm-plus-shape
 * @param sources {@code sources}: per source name
 * @param detectors {@code detectors}: per detector name
 */
public record SystematicsKeys(
    @JsonProperty("template_statistics") Optional<Boolean> templateStatistics,
    @JsonProperty("response_interpolation") Optional<ResponseInterpolation> responseInterpolation,
    @JsonProperty("sources") Optional<Map<String, Source>> sources,
    @JsonProperty("detectors") Optional<Map<String, Detector>> detectors) {
  /** Largest relative size of a Gaussian normalisation (1 − size must stay &ge; 0). */
  public static final double MAX_GAUSSIAN_SIZE = 1.0;
  /** Largest relative size of a log-normal normalisation. */
  public static final double MAX_LOGNORMAL_SIZE = 10.0;
  /** Largest relative shift of a response parameter or tilt. */
  public static final double MAX_SHAPE_SIZE = 0.5;
  /** Allowed 1σ beam time offset in ns ({@code timing.size_ns}): up to 10 µs, beyond any SNS/ESS window. */
  public static final DoubleRange TIMING_SIZE_NS = DoubleRange.openClosed(0, 10_000).because("up to 10 us");
  private static final String NAME_RULE = "a name of letters, digits, '_', '.', '-'";
  /**
   * The values of an entry's {@code group}: the groups of systematics in the impact breakdown of the fit
   * ({@code summary.json} {@code fit.impacts}).
   */
  public static final List<String> GROUPS = List.of("flux", "mass", "cross_section", "threshold_efficiency",
      "quenching_response", "energy_scale", "timing", "background_shape", "signal_shape", "signal_norm");

  /** {@code group} checked against {@link #GROUPS} (a one-line error naming the key and the allowed values). */
  private static Optional<String> checkedGroup(Optional<String> group) {
    Optional<String> g = Checks.optional(group);
    if (g.isPresent() && !GROUPS.contains(g.get())) {
      throw new ConfigException("group", "must be one of " + String.join(", ", GROUPS), ConfigException.quote(g.get()));
    }
    return g;
  }

  /** {@code constraint} of an entry. */
  public enum Constraint {
    /** Gaussian prior. */
    GAUSSIAN,
    /** Log-normal prior (normalisations only). */
    LOGNORMAL
  }

  /**
   * {@code response_interpolation}: how a response systematic's re-folded templates (and a shape variant's sides)
   * become modifiers of the fit model.
   */
  public enum ResponseInterpolation {
    /**
     * One histosys (HistFactory code 4p) per sample: the variation is added, linearly beyond ±1σ, so a variation that
     * removes most of a sample at −1σ reaches zero a little further (the content is clipped there).
     */
    ADDITIVE,
    /**
     * The variation split into its normalisation, a normsys (code 4: exponential beyond ±1σ, never zero), and its
     * shape at the nominal total, a histosys (code 4p), both driven by the one nuisance: at ±1σ the same templates.
     */
    NORM_PLUS_SHAPE
  }

  /** {@code effect} of a response entry. */
  public enum Effect {
    /** Re-fold the templates through the shifted response (size: relative parameter shift). */
    RESPONSE,
    /** Scale the signal rate (size: the published rate uncertainty). */
    RATE
  }

  /** What an entry's key makes of it: which sizes, constraints, effects and names it takes. */
  private enum Role {
    NORMALISATION,
    RESPONSE,
    TILT,
    /** Shift of the event times (pulse width): Gaussian, no effect, no shared name. */
    TIME
  }

  public SystematicsKeys {
    templateStatistics = Checks.optional(templateStatistics);
    responseInterpolation = Checks.optional(responseInterpolation);
    sources = Checks.optional(sources).map(Checks::orderedCopy);
    detectors = Checks.optional(detectors).map(Checks::orderedCopy);
  }

  /**
   * A source's entries.
   *
   * @param flux {@code flux}: the flux normalisation
   * @param pulseWidth {@code pulse_width}: relative 1σ of the proton pulse width (pulsed sources)
   */
  public record Source(@JsonProperty("flux") Optional<Entry> flux,
      @JsonProperty("pulse_width") Optional<Entry> pulseWidth) {
    public Source {
      flux = Checks.optional(flux);
      flux.ifPresent(e -> e.check("flux", Role.NORMALISATION));
      pulseWidth = Checks.optional(pulseWidth);
      pulseWidth.ifPresent(e -> e.check("pulse_width", Role.TIME));
    }
  }

  /**
   * A beam time offset ({@code timing}): the 1σ of the beam arrival time relative to the detector's time zero.
   *
   * @param sizeNs {@code size_ns}: 1σ in ns, in {@link #TIMING_SIZE_NS}
   * @param source {@code source}: where the size comes from
   * @param group {@code group}: one of {@link #GROUPS} (default timing)
   */
  public record Timing(
      @JsonProperty(value = "size_ns", required = true) Double sizeNs,
      @JsonProperty("source") Optional<String> source,
      @JsonProperty("group") Optional<String> group) {
    public Timing {
      Checks.present("size_ns", sizeNs);
      TIMING_SIZE_NS.check("size_ns", sizeNs);
      source = Checks.optional(source);
      group = checkedGroup(group);
    }
  }

  /**
   * A detector's entries, by kind.
   *
   * @param mass {@code mass} normalisation
   * @param crossSection {@code cross_section} normalisation
   * @param efficiency {@code efficiency} normalisation
   * @param quenching {@code quenching} response shift (or rate, with {@code effect: rate})
   * @param energyScale {@code energy_scale} response shift
   * @param threshold {@code threshold} response shift
   * @param timing {@code timing}: beam time offset (fits with a time axis)
   * @param tilt {@code tilt}: per background component, a linear tilt of its shape
   * @param responseVariants {@code response_variants}: whole ±1σ responses
   * @param measuredBackgrounds {@code measured_backgrounds}: background components whose spectra were measured with
   *     this detector (e.g. its anticoincidence data), so that its response systematics do not move them
   */
  public record Detector(
      @JsonProperty("mass") Optional<Entry> mass,
      @JsonProperty("cross_section") Optional<Entry> crossSection,
      @JsonProperty("efficiency") Optional<Entry> efficiency,
      @JsonProperty("quenching") Optional<Entry> quenching,
      @JsonProperty("energy_scale") Optional<Entry> energyScale,
      @JsonProperty("threshold") Optional<Entry> threshold,
      @JsonProperty("timing") Optional<Timing> timing,
      @JsonProperty("tilt") Optional<Map<String, Entry>> tilt,
      @JsonProperty("response_variants") Optional<List<Variant>> responseVariants,
      @JsonProperty("measured_backgrounds") Optional<List<String>> measuredBackgrounds) {
    public Detector {
      mass = checked(mass, "mass", Role.NORMALISATION);
      crossSection = checked(crossSection, "cross_section", Role.NORMALISATION);
      efficiency = checked(efficiency, "efficiency", Role.NORMALISATION);
      quenching = checked(quenching, "quenching", Role.RESPONSE);
      energyScale = checked(energyScale, "energy_scale", Role.RESPONSE);
      threshold = checked(threshold, "threshold", Role.RESPONSE);
      timing = Checks.optional(timing);
      tilt = Checks.optional(tilt).map(Checks::orderedCopy);
      tilt.ifPresent(t -> t.forEach((component, e) -> e.check("tilt." + component, Role.TILT)));
      responseVariants = Checks.optional(responseVariants).map(List::copyOf);
      measuredBackgrounds = Checks.optional(measuredBackgrounds).map(List::copyOf);
      measuredBackgrounds.ifPresent(list -> {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
          Checks.name("measured_backgrounds[" + i + "]", list.get(i));
          if (!seen.add(list.get(i))) {
            throw new ConfigException("measured_backgrounds[" + i + "]", "is given twice",
                ConfigException.quote(list.get(i)));
          }
        }
      });
    }

    private static Optional<Entry> checked(Optional<Entry> e, String key, Role role) {
      Optional<Entry> entry = Checks.optional(e);
      entry.ifPresent(x -> x.check(key, role));
      return entry;
    }

    /** The single entries present, by key ({@code mass} … {@code threshold}), in declaration order. */
    public Map<String, Entry> entries() {
      Map<String, Entry> m = new LinkedHashMap<>();
      mass.ifPresent(e -> m.put("mass", e));
      crossSection.ifPresent(e -> m.put("cross_section", e));
      efficiency.ifPresent(e -> m.put("efficiency", e));
      quenching.ifPresent(e -> m.put("quenching", e));
      energyScale.ifPresent(e -> m.put("energy_scale", e));
      threshold.ifPresent(e -> m.put("threshold", e));
      return m;
    }
  }

  /**
   * One nuisance parameter.
   *
   * @param size {@code size}: relative size, in (0, max] where max depends on the kind and constraint
   *     ({@link #MAX_GAUSSIAN_SIZE}, {@link #MAX_LOGNORMAL_SIZE}, {@link #MAX_SHAPE_SIZE})
   * @param constraint {@code constraint}; absent: gaussian (the only one of response shifts and tilts)
   * @param source {@code source}: where the size comes from
   * @param effect {@code effect}: quenching, energy_scale and threshold only; absent: response
   * @param name {@code name}: a parameter name shared between rate and normalisation entries
   * @param group {@code group}: one of {@link #GROUPS} (default from the kind)
   */
  public record Entry(
      @JsonProperty(value = "size", required = true) Double size,
      @JsonProperty("constraint") Optional<Constraint> constraint,
      @JsonProperty("source") Optional<String> source,
      @JsonProperty("effect") Optional<Effect> effect,
      @JsonProperty("name") Optional<String> name,
      @JsonProperty("group") Optional<String> group) {
    public Entry {
      Checks.present("size", size);
      constraint = Checks.optional(constraint);
      source = Checks.optional(source);
      effect = Checks.optional(effect);
      name = Checks.optional(name);
      group = checkedGroup(group);
    }

    /** The prior: gaussian unless given. */
    public Constraint prior() {
      return constraint.orElse(Constraint.GAUSSIAN);
    }

    /** True for {@code effect: rate}. */
    public boolean rate() {
      return effect.orElse(Effect.RESPONSE) == Effect.RATE;
    }

    /** The checks that depend on the entry's kind, as the hand-written reader made them; keys under {@code at}. */
    private void check(String at, Role role) {
      if (effect.isPresent() && role != Role.RESPONSE) {
        throw new ConfigException(at + ".effect", "only quenching, energy_scale and threshold take an effect");
      }
      boolean norm = role == Role.NORMALISATION || rate();
      if (!norm && constraint.isPresent() && prior() != Constraint.GAUSSIAN) {
        throw new ConfigException(at + ".constraint",
            "gaussian (response shifts and tilts are interpolated linearly)", ConfigException.quote(
                ConfigNode.spelling(prior())));
      }
      double max = !norm ? MAX_SHAPE_SIZE : prior() == Constraint.GAUSSIAN ? MAX_GAUSSIAN_SIZE : MAX_LOGNORMAL_SIZE;
      DoubleRange.openClosed(0, max).check(at + ".size", size);
      if (name.isPresent()) {
        Checks.nameLength(at + ".name", name.get());
      }
      if (name.isPresent() && !Checks.NAME.matcher(name.get()).matches()) {
        throw new ConfigException(at + ".name", NAME_RULE, ConfigException.quote(name.get()));
      }
      if (name.isPresent() && !norm) {
        throw new ConfigException(at + ".name", "a shared name is allowed for rate and normalisation entries only");
      }
    }
  }

  /**
   * One {@code response_variants} item: a whole ±1σ response, each side merged over the detector's response.
   *
   * @param name {@code name}: the parameter name
   * @param up {@code up}: response keys of the +1σ side, a tree read by the analysis stage
   * @param down {@code down}: response keys of the −1σ side
   * @param source {@code source}: where the variant comes from
   * @param group {@code group}: one of {@link #GROUPS} (default threshold_efficiency for a variant of the
   *     efficiency curve alone, else quenching_response)
   */
  public record Variant(
      @JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "up", required = true) JsonNode up,
      @JsonProperty(value = "down", required = true) JsonNode down,
      @JsonProperty("source") Optional<String> source,
      @JsonProperty("group") Optional<String> group) {
    public Variant {
      Checks.present("name", name);
      Checks.nameLength("name", name);
      if (!Checks.NAME.matcher(name).matches()) {
        throw new ConfigException("name", "must be " + NAME_RULE, ConfigException.quote(name));
      }
      Checks.present("up", up);
      Checks.present("down", down);
      up = up.deepCopy();
      down = down.deepCopy();
      source = Checks.optional(source);
      group = checkedGroup(group);
    }

    @Override
    public JsonNode up() {
      return up.deepCopy();
    }

    @Override
    public JsonNode down() {
      return down.deepCopy();
    }
  }

  /** Binds an {@code analysis.systematics} tree found at {@code path}. */
  public static SystematicsKeys of(JsonNode node, String path) {
    return ConfigBinding.bind(node, path, SystematicsKeys.class);
  }
}
