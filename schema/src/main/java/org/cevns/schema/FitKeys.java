package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code analysis.fit} as bound ({@link ConfigBinding}); every key optional. Each key is checked on its own here;
 * the analysis stage checks them against the mode and the rest of the configuration (background names, the
 * observable against the mode, the template files against detectors and components) and reads the template files.
 *
 * @param observable {@code observable}; absent: energy
 * @param timeBins {@code time_bins} in [1, {@value AxisKeys#MAX_BINS}] (null: the default)
 * @param backgrounds {@code backgrounds}: a map, per component name a {@link BackgroundWidth} (names are checked
 *     by the analysis stage)
 * @param defaultBackgroundWidth {@code default_background_width}: the same, for components not listed
 * @param signalWidth {@code signal_width} in [0, 100]
 * @param muNonnegative {@code mu_nonnegative}
 * @param templateFactor {@code template_factor} in [1, 1e6]
 * @param templateNormalisation {@code template_normalisation}
 * @param toys {@code toys} in [0, {@value SensitivityKeys#MAX_TOYS}] (null: 0)
 * @param controlRegion {@code control_region}; absent: true
 * @param templateFiles {@code template_files}
 * @param minBackgroundTemplateEvents {@code min_background_template_events} in [0, 1e8] (null: 0)
 */
public record FitKeys(
    @JsonProperty("observable") Optional<Observable> observable,
    @JsonProperty("time_bins") @IntBounds(min = 1, max = AxisKeys.MAX_BINS) Integer timeBins,
    @JsonProperty("backgrounds") Optional<Map<String, BackgroundWidth>> backgrounds,
    @JsonProperty("default_background_width") Optional<BackgroundWidth> defaultBackgroundWidth,
    @JsonProperty("signal_width") OptionalDouble signalWidth,
    @JsonProperty("mu_nonnegative") Optional<Boolean> muNonnegative,
    @JsonProperty("template_factor") OptionalDouble templateFactor,
    @JsonProperty("template_normalisation") Optional<Normalisation> templateNormalisation,
    @JsonProperty("toys") @IntBounds(min = 0, max = SensitivityKeys.MAX_TOYS) Integer toys,
    @JsonProperty("control_region") Optional<Boolean> controlRegion,
    @JsonProperty("template_files") Optional<List<TemplateFileKeys>> templateFiles,
    @JsonProperty("min_background_template_events") @IntBounds(min = 0, max = MAX_MIN_BACKGROUND_TEMPLATE_EVENTS)
    Integer minBackgroundTemplateEvents) {
  /** Largest {@code min_background_template_events}. */
  public static final int MAX_MIN_BACKGROUND_TEMPLATE_EVENTS = 100_000_000;

  /** {@code fit.observable}, spelled {@code energy}, {@code energy-time}. */
  public enum Observable {
    /** Observed energy. */
    ENERGY,
    /** Observed energy × time (beam mode). */
    ENERGY_TIME
  }

  /** {@code fit.template_normalisation}, spelled {@code simulation}, {@code model}. */
  public enum Normalisation {
    /** Totals of the simulated templates. */
    SIMULATION,
    /** Totals from the models' expectations. */
    MODEL
  }

  public FitKeys {
    observable = Checks.optional(observable);
    backgrounds = Checks.optional(backgrounds).map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m)));
    defaultBackgroundWidth = Checks.optional(defaultBackgroundWidth);
    signalWidth = Checks.optional("signal_width", signalWidth,
        DoubleRange.closed(0, 100).because("up to 100, i.e. 10000 %"));
    muNonnegative = Checks.optional(muNonnegative);
    templateFactor = Checks.optional("template_factor", templateFactor, DoubleRange.closed(1, 1e6));
    templateNormalisation = Checks.optional(templateNormalisation);
    controlRegion = Checks.optional(controlRegion);
    templateFiles = Checks.optional(templateFiles).map(List::copyOf);
  }

  /** Binds an {@code analysis.fit} tree found at {@code path}. */
  public static FitKeys of(JsonNode node, String path) {
    return ConfigBinding.bind(node, path, FitKeys.class);
  }
}
