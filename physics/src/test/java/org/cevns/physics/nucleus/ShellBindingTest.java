package org.cevns.physics.nucleus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShellBindingTest {

  @Test
  void everyTableElementHasShellsSummingToZ() {
    for (String s : IsotopeTable.symbols()) {
      int z = IsotopeTable.element(s).z();
      ShellBinding b = ShellBinding.of(z);
      int sum = 0;
      for (int i = 0; i < b.shellCount(); i++) {
        assertTrue(b.electrons(i) > 0 && b.bindingKeV(i) > 0, s + " " + b.shellName(i));
        sum += b.electrons(i);
      }
      assertEquals(z, sum, s);
      assertEquals(b.shellName(0), "K");
      assertEquals(0, b.electronsBoundBelowKeV(0.0));
      assertEquals(z, b.electronsBoundBelowKeV(1e6));
    }
  }

  @Test
  void germaniumMatchesTheXrayDataBooklet() {
    ShellBinding ge = ShellBinding.of(32);
    assertEquals(11.103, ge.bindingKeV(0), 1e-12);
    assertEquals(1.4146, ge.bindingKeV(1), 1e-12);
    assertEquals(1.2481, ge.bindingKeV(2), 1e-12);
    assertEquals(1.217, ge.bindingKeV(3), 1e-12);
    assertEquals(30, ge.electronsBoundBelowKeV(11.0)); // all but K
    assertEquals(32, ge.electronsBoundBelowKeV(11.2));
    assertEquals(28, ge.electronsBoundBelowKeV(1.3)); // L1 (2) still bound
    assertEquals(4, ge.electronsBoundBelowKeV(0.02)); // 4s2 4p2
  }

  @Test
  void xenonSkipsTheEmpty4fShell() {
    ShellBinding xe = ShellBinding.of(54);
    assertEquals("O3", xe.shellName(xe.shellCount() - 1));
    assertEquals(4, xe.electrons(xe.shellCount() - 1));
    assertEquals(34.561, xe.bindingKeV(0), 1e-12);
  }

  @Test
  void unknownElement() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShellBinding.of(92));
    assertTrue(e.getMessage().contains("92"));
  }
}
