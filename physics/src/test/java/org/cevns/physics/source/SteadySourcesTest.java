package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cevns.physics.Flavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SteadySourcesTest {
  private static final double YEAR_NS = 365.25 * 86400e9;
  @TempDir Path dir;

  @Test
  void solar8B() {
    // without oscillations: one ν_e component of the full flux
    Solar8BSource s = Solar8BSource.of("sun", Solar8BSource.B16_GS98_FLUX_PER_CM2_S, YEAR_NS, null);
    assertEquals(5.46e6, s.totalFluxPerCm2PerS());
    assertFalse(s.pointSource());
    assertFalse(s.pulsed());
    assertEquals(ExposureUnit.LIVE_SECOND, s.exposureUnit());
    SourceComponent c = s.components().get(0);
    assertEquals(Flavor.NUE, c.flavor());
    assertEquals("B8", c.parent());
    assertEquals(5.46e6, c.neutrinosPerExposureUnit());
    assertSame(Solar8BSpectrum.winter2006(), c.spectrum());
    Solar8BSource sno = Solar8BSource.of("sun", Solar8BSource.SNO_NC_FLUX_PER_CM2_S, YEAR_NS, null)
        .withPeriodDurationNs(1e9);
    assertEquals(5.25e6, sno.components().get(0).neutrinosPerExposureUnit());
    assertEquals(1e9, sno.components().get(0).timeProfile().maxTimeNs());
    assertThrows(IllegalArgumentException.class, () -> Solar8BSource.of("sun", -5, YEAR_NS));
  }

  @Test
  void monoenergetic() {
    MonoenergeticSource flux = MonoenergeticSource.of("m", 10, Flavor.NUMU, Intensity.fluxPerCm2PerS(1e5), 1e9);
    assertFalse(flux.pointSource());
    assertEquals("mono", flux.components().get(0).parent());
    assertEquals(10.0, flux.components().get(0).spectrum().maxEnergyMeV());
    MonoenergeticSource rate =
        MonoenergeticSource.of("m", 0.862, Flavor.NUE, "Be7", Intensity.ratePerS(3e17), 1e9).withPeriodDurationNs(2e9);
    assertTrue(rate.pointSource());
    assertEquals(3e17, rate.components().get(0).neutrinosPerExposureUnit());
    assertEquals("Be7", rate.components().get(0).parent());
    assertEquals(2e9, rate.periodDurationNs());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Intensity.ratePerS(0));
    assertEquals("ratePerS must be finite and > 0, got 0.0", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> MonoenergeticSource.of("m", 10, Flavor.NUMU, "a/b", Intensity.ratePerS(1), 1e9));
  }

  @Test
  void spectrumFile() throws Exception {
    Path f = dir.resolve("shape.csv");
    Files.writeString(f, "# flat 1-3 MeV\nenergy_mev,dn_de\n1,5\n3,5\n");
    SpectrumFileSource s = SpectrumFileSource.of("user", f, Flavor.NUEBAR, Intensity.fluxPerCm2PerS(2e6), 1e9);
    SourceComponent c = s.components().get(0);
    assertEquals("user", c.parent());
    assertEquals(Flavor.NUEBAR, c.flavor());
    assertEquals(0.5, c.spectrum().densityPerMeV(2), 1e-15);
    assertEquals(2e6, c.neutrinosPerExposureUnit());
    assertFalse(s.pointSource());
    assertSame(s.spectrum(), s.withPeriodDurationNs(5e9).components().get(0).spectrum());
    Files.writeString(f, "energy_mev,dn_de\n1,5\n3\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpectrumFileSource.of("user", f, Flavor.NUEBAR, Intensity.ratePerS(1), 1e9));
    assertEquals(f + ":3: expected 2 comma-separated columns (energy_mev,dn_de), got 1", e.getMessage());
  }
}
