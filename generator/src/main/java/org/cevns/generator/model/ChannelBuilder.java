package org.cevns.generator.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.schema.PhysicsConfig;
import org.cevns.physics.constants.Units;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.generator.sample.FluxAveragedXs;
import org.cevns.generator.sample.RememberedTotalXs;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.source.SourceComponent;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Makes the channels of one (detector, source, period): one per component × target isotope × process.
 * Cross sections and flux averages are cached, since detectors and periods share them; a flux average is keyed
 * by {@link SpectrumIds} (source and component, or the same spectrum object), so sources with the same spectra
 * (two reactors with the same models, whose isotope spectra are shared instances) compute it once. {@link #plan} and {@link #computePlanned} compute
 * them on all cores before the channels are made (the ⁸B configs' averages take most of their `rates` time).
 */
final class ChannelBuilder {
  private final PhysicsConfig physics;
  private final Map<String, RecoilCrossSection> xsCache = new HashMap<>();
  private final Map<String, Double> averageCache = new HashMap<>();
  private final SpectrumIds spectrumIds = new SpectrumIds();
  private final Map<String, Average> planned = new LinkedHashMap<>();

  private final ModelCrossSections models;

  ChannelBuilder(PhysicsConfig physics) {
    this.physics = physics;
    this.models = ModelCrossSections.of(physics);
  }

  /**
   * Registers the flux averages that {@link #channels} will need for component {@code c} seen by {@code det}, to be
   * computed together by {@link #computePlanned}.
   */
  void plan(DetectorModel det, SourceExposure e, int componentIndex, SourceComponent c) {
    forEachAverage(det, e, componentIndex, c, (key, average) -> {
      if (!averageCache.containsKey(key)) {
        planned.putIfAbsent(key, average);
      }
    });
  }

  /** One flux average: {@link FluxAveragedXs#inWindowCm2} of a spectrum and cross section over a recoil window. */
  private record Average(EnergySpectrum spectrum, RecoilCrossSection xs, double lowMeV, double highMeV) {
    /** The average, with {@code sameXs} (the same values as {@link #xs}) in its place. */
    double compute(RecoilCrossSection sameXs) {
      return FluxAveragedXs.inWindowCm2(spectrum, sameXs, lowMeV, highMeV);
    }

    /**
     * Whether {@code other} has a cross section of the same values and a spectrum of the same support and breakpoints
     * (so the same energy nodes, where their windows agree): then worth computing on one thread, sharing σ(E).
     * Others stay apart, to be computed in parallel.
     */
    boolean sharesNodesWith(Average other) {
      return xs.sameValuesAs(other.xs) && !spectrum.isLine() && !other.spectrum.isLine()
          && spectrum.minEnergyMeV() == other.spectrum.minEnergyMeV()
          && spectrum.maxEnergyMeV() == other.spectrum.maxEnergyMeV()
          && java.util.Arrays.equals(spectrum.breakpointsMeV(), other.spectrum.breakpointsMeV());
    }
  }

  /**
   * Computes the planned flux averages on all cores: the averages over cross sections of the same values
   * ({@link RecoilCrossSection#sameValuesAs}) on one thread, in the planned order, through one
   * {@link RememberedTotalXs}, so that spectra with the same knots (the ⁸B ν_e and ν_μ,τ spectra) share their σ(E).
   * Each is the same doubles as the call on first use in {@link #channels}: the numbers do not depend on the number
   * of threads or the order.
   */
  void computePlanned() {
    List<Map.Entry<String, Average>> tasks = new ArrayList<>(planned.entrySet());
    List<List<Integer>> groups = new ArrayList<>();
    List<Average> firsts = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      Average a = tasks.get(i).getValue();
      int g = 0;
      while (g < firsts.size() && !firsts.get(g).sharesNodesWith(a)) {
        g++;
      }
      if (g == firsts.size()) {
        firsts.add(a);
        groups.add(new ArrayList<>());
      }
      groups.get(g).add(i);
    }
    double[] values = new double[tasks.size()];
    IntStream.range(0, groups.size()).parallel().forEach(g -> {
      RecoilCrossSection shared = RememberedTotalXs.of(firsts.get(g).xs());
      for (int i : groups.get(g)) {
        values[i] = tasks.get(i).getValue().compute(shared);
      }
    });
    for (int i = 0; i < values.length; i++) {
      averageCache.put(tasks.get(i).getKey(), values[i]);
    }
    planned.clear();
  }

  List<Channel> channels(DetectorModel det, SourceExposure e, int exposureIndex, int componentIndex,
      SourceComponent c, int periodIndex, int parentIndex) {
    List<Channel> out = new ArrayList<>();
    double fluence = c.neutrinosPerExposureUnit() * e.fluenceFactorPerCm2();
    for (int i = 0; i < det.target().size(); i++) {
      Isotope iso = det.target().isotope(i);
      double targets = det.massKg() * det.target().nucleiPerKg(i);
      for (Process p : Process.values()) {
        if (!physics.processes().contains(p)) {
          continue;
        }
        RecoilCrossSection xs = crossSection(p, iso, c.flavor());
        if (xs == null) {
          continue; // upscattering of a flavour without a dipole moment
        }
        String spectrumKey = spectrumKey(e, componentIndex, c, p, xs);
        double avg = averageCache.computeIfAbsent(spectrumKey, k -> FluxAveragedXs.totalCm2(c.spectrum(), xs));
        double inWindow = avg;
        if (p != Process.EVES && det.hasRecoilWindow()) {
          double lo = det.thresholdKeVnr() / Units.KEV_PER_MEV;
          double hi = det.roiMaxKeVnr() / Units.KEV_PER_MEV;
          inWindow = averageCache.computeIfAbsent(spectrumKey + "/" + lo + "/" + hi,
              k -> FluxAveragedXs.inWindowCm2(c.spectrum(), xs, lo, hi));
        }
        out.add(new Channel(e.detectorIndex(), exposureIndex, componentIndex, periodIndex, parentIndex, c, iso, p,
            xs, targets, fluence, avg, inWindow));
      }
    }
    return out;
  }

  /** The cache keys and computations of the flux averages {@link #channels} reads, in its order. */
  private void forEachAverage(DetectorModel det, SourceExposure e, int componentIndex, SourceComponent c,
      BiConsumer<String, Average> action) {
    for (int i = 0; i < det.target().size(); i++) {
      Isotope iso = det.target().isotope(i);
      for (Process p : Process.values()) {
        RecoilCrossSection xs = physics.processes().contains(p) ? crossSection(p, iso, c.flavor()) : null;
        if (xs == null) {
          continue;
        }
        String spectrumKey = spectrumKey(e, componentIndex, c, p, xs);
        action.accept(spectrumKey, new Average(c.spectrum(), xs, 0.0, Double.POSITIVE_INFINITY));
        if (p != Process.EVES && det.hasRecoilWindow()) {
          double lo = det.thresholdKeVnr() / Units.KEV_PER_MEV;
          double hi = det.roiMaxKeVnr() / Units.KEV_PER_MEV;
          action.accept(spectrumKey + "/" + lo + "/" + hi, new Average(c.spectrum(), xs, lo, hi));
        }
      }
    }
  }

  private String spectrumKey(SourceExposure e, int componentIndex, SourceComponent c, Process p,
      RecoilCrossSection xs) {
    return spectrumIds.recoilKey(e.sourceIndex(), componentIndex, c.spectrum(), p, xs);
  }

  private RecoilCrossSection crossSection(Process p, Isotope iso, Flavor flavor) {
    return xsCache.computeIfAbsent(p + "/" + iso.label() + "/" + flavor,
        k -> models.crossSection(physics.newPhysics(), p, iso, flavor).orElse(null));
  }
}
