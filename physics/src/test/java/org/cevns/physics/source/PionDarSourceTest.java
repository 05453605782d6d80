package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cevns.physics.Flavor;
import org.junit.jupiter.api.Test;

class PionDarSourceTest {
  @Test
  void protonsOnTarget() {
    // Akimov et al., PRL 129 (2022) 081801: 13.99 GWh at 0.984 GeV = 3.195e23 POT
    assertEquals(3.195e23, PionDarSource.protonsFromBeamEnergy(13.99, 0.984), 0.001e23);
    // ESS: 5000 h at 5 MW, 2 GeV: 2.8e23 POT/yr (exact: 9e13 J / 3.204353e-10 J = 2.80868e23)
    assertEquals(2.80868e23, PionDarSource.protonsPerYear(5, 5000, 2.0), 0.00001e23);
    assertEquals(2.8e23, PionDarSource.protonsPerYear(5, 5000, 2.0), 0.01 * 2.8e23);
    assertEquals(PionDarSource.protonsFromBeamEnergy(25, 2.0), PionDarSource.protonsFromBeamHours(5, 5000, 2.0),
        1e9);
    assertEquals(1.602176634e-10, PionDarSource.joulesPerProton(1.0), 1e-22);
  }

  @Test
  void fluxesAt20m() {
    // SNS 1.4 MW, 1 GeV, 0.08: 8.738e15 p/s → 1.391e7 per flavour, 4.17e7 all flavours (COHERENT, Science 357 (2017)
    // 1123: ≈ 4.3e7 at 20 m)
    PionDarParameters sns = PionDarParameters.sns();
    assertEquals(8.7381e15, sns.protonsPerSecond(), 0.0001e15);
    assertEquals(1.3908e7, sns.fluxPerFlavorPerCm2PerS(20), 0.0001e7);
    assertEquals(4.3e7, 3 * sns.fluxPerFlavorPerCm2PerS(20), 0.04 * 4.3e7);
    // ESS 5 MW, 2 GeV, 0.3: 9.31e7 per flavour (Baxter et al., JHEP 02 (2020) 123: 9.3e7)
    assertEquals(9.3e7, PionDarParameters.ess().fluxPerFlavorPerCm2PerS(20), 0.005 * 9.3e7);
    assertEquals(8.7381e15 / 60, sns.protonsPerPulse(), 1e10);
  }

  @Test
  void components() {
    PionDarSource s = PionDarSource.of("sns", PionDarParameters.sns().withNuPerFlavorPerProton(0.0848));
    assertEquals(ExposureUnit.PROTON_ON_TARGET, s.exposureUnit());
    assertTrue(s.pointSource());
    assertTrue(s.pulsed());
    List<SourceComponent> c = s.components();
    assertEquals(3, c.size());
    assertEquals(Flavor.NUMU, c.get(0).flavor());
    assertEquals("pi_prompt", c.get(0).parent());
    assertTrue(c.get(0).spectrum().isLine());
    assertEquals(29.792, c.get(0).spectrum().minEnergyMeV(), 1e-3);
    assertEquals(List.of(Flavor.NUE, Flavor.NUMUBAR), List.of(c.get(1).flavor(), c.get(2).flavor()));
    assertEquals("mu_delayed", c.get(1).parent());
    assertEquals(MichelSpectrum.Species.NUE, ((MichelSpectrum) c.get(1).spectrum()).species());
    assertEquals(MichelSpectrum.Species.NUMUBAR, ((MichelSpectrum) c.get(2).spectrum()).species());
    assertSame(c.get(1).timeProfile(), c.get(2).timeProfile());
    for (SourceComponent comp : c) {
      assertEquals(0.0848, comp.neutrinosPerExposureUnit());
    }
    PulseTimeProfile prompt = (PulseTimeProfile) c.get(0).timeProfile();
    PulseTimeProfile delayed = (PulseTimeProfile) c.get(1).timeProfile();
    assertEquals(1, prompt.lifetimesNs().length);
    assertEquals(2, delayed.lifetimesNs().length);
    assertEquals(3 * 380 / PulseTimeProfile.FWHM_PER_SIGMA + 26.033 + 2196.981, delayed.meanTimeNs(), 1e-9);
  }

  @Test
  void presetsAndOverrides() {
    PionDarParameters ess = PionDarParameters.preset(PionDarParameters.Facility.ESS);
    assertEquals(new PionDarParameters(2.0, 5.0, 14.0, PulseShape.FLAT, 2.86e6, 0.3), ess);
    PionDarParameters twoMW = ess.withPowerMW(2.0).withGaussianPulse(1000);
    assertEquals(2.0, twoMW.powerMW());
    assertEquals(PulseShape.GAUSSIAN, twoMW.pulseShape());
    assertEquals(1000.0, twoMW.pulseWidthNs());
    PionDarSource s = PionDarSource.of("ess", twoMW.withFlatPulse(1e6));
    assertEquals(PulseShape.FLAT, ((PulseTimeProfile) s.components().get(0).timeProfile()).shape());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PionDarParameters.preset(PionDarParameters.Facility.NONE));
    assertTrue(e.getMessage().startsWith("facility none has no preset"));
    e = assertThrows(IllegalArgumentException.class, () -> PionDarParameters.sns().withPowerMW(0));
    assertEquals("powerMW must be finite and > 0, got 0.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PionDarParameters.sns().withFlatPulse(Double.NaN));
    assertEquals("pulseLengthNs must be finite and > 0, got NaN", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PionDarSource.protonsFromBeamEnergy(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> PionDarSource.protonsPerYear(5, 9000, 2));
    assertThrows(IllegalArgumentException.class, () -> PionDarSource.of("", PionDarParameters.sns()));
  }
}
