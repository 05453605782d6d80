package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imported data that {@code analyze} fitted silently wrong (docs/design.md, walk34, "Left") are refused by
 * {@code analyze}, {@code fit}, {@code scan} and {@code combine --joint} before the templates: one line, exit 2,
 * nothing written. Before, the CsI release's C file alone was fitted with 0 anti-coincidence events against 4896
 * expected (μ̂ = 3.55, 33σ), and its PE imported as keVee (every event above the fit's 4.5 keVee) gave μ̂ = −0.002
 * and χ² 22.5 / 190, both exit 0 without a word.
 */
class ImportedDataRefusedTest {
  static final Path CSI = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml");
  static final Path LAR = GenerateCommandTest.CONFIGS.resolve("coherent-lar.yaml");
  static final Path RELEASE = GenerateCommandTest.CONFIGS.resolve("data/coherent-csi-2021");
  @TempDir Path tmp;

  private Path imported(String name, String... args) {
    Path out = tmp.resolve(name);
    List<String> a = new java.util.ArrayList<>(List.of("import"));
    a.addAll(List.of(args));
    a.addAll(List.of("-o", out.toString()));
    CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return out;
  }

  private void refused(Path data, String line) {
    Path out = tmp.resolve("out");
    String d = data.toString();
    for (List<String> args : List.of(List.of("analyze", CSI.toString(), "-i", d, "-o", out.toString(), "--seed", "1"),
        List.of("fit", CSI.toString(), "--poi", "mu", "-i", d, "-o", out.toString()),
        List.of("scan", CSI.toString(), "--poi", "mu=0:2:3", "-i", d, "-o", out.toString()),
        // the CsI pair is prepared first: its data are refused before LAR's are looked at
        List.of("combine", "--joint", CSI.toString(), "-i", d, LAR.toString(), "-i", d, "-o", out.toString(),
            "--poi", "mu=0:2:3"))) {
      CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
      assertEquals(2, r.exitCode(), args + ": " + r.err());
      String prefix = args.get(0).equals("combine") ? CSI + " -i " + d + ": " : "";
      assertEquals("cevns: " + prefix + line, r.err().strip(), args.toString());
      assertFalse(Files.exists(out), args + ": output written");
    }
  }

  @Test
  void theCoincidenceFileAloneIsRefused() {
    Path c = imported("c.parquet", "--format", "coherent-csi-2021", RELEASE.resolve("dataBeamOnC.txt").toString(),
        "--set", "files=", "--set", "window=coincidence");
    refused(c, c.toAbsolutePath() + ": no anticoincidence data for"
        + " detector csi (the import's inputs cover: coincidence); import the anticoincidence events too, or set"
        + " analysis.fit.control_region: false");
  }

  @Test
  void photoelectronsImportedAsKeVeeAreRefused() {
    Path pe = imported("pe.parquet", "--format", "coherent-csi-2021", RELEASE.toString(), "--set",
        "columns.energy.unit=kevee", "--set", "columns.energy.pe_per_kevee=");
    refused(pe, pe.toAbsolutePath() + ": detector csi: all 10032"
        + " imported events lie outside the fit's energy range 0.5 to 4.5 keVee (the data: 6.246 to 249.9 keVee);"
        + " check the import's columns.energy.unit (pe needs pe_per_kevee), or fit them with an analysis.energy"
        + " range that holds them");
  }
}
