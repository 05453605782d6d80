package org.cevns.analysis.plot;

/** Makes AWT run without a display before any font or image is created. */
final class Headless {
  private Headless() {}

  /** Sets {@code java.awt.headless=true} unless the user already chose a value. */
  static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
