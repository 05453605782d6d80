package org.cevns.detsim.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.DoubleUnaryOperator;
import org.cevns.detsim.background.BackgroundSpectrum;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.events.block.WindowKind;
import org.cevns.physics.Process;
import org.cevns.physics.constants.Units;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.SourceExposure;
import org.cevns.generator.model.SpectrumIds;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.detsim.efficiency.WindowTimeEfficiency;
import org.cevns.events.block.SimBlock;

/**
 * Expected numbers of <b>detected</b> events per detector, period, beam window and component, computed by
 * numerical integration (not by sampling), for {@code cevns rates} and as the reference of the simulation
 * tests:
 *
 * <pre>
 *   signal channel c:     N_c · ∫ g_c(T) P_d(E_vis(T)) dT / ∫ g_c(T) dT · P_c(window)
 *   background channel b: N_b · ∫ f_b(E) P_d(E_vis(E)) dE · P_b(window)
 * </pre>
 *
 * with N the expected events (all recoils), g_c(T) = ∫ φ(E) dσ/dT(E, T) dE the flux-averaged recoil spectrum,
 * f_b the background's normalised spectrum, E_vis the quenched energy as in the simulation, P_d the detection
 * probability of {@link DetectionCurve}, and P(window) from the time profile's CDF over the window (signal:
 * the source component's profile; background: the component's profile in its frame). Time and energy are
 * independent in every channel, as in the generator. With a detector's time efficiency ε(t − t_window) (the
 * {@code response.time_efficiency} of {@link WindowTimeEfficiency}, applied to detected events of the coincidence and
 * anticoincidence windows as the simulation does) the detected count of a window is N · P_d · ∫ ε dF over it instead
 * of N · P_d · P(window) ({@link WindowTimeEfficiency#keptFraction}).
 *
 * <p>Numerics: the T integral is Simpson's rule on {@value #RECOIL_NODES} intervals ({@value #EVES_RECOIL_NODES}
 * for EvES) uniform in ln T over
 * [10⁻⁸ T_max, T_max]; g_c(T) is composite 16-point Gauss–Legendre over E from max(E_min, E_min(T)), split
 * at the spectrum's breakpoints (2 panels each; {@value #MANY_BREAKPOINT_PANELS} equal panels when there are more than
 * {@value #MAX_BREAKPOINTS}); for EvES on a tabulated spectrum (solar, ⁸B, spectrum files) g_c(T) is instead exact from
 * the spectrum's running moments ({@link SpectrumMoments}: dσ/dT is a polynomial in 1/E at fixed T). Background
 * spectra: midpoint rule with CDF weights on {@value #ENERGY_BINS} equal bins (exponential tails cut where
 * 1 − F &lt; 10⁻¹²). Relative accuracy about 10⁻³ or better, far inside the statistical precision of any simulated
 * sample. With the ideal energy response P steps (a hard threshold,
 * an efficiency table's knots): the Simpson panels holding such a step, mapped to T, or an EvES binding energy (where g
 * steps) are integrated piecewise between the steps ({@link RecoilSteps}); before, a hard threshold of an ideal
 * response missed the exact window count by up to 4 % (walkedge, twenty-eighth session; {@code DetectedStepsTest}).
 */
public final class ExpectedDetected {
  static final int RECOIL_NODES = 400;
  /**
   * Intervals of the T integral of EvES channels: g(T) steps at every binding energy and spans 8 decades below an MeV
   * T_max, so 400 missed the detected ⁷Be EvES on xenon in 1–10 keV by −2.6 % (sharp window end) and +0.9 % (ramp
   * over 10–10.5 keV); 2000 give −1.0e-4 and −2e-5 (EvesDetectedWindowTest; docs/physics.md, walkeves section).
   */
  static final int EVES_RECOIL_NODES = 2000;
  static final int MAX_BREAKPOINTS = 32;
  /**
   * Equal panels of 16-point Gauss–Legendre for g(T) when a spectrum has more than {@value #MAX_BREAKPOINTS}
   * breakpoints (the solar ⁸B table). Against 64 panels, 16 change the expected detected events of xenonnt-b8 by
   * at most 3e-8 and of pandax4t-b8 by 1.5e-7 relative (every other shipped config's spectra have fewer
   * breakpoints and are unchanged; measured 2026-12-03), far below the T integral's own error (~1e-4, from 400 to
   * 1600 intervals) and the 4 significant digits `cevns rates` prints, at a quarter of the cost. Now CEvNS only (and
   * EvES on a spectrum that is not tabulated): EvES on the ⁸B and solar tables uses their exact moments, against which
   * these 16 panels were off by up to 3e-6 at single recoils (docs/performance-history.md, "evesmoments").
   */
  static final int MANY_BREAKPOINT_PANELS = 16;
  static final int ENERGY_BINS = 800;
  /** The lowest recoil node as a fraction of T_max. */
  static final double RECOIL_RANGE = 1e-8;

  /**
   * Expected detected events of one (detector, period, window, component[, process]).
   *
   * @param detectorIndex detector index
   * @param period period name
   * @param window beam window ({@code none} for steady sources or without windows)
   * @param component {@code signal} or a background name
   * @param process CEvNS or EvES for signal, null for backgrounds
   * @param expected expected detected events
   * @param generated expected events before detection (all recoils or the whole background spectrum) in this
   *     window
   */
  public record Entry(int detectorIndex, String period, WindowKind window, String component, Process process,
      double expected, double generated) {}

  private record Key(int detector, int period, int window, int component, int process) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Integer.compare(detector, o.detector);
      c = c != 0 ? c : Integer.compare(period, o.period);
      c = c != 0 ? c : Integer.compare(window, o.window);
      c = c != 0 ? c : Integer.compare(component, o.component);
      return c != 0 ? c : Integer.compare(process, o.process);
    }
  }

  private ExpectedDetected() {}

  /**
   * The table for every detector that has a response, sorted by detector, period (dictionary order), window
   * (coincidence, anticoincidence, none), component (signal first) and process.
   */
  public static List<Entry> of(ExperimentModel model, DetsimConfig config, BackgroundChannels backgrounds) {
    List<String> periods = model.dictionary().periods();
    // detectors with the same response object (DetsimConfig.of shares it between detectors configured alike) share
    // one curve, and their channels one detected fraction (the same numbers: P and E_vis depend on the response only)
    DetectionCurve[] curves = new DetectionCurve[model.detectors().size()];
    int[] group = new int[curves.length];
    Map<DetectorResponse, Integer> firstWith = new java.util.IdentityHashMap<>();
    for (int d = 0; d < curves.length; d++) {
      var r = config.responses().get(d);
      group[d] = r.isPresent() ? firstWith.computeIfAbsent(r.get(), x -> firstWith.size()) : -1;
    }
    for (int d = 0; d < curves.length; d++) {
      int first = firstDetector(group, d);
      curves[d] = group[d] < 0 ? null : first < d ? curves[first] : new DetectionCurve(config.response(d));
    }
    // periods whose events are classified into beam windows: pulsed ones, when there are windows (without them
    // every event is in none, and no coincidence/anticoincidence entries of 0 are reported)
    boolean[] pulsed = new boolean[periods.size()];
    for (SourceExposure e : model.exposures()) {
      if (e.source().isPresent() && e.source().get().pulsed() && config.windows().isPresent()) {
        pulsed[periods.indexOf(e.period())] = true;
      }
    }
    Map<Key, double[]> sums = new TreeMap<>();
    // window fractions by time profile (channels of one source component share it): the CDFs, and with a time
    // efficiency its integrals, are computed once per profile, offset and efficiency; independent of everything
    // else here, so computed on all cores beside the g(T) tables (a failure there is left for the loops below to
    // throw where they throw it)
    Map<WindowFractions.Key, double[][]> memo = new java.util.concurrent.ConcurrentHashMap<>();
    List<Runnable> windowTasks = new ArrayList<>();
    for (WindowFractions.Key k : profileKeys(model, config, backgrounds, curves, pulsed)) {
      windowTasks.add(() -> memo.put(k, k.fractions(config)));
    }
    Map<String, Double> fractions = new java.util.concurrent.ConcurrentHashMap<>();
    // g(T) depends on the source component's spectrum and the cross section only, which are the same for every
    // detector (the model's channel builder shares its flux averages on the same key): one table per distinct
    // (spectrum, cross-section values) — the isotopes of one element share their EvES cross section, so their EvES
    // tables too, and ν_μ and ν_τ their ⁸B CEvNS tables — then each detector's fraction from it (same numbers)
    Map<Channel, String> recoilKeys = recoilKeys(model);
    // the signal integrals are independent of each other and dominate: computed in parallel (same numbers)
    Map<String, Channel> distinct = new java.util.LinkedHashMap<>();
    for (Channel c : model.channels()) {
      if (curves[c.detectorIndex()] != null && c.expectedEvents() > 0) {
        distinct.putIfAbsent(signalKey(recoilKeys, group, c), c);
      }
    }
    Map<String, Channel> spectra = new java.util.LinkedHashMap<>();
    distinct.values().forEach(c -> spectra.putIfAbsent(recoilKeys.get(c), c));
    Map<String, RecoilTable> tables = new java.util.concurrent.ConcurrentHashMap<>();
    // (the EvES tables of one spectrum on several elements in one task: EvesTableGroup, the same tables)
    List<Runnable> tableTasks = EvesTableGroup.tasks(spectra, tables);
    List<Runnable> all = new ArrayList<>(tableTasks);
    windowTasks.forEach(t -> all.add(() -> {
      try {
        t.run();
      } catch (RuntimeException e) {
        return; // thrown again by the loops below, where the sequential code threw it
      }
    }));
    AllCores.run(all);
    // the visible energy at each node of each distinct channel's table, once (signalFraction reads the same array),
    // and the detection curve's grid cells these energies fall in, both on all cores: the main thread only merges the
    // cells per curve (before, it collected every visible energy of every channel and took its logarithm alone: ~30 %
    // of the samples of ExpectedDetected in reference.yaml, refrates, thirtieth session)
    Map<String, double[]> visible = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, java.util.BitSet> cells = new java.util.concurrent.ConcurrentHashMap<>();
    onAllCores(distinct, (key, c) -> {
      double[] v = signalVisibleKeVee(c, tables.get(recoilKeys.get(c)), config.response(c.detectorIndex()));
      cells.put(key, curves[c.detectorIndex()].cellsOf(v));
      visible.put(key, v);
    });
    // the detection probabilities these fractions read are computed on all cores first (the same numbers); after
    // that the curves only read their memo at these energies, so the fractions are computed on all cores too
    Map<Integer, java.util.BitSet> merged = new TreeMap<>();
    distinct.forEach((key, c) -> merged.computeIfAbsent(firstDetector(group, c.detectorIndex()),
        d -> new java.util.BitSet()).or(cells.get(key)));
    List<DetectionCurve.Prefill> fills = new ArrayList<>();
    merged.forEach((d, m) -> fills.add(curves[d].prefillOf(m)));
    List<Runnable> nodeTasks = new ArrayList<>();
    fills.forEach(f -> nodeTasks.addAll(f.tasks()));
    AllCores.run(nodeTasks); // the nodes of all curves in one run
    fills.forEach(DetectionCurve.Prefill::commit);
    // g(T) off the tables' nodes (the step pieces of stepwise curves) per table key, each T computed once for all the
    // channels and detectors that read it: detectors with the same efficiency knots and quenching (the runs of
    // configs/xenonnt-b8.yaml) read g at the same T (the same doubles)
    Map<String, DoubleUnaryOperator> densities = new java.util.concurrent.ConcurrentHashMap<>();
    onAllCores(distinct, (key, c) -> fractions.put(key, signalFraction(c, tables.get(recoilKeys.get(c)),
        visible.get(key), curves[c.detectorIndex()], config.response(c.detectorIndex()),
        () -> densities.computeIfAbsent(recoilKeys.get(c), k -> RecoilTable.memoized(RecoilTable.densityOf(c))))));
    for (Channel c : model.channels()) {
      int d = c.detectorIndex();
      if (curves[d] == null || !(c.expectedEvents() > 0)) {
        continue;
      }
      double frac = fractions.get(signalKey(recoilKeys, group, c));
      int p = periods.indexOf(model.exposures().get(c.exposureIndex()).period());
      double[][] wk = memo.computeIfAbsent(profileKey(model, config, pulsed, c), k -> k.fractions(config));
      add(sums, d, p, wk, pulsed[p], SimBlock.SIGNAL, c.process().ordinal(), c.expectedEvents(), frac);
    }
    for (BackgroundChannel b : backgrounds.channels()) {
      int d = b.detectorIndex();
      String key = d + "/" + b.spec().keyPath();
      double frac = fractions.computeIfAbsent(key, k -> backgroundFraction(b, config.response(d), curves[d]));
      boolean windowed = pulsed[b.periodCode()];
      double[][] wk = memo.computeIfAbsent(profileKey(config, pulsed, b), k -> k.fractions(config));
      add(sums, d, b.periodCode(), wk, windowed, b.componentCode(), -1, b.expected(), frac);
    }
    List<Entry> out = new ArrayList<>();
    List<String> names = backgrounds.componentNames();
    sums.forEach((k, v) -> out.add(new Entry(k.detector(), periods.get(k.period()), WindowKind.values()[k.window()],
        names.get(k.component()), k.process() < 0 ? null : Process.values()[k.process()], v[0], v[1])));
    return List.copyOf(out);
  }

  /**
   * Runs {@code task} on every entry of {@code entries}, on all cores ({@link AllCores}); a failure is thrown on this
   * thread as it was thrown, the first in the entries' order (as a loop over them would have thrown it).
   */
  private static void onAllCores(Map<String, Channel> entries, BiConsumer<String, Channel> task) {
    AllCores.run(tasks(entries, task));
  }

  /** {@code task} of each entry of {@code entries}, in their order. */
  private static List<Runnable> tasks(Map<String, Channel> entries, BiConsumer<String, Channel> task) {
    List<Runnable> out = new ArrayList<>();
    entries.forEach((key, c) -> out.add(() -> task.accept(key, c)));
    return out;
  }

  /**
   * The time profiles of the window fractions the loops of {@link #of} read, each once, in the order they first
   * read them (the signal channels', then the background channels').
   */
  private static java.util.Set<WindowFractions.Key> profileKeys(ExperimentModel model, DetsimConfig config,
      BackgroundChannels backgrounds, DetectionCurve[] curves, boolean[] pulsed) {
    java.util.Set<WindowFractions.Key> keys = new java.util.LinkedHashSet<>();
    for (Channel c : model.channels()) {
      if (curves[c.detectorIndex()] != null && c.expectedEvents() > 0) {
        keys.add(profileKey(model, config, pulsed, c));
      }
    }
    for (BackgroundChannel b : backgrounds.channels()) {
      keys.add(profileKey(config, pulsed, b));
    }
    return keys;
  }

  /** The window-fraction key of a signal channel: its component's profile after the detector's beam time offset. */
  private static WindowFractions.Key profileKey(ExperimentModel model, DetsimConfig config, boolean[] pulsed,
      Channel c) {
    int d = c.detectorIndex();
    int p = model.dictionary().periods().indexOf(model.exposures().get(c.exposureIndex()).period());
    return new WindowFractions.Key(c.component().timeProfile(), config.response(d).beamTimeOffsetNs(),
        timeEfficiency(config, d), pulsed[p]);
  }

  /**
   * The window-fraction key of a background channel: a beam-related profile after the detector's beam time offset,
   * any other as it is (offset NaN).
   */
  private static WindowFractions.Key profileKey(DetsimConfig config, boolean[] pulsed, BackgroundChannel b) {
    int d = b.detectorIndex();
    boolean beam = b.spec().component().beamRelated();
    return new WindowFractions.Key(b.timeProfile(), beam ? config.response(d).beamTimeOffsetNs() : Double.NaN,
        timeEfficiency(config, d), pulsed[b.periodCode()]);
  }

  /**
   * Channels with the same key have the same detected fraction: the same response (the group of detectors sharing
   * one response object), g(T) table (which fixes the process, spectrum and cross section) and quenching (Z;
   * implied by the CEvNS cross section, unused for EvES).
   */
  private static String signalKey(Map<Channel, String> recoilKeys, int[] group, Channel c) {
    return "r" + group[c.detectorIndex()] + "/" + recoilKeys.get(c) + "/" + c.isotope().z();
  }

  /** The first detector with the response of detector {@code d} ({@code d} itself if none before it). */
  private static int firstDetector(int[] group, int d) {
    for (int i = 0; i < d; i++) {
      if (group[i] == group[d]) {
        return i;
      }
    }
    return d;
  }

  private static void add(Map<Key, double[]> sums, int d, int period, double[][] fractions, boolean windowed,
      int component, int process, double expected, double detectedFraction) {
    double[] w = fractions[0];
    double[] kept = fractions[1];
    for (int k = 0; k < w.length; k++) {
      if (!windowed && k != WindowKind.NONE.ordinal()) {
        continue;
      }
      double[] s = sums.computeIfAbsent(new Key(d, period, k, component, process), x -> new double[2]);
      s[0] += expected * detectedFraction * kept[k];
      s[1] += expected * w[k];
    }
  }

  /** The time efficiency of detector {@code d}'s response, or null (none, or no response). */
  private static WindowTimeEfficiency timeEfficiency(DetsimConfig config, int d) {
    var r = config.responses().get(d);
    return r.isPresent() ? r.get().timeEfficiency().orElse(null) : null;
  }

  /**
   * The g(T) key of every channel: channels with the same key have the same g(T) (the detector's response aside),
   * the same spectrum (numbered by {@link SpectrumIds}: the same source and component, or the same spectrum object)
   * and the same cross-section values (one object per isotope and flavour for CEvNS, one per element for
   * Standard-Model EvES; objects of the same values, {@code RecoilCrossSection.sameValuesAs}, share a key).
   */
  private static Map<Channel, String> recoilKeys(ExperimentModel model) {
    SpectrumIds ids = new SpectrumIds();
    Map<Channel, String> keys = new java.util.IdentityHashMap<>();
    for (Channel c : model.channels()) {
      int source = model.exposures().get(c.exposureIndex()).sourceIndex();
      keys.put(c, ids.recoilKey(source, c.componentIndex(), c.component().spectrum(), c.process(), c.xs()));
    }
    return keys;
  }

  /**
   * Simpson's rule over ln T of g P and of g, their ratio; {@code visible} holds the visible energy at each node
   * where g &gt; 0 ({@link #signalVisibleKeVee}); {@code densityAt} gives g(T) off the nodes (the channel's, shared
   * with the channels of its table key), read only when the curve steps. Reads {@code curve} only.
   */
  private static double signalFraction(Channel c, RecoilTable table, double[] visible, DetectionCurve curve,
      DetectorResponse r, java.util.function.Supplier<DoubleUnaryOperator> densityAt) {
    double[] steps = curve.stepwise() ? RecoilSteps.of(c, table, curve.stepsKeVee(), t -> visibleKeVee(c, r, t))
        : new double[0];
    if (steps.length == 0) {
      return table.average(j -> curve.probability(visible[j]));
    }
    return table.average(j -> curve.probability(visible[j]), steps,
        densityAt.get(), t -> curve.exact(visibleKeVee(c, r, t)));
  }

  /** The visible energies at which {@link #signalFraction} reads the detection probability (NaN where g = 0). */
  private static double[] signalVisibleKeVee(Channel c, RecoilTable table, DetectorResponse r) {
    double[] out = new double[table.density().length];
    for (int j = 0; j < out.length; j++) {
      out[j] = table.density()[j] > 0 ? visibleKeVee(c, r, table.recoilMeV()[j]) : Double.NaN;
    }
    return out;
  }

  /** Visible energy in keVee of a recoil of {@code recoilMeV} in channel {@code c}. */
  private static double visibleKeVee(Channel c, DetectorResponse r, double recoilMeV) {
    double tKeV = recoilMeV * Units.KEV_PER_MEV;
    return c.process() == Process.EVES ? tKeV : r.signalVisibleKeVee(Process.CEVNS, c.isotope().z(), tKeV);
  }

  /** ∫ f(E) P(E_vis(E)) dE for a background channel. */
  static double backgroundFraction(BackgroundChannel b, DetectorResponse r, DetectionCurve curve) {
    BackgroundSpectrum s = b.spec().component().spectrum();
    var scale = b.spec().component().energyScale();
    if (s.isLine()) {
      return curve.probability(r.backgroundVisibleKeVee(scale, s.minKeV()));
    }
    double lo = s.minKeV();
    double hi = s.maxKeV();
    if (Double.isInfinite(hi)) {
      double width = 1.0;
      hi = lo + width;
      while (1.0 - s.cdf(hi) > 1e-12) {
        width *= 2;
        hi = lo + width;
      }
    }
    double p = 0;
    double step = (hi - lo) / ENERGY_BINS;
    double below = s.cdf(lo);
    for (int i = 0; i < ENERGY_BINS; i++) {
      double upper = i == ENERGY_BINS - 1 ? hi : lo + (i + 1) * step;
      double upto = s.cdf(upper);
      double w = upto - below;
      below = upto;
      if (w > 0) {
        double mid = lo + (i + 0.5) * step;
        p += w * curve.probability(r.backgroundVisibleKeVee(scale, mid));
      }
    }
    return p;
  }
}
