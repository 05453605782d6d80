package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cevns.analysis.plot.ValueFormat;
import org.cevns.analysis.report.TerminalTable.Align;
import org.junit.jupiter.api.Test;

class TerminalTableTest {
  private static List<String> lines(String s) {
    assertTrue(s.endsWith("\n"));
    return List.of(s.split("\n"));
  }

  @Test
  void decimalColumnAlignsPointsAndLeftColumnIsPadded() {
    String s = TerminalTable.builder("counts")
        .column("component", Align.LEFT).column("ON", Align.DECIMAL).column("period", Align.RIGHT)
        .row("CEvNS", "395.25", "on")
        .row("neutrons", "21.6", "on")
        .row("muons", "1234", "off")
        .separator()
        .row("total", "1650.85", "all")
        .build().render();
    List<String> l = lines(s);
    assertEquals("counts", l.get(0));
    assertTrue(l.get(1).startsWith("component  "), l.get(1));
    assertTrue(l.get(2).matches("\u2500+"), l.get(2));
    int point = l.get(3).indexOf('.');
    assertEquals(point, l.get(4).indexOf('.'));
    assertEquals(point, l.get(7).indexOf('.'));
    assertEquals(point, l.get(5).indexOf("4") + 1); // "1234" ends where the points are
    assertTrue(l.get(6).matches("\u2500+"));
    // the right-aligned column ends at the same place in every row
    int end = l.get(3).length();
    assertEquals(end, l.get(4).length());
    assertEquals(end, l.get(5).length());
    // the left column starts every row and pads to the widest cell
    assertEquals(l.get(3).indexOf("395"), l.get(4).indexOf("21.6") - 1);
  }

  @Test
  void numbersWithUncertaintiesAlignOnTheirFirstNumber() {
    String s = TerminalTable.builder("")
        .column("param", Align.LEFT).column("value", Align.DECIMAL)
        .row("mu", ValueFormat.withInterval(1.0234, 0.8321, 1.2345))
        .row("signal", ValueFormat.withUncertainty(395.2, 106.3))
        .row("Z", ValueFormat.significance(3.72))
        .build().render();
    List<String> l = lines(s);
    int mu = l.get(2).indexOf('.');
    assertEquals(mu, l.get(3).indexOf("400") + 3);
    assertEquals(mu, l.get(4).indexOf('.'));
  }

  @Test
  void wideTablesAreShortenedToOneHundredColumns() {
    TerminalTable.Builder b = TerminalTable.builder("x".repeat(150))
        .column("name", Align.LEFT).column("detail", Align.LEFT).column("value", Align.RIGHT);
    for (int i = 0; i < 5; i++) {
      b.row("component " + "n".repeat(60) + i, "d".repeat(70), Integer.toString(i * 1000));
    }
    String s = b.build().render();
    for (String line : lines(s)) {
      assertTrue(TerminalTable.len(line) <= TerminalTable.MAX_WIDTH, line.length() + ": " + line);
    }
    assertTrue(s.contains("\u2026"));
    assertTrue(s.contains("4000"), "numbers are kept whole: " + s);
  }

  /** cevns run's precision table title (105 characters) lost its end to "…"; it is wrapped at a space now. */
  @Test
  void longTitlesAreWrappedNotCut() {
    String title = "coherent-csi: expected 68.27 % CL precision (Asimov at the configured exposure, systematics"
        + " included)";
    String s = TerminalTable.builder(title).column("parameter", Align.LEFT).row("mu").build().render();
    List<String> l = lines(s);
    assertEquals("coherent-csi: expected 68.27 % CL precision (Asimov at the configured exposure, systematics",
        l.get(0));
    assertEquals("included)", l.get(1));
    assertEquals("parameter", l.get(2));
    assertTrue(!s.contains("\u2026"), s);
  }

  @Test
  void invalidRowsAreRejected() {
    TerminalTable.Builder b = TerminalTable.builder("t").column("a", Align.LEFT).column("b", Align.RIGHT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.row("only one"));
    assertTrue(e.getMessage().contains("2 cells"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TerminalTable.builder("t").build());
  }
}
