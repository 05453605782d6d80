package org.cevns.analysis.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code analysis.fit.template_files} and {@code analysis.fit.control_region}: parsing and one-line errors. */
class TemplateFilesConfigTest {
  @TempDir Path dir;

  private static final String COLUMNS = "columns: {energy_kevee: 1, time_us: 3, expected: 4}";

  @BeforeEach
  void files() throws IOException {
    // energy keVee, a pulse-shape column (summed over), time us, expected events
    Files.writeString(dir.resolve("nom.txt"), "# nominal\n5 0.5 0.15 1\n5 0.6 0.15 3\n15 0.5 0.65 4\n");
    Files.writeString(dir.resolve("up.txt"), "5 0.5 0.15 2\n5 0.6 0.15 3\n15 0.5 0.65 3\n");
    Files.writeString(dir.resolve("down.txt"), "5 0.5 0.15 0.5\n5 0.6 0.15 3\n15 0.5 0.65 4.5\n");
    Files.writeString(dir.resolve("moved.txt"), "5 0.5 0.15 2\n25 0.6 0.15 3\n15 0.5 0.65 3\n");
    Files.writeString(dir.resolve("bad.txt"), "5 0.5 0.15 2\n5 0.6 x 3\n");
    Files.writeString(dir.resolve("neg.txt"), "5 0.5 0.15 -2\n");
  }

  private AnalysisConfig parse(String analysis) {
    return AnalysisConfig.of(ConfigLoader.parse(AnalysisConfigTest.BEAM + "analysis:\n" + analysis.indent(2), dir));
  }

  private String fit(String templates) {
    return "fit:\n  observable: energy-time\n  control_region: false\n  template_files:\n" + templates.indent(4);
  }

  @Test
  void templatesAreReadScaledAndTheirVariantsBecomeShapeParameters() {
    AnalysisConfig a = parse(fit("""
        - component: brn
          file: nom.txt
          %s
          events: 16
          variants:
            - {name: brn_energy, up: up.txt, down: down.txt}
            - {name: brn_timing, up: up.txt}
        - {component: signal, file: nom.txt, %s}
        """.formatted(COLUMNS, COLUMNS)));
    FitSettings f = a.fit();
    assertFalse(f.controlRegion());
    assertEquals(2, f.templateFiles().size());
    TemplateFile brn = f.templateFiles().get(0);
    assertEquals("csi", brn.detector());
    assertEquals("beam", brn.period());
    assertEquals("coincidence", brn.window());
    assertArrayEquals(new double[] {5, 5, 15}, brn.energyKeVee());
    assertArrayEquals(new double[] {150, 150, 650}, brn.timeNs(), 1e-9);
    assertArrayEquals(new double[] {2, 6, 8}, brn.expected()); // total 8 scaled to 16
    assertArrayEquals(new double[] {4, 6, 6}, brn.variants().get(0).up());
    assertArrayEquals(new double[] {1, 6, 9}, brn.variants().get(0).down());
    // one file: mirrored about the nominal, down = max(0, 2 nominal - up)
    assertArrayEquals(new double[] {0, 6, 10}, brn.variants().get(1).down());
    assertEquals(16, brn.total(), 1e-12);
    List<Systematic> shapes = a.systematics().entries().stream().filter(e -> e.kind() == Systematic.Kind.SHAPE)
        .toList();
    assertEquals(List.of("brn_energy", "brn_timing"), shapes.stream().map(Systematic::parameter).toList());
    assertEquals("brn", shapes.get(0).component());
    assertEquals(List.of(), a.parameters());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "- {component: muons, file: nom.txt, COLS}|analysis.fit.template_files[0].component: must be signal or a background component (steady, brn, eves), got 'muons'",
      "- {component: brn, file: none.txt, COLS}|analysis.fit.template_files[0].file: must be a readable file (relative paths are relative to the configuration file's directory; looked for DIR/none.txt), got 'none.txt'",
      "- {component: brn, file: bad.txt, COLS}|analysis.fit.template_files[0].file: bad.txt:2: time: not a number: 'x'",
      "- {component: brn, file: neg.txt, COLS}|analysis.fit.template_files[0].file: neg.txt:1: expected: must be >= 0, got -2",
      "- {component: brn, file: nom.txt, columns: {energy_kevee: 1, expected: 4}}|analysis.fit.template_files[0].columns: the energy-time fit needs a time column (time_us or time_ns)",
      "- {component: brn, file: nom.txt, columns: {energy_kevee: 1, time_us: 3, expected: 9}}|analysis.fit.template_files[0].file: nom.txt:2: has 4 columns, the columns mapping needs 9",
      "- {component: brn, file: nom.txt, window: late, COLS}|analysis.fit.template_files[0].window: must be coincidence or anticoincidence, got 'late'",
      "- {component: brn, file: nom.txt, COLS, variants: [{name: e, up: moved.txt}]}|analysis.fit.template_files[0].variants[0].up: row 2 is at energy 25.0 keVee, time 150.0 ns; the nominal file's row 2 is at 5.0 keVee, 150.0 ns (variants must list the nominal file's rows in its order)",
      "- {component: brn, file: nom.txt, COLS, variants: [{name: e, up: up.txt}, {name: e, up: down.txt}]}|analysis.fit.template_files[0].variants[1].name: 'e' is used twice in this template",
      "- {component: brn, file: nom.txt, COLS, pot: -1}|analysis.fit.template_files[0].pot: must be > 0, got -1",
      "- {component: brn, file: nom.txt, COLS, evnts: 3}|analysis.fit.template_files[0].evnts: unknown key, allowed: component, detector, window, period, file, columns, events, pot, variants",
  })
  void badTemplateFilesAreOneLineErrors(String entry, String message) {
    ConfigErrorAssertions.assertMessage(message.replace("DIR", dir.toAbsolutePath().normalize().toString()),
        () -> parse(fit(entry.replace("COLS", COLUMNS))));
  }

  @Test
  void physicsParametersMoveASignalTemplateFile() {
    // before 2026-12-04 refused ("re-weight the simulated signal, which analysis.fit.template_files replaces"); a
    // file template now moves by the reweighted simulation's bin-wise ratio (FileTemplatePhysics)
    AnalysisConfig c = parse(fit("- {component: signal, file: nom.txt, " + COLUMNS + "}") + "parameters: [sin2_theta_w]\n");
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("sin2_theta_w"), c.parameters());
  }

  @Test
  void aByteOrderMarkIsNotAHeader() throws IOException {
    // before: the BOM made the header-less file's first row "\uFEFF5" no number, so it was skipped as a header
    // (total 7 instead of 8); Windows line endings and a BOM before a header are read as well
    Files.writeString(dir.resolve("bom.txt"), "\uFEFF5 0.5 0.15 1\r\n5 0.6 0.15 3\r\n15 0.5 0.65 4\r\n");
    Files.writeString(dir.resolve("bom-header.txt"), "\uFEFFenergy pulse time expected\r\n5 0.5 0.15 1\r\n"
        + "15 0.5 0.65 4\r\n");
    FitSettings f = parse(fit("- {component: brn, file: bom.txt, " + COLUMNS + "}\n"
        + "- {component: signal, file: bom-header.txt, " + COLUMNS + "}")).fit();
    assertArrayEquals(new double[] {1, 3, 4}, f.templateFiles().get(0).expected());
    assertArrayEquals(new double[] {1, 4}, f.templateFiles().get(1).expected());
  }

  @Test
  void aLineOfSeparatorsOnlyIsAOneLineError() throws IOException {
    // before: "internal error: java.lang.ArrayIndexOutOfBoundsException: Index 0 out of bounds for length 0" (the
    // first line's split had no field to test for a header)
    Files.writeString(dir.resolve("commas.txt"), ",\n5 0.5 0.15 1\n");
    Files.writeString(dir.resolve("commas-later.txt"), "5 0.5 0.15 1\n , ,\n");
    ConfigErrorAssertions.assertMessage("analysis.fit.template_files[0].file: commas.txt:1: has 0 columns, the"
        + " columns mapping needs 4", () -> parse(fit("- {component: brn, file: commas.txt, " + COLUMNS + "}")));
    ConfigErrorAssertions.assertMessage("analysis.fit.template_files[0].file: commas-later.txt:2: has 0 columns, the"
        + " columns mapping needs 4", () -> parse(fit("- {component: brn, file: commas-later.txt, " + COLUMNS + "}")));
  }

  @Test
  void aFileThatIsNotUtf8IsNamedAsSuch() throws IOException {
    // before: "cannot read PATH: Input length = 1", the decoder's words
    Files.write(dir.resolve("latin1.txt"), "# \u00b5s\n5 0.5 0.15 1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    ConfigErrorAssertions.assertMessage("analysis.fit.template_files[0].file: latin1.txt: not UTF-8 text (a byte that"
        + " is not UTF-8, e.g. a Latin-1 or Windows-1252 \u00b5, \u00b0 or umlaut in a comment); save the file as UTF-8",
        () -> parse(fit("- {component: brn, file: latin1.txt, " + COLUMNS + "}")));
  }

  @Test
  void aSpreadsheetExportWithDecimalCommasIsRefusedNotMisread() throws IOException {
    // before: "5,0 0,5 0,15 1" (tab-separated text of German Excel) was read as the seven numbers 5 0 0 5 0 15 1,
    // the row silently at energy 5, time 0, expected 5; "5;0,5;0,15;1" failed as "not a number: '5;0'"
    Files.writeString(dir.resolve("tabs.txt"), "energy\tpulse\ttime\texpected\n5,0\t0,5\t0,15\t1\n");
    Files.writeString(dir.resolve("semi.txt"), "5;0,5;0,15;1\n");
    String allowed = ", as a spreadsheet's export with decimal commas (German or French Excel: 0,5;1,2e3); allowed:"
        + " numbers with a decimal point separated by blanks or commas (0.5 1.2e3): export with '.' as the decimal"
        + " separator";
    ConfigErrorAssertions.assertMessage("analysis.fit.template_files[0].file: tabs.txt:2: a comma inside"
        + " blank-separated fields ('5,0\t0,5\t0,15\t1')" + allowed,
        () -> parse(fit("- {component: brn, file: tabs.txt, " + COLUMNS + "}")));
    ConfigErrorAssertions.assertMessage("analysis.fit.template_files[0].file: semi.txt:1: ';' separates fields"
        + " ('5;0,5;0,15;1')" + allowed, () -> parse(fit("- {component: brn, file: semi.txt, " + COLUMNS + "}")));
    // commas between fields, with or without blanks, are still read
    Files.writeString(dir.resolve("commas.txt"), "5, 0.5, 0.15, 1\n5,0.6,0.15,3\n");
    assertArrayEquals(new double[] {1, 3},
        parse(fit("- {component: brn, file: commas.txt, " + COLUMNS + "}")).fit().templateFiles().get(0).expected());
  }

  @Test
  void theSingleModeHasNoControlRegionToLeaveOut() {
    ConfigErrorAssertions.assertMessage(
        "analysis.fit.control_region: mode single has no control region; leave control_region out",
        () -> AnalysisConfig.of(ConfigLoader.parse(AnalysisConfigTest.BEAM
            + "analysis:\n  mode: single\n  fit: {control_region: false}\n", dir)));
  }
}
