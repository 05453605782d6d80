package org.cevns.analysis.config;

import java.util.List;
import java.util.Objects;
import org.cevns.analysis.events.RunExposure;

/**
 * A binned template read from a file ({@code analysis.fit.template_files}): the expected counts of one component
 * of one detector in one region, as rows (energy, time, expected), replacing the simulated template of that key;
 * with optional ±1σ shape variants (histosys). Rows are filled into the fit's bins at their energy and time, so the
 * fit's bins should be unions of the file's bins. Columns not mapped (e.g. a pulse-shape variable of the file) are
 * summed over.
 *
 * @param detector detector name
 * @param component {@code signal} or a background component
 * @param period period of the region ({@code beam}, {@code on}, {@code run}, …)
 * @param window beam window of the region ({@code coincidence}, {@code anticoincidence}) or {@code none}
 * @param file the file as configured (for messages and outputs)
 * @param energyKeVee energy of each row, keVee
 * @param timeNs time of each row, ns since the pulse start (period start for steady sources); NaN if not mapped
 * @param expected expected events of each row at the configured exposure (after the {@code events} scaling)
 * @param variants shape variants, each a nuisance parameter
 * @param pot the protons on target at which {@code expected} holds ({@code pot} key); empty: at any exposure
 */
public record TemplateFile(String detector, String component, String period, String window, String file,
    double[] energyKeVee, double[] timeNs, double[] expected, List<Variant> variants, java.util.OptionalDouble pot) {
  public TemplateFile {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(file, "file");
    if (energyKeVee.length != expected.length || timeNs.length != expected.length) {
      throw new IllegalArgumentException("energy, time and expected must have one value per row");
    }
    for (Variant v : variants) {
      if (v.up().length != expected.length || v.down().length != expected.length) {
        throw new IllegalArgumentException("variant " + v.name() + " must have one value per row");
      }
    }
    variants = List.copyOf(variants);
    Objects.requireNonNull(pot, "pot");
  }

  /**
   * The factor that takes the file's counts to the templates' exposure: the detector's protons on target in
   * {@code exposure} over {@link #pot}; 1 without a {@code pot} or without an exposure ({@code null}).
   */
  public double factorAt(RunExposure exposure) {
    return exposure == null || pot.isEmpty() ? 1.0 : exposure.protonsOnTarget(detector) / pot.getAsDouble();
  }

  /**
   * One ±1σ shape variant: the expected counts of the same rows at α = +1 and α = −1 (a one-sided variant is
   * mirrored: down = max(0, 2·nominal − up)).
   *
   * @param name nuisance parameter name (variants of the same name in several templates share one parameter)
   * @param up expected per row at +1σ
   * @param down expected per row at −1σ
   * @param source the variant files as configured
   */
  public record Variant(String name, double[] up, double[] down, String source) {
    public Variant {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
    }
  }

  /** Total expected events over all rows. */
  public double total() {
    double s = 0;
    for (double v : expected) {
      s += v;
    }
    return s;
  }
}
