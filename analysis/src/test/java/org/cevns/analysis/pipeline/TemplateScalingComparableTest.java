package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.cevns.analysis.events.RunExposure;
import org.junit.jupiter.api.Test;

/**
 * {@link TemplateScaling#requireComparable}: templates scale with the live time alone, so event files of another
 * mass, source or period, or of another beam power, are refused with one line instead of being fitted with
 * templates off by that factor (a 29.2 kg import fitted with 14.6 kg templates gave the same expected signal) or
 * left out of the fit (reactor data of period beam).
 */
class TemplateScalingComparableTest {
  private static RunExposure beam(double massKg, String source, double pot, double liveSeconds) {
    return RunExposure.fromJson(String.format(Locale.ROOT, "[{\"detector\":\"csi\",\"mass_kg\":%s,\"exposures\":"
        + "[{\"source\":\"%s\",\"period\":\"beam\",\"exposure\":%s,\"exposure_unit\":\"protons_on_target\","
        + "\"live_seconds\":%s}]}]", massKg, source, pot, liveSeconds));
  }

  private static RunExposure reactor(String period) {
    return RunExposure.fromJson("[{\"detector\":\"C2\",\"mass_kg\":0.95,\"exposures\":[{\"source\":\"kkl\","
        + "\"period\":\"" + period + "\",\"exposure\":1e7,\"exposure_unit\":\"live_seconds\",\"live_seconds\":1e7}]}]");
  }

  private static final RunExposure CONFIG = beam(14.6, "sns", 3.194587e23, 3.597428e7);

  @Test
  void theConfigurationsOwnExposureAndHandRoundedNumbersPass() {
    assertDoesNotThrow(() -> TemplateScaling.requireComparable(CONFIG, CONFIG));
    // half the data at the same beam power, and 3.2e23 POT with 3.6e7 s (0.1 % off the configuration's power)
    assertDoesNotThrow(() -> TemplateScaling.requireComparable(CONFIG, beam(14.6, "sns", 1.597e23, 1.7987e7)));
    assertDoesNotThrow(() -> TemplateScaling.requireComparable(CONFIG, beam(14.6, "sns", 3.2e23, 3.6e7)));
    RunExposure onOff = RunExposure.fromJson("[{\"detector\":\"C2\",\"mass_kg\":0.95,\"exposures\":[{\"source\":"
        + "\"kkl\",\"period\":\"on\",\"exposure\":1e7,\"exposure_unit\":\"live_seconds\",\"live_seconds\":1e7},"
        + "{\"source\":\"kkl\",\"period\":\"off\",\"exposure\":0,\"exposure_unit\":\"live_seconds\","
        + "\"live_seconds\":2e6}]}]");
    assertDoesNotThrow(() -> TemplateScaling.requireComparable(onOff, reactor("off")));
  }

  @Test
  void anotherMassSourcePeriodOrBeamPowerIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TemplateScaling.requireComparable(CONFIG, beam(29.2, "sns", 3.194587e23, 3.597428e7)));
    assertEquals("detector csi: the event files have mass 29.2 kg, the configuration 14.6 kg (the templates scale"
        + " with the live time only): give the configuration's mass (import: mass_kg) or change the configuration",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TemplateScaling.requireComparable(CONFIG, beam(14.6, "sms", 3.194587e23, 3.597428e7)));
    assertEquals("detector csi: the event files have source 'sms' in period 'beam', the configuration ['sns' in"
        + " 'beam'] (import: source and period)", e.getMessage());
    // the true calendar live time at a lower average power (1.0 MW instead of 1.4): the signal follows the POT
    e = assertThrows(IllegalArgumentException.class,
        () -> TemplateScaling.requireComparable(CONFIG, beam(14.6, "sns", 3.194587e23, 5.036e7)));
    assertEquals("detector csi, source sns: the event files have 6.34350e+15 protons on target per live second, the"
        + " configuration 8.88020e+15 (its beam power; the templates scale with the live time): give the live time"
        + " at the configuration's beam power (import: exposure.beam_power_mw and proton_energy_gev)", e.getMessage());
    RunExposure onOff = RunExposure.fromJson("[{\"detector\":\"C2\",\"mass_kg\":0.95,\"exposures\":[{\"source\":"
        + "\"kkl\",\"period\":\"on\",\"exposure\":1e7,\"exposure_unit\":\"live_seconds\",\"live_seconds\":1e7}]}]");
    e = assertThrows(IllegalArgumentException.class, () -> TemplateScaling.requireComparable(onOff, reactor("beam")));
    assertEquals("detector C2: the event files have source 'kkl' in period 'beam', the configuration ['kkl' in"
        + " 'on'] (import: source and period)", e.getMessage());
  }
}
