package org.cevns.generator.sample;

import org.cevns.physics.xs.RecoilCrossSection;

/** Test view of a cross section's envelope as a smooth cross section (what the sampler tabulates). */
final class EnvelopeOnly implements RecoilCrossSection {
  private final RecoilCrossSection xs;

  EnvelopeOnly(RecoilCrossSection xs) {
    this.xs = xs;
  }

  @Override public double maxRecoilMeV(double energyMeV) {
    return xs.maxRecoilMeV(energyMeV);
  }

  @Override public double minEnergyMeV(double recoilMeV) {
    return xs.minEnergyMeV(recoilMeV);
  }

  @Override public double xsCm2PerMeV(double energyMeV, double recoilMeV) {
    return xs.envelopeXsCm2PerMeV(energyMeV, recoilMeV);
  }

  @Override public double totalXsCm2(double energyMeV) {
    double tMax = xs.maxRecoilMeV(energyMeV);
    return ExactIntegrals.composite(t -> xs.envelopeXsCm2PerMeV(energyMeV, t), new double[] {0.0, tMax}, 8);
  }
}
