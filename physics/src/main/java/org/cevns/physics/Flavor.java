package org.cevns.physics;

import java.util.Locale;

/** Neutrino flavour and helicity, with the exact spelling used in event files ({@code nue}, {@code numubar}, ...). */
public enum Flavor {
  NUE, NUMU, NUTAU, NUEBAR, NUMUBAR, NUTAUBAR;

  /** The name written to the {@code flavor} column. */
  public String columnName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for antineutrinos. */
  public boolean isAnti() {
    return this == NUEBAR || this == NUMUBAR || this == NUTAUBAR;
  }

  /** True for electron (anti)neutrinos, which also scatter on electrons through the charged current. */
  public boolean isElectronFlavor() {
    return this == NUE || this == NUEBAR;
  }

  /** Parses the column spelling, e.g. {@code numubar}. */
  public static Flavor fromColumnName(String s) {
    for (Flavor f : values()) {
      if (f.columnName().equals(s)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown flavor '" + s + "', allowed: nue, numu, nutau, nuebar, numubar, nutaubar");
  }
}
