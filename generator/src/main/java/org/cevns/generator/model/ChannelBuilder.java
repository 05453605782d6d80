package org.cevns.generator.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.schema.PhysicsConfig;
import org.cevns.physics.constants.Units;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.generator.sample.FluxAveragedXs;
import org.cevns.physics.source.SourceComponent;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Makes the channels of one (detector, source, period): one per component × target isotope × process.
 * Cross sections and flux averages are cached, since detectors and periods share them; a flux average is keyed
 * by the spectrum object (not the source), so sources with the same spectra (two reactors with the same models,
 * whose isotope spectra are shared instances) compute it once.
 */
final class ChannelBuilder {
  private final PhysicsConfig physics;
  private final Map<String, RecoilCrossSection> xsCache = new HashMap<>();
  private final Map<String, Double> averageCache = new HashMap<>();
  private final Map<Object, Integer> spectrumIds = new IdentityHashMap<>();

  private final ModelCrossSections models;

  ChannelBuilder(PhysicsConfig physics) {
    this.physics = physics;
    this.models = ModelCrossSections.of(physics);
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
        int spectrumId = spectrumIds.computeIfAbsent(c.spectrum(), k -> spectrumIds.size());
        String spectrumKey = spectrumId + "/" + p + "/" + iso.label() + "/" + c.flavor();
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

  private RecoilCrossSection crossSection(Process p, Isotope iso, Flavor flavor) {
    return xsCache.computeIfAbsent(p + "/" + iso.label() + "/" + flavor,
        k -> models.crossSection(physics.newPhysics(), p, iso, flavor).orElse(null));
  }
}
