package org.cevns.analysis.plot;

/**
 * The label every plot carries under its title, so a plot shown alone says what it is: experiment,
 * exposure, that it is a simulation and by which version, and the seed, e.g. {@code "coherent-csi ·
 * 3.2×10²³ POT, 14.6 kg · cevns 0.1.0 simulation · seed 1"}.
 *
 * @param experiment experiment (configuration) name
 * @param exposure exposure with units, e.g. {@code "14.6 kg × 308 d"}; "" to leave out
 * @param version cevns version
 * @param seed the run's random seed
 */
public record Provenance(String experiment, String exposure, String version, long seed) {
  public Provenance {
    Checks.notNull("provenance experiment", experiment);
    Checks.notNull("provenance exposure", exposure);
    Checks.notNull("provenance version", version);
  }

  /** The label text. */
  public String label() {
    String sep = "  \u00b7  ";
    return experiment + (exposure.isEmpty() ? "" : sep + exposure) + sep + "cevns " + version + " simulation"
        + sep + "seed " + seed;
  }
}
