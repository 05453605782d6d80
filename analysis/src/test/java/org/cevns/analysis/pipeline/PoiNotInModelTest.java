package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.ConfigFixtures;
import org.junit.jupiter.api.Test;

/**
 * A POI the fit's model does not have (a fixed background's normalisation, a component without events) fails with
 * one line naming {@code --poi} and listing the fit's parameters. Before, the message was "parameter must be one of
 * [...], got 'x'" from the model's index lookup.
 */
class PoiNotInModelTest {
  @Test
  void aNameOutsideTheModelNamesPoiAndTheFitsParameters() {
    AnalysisConfig config = ConfigFixtures.beam("fit: {backgrounds: {steady: free, brn: 0}}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoiScan.run(config,
        BeamToys.templates(), null, TemplateSystematics.of(config.systematics()), List.of("csi.brn"), List.of(),
        false));
    assertEquals("--poi: 'csi.brn' is not a parameter of this fit (its component has no events in the fit range, or"
        + " it is not one); the fit's parameters: [mu, csi.steady]", e.getMessage());
  }

  /**
   * A background normalisation as POI with templates that carry no cross-section family (read from files): fitted
   * as the nuisance it is. Before, every non-mu POI of such templates was taken for a physics parameter and refused
   * ("physics parameters [csi.steady] need the template events of an in-memory template simulation").
   */
  @Test
  void aNormalisationIsAPoiWithoutAFamily() {
    AnalysisConfig config = ConfigFixtures.beam("fit: {backgrounds: {steady: free, brn: 0.25}}\n");
    PoiScan s = PoiScan.run(config, BeamToys.templates(), null, TemplateSystematics.of(config.systematics()),
        List.of("csi.steady"), List.of(), false);
    assertEquals(List.of("csi.steady"), s.names());
    assertEquals(1.0, s.bestValues()[0], 1e-6); // the Asimov dataset's nominal normalisation
  }
}
