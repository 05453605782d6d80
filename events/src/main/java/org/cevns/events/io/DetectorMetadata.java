package org.cevns.events.io;

/**
 * Key-value metadata keys that detector-level files ({@link SimColumns}) add to the truth keys of
 * {@link TruthMetadata} ({@code docs/design.md}, "Detector-level events"). The values are built by the
 * detector simulation ({@code org.cevns.detsim.sim.SimMetadata}).
 *
 * <ul>
 *   <li>{@value #RESPONSE}: JSON list, per detector, of the response used (quenching per element with
 *       resolved defaults such as Lindhard's k, energy response, detection factors);
 *   <li>{@value #BACKGROUNDS}: JSON list of the background channels (detector, component, period, exposure,
 *       expected events generated before detection);
 *   <li>{@value #WINDOWS}: JSON of the beam windows, or {@code null};
 *   <li>{@value #STAGE}: {@code simulate} or {@code detsim}; {@value #DROP_UNDETECTED}: {@code true} or
 *       {@code false}.
 * </ul>
 */
public final class DetectorMetadata {
  public static final String RESPONSE = "cevns.response";
  public static final String BACKGROUNDS = "cevns.backgrounds";
  public static final String WINDOWS = "cevns.windows";
  public static final String STAGE = "cevns.stage";
  public static final String DROP_UNDETECTED = "cevns.drop_undetected";

  private DetectorMetadata() {}
}
