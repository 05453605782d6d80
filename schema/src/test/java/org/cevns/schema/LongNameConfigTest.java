package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names end up in file names (plots {@code spectrum_DETECTOR…}, {@code profile_DET.COMP…}), which file systems cap
 * at 255 bytes. Regression (config fuzzer, twenty-fourth session): a detector named with 5000 characters was
 * accepted and the fit failed at its end, writing the plots; now the configuration is refused with one line.
 */
class LongNameConfigTest {
  @Test
  void fiveThousandCharacterDetectorNameIsRefused(@TempDir Path dir) {
    String name = "d".repeat(5000);
    String yaml = ConfigErrorAssertions.SNS_CSI.replace("  - name: csi", "  - name: " + name);
    assertEquals("detectors[0].name: must be at most 64 characters (names end up in file names), got 'dddddddddddddddddddd'"
        + "... (5000 characters)", ConfigErrorAssertions.message(yaml, dir));
  }

  @Test
  void longExperimentNameIsRefusedAndSixtyFourCharactersAreAllowed(@TempDir Path dir) {
    String yaml = ConfigErrorAssertions.SNS_CSI.replace("name: test", "name: " + "e".repeat(65));
    assertEquals("name: must be at most 64 characters (names end up in file names), got 'eeeeeeeeeeeeeeeeeeee'"
        + "... (65 characters)", ConfigErrorAssertions.message(yaml, dir));
    String ok = ConfigErrorAssertions.SNS_CSI.replace("name: test", "name: " + "e".repeat(64));
    assertEquals(64, ConfigLoader.parse(ok, dir).name().length());
  }
}
