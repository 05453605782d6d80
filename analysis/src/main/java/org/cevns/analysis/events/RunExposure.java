package org.cevns.analysis.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.SourceExposure;
import org.cevns.physics.source.ExposureUnit;

/**
 * The exposure behind a set of events, per detector: its mass and, per (source, period), the exposure (POT or
 * live seconds) and live seconds (beam time for pulsed sources). Read from the {@code cevns.exposure} metadata
 * of event files ({@link #fromJson}) or taken from the model ({@link #of(ExperimentModel)}); runs add up
 * ({@link #plus}). Immutable.
 */
public final class RunExposure {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One source and period seen by a detector.
   *
   * @param source source name
   * @param period period name
   * @param exposure exposure in {@code unit}
   * @param unit {@code protons_on_target} or {@code live_seconds}
   * @param liveSeconds live seconds (beam seconds for pulsed sources)
   */
  public record Entry(String source, String period, double exposure, String unit, double liveSeconds) {
    Entry plus(Entry o) {
      return new Entry(source, period, exposure + o.exposure, unit, liveSeconds + o.liveSeconds);
    }
  }

  /** Unit name of proton-on-target exposures. */
  public static final String POT = "protons_on_target";

  private final Map<String, Double> massKg;
  private final Map<String, List<Entry>> entries;

  private RunExposure(Map<String, Double> massKg, Map<String, List<Entry>> entries) {
    this.massKg = Collections.unmodifiableMap(new LinkedHashMap<>(massKg));
    Map<String, List<Entry>> e = new LinkedHashMap<>();
    entries.forEach((k, v) -> e.put(k, List.copyOf(v)));
    this.entries = Collections.unmodifiableMap(e);
  }

  /** Parses the {@code cevns.exposure} metadata JSON (a list of {detector, mass_kg, exposures: [...]}). */
  public static RunExposure fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cevns.exposure is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("cevns.exposure must be a JSON list, got " + json);
    }
    Map<String, Double> mass = new LinkedHashMap<>();
    Map<String, List<Entry>> entries = new LinkedHashMap<>();
    for (JsonNode d : root) {
      String name = d.path("detector").asText(null);
      if (name == null || !d.path("mass_kg").isNumber()) {
        throw new IllegalArgumentException("cevns.exposure entries need detector and mass_kg, got " + d);
      }
      mass.put(name, d.get("mass_kg").doubleValue());
      List<Entry> list = new ArrayList<>();
      for (JsonNode e : d.path("exposures")) {
        list.add(new Entry(e.path("source").asText(), e.path("period").asText(), e.path("exposure").asDouble(),
            e.path("exposure_unit").asText(), e.path("live_seconds").asDouble()));
      }
      entries.put(name, list);
    }
    return new RunExposure(mass, entries);
  }

  /** The configured exposure of a model. */
  public static RunExposure of(ExperimentModel model) {
    Map<String, Double> mass = new LinkedHashMap<>();
    Map<String, List<Entry>> entries = new LinkedHashMap<>();
    model.detectors().forEach(d -> {
      mass.put(d.name(), d.massKg());
      entries.put(d.name(), new ArrayList<>());
    });
    for (SourceExposure e : model.exposures()) {
      String det = model.detectors().get(e.detectorIndex()).name();
      entries.get(det).add(new Entry(e.sourceName(), e.period(), e.exposure(),
          e.exposureUnit() == ExposureUnit.PROTON_ON_TARGET ? POT : "live_seconds", e.liveSeconds()));
    }
    return new RunExposure(mass, entries);
  }

  /** The exposure of two independent runs together (entries with the same detector, source and period add). */
  public RunExposure plus(RunExposure o) {
    Map<String, Double> mass = new LinkedHashMap<>(massKg);
    Map<String, List<Entry>> out = new LinkedHashMap<>();
    entries.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
    o.entries.forEach((det, list) -> {
      Double m = mass.putIfAbsent(det, o.massKg.get(det));
      if (m != null && Math.abs(m - o.massKg.get(det)) > 1e-9 * m) {
        throw new IllegalArgumentException("detector " + det + " has mass " + m + " kg in one run and "
            + o.massKg.get(det) + " kg in another");
      }
      List<Entry> mine = out.computeIfAbsent(det, x -> new ArrayList<>());
      for (Entry e : list) {
        int j = indexOf(mine, e.source(), e.period());
        if (j < 0) {
          mine.add(e);
        } else {
          mine.set(j, mine.get(j).plus(e));
        }
      }
    });
    return new RunExposure(mass, out);
  }

  private static int indexOf(List<Entry> list, String source, String period) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).source().equals(source) && list.get(i).period().equals(period)) {
        return i;
      }
    }
    return -1;
  }

  /** Detectors, in order. */
  public Set<String> detectors() {
    return massKg.keySet();
  }

  /** Mass of {@code detector} in kg. */
  public double massKg(String detector) {
    Double m = massKg.get(detector);
    if (m == null) {
      throw new IllegalArgumentException("no exposure for detector '" + detector + "'; detectors are "
          + massKg.keySet());
    }
    return m;
  }

  /** The entries of {@code detector}. */
  public List<Entry> entries(String detector) {
    massKg(detector);
    return entries.get(detector);
  }

  /**
   * Live seconds of {@code period} for {@code detector}: the largest over the sources of that period (sources
   * seen in the same period share the detector's live time); 0 if the detector has no such period.
   */
  public double liveSeconds(String detector, String period) {
    double s = 0;
    for (Entry e : entries(detector)) {
      if (e.period().equals(period)) {
        s = Math.max(s, e.liveSeconds());
      }
    }
    return s;
  }

  /** Protons on target summed over the pulsed sources of {@code detector}. */
  public double protonsOnTarget(String detector) {
    double s = 0;
    for (Entry e : entries(detector)) {
      if (POT.equals(e.unit())) {
        s += e.exposure();
      }
    }
    return s;
  }

  /** Live time of (detector, period) here divided by that in {@code o} (NaN if {@code o} has none). */
  public double ratio(String detector, String period, RunExposure o) {
    double b = o.liveSeconds(detector, period);
    return b > 0 ? liveSeconds(detector, period) / b : Double.NaN;
  }

  @Override
  public String toString() {
    return "RunExposure" + entries;
  }
}
