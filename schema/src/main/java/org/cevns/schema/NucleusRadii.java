package org.cevns.schema;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Radii imposed on one nuclide's form factors, an entry of {@code physics.nuclei}:
 * {@code Cs133: {neutron_rms_radius_fm: 4.86, proton_rms_radius_fm: 4.70}}. A radius not given is the form
 * factor model's default for that nucleus.
 *
 * @param element element symbol of the nuclide
 * @param a mass number, in [Z, 300]
 * @param neutronRmsRadiusFm neutron rms radius in fm, in [0.5, 20]
 * @param protonRmsRadiusFm proton rms radius in fm, in [0.5, 20]; at least one of the two is given
 */
public record NucleusRadii(String element, int a, OptionalDouble neutronRmsRadiusFm, OptionalDouble protonRmsRadiusFm) {
  private static final Pattern KEY = Pattern.compile("([A-Z][a-z]{0,2})([1-9][0-9]{0,2})");
  /**
   * Allowed radii (fm): a guard against other units (a radius in m or cm would be tiny); nuclear rms radii lie
   * between the proton's 0.84 fm and ~6 fm.
   */
  public static final DoubleRange RADIUS_FM = DoubleRange.closed(0.5, 20);

  public NucleusRadii {
    IsotopeFraction.checkNuclide(element, a);
    neutronRmsRadiusFm = Checks.optional("neutron_rms_radius_fm", neutronRmsRadiusFm, RADIUS_FM);
    protonRmsRadiusFm = Checks.optional("proton_rms_radius_fm", protonRmsRadiusFm, RADIUS_FM);
    if (neutronRmsRadiusFm.isEmpty() && protonRmsRadiusFm.isEmpty()) {
      throw new ConfigException("", "must give neutron_rms_radius_fm or proton_rms_radius_fm or both", "none");
    }
  }

  /** The key of this nuclide in {@code physics.nuclei}: symbol + A, e.g. {@code Cs133}. */
  public String key() {
    return element + a;
  }

  /** Atomic number. */
  public int z() {
    return Elements.atomicNumber(element).getAsInt();
  }

  /**
   * Splits a nuclide key such as {@code Cs133} into symbol and A, validating both.
   *
   * @return {element symbol, A as string}
   * @throws ConfigException {@code must be an element symbol followed by the mass number, e.g. Cs133, got 'Cs'}
   */
  static String[] parseKey(String key) {
    Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      throw new ConfigException("", "must be an element symbol followed by the mass number, e.g. Cs133",
          ConfigException.quote(key));
    }
    Elements.require("", m.group(1), key);
    return new String[] {m.group(1), m.group(2)};
  }
}
