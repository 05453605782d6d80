package org.cevns.generator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a {@link RateReport} ({@code cevns rates --json} and the {@code cevns.expected_events} metadata of
 * event files), as records written by Jackson in declaration order. Absent optional parts ({@code null}) are left
 * out; {@code roi_max_kevnr} is written as {@code null} when the detector has no upper end.
 *
 * @param experiment configuration name
 * @param detectors per detector
 * @param newPhysics non-zero new-physics parameters by scan name (new-physics reports only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RatesJson(
    @JsonProperty("experiment") String experiment,
    @JsonProperty("detectors") List<Detector> detectors,
    @JsonProperty("new_physics") Map<String, Double> newPhysics) {

  /**
   * One detector.
   *
   * @param name detector name
   * @param massKg target mass (kg)
   * @param thresholdKeVnr recoil threshold (keVnr)
   * @param roiMaxKeVnr upper end of the recoil window (keVnr), null when open
   * @param expectedEvents expected events in the recoil window, by process column name
   * @param expectedEventsAllRecoils expected events over all recoils
   * @param fluxAveragedXsCm2 flux-averaged cross section per target (cm²)
   * @param rows per (process, flavour, isotope)
   * @param exposures per source exposure
   * @param standardModel the Standard-Model twin's counts (new-physics reports only)
   * @param detected expected detected events per period, window and component ({@code cevns rates} only)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Detector(
      @JsonProperty("name") String name,
      @JsonProperty("mass_kg") double massKg,
      @JsonProperty("threshold_kevnr") double thresholdKeVnr,
      @JsonProperty("roi_max_kevnr") @JsonInclude(JsonInclude.Include.ALWAYS) Double roiMaxKeVnr,
      @JsonProperty("expected_events") Map<String, Double> expectedEvents,
      @JsonProperty("expected_events_all_recoils") Map<String, Double> expectedEventsAllRecoils,
      @JsonProperty("flux_averaged_xs_cm2") Map<String, Double> fluxAveragedXsCm2,
      @JsonProperty("by_process_flavor_isotope") List<Row> rows,
      @JsonProperty("exposures") List<Exposure> exposures,
      @JsonProperty("standard_model") StandardModel standardModel,
      @JsonProperty("detected") List<Detected> detected) {
    /** This detector with the Standard-Model twin's counts and the detected events (either may be null). */
    public Detector with(StandardModel sm, List<Detected> det) {
      return new Detector(name, massKg, thresholdKeVnr, roiMaxKeVnr, expectedEvents, expectedEventsAllRecoils,
          fluxAveragedXsCm2, rows, exposures, sm, det);
    }
  }

  /** Expected counts of one (process, flavour, isotope). */
  public record Row(
      @JsonProperty("process") String process,
      @JsonProperty("flavor") String flavor,
      @JsonProperty("isotope") String isotope,
      @JsonProperty("expected_events") double expectedEvents,
      @JsonProperty("expected_events_all_recoils") double expectedEventsAllRecoils) {}

  /** One source exposure of a detector; {@code distance_m} left out when not finite. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Exposure(
      @JsonProperty("source") String source,
      @JsonProperty("period") String period,
      @JsonProperty("exposure") double exposure,
      @JsonProperty("exposure_unit") String exposureUnit,
      @JsonProperty("live_seconds") double liveSeconds,
      @JsonProperty("distance_m") Double distanceM) {}

  /** The Standard-Model twin's counts of a detector. */
  public record StandardModel(
      @JsonProperty("expected_events") Map<String, Double> expectedEvents,
      @JsonProperty("expected_events_all_recoils") Map<String, Double> expectedEventsAllRecoils) {}

  /** Expected detected events of one period, beam window, component and process (null for backgrounds). */
  public record Detected(
      @JsonProperty("period") String period,
      @JsonProperty("beam_window") String beamWindow,
      @JsonProperty("component") String component,
      @JsonProperty("process") @JsonInclude(JsonInclude.Include.ALWAYS) String process,
      @JsonProperty("expected_detected") double expectedDetected,
      @JsonProperty("expected_generated") double expectedGenerated) {}

  /** This report with per-detector replacements (same order) and the new-physics parameters. */
  public RatesJson with(List<Detector> newDetectors, Map<String, Double> np) {
    return new RatesJson(experiment, List.copyOf(newDetectors), np);
  }
}
