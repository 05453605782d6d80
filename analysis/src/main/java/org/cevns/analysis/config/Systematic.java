package org.cevns.analysis.config;

import java.util.Optional;

/**
 * One systematic uncertainty of the fit, from {@code analysis.systematics} (see {@code configs/reference.yaml}).
 * It becomes one nuisance parameter α with a unit Gaussian prior, named {@link #parameter()}:
 *
 * <ul>
 *   <li>normalisation kinds ({@link Kind#isNormalisation()}) scale the signal by 1 + size·α ({@code gaussian},
 *       HistFactory histosys, code 0) or by (1 + size)^α ({@code lognormal}, normsys, code 1);
 *   <li>response kinds re-fold the same template events through the detector response with the parameter
 *       shifted by ±size (relative) and interpolate linearly between (histosys, code 0);
 *   <li>{@link Kind#TILT} tilts a background component's energy spectrum by ±size across the fit range.
 * </ul>
 *
 * @param kind what is uncertain
 * @param owner the source (FLUX, PULSE_WIDTH) or detector it belongs to
 * @param component the background component (TILT), empty otherwise
 * @param size relative 1σ size, &gt; 0 (TIMING: in ns)
 * @param constraint prior shape of normalisation kinds (response kinds and tilts are always Gaussian in α)
 * @param source where the number comes from (free text), if given
 * @param rate for QUENCHING and THRESHOLD: {@code effect: rate} — size is the published uncertainty on the signal
 *     rate, applied as a normalisation (no re-folding); false otherwise
 * @param name the nuisance parameter's name if configured ({@code name:}; entries of normalisation effect with
 *     the same name share one parameter, fully correlated), else empty for the default
 * @param group the group of the impact breakdown if configured ({@code group:}, one of
 *     {@code SystematicsKeys.GROUPS}; a response variant of the efficiency curve alone: threshold_efficiency), else
 *     empty for the default of its kind ({@code ImpactGroups})
 */
public record Systematic(Kind kind, String owner, String component, double size, Prior constraint,
    Optional<String> source, boolean rate, Optional<String> name, Optional<String> group) {
  /** What is uncertain; the configuration key is the lower-case name with '_'. */
  public enum Kind {
    /** Neutrino flux of a source (signal normalisation). */
    FLUX(true),
    /** Detector (active) mass (signal normalisation). */
    MASS(true),
    /** Cross section / form factor (signal normalisation). */
    CROSS_SECTION(true),
    /** Detection/trigger efficiency scale (signal normalisation). */
    EFFICIENCY(true),
    /** Quenching: the visible energy of nuclear recoils scaled by 1 ± size (every quenching model). */
    QUENCHING(false),
    /** Energy scale / light yield: the observed energy (light-yield responses: the light yield) × (1 ± size). */
    ENERGY_SCALE(false),
    /** Threshold position: every efficiency curve moved along its variable by × (1 ± size). */
    THRESHOLD(false),
    /**
     * Beam time offset of a detector (size in ns, not relative): the times of its beam-related events (signal and
     * beam-related backgrounds of pulsed sources) shifted by ±size before the windows and time efficiency.
     */
    TIMING(false),
    /**
     * Proton pulse width of a pulsed source (owner: the source): the templates re-simulated with the width
     * × (1 ± size), which stretches each event's pulse-time component (same events and seed).
     */
    PULSE_WIDTH(false),
    /** Linear tilt of a background component's energy spectrum, ±size at the ends of the fit range. */
    TILT(false),
    /**
     * A component's template at ±1σ read from files ({@code analysis.fit.template_files[].variants}), linear
     * interpolation (histosys); named by the variant, size 1.
     */
    SHAPE(false),
    /**
     * Whole ±1σ detector responses ({@code response_variants}: e.g. a released efficiency curve's or quenching
     * polynomial's ±1σ coefficients): the templates re-folded through each, histosys; named, size 1.
     */
    RESPONSE_VARIANT(false);

    private final boolean normalisation;

    Kind(boolean normalisation) {
      this.normalisation = normalisation;
    }

    /** True for the kinds that scale the signal normalisation only. */
    public boolean isNormalisation() {
      return normalisation;
    }

    /** True for the kinds that re-fold the template events through a shifted response. */
    public boolean isResponse() {
      return this == QUENCHING || this == ENERGY_SCALE || this == THRESHOLD || this == TIMING || this == PULSE_WIDTH;
    }

    /** True for the kinds that move event times (they need a fit with a time axis). */
    public boolean isTime() {
      return this == TIMING || this == PULSE_WIDTH;
    }
  }

  /** Prior shape of a normalisation systematic. */
  public enum Prior {
    /** Gaussian in the normalisation (linear, HistFactory code 0). */
    GAUSSIAN,
    /** Log-normal (exponential interpolation, HistFactory code 1). */
    LOGNORMAL
  }

  /** Without a configured group. */
  public Systematic(Kind kind, String owner, String component, double size, Prior constraint, Optional<String> source,
      boolean rate, Optional<String> name) {
    this(kind, owner, component, size, constraint, source, rate, name, Optional.empty());
  }

  public Systematic {
    if (kind == null || owner == null || component == null || constraint == null || source == null || name == null
        || group == null) {
      throw new IllegalArgumentException("kind, owner, component, constraint, source, name and group must not be null");
    }
    if (!(size > 0) || Double.isInfinite(size)) {
      throw new IllegalArgumentException("size must be finite and > 0, got " + size);
    }
    if ((kind == Kind.TILT || kind == Kind.SHAPE) == component.isEmpty()) {
      throw new IllegalArgumentException("a component is required for tilts and shapes and only for them");
    }
    if ((kind == Kind.SHAPE || kind == Kind.RESPONSE_VARIANT) && name.isEmpty()) {
      throw new IllegalArgumentException("a shape or response variant needs its name");
    }
    if (rate && kind != Kind.QUENCHING && kind != Kind.THRESHOLD && kind != Kind.ENERGY_SCALE) {
      throw new IllegalArgumentException("effect rate applies to response kinds only");
    }
  }

  /** True if this entry scales the signal rate (normalisation kinds, and response kinds with effect rate). */
  public boolean isNormalisation() {
    return kind.isNormalisation() || rate;
  }

  /** True if this entry re-folds the templates through a shifted response. */
  public boolean isRefold() {
    return kind.isResponse() && !rate || kind == Kind.RESPONSE_VARIANT;
  }

  /** The nuisance parameter's name: {@code OWNER.KIND} or {@code DETECTOR.COMPONENT.tilt}. */
  public String parameter() {
    if (name.isPresent()) {
      return name.get();
    }
    return kind == Kind.TILT ? owner + "." + component + ".tilt" : owner + "." + ConfigKeys.of(kind);
  }

  /** Configuration spellings of the kinds. */
  static final class ConfigKeys {
    private ConfigKeys() {}

    static String of(Kind k) {
      return k.name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
