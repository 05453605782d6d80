package org.cevns.analysis.plot;

/**
 * The label every plot carries under its title, so a plot shown alone says what it is: experiment,
 * exposure, whether its data are a simulation or measured, by which version, and the seed, e.g. {@code
 * "coherent-csi · 3.2×10²³ POT, 14.6 kg · cevns 0.1.0 simulation · seed 1"}, or for measured data {@code
 * "coherent-csi · 14.6 kg, 3.19e23 POT · measured data · cevns 0.1.0 templates, seed 1"}.
 *
 * @param experiment experiment (configuration) name
 * @param exposure exposure with units, e.g. {@code "14.6 kg × 308 d"}; "" to leave out
 * @param version cevns version
 * @param seed the run's random seed (for measured data: that of the template simulation)
 * @param measured whether the plotted data are measured ({@code cevns import}), not simulated
 */
public record Provenance(String experiment, String exposure, String version, long seed, boolean measured) {
  /** The label of a simulation. */
  public Provenance(String experiment, String exposure, String version, long seed) {
    this(experiment, exposure, version, seed, false);
  }

  public Provenance {
    Checks.notNull("provenance experiment", experiment);
    Checks.notNull("provenance exposure", exposure);
    Checks.notNull("provenance version", version);
  }

  /** The label text. */
  public String label() {
    String sep = "  \u00b7  ";
    String head = experiment + (exposure.isEmpty() ? "" : sep + exposure) + sep;
    return measured ? head + "measured data" + sep + "cevns " + version + " templates, seed " + seed
        : head + "cevns " + version + " simulation" + sep + "seed " + seed;
  }
}
