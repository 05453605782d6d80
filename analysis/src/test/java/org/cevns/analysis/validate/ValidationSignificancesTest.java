package org.cevns.analysis.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The expected-significance part of {@code cevns validate} (issue 10): one template simulation per config. */
@Tag("slow")
class ValidationSignificancesTest {
  /**
   * CENNS-10 Analysis A: the shipped likelihood's Asimov significance stays within the ±1 spread of the observed
   * 3.5σ (measured 2.60 with `cevns validate`, seed 1, since the likelihood uses the release's PDFs without
   * F90 and without an anti-coincidence channel; 3.02 before; here 100 000 events, whose
   * Monte Carlo statistics move it by a few percent). Same seed, same number: reproducible. The expected
   * precision of μ from the same fit is held to the published uncertainty of the measured cross section.
   */
  @Test
  void cenns10ExpectedSignificanceIsWithinTheSpreadOfTheObservedOne() throws Exception {
    ValidationSuite suite = ValidationSuite.of(ValidationSuiteTest.configsDir());
    ValidationSignificances.Expected e = ValidationSignificances.expected(
        suite.configsDir().resolve("coherent-lar.yaml"), 1, 2, 100_000);
    double z = e.z();
    assertEquals(3.5, z, ValidationSignificances.Z_SPREAD, "Asimov Z of coherent-lar.yaml");
    // Expected relative precision of mu: 0.389 with `cevns validate` (2026-12-03) against the published relative
    // uncertainty 0.7/2.2 = 0.318 of the measured cross section; held within +-50 % of it (the likelihood
    // has no F90 dimension, so it is wider, see the report's note).
    assertEquals(0.318, e.muHalfWidth68(), 0.5 * 0.318, "expected mu precision of coherent-lar.yaml");
    assertEquals(z, ValidationSignificances.medianSignificance(suite.configsDir().resolve("coherent-lar.yaml"), 1,
        1, 100_000), 1e-9, "the same for any thread count");
  }

  @Test
  void everyPublishedSignificanceNamesAShippedConfigurationAndItsSource() {
    Set<String> systems = ValidationSignificances.PUBLISHED.stream().map(ValidationSignificances.Published::system)
        .collect(Collectors.toSet());
    assertEquals(ValidationSignificances.PUBLISHED.size(), systems.size());
    for (ValidationSignificances.Published p : ValidationSignificances.PUBLISHED) {
      assertTrue(java.nio.file.Files.isRegularFile(ValidationSuiteTest.configsDir().resolve(p.file())), p.file());
      assertTrue(p.z() > 0 && !p.source().isBlank() && !p.note().isBlank(), p.toString());
      assertTrue(Double.isNaN(p.measuredRelative())
          || (p.measuredRelative() > 0 && p.measuredRelative() < 1 && !p.measured().isBlank()
              && !p.precisionNote().isBlank()), p.toString());
    }
  }
}
