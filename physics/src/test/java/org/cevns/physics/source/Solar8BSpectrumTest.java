package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Solar8BSpectrumTest {
  @Test
  void winter2006Shape() {
    TabulatedSpectrum s = Solar8BSpectrum.winter2006();
    // the table is normalised to 1 per 0.1 MeV bin: the raw trapezoid integral is 1 to its 6-digit rounding
    assertEquals(1.0, s.rawIntegral(), 1e-5);
    assertEquals(1.0, SpectrumTestMath.norm(s), 1e-10);
    assertEquals(0.0, s.minEnergyMeV());
    // the public table ends at 15.5 MeV (Winter et al. 2006: endpoint ≈ 16.5 MeV); only 2.3e-5 of the flux lies
    // above 15 MeV
    assertEquals(15.5, s.maxEnergyMeV());
    assertEquals(2.26e-5, 1 - s.cdf(15.0), 0.02e-5);
    // mean energy: ≈ 6.7 MeV (Winter et al. 2006); exact for the linear interpolation of the table: 6.770 MeV
    assertEquals(6.770, s.meanEnergyMeV(), 1e-3);
    assertEquals(s.meanEnergyMeV(), SpectrumTestMath.mean(s), 1e-9);
    // peak of the tabulated shape at 6.5 MeV (0.131134 per MeV)
    assertEquals(0.131134, s.densityPerMeV(6.5), 1e-5);
    assertTrue(s.densityPerMeV(6.5) > s.densityPerMeV(6.4) && s.densityPerMeV(6.5) > s.densityPerMeV(6.6));
    assertEquals(0.5, s.cdf(s.quantileMeV(0.5)), 1e-12);
  }
}
