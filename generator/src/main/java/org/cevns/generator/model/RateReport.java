package org.cevns.generator.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cevns.physics.Process;

/**
 * Expected event counts and flux-averaged cross sections of an {@link ExperimentModel}: what {@code cevns
 * rates} prints and what event files carry as metadata.
 *
 * <p>Expected CEvNS counts are inside the detector's nuclear-recoil window ({@code threshold_kevnr},
 * {@code roi_max_kevnr}) when it has one; the counts over all recoils are reported beside them. The
 * flux-averaged cross section of a detector is per target (nucleus for CEvNS, atom for EvES), averaged over
 * its isotopes weighted by their number and over the neutrino fluence of all sources and flavours, over the
 * whole spectrum with no threshold: ⟨σ⟩ = Σ N_i Φ_c σ_ic / (Σ N_i · Σ Φ_c).
 */
public final class RateReport {
  /** Made on first use ({@link #toJsonText}), not by {@code cevns rates}' text output. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private RateReport() {}

  /** Per-detector totals. */
  public record DetectorRates(
      String name,
      Map<Process, Double> expectedInWindow,
      Map<Process, Double> expectedAllRecoils,
      Map<Process, Double> fluxAveragedXsCm2,
      List<Row> rows) {}

  /** Expected counts for one (process, flavour, isotope) of a detector, summed over sources and parents. */
  public record Row(Process process, String flavor, String isotope, double expectedInWindow,
      double expectedAllRecoils) {}

  /**
   * The processes a report lists: CEvNS and EvES always, upscattering when the configuration has a sterile
   * neutrino.
   */
  public static List<Process> shownProcesses(ExperimentModel model) {
    return java.util.Arrays.stream(Process.values())
        .filter(p -> p != Process.UPSCATTER || model.config().physics().processes().contains(p)).toList();
  }

  /**
   * The Standard-Model twin of a model with new physics on (same configuration with every new-physics parameter
   * zero), for side-by-side reports; empty when the configuration is the Standard Model.
   */
  public static java.util.Optional<ExperimentModel> standardModelTwin(ExperimentModel model) {
    var physics = model.config().physics();
    if (physics.newPhysics().isStandardModel()) {
      return java.util.Optional.empty();
    }
    var sm = physics.withNewPhysics(org.cevns.physics.xs.bsm.NewPhysics.NONE);
    return java.util.Optional.of(ExperimentModel.build(model.config().withPhysics(sm)));
  }

  /** Computes the report. */
  public static List<DetectorRates> of(ExperimentModel model) {
    // by index, not indexOf: the record's equals is bootstrapped at its first call (~10 ms of a cold `rates`)
    return java.util.stream.IntStream.range(0, model.detectors().size()).mapToObj(i -> detector(model, i)).toList();
  }

  private static DetectorRates detector(ExperimentModel model, int index) {
    DetectorModel det = model.detectors().get(index);
    Map<Process, Double> inWindow = new LinkedHashMap<>();
    Map<Process, Double> all = new LinkedHashMap<>();
    Map<Process, Double> numerator = new LinkedHashMap<>();
    // the fluence of every source component reaching the detector, whichever processes it has channels of: a
    // process without channels for some flavours (upscattering through a dipole of numu only) has σ = 0 for them
    Map<String, Double> fluenceByComponent = new LinkedHashMap<>();
    Map<String, double[]> rows = new TreeMap<>();
    double targetsPerDetector = 0;
    for (int i = 0; i < det.target().size(); i++) {
      targetsPerDetector += det.massKg() * det.target().nucleiPerKg(i);
    }
    for (Process p : Process.values()) {
      inWindow.put(p, 0.0);
      all.put(p, 0.0);
      numerator.put(p, 0.0);
    }
    for (Channel c : model.channels()) {
      if (c.detectorIndex() != index) {
        continue;
      }
      Process p = c.process();
      inWindow.merge(p, c.expectedEventsInWindow(), Double::sum);
      all.merge(p, c.expectedEvents(), Double::sum);
      numerator.merge(p, c.targets() * c.fluencePerCm2() * c.xsAvgCm2(), Double::sum);
      fluenceByComponent.put(c.exposureIndex() + "/" + c.componentIndex(), c.fluencePerCm2());
      String key = p.ordinal() + "/" + c.component().flavor().ordinal() + "/" + c.isotope().z() + "/"
          + threeDigits(c.isotope().a());
      double[] r = rows.computeIfAbsent(key, k -> new double[2]);
      r[0] += c.expectedEventsInWindow();
      r[1] += c.expectedEvents();
    }
    Map<Process, Double> xs = new LinkedHashMap<>();
    double fluence = fluenceByComponent.values().stream().mapToDouble(Double::doubleValue).sum();
    for (Process p : Process.values()) {
      xs.put(p, fluence > 0 ? numerator.get(p) / (targetsPerDetector * fluence) : 0.0);
    }
    List<Row> rowList = rows.entrySet().stream().map(e -> {
      String[] k = e.getKey().split("/");
      Process p = Process.values()[Integer.parseInt(k[0])];
      String flavor = org.cevns.physics.Flavor.values()[Integer.parseInt(k[1])].columnName();
      int z = Integer.parseInt(k[2]);
      int a = Integer.parseInt(k[3]);
      String iso = org.cevns.physics.nucleus.IsotopeTable.isotope(z, a).label();
      return new Row(p, flavor, iso, e.getValue()[0], e.getValue()[1]);
    }).toList();
    return new DetectorRates(det.name(), inWindow, all, xs, rowList);
  }

  /**
   * {@code String.format(Locale.ROOT, "%03d", a)} without a {@code Formatter} per channel (~3 ms of reference.yaml's
   * main thread, docs/performance-history.md, "refrates3 (thirty-second session)"): the mass number zero-padded to
   * three digits, so that the rows sort by A.
   */
  static String threeDigits(int a) {
    if (a < 0) {
      return String.format(Locale.ROOT, "%03d", a);
    }
    String digits = Integer.toString(a);
    return digits.length() >= 3 ? digits : "000".substring(digits.length()) + digits;
  }

  /** The report as JSON records: {@code {"experiment": ..., "detectors": [...]}}. */
  public static RatesJson toJson(ExperimentModel model, List<DetectorRates> rates) {
    List<RatesJson.Detector> dets = new java.util.ArrayList<>();
    for (int i = 0; i < rates.size(); i++) {
      DetectorRates r = rates.get(i);
      DetectorModel det = model.detectors().get(i);
      List<RatesJson.Row> rows = r.rows().stream().map(row -> new RatesJson.Row(row.process().columnName(),
          row.flavor(), row.isotope(), row.expectedInWindow(), row.expectedAllRecoils())).toList();
      List<RatesJson.Exposure> exposures = new java.util.ArrayList<>();
      for (SourceExposure e : model.exposures()) {
        if (e.detectorIndex() == i) {
          exposures.add(new RatesJson.Exposure(e.sourceName(), e.period(), e.exposure(),
              e.exposureUnit() == org.cevns.physics.source.ExposureUnit.PROTON_ON_TARGET ? "protons_on_target"
                  : "live_seconds", e.liveSeconds(), Double.isFinite(e.distanceM()) ? e.distanceM() : null));
        }
      }
      dets.add(new RatesJson.Detector(r.name(), det.massKg(), det.thresholdKeVnr(),
          Double.isFinite(det.roiMaxKeVnr()) ? det.roiMaxKeVnr() : null, byProcess(model, r.expectedInWindow()),
          byProcess(model, r.expectedAllRecoils()), byProcess(model, r.fluxAveragedXsCm2()), rows, exposures, null,
          null));
    }
    return new RatesJson(model.config().name(), List.copyOf(dets), null);
  }

  /** Values of the shown processes by column name, in {@link #shownProcesses} order. */
  private static Map<String, Double> byProcess(ExperimentModel model, Map<Process, Double> values) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Process p : shownProcesses(model)) {
      out.put(p.columnName(), values.get(p));
    }
    return out;
  }

  /**
   * The report of a new-physics model with the Standard-Model twin's counts: per detector
   * {@code "standard_model": {"expected_events": {...}, "expected_events_all_recoils": {...}}} and, at the top,
   * {@code "new_physics": {scan name: value}}.
   */
  public static RatesJson withStandardModel(RatesJson report, ExperimentModel model, List<DetectorRates> smRates) {
    List<RatesJson.Detector> dets = new java.util.ArrayList<>();
    for (int i = 0; i < smRates.size(); i++) {
      DetectorRates sm = smRates.get(i);
      dets.add(report.detectors().get(i).with(new RatesJson.StandardModel(byProcess(model, sm.expectedInWindow()),
          byProcess(model, sm.expectedAllRecoils())), report.detectors().get(i).detected()));
    }
    return report.with(dets, model.config().physics().newPhysics().nonZeroParameters());
  }

  /** Pretty-printed JSON text of {@link #toJson}. */
  public static String toJsonText(ExperimentModel model, List<DetectorRates> rates) {
    try {
      return Json.MAPPER.writeValueAsString(toJson(model, rates));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
