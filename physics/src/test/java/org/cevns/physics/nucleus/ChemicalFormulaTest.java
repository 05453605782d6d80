package org.cevns.physics.nucleus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChemicalFormulaTest {

  @Test
  void parsesDetectorMaterialsInOrder() {
    assertEquals(Map.of("Ca", 1, "W", 1, "O", 4), ChemicalFormula.parse("CaWO4"));
    assertEquals(List.of("Ca", "W", "O"), List.copyOf(ChemicalFormula.parse("CaWO4").keySet()));
    assertEquals(Map.of("C", 3, "F", 8), ChemicalFormula.parse("C3F8"));
    assertEquals(Map.of("Al", 2, "O", 3), ChemicalFormula.parse("Al2O3"));
    assertEquals(Map.of("Cs", 1, "I", 1), ChemicalFormula.parse("CsI"));
    assertEquals(Map.of("Na", 1, "I", 1), ChemicalFormula.parse("NaI"));
    assertEquals(Map.of("Ge", 1), ChemicalFormula.parse("Ge"));
    assertEquals(Map.of("Xe", 1), ChemicalFormula.parse(" Xe "));
    assertEquals(Map.of("H", 2, "O", 1), ChemicalFormula.parse("H2O"));
    assertEquals(Map.of("C", 2, "H", 6), ChemicalFormula.parse("CH3CH3"));
    assertEquals(Map.of("Cd", 1, "Zn", 1, "Te", 1), ChemicalFormula.parse("CdZnTe"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''| non-empty", "cawo4| position 1", "Ca(OH)2| parentheses", "XxO| unknown element 'Xx'",
      "O0| count of O", "2O| position 1", "Ca WO4| without spaces", "Ge10001| count of Ge", "CsI·H2O| without spaces"})
  void malformedFormulasAreRejectedClearly(String formula, String messagePart) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChemicalFormula.parse(formula));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }
}
