package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The decimal-comma message's skeleton, written out whole once; the readers' tests pin their own variants. */
class DecimalCommasTest {
  @Test
  void theMessageNamesWhereWhyTheLineAndWhatIsAllowed() {
    assertEquals("f.csv:3: ';' separates fields ('0,5;1,2e3'), as a spreadsheet's export with decimal commas"
        + " (German or French Excel: 0,5;1,2e3); allowed: what the reader reads: export with '.' as the decimal"
        + " separator", DecimalCommas.message("f.csv:3", "';' separates fields", "0,5;1,2e3", "what the reader reads"));
  }

  @Test
  void aLineOfAtMost40CharactersIsQuotedWholeALongerOneCutTo37AndAnEllipsis() {
    String forty = "0,5;".repeat(10);
    assertEquals(forty, DecimalCommas.abbreviated(forty));
    assertEquals(forty.substring(0, 37) + "...", DecimalCommas.abbreviated(forty + "1"));
    assertEquals("", DecimalCommas.abbreviated(""));
  }
}
