package org.cevns.analysis.config;

import java.util.List;
import java.util.Map;

/**
 * The {@code analysis.systematics} section: the systematic uncertainties of the fit and whether the templates'
 * own statistical uncertainty enters (Barlow–Beeston-lite).
 *
 * @param entries the uncertainties, in file order (sources, then detectors)
 * @param templateStatistics Barlow–Beeston-lite terms for the template Monte Carlo statistics
 * @param physicsSigmas Gaussian constraint widths of physics parameters, by name (set with {@link #withPhysicsSigmas};
 *     no configuration key yet), in the parameter's unit, each finite and &gt; 0; applied when the parameter
 *     floats (a physics nuisance centred on the configured value)
 * @param measuredBackgrounds per detector, the background components whose spectra were measured with that detector
 *     ({@code analysis.systematics.detectors.NAME.measured_backgrounds}): the detector's response systematics do not
 *     move their templates
 * @param normPlusShape {@code response_interpolation: norm-plus-shape}: each response systematic's (and shape
 *     variant's) variation of a sample is a normsys (its normalisation, code 4) and a histosys of the shape at the
 *     nominal total (code 4p) on one nuisance, not one additive histosys
 *     ({@code org.cevns.analysis.pipeline.SystematicModifiers})
 */
public record Systematics(List<Systematic> entries, boolean templateStatistics, Map<String, Double> physicsSigmas,
    Map<String, java.util.Set<String>> measuredBackgrounds, boolean normPlusShape) {
  /** Without physics constraints or measured backgrounds. */
  public Systematics(List<Systematic> entries, boolean templateStatistics) {
    this(entries, templateStatistics, Map.of(), Map.of());
  }

  /** Response variations additive (the default of {@code response_interpolation}). */
  public Systematics(List<Systematic> entries, boolean templateStatistics, Map<String, Double> physicsSigmas,
      Map<String, java.util.Set<String>> measuredBackgrounds) {
    this(entries, templateStatistics, physicsSigmas, measuredBackgrounds, false);
  }

  public Systematics {
    entries = List.copyOf(entries);
    java.util.Map<String, java.util.Set<String>> measured = new java.util.LinkedHashMap<>();
    measuredBackgrounds.forEach((d, c) -> measured.put(d, java.util.Set.copyOf(c)));
    measuredBackgrounds = java.util.Collections.unmodifiableMap(measured);
    physicsSigmas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(physicsSigmas));
    physicsSigmas.forEach((name, sigma) -> {
      if (!(sigma > 0) || Double.isInfinite(sigma)) {
        throw new IllegalArgumentException("sigma of physics parameter " + name + " must be finite and > 0, got "
            + sigma);
      }
    });
    java.util.Map<String, Systematic> byName = new java.util.HashMap<>();
    for (Systematic e : entries) {
      Systematic other = byName.put(e.parameter(), e);
      if (other != null && e.kind() == Systematic.Kind.SHAPE && other.kind() == Systematic.Kind.SHAPE) {
        if (e.owner().equals(other.owner()) && e.component().equals(other.component())) {
          throw new IllegalArgumentException("shape variant " + e.parameter() + " is given twice for "
              + e.owner() + " " + e.component());
        }
        continue; // one shape parameter moving several components together (fully correlated)
      }
      if (other != null && (e.isRefold() || other.isRefold() || !e.isNormalisation() || !other.isNormalisation()
          || e.size() != other.size() || e.constraint() != other.constraint())) {
        throw new IllegalArgumentException("systematic parameter " + e.parameter() + " is used twice: a shared name"
            + " needs rate/normalisation entries of equal size and constraint");
      }
    }
  }

  /** No systematic uncertainty and no template-statistics terms (the likelihood of cevns before issue 8). */
  public static Systematics none() {
    return new Systematics(List.of(), false);
  }

  /** The default of a configuration without the section: template statistics only. */
  public static Systematics defaults() {
    return new Systematics(List.of(), true);
  }

  /** A copy with the Gaussian constraints {@code sigmas} of physics parameters. */
  public Systematics withPhysicsSigmas(Map<String, Double> sigmas) {
    return new Systematics(entries, templateStatistics, sigmas, measuredBackgrounds, normPlusShape);
  }

  /** A copy without the template-statistics terms. */
  public Systematics withoutTemplateStatistics() {
    return new Systematics(entries, false, physicsSigmas, measuredBackgrounds, normPlusShape);
  }

  /** A copy with {@code more} entries (file templates' shape variants) after these. */
  public Systematics withEntries(List<Systematic> more) {
    List<Systematic> all = new java.util.ArrayList<>(entries);
    all.addAll(more);
    return new Systematics(all, templateStatistics, physicsSigmas, measuredBackgrounds, normPlusShape);
  }

  /** True if the response systematics of {@code detector} leave the templates of its {@code component} nominal. */
  public boolean isMeasured(String detector, String component) {
    return measuredBackgrounds.getOrDefault(detector, java.util.Set.of()).contains(component);
  }

  /** True if nothing is switched on. */
  public boolean isOff() {
    return entries.isEmpty() && !templateStatistics;
  }
}
