package org.cevns.detsim.sim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.RecoilFloors;
import org.cevns.physics.Process;
import org.cevns.physics.constants.Units;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Recoil floors of the CEvNS channels of a template simulation, per detector and struck element, derived from the
 * detector response, with a proven bound on the detected events they leave out.
 *
 * <p><b>Floor.</b> For detector d let η_d be the smallest detection efficiency of its CEvNS signal, detected over
 * generated events of one (period, window) key of {@link ExpectedDetected}, over every response variant given (the
 * nominal response and those the fit re-folds the templates with). With δ_d = ε η_d, the floor T_f of element Z is
 * the largest node T_k of a log grid ({@value #NODES_PER_DECADE} nodes per decade from {@value #LOWEST_KEVNR} keVnr
 * up to the element's largest recoil) such that the detection probability {@link DetectionCurve#exact}(E_vis(T_j)),
 * the response's quenching, resolution or photoelectron statistics and every efficiency included, is at most δ_d at
 * every node j ≤ k of every variant; none (0) when already the lowest node exceeds δ_d.
 *
 * <p><b>Bound.</b> E_vis(T) is strictly increasing ({@link org.cevns.detsim.quench.Quenching}) and the detection
 * probability non-decreasing in E_vis for efficiencies non-decreasing in energy or PE (the Poisson, Gamma and
 * Gaussian families are stochastically increasing in their mean); so every recoil below T_f is detected with a
 * probability of at most P_max, the largest value at the grid nodes below it (≤ δ_d). The events a key loses are
 * then at most P_max Σ_c N_c w_c F_c ≤ P_max F_max G (N_c a channel's events over all recoils, w_c its share in the
 * key, F_c its fraction of recoils below the floor, G the key's generated events), a fraction at most
 * P_max F_max / η_d ≤ ε F_max of its detected events D = η G. A time efficiency keeps fewer detected events than
 * generated ones and only strengthens it. Reported as {@link Detector#bound}; {@link Detector#estimate} is the
 * fraction itself for the nominal response (Simpson's rule of ExpectedDetected over the nodes below the floor).
 */
public final class DetectionFloors {
  /** Recoil nodes per decade of the scan. */
  static final int NODES_PER_DECADE = 64;
  /** Lowest recoil of the scan, keVnr (below the default {@code physics.recoil_floor_kev} of 10 eV). */
  static final double LOWEST_KEVNR = 1e-4;

  private DetectionFloors() {}

  /** A configuration to cover: its model (channels), detsim sections (responses) and background channels. */
  public record Variant(ExperimentModel model, DetsimConfig config, BackgroundChannels backgrounds) {}

  /**
   * The floor of one element of one detector.
   *
   * @param detectorIndex the detector
   * @param z the struck element
   * @param label the element's symbol
   * @param floorKeVnr the floor, 0 for none
   * @param maxDetectionProbability P_max: the largest detection probability at the scan's nodes up to the floor
   */
  public record Floor(int detectorIndex, int z, String label, double floorKeVnr, double maxDetectionProbability) {}

  /**
   * One detector's floors in numbers.
   *
   * @param detectorIndex the detector
   * @param minEfficiency η_d (0 when the detector detects no CEvNS: then no floor)
   * @param maxFractionBelow F_max, the largest fraction of a channel's recoils below its floor
   * @param bound P_max F_max / η_d: the largest fraction of a key's detected CEvNS events left out
   * @param estimate the detected CEvNS events left out over those detected, nominal response, all keys
   * @param expectedAll CEvNS events over all recoils
   * @param expectedAbove CEvNS events above the floors
   */
  public record Detector(int detectorIndex, double minEfficiency, double maxFractionBelow, double bound,
      double estimate, double expectedAll, double expectedAbove) {}

  /**
   * The floors and their numbers.
   *
   * @param recoilFloors the floors for the generator: CEvNS channels only ({@link RecoilFloors#remembering}: each
   *     window's expectation computed once, for the derivation's numbers and the template simulation alike)
   */
  public record Result(List<Floor> floors, List<Detector> detectors, RecoilFloors recoilFloors) {
    /** The largest {@link Detector#bound} (0 without detectors). */
    public double maxBound() {
      return detectors.stream().mapToDouble(Detector::bound).max().orElse(0);
    }
  }

  /** The generator's floors of {@code floors}: CEvNS channels only, by detector and element. */
  static RecoilFloors recoilFloors(List<Floor> floors) {
    Map<String, Double> m = new LinkedHashMap<>();
    floors.forEach(f -> m.put(f.detectorIndex() + "/" + f.z(), f.floorKeVnr() / Units.KEV_PER_MEV));
    return RecoilFloors.remembering(c -> c.process() != Process.CEVNS ? 0.0
        : m.getOrDefault(c.detectorIndex() + "/" + c.isotope().z(), 0.0));
  }

  /**
   * The floors covering every variant (the first is the nominal one; all share the detectors and channels).
   *
   * @param epsilon ε, the largest fraction of detected CEvNS events left out, in (0, 1)
   */
  public static Result of(List<Variant> variants, double epsilon) {
    if (!(epsilon > 0 && epsilon < 1)) {
      throw new IllegalArgumentException("epsilon must be in (0, 1), got " + epsilon);
    }
    Variant nominal = variants.get(0);
    ExperimentModel model = nominal.model();
    int detectors = model.detectors().size();
    double[] eta = new double[detectors];
    java.util.Arrays.fill(eta, Double.POSITIVE_INFINITY);
    double[] detected = new double[detectors];
    for (int v = 0; v < variants.size(); v++) {
      Variant x = variants.get(v);
      for (ExpectedDetected.Entry e : ExpectedDetected.of(x.model(), x.config(), x.backgrounds())) {
        if (e.process() == Process.CEVNS && e.generated() > 0 && e.expected() > 0) {
          eta[e.detectorIndex()] = Math.min(eta[e.detectorIndex()], e.expected() / e.generated());
          detected[e.detectorIndex()] += v == 0 ? e.expected() : 0;
        }
      }
    }
    List<Floor> floors = new ArrayList<>();
    for (int d = 0; d < detectors; d++) {
      boolean detects = Double.isFinite(eta[d]);
      Map<Integer, Floor> byZ = new LinkedHashMap<>();
      for (Channel c : model.channels()) {
        int z = c.isotope().z();
        if (c.detectorIndex() == d && c.process() == Process.CEVNS && c.expectedEvents() > 0 && !byZ.containsKey(z)) {
          byZ.put(z, detects ? scan(variants, d, z, topKeVnr(model, d, z), epsilon * eta[d])
              : new Floor(d, z, "", 0, 0));
        }
      }
      for (Floor f : byZ.values()) {
        floors.add(new Floor(d, f.z(), symbolOf(model, d, f.z()), f.floorKeVnr(), f.maxDetectionProbability()));
      }
    }
    RecoilFloors rf = recoilFloors(floors);
    Map<EnergySpectrum, Map<RecoilCrossSection, RecoilTable>> tables = new IdentityHashMap<>();
    List<Detector> out = new ArrayList<>();
    for (int d = 0; d < detectors; d++) {
      int detector = d;
      List<Floor> mine = floors.stream().filter(f -> f.detectorIndex() == detector).toList();
      out.add(report(nominal, d, mine, rf, tables, Double.isFinite(eta[d]) ? eta[d] : 0, detected[d]));
    }
    return new Result(List.copyOf(floors), List.copyOf(out), rf);
  }

  /** The largest CEvNS recoil of element z in detector d, keVnr. */
  private static double topKeVnr(ExperimentModel model, int d, int z) {
    double top = 0;
    for (Channel c : model.channels()) {
      if (c.detectorIndex() == d && c.process() == Process.CEVNS && c.isotope().z() == z) {
        top = Math.max(top, c.xs().maxRecoilMeV(c.component().spectrum().maxEnergyMeV()) * Units.KEV_PER_MEV);
      }
    }
    return top;
  }

  /** The floor of element z: the scan of the class comment at limit δ. */
  static Floor scan(List<Variant> variants, int d, int z, double topKeVnr, double limit) {
    List<DetectorResponse> responses = new ArrayList<>();
    List<DetectionCurve> curves = new ArrayList<>();
    for (Variant v : variants) {
      responses.add(v.config().response(d));
      curves.add(new DetectionCurve(v.config().response(d)));
    }
    double floor = 0;
    double pMax = 0;
    for (int j = 0; ; j++) {
      double t = Math.min(topKeVnr, LOWEST_KEVNR * Math.pow(10, (double) j / NODES_PER_DECADE));
      double p = 0;
      for (int v = 0; v < responses.size(); v++) {
        p = Math.max(p, curves.get(v).exact(responses.get(v).signalVisibleKeVee(Process.CEVNS, z, t)));
      }
      if (!(p <= limit)) {
        break;
      }
      floor = t;
      pMax = Math.max(pMax, p);
      if (t >= topKeVnr) {
        break;
      }
    }
    return new Floor(d, z, "", floor, pMax);
  }

  /**
   * @param tables the recoil tables computed so far, by spectrum and cross section (identity): one per isotope and
   *     flavour, shared by the detectors that hold it
   */
  private static Detector report(Variant nominal, int d, List<Floor> floors, RecoilFloors rf,
      Map<EnergySpectrum, Map<RecoilCrossSection, RecoilTable>> tables, double eta, double detected) {
    double pMax = 0;
    for (Floor f : floors) {
      pMax = Math.max(pMax, f.maxDetectionProbability());
    }
    DetectorResponse r = nominal.config().response(d);
    DetectionCurve curve = new DetectionCurve(r);
    double all = 0;
    double above = 0;
    double fMax = 0;
    double left = 0;
    for (Channel c : nominal.model().channels()) {
      if (c.detectorIndex() != d || c.process() != Process.CEVNS || !(c.expectedEvents() > 0)) {
        continue;
      }
      double n = c.expectedEvents();
      double a = rf.expectedEvents(c);
      all += n;
      above += a;
      fMax = Math.max(fMax, 1 - a / n);
      if (rf.raises(c)) {
        RecoilTable table = tables.computeIfAbsent(c.component().spectrum(), k -> new IdentityHashMap<>())
            .computeIfAbsent(c.xs(), k -> RecoilTable.of(c));
        left += n * leftOutFraction(table, c, r, curve, rf.minRecoilMeV(c));
      }
    }
    double bound = eta > 0 ? pMax * fMax / eta : 0;
    return new Detector(d, eta, fMax, bound, detected > 0 ? left / detected : 0, all, above);
  }

  /** ∫ g P dT below the floor over ∫ g dT ({@link RecoilTable#average}, as ExpectedDetected's detected fraction). */
  private static double leftOutFraction(RecoilTable table, Channel c, DetectorResponse r, DetectionCurve curve,
      double floorMeV) {
    double[] t = table.recoilMeV();
    return table.average(j -> t[j] < floorMeV
        ? curve.exact(r.signalVisibleKeVee(Process.CEVNS, c.isotope().z(), t[j] * Units.KEV_PER_MEV)) : 0);
  }

  private static String symbolOf(ExperimentModel model, int d, int z) {
    for (Channel c : model.channels()) {
      if (c.detectorIndex() == d && c.isotope().z() == z) {
        return c.isotope().label().replaceAll("[0-9]", "");
      }
    }
    return "Z" + z;
  }
}
