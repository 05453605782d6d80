package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumCsvTest {
  @TempDir Path dir;

  @Test
  void readsWithCommentsAndBlankLines() {
    String csv = "\uFEFF# a user spectrum\n\n Energy_MeV , dN_dE \n1.0,0 # rising edge\n2.0, 2\n\n3.0,1e0\n";
    TabulatedSpectrum s = SpectrumCsv.read(new StringReader(csv), "x.csv");
    assertEquals(1.0, s.minEnergyMeV());
    assertEquals(3.0, s.maxEnergyMeV());
    assertEquals(2.0 / 2.5, s.densityPerMeV(2.0), 1e-15);
  }

  @Test
  void errorsNameSourceAndLine() {
    assertError("x.csv:2: expected the header 'energy_mev,dn_de', got '1.0,2.0'", "# c\n1.0,2.0\n");
    assertError("x.csv:3: energy_mev is not a finite decimal number: 'abc'", "energy_mev,dn_de\n1,1\nabc,2\n");
    assertError("x.csv:2: dn_de is not a finite decimal number: 'NaN'", "energy_mev,dn_de\n1,NaN\n2,1\n");
    assertError("x.csv:2: dn_de is not a finite decimal number: '1.0f'", "energy_mev,dn_de\n1,1.0f\n2,1\n");
    assertError("x.csv:2: dn_de is not a finite decimal number: ''", "energy_mev,dn_de\n1,\n2,1\n");
    assertError("x.csv:3: expected 2 comma-separated columns (energy_mev,dn_de), got 3 ('2,1,7'; a decimal comma,"
        + " 0,5, splits a number in two: write 0.5)", "energy_mev,dn_de\n1,1\n2,1,7\n");
    // walk33: a decimal comma (1,0,5) was "got 3" without the reason
    assertError("x.csv:3: expected 2 comma-separated columns (energy_mev,dn_de), got 3 ('1,0,5'; a decimal comma,"
        + " 0,5, splits a number in two: write 0.5)", "energy_mev,dn_de\n1,1\n1,0,5\n");
    assertError("x.csv:5: energy_mev 1.5 must be greater than 2.0 on line 3: energies must be strictly increasing",
        "energy_mev,dn_de\n1,1\n2,1\n# gap\n1.5,1\n");
    assertError("x.csv:3: energy_mev 2.0 must be greater than 2.0 on line 2: energies must be strictly increasing",
        "energy_mev,dn_de\n2,1\n2,1\n");
    assertError("x.csv:2: dn_de must be >= 0, got -1.0", "energy_mev,dn_de\n1,-1\n2,1\n");
    assertError("x.csv:2: energy_mev must be >= 0, got -1.0", "energy_mev,dn_de\n-1,1\n2,1\n");
    assertError("x.csv:2: energy_mev overflows a double: '1e999'", "energy_mev,dn_de\n1e999,1\n2,1\n");
    // issue 16: a 1e300 MeV row made the sampling tables run for minutes
    assertError("x.csv:3: energy_mev must be <= 1000 MeV (no neutrino source reaches higher, and CEvNS is not"
        + " coherent there), got 1.0E300", "energy_mev,dn_de\n1,1\n1e300,1\n");
    StringBuilder rows = new StringBuilder("energy_mev,dn_de\n");
    for (int i = 0; i <= SpectrumCsv.MAX_ROWS; i++) {
      rows.append(i * 1e-3).append(",1\n");
    }
    assertError("x.csv:" + (SpectrumCsv.MAX_ROWS + 2) + ": more than " + SpectrumCsv.MAX_ROWS + " data rows",
        rows.toString());
    assertError("x.csv: empty file, expected the header 'energy_mev,dn_de' and at least 2 data rows", "# only\n\n");
    assertError("x.csv: expected at least 2 data rows after the header, got 1", "energy_mev,dn_de\n1,1\n");
    assertError("x.csv: dn_de is 0 on every row, the shape cannot be normalised", "energy_mev,dn_de\n1,0\n2,0\n");
  }

  @Test
  void fileErrorsNameTheFile() throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "energy_mev,dn_de\n1,1\n2,x\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpectrumCsv.read(f));
    assertEquals(f + ":3: dn_de is not a finite decimal number: 'x'", e.getMessage());
    UncheckedIOException missing =
        assertThrows(UncheckedIOException.class, () -> SpectrumCsv.read(dir.resolve("none.csv")));
    assertTrue(missing.getMessage().startsWith("spectrum file not found: "), missing.getMessage());
    assertTrue(missing.getMessage().endsWith("none.csv"), missing.getMessage());
  }

  @Test
  void aFileThatIsNotUtf8IsNamedAsSuch() throws Exception {
    // before: UncheckedIOException "cannot read ...: Input length = 1" (the decoder's words, no file, no cause)
    Path f = dir.resolve("latin1.csv");
    Files.write(f, "# flux in 1/(MeV s), \u00b5 in Latin-1\nenergy_mev,dn_de\n1,1\n2,1\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpectrumCsv.read(f));
    assertEquals(f + ": not UTF-8 text (a byte that is not UTF-8, e.g. a Latin-1 or Windows-1252 \u00b5, \u00b0 or"
        + " umlaut in a comment); save the file as UTF-8", e.getMessage());
  }

  @Test
  void aSpreadsheetExportWithDecimalCommasIsRefusedNotMisread() {
    // German Excel writes 0,5;1,2e3. Before: "expected the header 'energy_mev,dn_de'" (no header) or "expected 2
    // comma-separated numbers, found 3" (with one), which did not say why; now the ';' and what to do
    String allowed = "as a spreadsheet's export with decimal commas (German or French Excel: 0,5;1,2e3); allowed:"
        + " comma-separated fields with a decimal point (0.5,1.2e3): export with '.' as the decimal separator, or as"
        + " CSV in English";
    assertError("x.csv:1: ';' separates fields ('0,5;1,2e3'), " + allowed, "0,5;1,2e3\n5;1,0\n");
    assertError("x.csv:2: ';' separates fields ('0,5;1,2e3'), " + allowed, "energy_mev,dn_de\n0,5;1,2e3\n");
    assertError("x.csv:1: ';' separates fields ('energy_mev;dn_de'), " + allowed, "energy_mev;dn_de\n0,5;1\n");
  }

  private static void assertError(String message, String csv) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SpectrumCsv.read(new StringReader(csv), "x.csv"));
    assertEquals(message, e.getMessage());
  }
}
