package org.cevns.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.EventFile;
import org.cevns.analysis.importer.EventImporter;
import org.cevns.analysis.importer.ImportMapping;
import org.cevns.analysis.importer.ImportMapping.InputFile;
import org.cevns.analysis.importer.ImportMapping.Window;
import org.cevns.analysis.importer.MappingParser;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.WriteOptions;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ConfigOverride;
import org.cevns.schema.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imported data that {@code analyze} fitted silently wrong are refused before the templates
 * ({@link ImportedDataCheck}; docs/design.md, walk34). Before: the CsI release's C file alone was fitted with 0
 * anti-coincidence events against 4896 expected (μ̂ = 3.55, 33σ), and its PE read as keVee (every event above the
 * fit's 4.5 keVee) gave μ̂ = −0.002, χ² 22.5 / 190, both with exit 0 and no word. Small files of the release's
 * mapping ({@code --format coherent-csi-2021}) against {@code configs/coherent-csi.yaml}.
 */
class ImportedDataCheckTest {
  static final Path CONFIG = Path.of("../configs/coherent-csi.yaml");

  @TempDir Path tmp;

  /** {@code n} events of {@code pe} PE at 1 µs into a text file of the release's layout. */
  private Path events(String name, int n, double pe) throws IOException {
    StringBuilder b = new StringBuilder("# Recoil energy (PE), recoil time (microsecond)\n");
    for (int i = 0; i < n; i++) {
      b.append(pe + 0.01 * i).append(" 1.0\n");
    }
    return Files.writeString(tmp.resolve(name), b.toString());
  }

  /** Imports the inputs with the release's mapping and {@code sets}; returns the file as the analysis lists it. */
  private EventFile imported(String out, List<InputFile> inputs, String... sets) throws IOException {
    String text = MappingParser.builtIn("coherent-csi-2021");
    List<String> overrides = new ArrayList<>(List.of("files="));
    overrides.addAll(List.of(sets));
    ImportMapping m = MappingParser.parse(text, "coherent-csi-2021", overrides);
    String path = tmp.resolve(out).toString();
    EventImporter.run(m, text, inputs, tmp, path, WriteOptions.defaults());
    return EventFile.list(List.of(path), HadoopFiles.configuration()).get(0);
  }

  private static List<String> check(List<EventFile> f, String... configSets) {
    ExperimentConfig c = ConfigLoader.load(CONFIG, ConfigOverride.parseAll(List.of(configSets)));
    ExperimentModel m = ExperimentModel.build(c);
    List<String> warnings = new ArrayList<>();
    ImportedDataCheck.check(AnalysisConfig.of(c), SimulationSetup.of(m, DetsimConfig.of(m), "test"), f,
        HadoopFiles.configuration(), warnings::add);
    return warnings;
  }

  private static List<String> check(EventFile f, String... configSets) {
    return check(List.of(f), configSets);
  }

  @Test
  void aBeamWindowNoInputCoversIsRefused() throws IOException {
    events("c.txt", 30, 20);
    events("ac.txt", 30, 20);
    EventFile c = imported("c.parquet", List.of(new InputFile("c.txt", Window.COINCIDENCE)));
    String shown = HadoopFiles.display(c.path());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> check(c));
    assertEquals(shown + ": no anticoincidence data for detector csi (the import's inputs cover: coincidence);"
        + " import the anticoincidence events too, or set analysis.fit.control_region: false", e.getMessage());
    assertEquals(List.of(), check(c, "analysis.fit.control_region=false"));
    EventFile ac = imported("ac.parquet", List.of(new InputFile("ac.txt", Window.ANTICOINCIDENCE)));
    e = assertThrows(IllegalArgumentException.class, () -> check(ac, "analysis.fit.control_region=false"));
    assertEquals(HadoopFiles.display(ac.path()) + ": no coincidence data for detector csi (the import's inputs"
        + " cover: anticoincidence); import the coincidence events too", e.getMessage());
    // both windows, in one file or two: fitted as before
    EventFile both = imported("both.parquet", List.of(new InputFile("c.txt", Window.COINCIDENCE),
        new InputFile("ac.txt", Window.ANTICOINCIDENCE)));
    assertEquals(List.of(), check(both));
    assertEquals(List.of(), check(List.of(c, ac)));
  }

  @Test
  void aWindowWithoutEventsInRangeIsNotAMissingWindow() throws IOException {
    events("c.txt", 30, 20);
    events("ac.txt", 30, 2000); // an AC window whose events all lie above the range: data, not a missing window
    EventFile f = imported("f.parquet", List.of(new InputFile("c.txt", Window.COINCIDENCE),
        new InputFile("ac.txt", Window.ANTICOINCIDENCE)));
    assertEquals(List.of(), check(f));
  }

  @Test
  void energiesAllOutsideTheFitRangeAreRefusedOrWarnedAbout() throws IOException {
    events("c.txt", 20, 20);
    events("ac.txt", 1, 30);
    List<InputFile> both = List.of(new InputFile("c.txt", Window.COINCIDENCE),
        new InputFile("ac.txt", Window.ANTICOINCIDENCE));
    // PE read as keVee: 21 events from 20 to 30.0 "keVee", above the fit's 0.5-4.5 keVee
    EventFile pe = imported("pe.parquet", both, "columns.energy.unit=kevee", "columns.energy.pe_per_kevee=");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> check(pe));
    assertEquals(HadoopFiles.display(pe.path()) + ": detector csi: all 21 imported events lie outside the fit's"
        + " energy range 0.5 to 4.5 keVee (the data: 20 to 30 keVee); check the import's columns.energy.unit (pe"
        + " needs pe_per_kevee), or fit them with an analysis.energy range that holds them", e.getMessage());
    // fewer than MIN_EVENTS_REFUSED events: a warning (a small data set may have none in the range by chance)
    events("c.txt", ImportedDataCheck.MIN_EVENTS_REFUSED - 2, 20);
    EventFile few = imported("few.parquet", both, "columns.energy.unit=kevee", "columns.energy.pe_per_kevee=");
    assertEquals(List.of(HadoopFiles.display(few.path()) + ": detector csi: all 19 imported events lie outside the"
        + " fit's energy range 0.5 to 4.5 keVee (the data: 20 to 30 keVee); check the import's columns.energy.unit"
        + " (pe needs pe_per_kevee)"), check(few));
    // a range that holds them: fitted
    assertEquals(List.of(), check(pe, "analysis.energy.max_kevee=25"));
    // the same events in PE (13.35 PE/keVee): 1.5 to 2.2 keVee, in the range
    assertEquals(List.of(), check(imported("ok.parquet", both)));
  }
}
