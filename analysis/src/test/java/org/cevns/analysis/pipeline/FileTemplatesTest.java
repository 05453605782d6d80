package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.config.FitObservable;
import org.cevns.analysis.config.FitSettings;
import org.cevns.analysis.config.TemplateFile;
import org.cevns.analysis.events.FitTimeAxis;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.hist.BinEdges;
import org.junit.jupiter.api.Test;

/** Rows of a template file filled into the analysis binning, exactly (worked by hand below). */
class FileTemplatesTest {
  // energy 2 bins of 10 keVee over [0, 20); fit time: window starting at -100 ns, 2 bins of 500 ns
  private static final HistogramBinning BINNING = new HistogramBinning(Map.of("lar", BinEdges.uniform(2, 0, 20)),
      Map.of(), BinEdges.uniform(4, -1000, 1000), Optional.of(new FitTimeAxis(-100, -1100, 1000, 2)));

  private static TemplateFile file(String component) {
    // (energy keVee, time ns, expected): two rows in cell (0, 0), one in (1, 1), one above the energy range
    return new TemplateFile("lar", component, "beam", "coincidence", "f.txt", new double[] {5, 5, 15, 25},
        new double[] {150, 350, 650, 150}, new double[] {1, 2, 4, 8},
        List.of(new TemplateFile.Variant("shape", new double[] {2, 2, 4, 8}, new double[] {0, 2, 4, 8}, "u, d")),
        java.util.OptionalDouble.empty());
  }

  @Test
  void rowsAreFilledAtTheirEnergyAndTimeWithoutMonteCarloErrors() {
    KeySpectra k = FileTemplates.histogram(file("steady"), file("steady").expected(), 1.0, BINNING);
    assertArrayEquals(new double[] {3, 4}, k.energy().contents());
    assertEquals(8, k.energy().overflow());
    // flattened time-major: (e0,t0), (e1,t0), (e0,t1), (e1,t1)
    assertArrayEquals(new double[] {3, 0, 0, 4}, k.energyTime().orElseThrow().flatten().contents());
    assertArrayEquals(new double[] {0, 0, 0, 0}, k.energyTime().orElseThrow().flatten().errors());
    assertEquals(15, k.sumW());
    assertEquals(0, k.sumW2());
  }

  @Test
  void aFileReplacesItsKeyAndItsVariantsBecomeTheShapeTemplates() {
    SpectrumKey key = new SpectrumKey("lar", "beam", "coincidence", "steady");
    SpectrumSet simulated = SpectrumSet.of(BINNING, Map.of(key, FileTemplates.histogram(file("steady"),
        new double[] {100, 100, 100, 100}, 1.0, BINNING)));
    FitSettings fit = new FitSettings(FitObservable.ENERGY_TIME, 2, Map.of(), FitSettings.defaults()
        .defaultConstraint(), 0, false, 20, FitSettings.defaults().templateNormalisation(), 0, false,
        List.of(file("steady")));
    SpectrumSet t = FileTemplates.apply(fit, simulated, null);
    assertEquals(15, t.get(key).orElseThrow().sumW());
    TemplateSystematics s = FileTemplates.apply(fit, TemplateSystematics.none(), t, null);
    assertArrayEquals(new double[] {4, 4}, s.up().get("shape").get(key).orElseThrow().energy().contents());
    assertArrayEquals(new double[] {2, 4}, s.down().get("shape").get(key).orElseThrow().energy().contents());
  }

  @Test
  void aFileWithItsPotIsScaledToTheTemplatesExposure() {
    // regression: a run at another POT than the release's (e.g. ShippedConfigsRunTest's 2 % of coherent-lar) fitted
    // data simulated at that POT with the release's counts as they were; a file's pot now scales them
    TemplateFile f = file("steady");
    TemplateFile atPot = new TemplateFile(f.detector(), f.component(), f.period(), f.window(), f.file(),
        f.energyKeVee(), f.timeNs(), f.expected(), f.variants(), java.util.OptionalDouble.of(1e22));
    org.cevns.analysis.events.RunExposure exposure = org.cevns.analysis.events.RunExposure.fromJson("[{\"detector\":"
        + " \"lar\", \"mass_kg\": 24.4, \"exposures\": [{\"source\": \"sns\", \"period\": \"beam\","
        + " \"exposure\": 2.5e21, \"exposure_unit\": \"protons_on_target\", \"live_seconds\": 100}]}]");
    SpectrumKey key = new SpectrumKey("lar", "beam", "coincidence", "steady");
    SpectrumSet simulated = SpectrumSet.of(BINNING, Map.of(key, FileTemplates.histogram(f,
        new double[] {100, 100, 100, 100}, 1.0, BINNING)));
    FitSettings fit = new FitSettings(FitObservable.ENERGY_TIME, 2, Map.of(), FitSettings.defaults()
        .defaultConstraint(), 0, false, 20, FitSettings.defaults().templateNormalisation(), 0, false, List.of(atPot));
    SpectrumSet t = FileTemplates.apply(fit, simulated, exposure);
    assertEquals(15 * 0.25, t.get(key).orElseThrow().sumW(), 1e-12);
    TemplateSystematics s = FileTemplates.apply(fit, TemplateSystematics.none(), t, exposure);
    assertArrayEquals(new double[] {1, 1}, s.up().get("shape").get(key).orElseThrow().energy().contents(), 1e-12);
    // without the file's pot, or without an exposure, the counts are taken as they are
    assertEquals(1.0, f.factorAt(exposure));
    assertEquals(0.25, atPot.factorAt(exposure), 1e-15);
    assertEquals(1.0, atPot.factorAt(null));
  }
}
