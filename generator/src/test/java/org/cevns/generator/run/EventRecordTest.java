package org.cevns.generator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.events.run.RandomStreams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EventRecordTest {
  @Test
  void pdgCodesFollowThePdgNumberingScheme() {
    assertEquals(12, EventRecord.nuPdg(Flavor.NUE));
    assertEquals(-12, EventRecord.nuPdg(Flavor.NUEBAR));
    assertEquals(14, EventRecord.nuPdg(Flavor.NUMU));
    assertEquals(-14, EventRecord.nuPdg(Flavor.NUMUBAR));
    assertEquals(16, EventRecord.nuPdg(Flavor.NUTAU));
    assertEquals(-16, EventRecord.nuPdg(Flavor.NUTAUBAR));
    assertEquals(1000180400, EventRecord.nucleusPdg(18, 40)); // Ar-40
    assertEquals(1000551330, EventRecord.nucleusPdg(55, 133)); // Cs-133
    assertEquals(1000010010, EventRecord.nucleusPdg(1, 1)); // proton as a nucleus
    assertEquals(11, EventRecord.PDG_ELECTRON);
  }

  /** Elastic kinematics: energy and momentum conserved, massless outgoing neutrino, on-shell recoil. */
  @ParameterizedTest
  @CsvSource({
    "30.0, 0.05, 37211.0, 0.0, 0.0, 1.0",          // argon, along +z, 50 keV (T_max = 48 keV at 30 MeV: clipped)
    "30.0, 0.01, 37211.0, 0.6, 0.0, 0.8",          // argon, oblique
    "10.0, 0.001, 123772.5, 0.0, 1.0, 0.0",        // CsI-like, along +y
    "5.0, 4.0, 0.51099895, -0.48, 0.6, 0.64",      // electron, large transfer
    "1.0, 1.0e-9, 0.51099895, 0.0, 0.0, -1.0"      // electron, tiny recoil, along -z
  })
  void fourMomentumIsConserved(double e, double t, double m, double dx, double dy, double dz) {
    double tMax = 2 * e * e / (m + 2 * e);
    t = Math.min(t, tMax);
    double[] d = {dx, dy, dz};
    double[] p = new double[3];
    for (double phi : new double[] {0, 1.0, 2.5, 4.0, 6.0}) {
      EventRecord.recoilMomentum(e, t, m, d, phi, p);
      double[] nu = {e * d[0] - p[0], e * d[1] - p[1], e * d[2] - p[2]};
      double eNu = e - t;
      assertEquals(eNu * eNu, nu[0] * nu[0] + nu[1] * nu[1] + nu[2] * nu[2], 1e-9 * e * e, "massless outgoing nu");
      double p2 = p[0] * p[0] + p[1] * p[1] + p[2] * p[2];
      assertEquals(t * t + 2 * m * t, p2, 1e-9 * (t * t + 2 * m * t) + 1e-300, "on-shell recoil");
      double cos = (p[0] * d[0] + p[1] * d[1] + p[2] * d[2]) / Math.sqrt(p2);
      assertEquals(Math.min(1, (e + m) / e * Math.sqrt(t / (t + 2 * m))), cos, 1e-9, "recoil angle");
    }
  }

  /**
   * Upscattering ν A → N A: the outgoing N on its mass shell (E_N² − p_N² = m_N²) with energy and momentum
   * conserved, and the recoil angle cos θ = ((E + M) T + m_N²/2) / (E p). Before, N was massless (the elastic angle).
   */
  @ParameterizedTest
  @CsvSource({
    "30.0, 0.005, 123772.5, 10.0",     // CsI-like, m_N = 10 MeV (T from 1.2e-5 to 0.0137 MeV)
    "30.0, 1.2e-5, 123772.5, 10.0",    //   near the lower kinematic edge (cos θ = 0.996)
    "50.0, 0.02, 37211.0, 5.0"         // argon, m_N = 5 MeV
  })
  void theUpscatteredNeutrinoIsOnItsMassShell(double e, double t, double m, double mN) {
    double[] d = {0.6, 0.0, 0.8};
    double[] p = new double[3];
    EventRecord.recoilMomentum(e, t, m, mN, d, 2.0, p);
    double[] nu = {e * d[0] - p[0], e * d[1] - p[1], e * d[2] - p[2]};
    double eN = e - t;
    assertEquals(mN * mN, eN * eN - (nu[0] * nu[0] + nu[1] * nu[1] + nu[2] * nu[2]), 1e-9 * e * e, "m_N^2");
    double p2 = p[0] * p[0] + p[1] * p[1] + p[2] * p[2];
    assertEquals(t * t + 2 * m * t, p2, 1e-9 * (t * t + 2 * m * t), "on-shell recoil");
    double cos = (p[0] * d[0] + p[1] * d[1] + p[2] * d[2]) / Math.sqrt(p2);
    assertTrue(cos < 1, "inside the kinematic range");
    assertEquals(((e + m) * t + mN * mN / 2) / (e * Math.sqrt(p2)), cos, 1e-9, "recoil angle");
  }

  /**
   * Isotropic directions: cos θ and φ in 20 equal bins each, χ² against uniform with 19 degrees of freedom at a
   * 1e-4 false-failure rate (fixed seed: the test is deterministic; the threshold says how unusual a pass is).
   */
  @Test
  void isotropicDirectionsAreUniformOnTheSphere() {
    UniformRandomProvider rng = RandomStreams.create(7, 0);
    int n = 200_000;
    int bins = 20;
    long[] cos = new long[bins];
    long[] phi = new long[bins];
    double[] d = new double[3];
    for (int i = 0; i < n; i++) {
      EventRecord.isotropic(rng, d);
      assertEquals(1.0, d[0] * d[0] + d[1] * d[1] + d[2] * d[2], 1e-12);
      cos[Math.min(bins - 1, (int) ((d[2] + 1) / 2 * bins))]++;
      phi[Math.min(bins - 1, (int) ((Math.atan2(d[1], d[0]) + Math.PI) / (2 * Math.PI) * bins))]++;
    }
    double limit = new ChiSquaredDistribution(bins - 1).inverseCumulativeProbability(1 - 1e-4);
    assertTrue(chi2(cos, n) < limit, "cos theta chi2 " + chi2(cos, n));
    assertTrue(chi2(phi, n) < limit, "phi chi2 " + chi2(phi, n));
  }

  private static double chi2(long[] counts, int n) {
    double expected = (double) n / counts.length;
    double s = 0;
    for (long c : counts) {
      s += (c - expected) * (c - expected) / expected;
    }
    return s;
  }

  /**
   * Solar directions at the North Pole: the neutrinos come from the Sun at elevation δ (declination), so their
   * vertical component is −sin δ with sin δ = sin ε sin(2πu): bounded by sin ε, mean 0, and ⟨sin²δ⟩ = sin²ε / 2.
   * At the equator the east component averages 0 over the day.
   */
  @Test
  void solarDirectionsFollowTheSunsDeclination() {
    UniformRandomProvider rng = RandomStreams.create(8, 0);
    double sinEps = Math.sin(Math.toRadians(PhysicalConstants.OBLIQUITY_OF_ECLIPTIC_DEG));
    double[] d = new double[3];
    int n = 100_000;
    double sum = 0;
    double sum2 = 0;
    for (int i = 0; i < n; i++) {
      EventRecord.solar(rng, Math.toRadians(90), d);
      assertEquals(1.0, d[0] * d[0] + d[1] * d[1] + d[2] * d[2], 1e-12);
      assertTrue(Math.abs(d[2]) <= sinEps + 1e-12, "vertical " + d[2]);
      sum += d[2];
      sum2 += d[2] * d[2];
    }
    // standard error of the mean ~ sinEps / sqrt(2n) = 9e-4: 5 sigma bounds
    assertEquals(0.0, sum / n, 5e-3);
    assertEquals(sinEps * sinEps / 2, sum2 / n, 3e-3);
    double east = 0;
    for (int i = 0; i < n; i++) {
      EventRecord.solar(rng, 0.0, d);
      east += d[0];
    }
    assertEquals(0.0, east / n, 1e-2);
  }

  @Test
  void pulseCountIsTheRoundedProductAndAtLeastOne() {
    assertEquals(60, EventRecord.pulseCount(1.0, 60));
    assertEquals(1, EventRecord.pulseCount(1e-6, 60));
    assertEquals(2_158_457, EventRecord.pulseCount(35974.28, 60));
  }
}
