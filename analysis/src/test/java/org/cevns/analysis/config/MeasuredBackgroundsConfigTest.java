package org.cevns.analysis.config;

import java.nio.file.Path;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code measured_backgrounds}: each entry a background component of the configuration, once; one-line errors. */
class MeasuredBackgroundsConfigTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "measured_backgrounds: [cosmics]|analysis.systematics.detectors.csi.measured_backgrounds[0]: unknown background"
          + " component 'cosmics', components are brn, steady",
      "measured_backgrounds: [steady, steady]|analysis.systematics.detectors.csi.measured_backgrounds[1]: is given"
          + " twice, got 'steady'",
      "measured_backgrounds: steady|analysis.systematics.detectors.csi.measured_backgrounds: must be a list, got"
          + " 'steady'",
  })
  void badEntriesAreOneLineErrors(String measured, String message) {
    ConfigErrorAssertions.assertMessage(message,
        () -> AnalysisConfig.of(ConfigLoader.parse(org.cevns.analysis.sim.MeasuredBackgroundsTest.CONFIG.formatted(measured), Path.of("."))));
  }
}
