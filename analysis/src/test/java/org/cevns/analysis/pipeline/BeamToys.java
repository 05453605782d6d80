package org.cevns.analysis.pipeline;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.EventColumns;
import org.cevns.events.io.EventFileWriter;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.hist.Histogram1D;
import org.cevns.events.io.WriteOptions;

/**
 * A toy pulsed-beam experiment with known truth, written as event files: one detector {@code csi}, windows
 * C = [0, 6 µs) and AC = [−6 µs, 0); signal (C only, exponential energy spectrum, slope 3 keVee), a steady
 * background (flat in energy and time, both windows) and beam neutrons (C only, slope 1 keVee). Expected counts
 * per energy bin follow analytically (exponential CDF differences), and are the templates of the fit.
 */
final class BeamToys {
  static final double SIGNAL = 60;
  static final double STEADY = 80;
  static final double BRN = 15;
  static final double SIGNAL_SLOPE_KEVEE = 3;
  static final double BRN_SLOPE_KEVEE = 1;
  static final double MAX_KEVEE = 10;
  static final double BEAM_SECONDS = 1000;
  static final BinEdges ENERGY = BinEdges.uniform(10, 0, MAX_KEVEE);
  static final BinEdges TIME = BinEdges.uniform(12, -6000, 6000);
  static final String WINDOWS = "{\"coincidence_start_ns\":0.0,\"coincidence_length_ns\":6000.0,"
      + "\"anticoincidence\":\"before\",\"anticoincidence_delay_ns\":6000.0}";
  static final String EXPOSURE = "[{\"detector\":\"csi\",\"mass_kg\":14.6,\"exposures\":[{\"source\":\"sns\","
      + "\"period\":\"beam\",\"exposure\":1e22,\"exposure_unit\":\"protons_on_target\",\"live_seconds\":"
      + BEAM_SECONDS + "}]}]";

  private BeamToys() {}

  static HistogramBinning binning() {
    return new HistogramBinning(Map.of("csi", ENERGY), Map.of("csi", BinEdges.uniform(10, 0, 100)), TIME,
        Optional.empty());
  }

  static RunExposure exposure() {
    return RunExposure.fromJson(EXPOSURE);
  }

  /** Expected counts per energy bin of an exponential of {@code total} events truncated to [0, MAX). */
  static double[] exponential(double total, double slope) {
    double norm = 1 - Math.exp(-MAX_KEVEE / slope);
    double[] out = new double[ENERGY.nBins()];
    for (int i = 0; i < out.length; i++) {
      out[i] = total * (Math.exp(-ENERGY.lowEdge(i) / slope) - Math.exp(-ENERGY.highEdge(i) / slope)) / norm;
    }
    return out;
  }

  static double[] flat(double total) {
    double[] out = new double[ENERGY.nBins()];
    java.util.Arrays.fill(out, total / out.length);
    return out;
  }

  /** The templates (expected counts at μ = 1). */
  static SpectrumSet templates() {
    Map<SpectrumKey, KeySpectra> m = new LinkedHashMap<>();
    m.put(new SpectrumKey("csi", "beam", "coincidence", "signal"), spectra(exponential(SIGNAL, SIGNAL_SLOPE_KEVEE)));
    m.put(new SpectrumKey("csi", "beam", "coincidence", "steady"), spectra(flat(STEADY)));
    m.put(new SpectrumKey("csi", "beam", "anticoincidence", "steady"), spectra(flat(STEADY)));
    m.put(new SpectrumKey("csi", "beam", "coincidence", "brn"), spectra(exponential(BRN, BRN_SLOPE_KEVEE)));
    return SpectrumSet.of(binning(), m);
  }

  private static KeySpectra spectra(double[] energy) {
    double total = 0;
    for (double v : energy) {
      total += v;
    }
    return new KeySpectra(Histogram1D.ofContents(ENERGY, energy, new double[energy.length]), Optional.empty(),
        Histogram1D.of(TIME), Optional.empty(), total, 0, 0);
  }

  /** Writes one toy with signal strength {@code mu} to {@code file}. */
  static void write(String file, double mu, UniformRandomProvider rng, long seed) throws IOException {
    Map<String, String> meta = new HashMap<>();
    meta.put(EventColumns.META_EXPOSURE, EXPOSURE);
    meta.put(EventColumns.META_WINDOWS, WINDOWS);
    meta.put(EventColumns.META_WEIGHTED, "false");
    meta.put(EventColumns.META_SEED, Long.toString(seed));
    try (EventFileWriter w = EventFileWriter.open(file, List.of("csi"), List.of("beam"),
        List.of("signal", "steady", "brn"), meta, WriteOptions.defaults().withCompression("uncompressed"))) {
      emit(w, rng, mu * SIGNAL, 0, 0, SIGNAL_SLOPE_KEVEE);
      emit(w, rng, STEADY, 1, 0, Double.NaN);
      emit(w, rng, STEADY, 1, 1, Double.NaN);
      emit(w, rng, BRN, 2, 0, BRN_SLOPE_KEVEE);
      // undetected events and events outside both windows, which the analysis must ignore
      for (int i = 0; i < 20; i++) {
        w.add(0, 0, i % 3, 1, i % 3 == 2, rng.nextDouble() * MAX_KEVEE, 10, 7000 + i, 1);
      }
    }
  }

  private static void emit(EventFileWriter w, UniformRandomProvider rng, double mean, int component, int window,
      double slope) throws IOException {
    long n = PoissonSampler.of(rng, mean).sample();
    for (long i = 0; i < n; i++) {
      double e = Double.isNaN(slope) ? MAX_KEVEE * rng.nextDouble()
          : -slope * Math.log(1 - rng.nextDouble() * (1 - Math.exp(-MAX_KEVEE / slope)));
      double t = window == 0 ? 6000 * rng.nextDouble() : -6000 * rng.nextDouble();
      w.add(0, 0, window, component, true, Math.min(e, Math.nextDown(MAX_KEVEE)), (int) (e * 10), t, 1);
    }
  }

  static AnalysisInputs inputs(AnalysisConfig config, SpectrumSet data, RunExposure exposure, long seed) {
    return new AnalysisInputs("toy-beam", config, data, exposure,
        TemplateScaling.toExposure(templates(), exposure(), exposure),
        new AnalysisInputs.TemplateInfo("analytic", Double.POSITIVE_INFINITY, "model", 0), Optional.of(
            new org.cevns.analysis.events.WindowSpec(0, 6000, -6000)), seed);
  }
}
