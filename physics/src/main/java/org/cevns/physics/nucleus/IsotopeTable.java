package org.cevns.physics.nucleus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nuclide data for every stable isotope of H, He, Li, B, C, N, O, F, Ne, Na, Al, Si, S, Cl, Ar, Ca, Fe, Cu, Zn,
 * Ge, Kr, Cd, Te, I, Xe, Cs, W, Pb, Bi.
 *
 * <p>Sources:
 * <ul>
 *   <li>Atomic masses: AME2020, M. Wang et al., Chin. Phys. C 45 (2021) 030003 (file mass.mas20), to all
 *       digits printed there.</li>
 *   <li>Natural abundances: IUPAC/CIAAW representative isotopic compositions ("Isotopic compositions of the
 *       elements 2013", J. Meija et al., Pure Appl. Chem. 88 (2016) 293; the values also listed by NIST). They
 *       sum to 1 per element; real samples vary within the CIAAW intervals (e.g. atmospheric Ar, terrestrial
 *       Li, B, Pb).</li>
 *   <li>Ground-state spins: NUBASE2020 (F. G. Kondev et al., Chin. Phys. C 45 (2021) 030001).</li>
 *   <li>Spin expectation values ⟨S_p⟩, ⟨S_n⟩: shell-model values of Klos et al., PRD 88 (2013) 083516 for
 *       ¹⁹F, ²³Na, ²⁷Al, ²⁹Si, ⁷³Ge, ¹²⁷I, ¹²⁹Xe, ¹³¹Xe; Toivanen et al., PRC 79 (2009) 044302 for ¹³³Cs; for
 *       every other odd-A nuclide the odd-group model from the measured magnetic moment (see
 *       {@code IsotopeData}). Even-even nuclei have J = 0 and no spin; odd-odd nuclei get ⟨S⟩ = 0.</li>
 * </ul>
 */
public final class IsotopeTable {
  private IsotopeTable() {}

  private static final Pattern LABEL = Pattern.compile("([A-Z][a-z]?)-?(\\d{1,3})");
  private static final Map<String, Element> ELEMENTS_BY_SYMBOL = new LinkedHashMap<>();
  private static final Map<Integer, Element> ELEMENTS_BY_Z = new LinkedHashMap<>();

  static {
    Map<String, List<Isotope>> bySymbol = new LinkedHashMap<>();
    for (String s : IsotopeData.SYMBOLS) {
      bySymbol.put(s, new ArrayList<>());
    }
    for (IsotopeData.Row row : IsotopeData.ROWS) {
      bySymbol.get(row.symbol()).add(new Isotope(row.z(), row.a(), row.symbol(), row.massU(), row.abundance(),
          row.spin(), row.sp(), row.sn()));
    }
    for (Map.Entry<String, List<Isotope>> e : bySymbol.entrySet()) {
      Element element = new Element(e.getKey(), e.getValue().get(0).z(), e.getValue());
      ELEMENTS_BY_SYMBOL.put(element.symbol(), element);
      ELEMENTS_BY_Z.put(element.z(), element);
    }
  }

  /** Element symbols in the table, in increasing Z. */
  public static List<String> symbols() {
    return List.copyOf(ELEMENTS_BY_SYMBOL.keySet());
  }

  /** True when {@code symbol} is an element of the table. */
  public static boolean contains(String symbol) {
    return ELEMENTS_BY_SYMBOL.containsKey(symbol);
  }

  /** The element with this symbol (case-sensitive, e.g. {@code "Xe"}). */
  public static Element element(String symbol) {
    Element e = ELEMENTS_BY_SYMBOL.get(symbol);
    if (e == null) {
      throw new IllegalArgumentException("unknown element '" + symbol + "'; known: " + String.join(", ", symbols()));
    }
    return e;
  }

  /** The element with proton number {@code z}. */
  public static Element element(int z) {
    Element e = ELEMENTS_BY_Z.get(z);
    if (e == null) {
      throw new IllegalArgumentException("unknown element Z = " + z + "; known Z: " + ELEMENTS_BY_Z.keySet());
    }
    return e;
  }

  /** Natural isotopes of the element (abundances sum to 1), in increasing A. */
  public static List<Isotope> naturalIsotopes(String symbol) {
    return element(symbol).isotopes();
  }

  /** The isotope (z, a). */
  public static Isotope isotope(int z, int a) {
    Element e = element(z);
    for (Isotope iso : e.isotopes()) {
      if (iso.a() == a) {
        return iso;
      }
    }
    throw new IllegalArgumentException("unknown isotope " + e.symbol() + a + " (Z = " + z + ", A = " + a
        + "); known " + e.symbol() + " isotopes: " + massNumbers(e));
  }

  /** The isotope of element {@code symbol} with mass number {@code a}. */
  public static Isotope isotope(String symbol, int a) {
    return isotope(element(symbol).z(), a);
  }

  /** The isotope named by a label such as {@code "Cs133"} or {@code "Xe-136"}. */
  public static Isotope fromLabel(String label) {
    Matcher m = label == null ? null : LABEL.matcher(label.trim());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("isotope label '" + label + "': expected element symbol + mass number, "
          + "e.g. 'Cs133'");
    }
    return isotope(m.group(1), Integer.parseInt(m.group(2)));
  }

  private static String massNumbers(Element e) {
    List<String> as = new ArrayList<>();
    for (Isotope iso : e.isotopes()) {
      as.add(Integer.toString(iso.a()));
    }
    return String.join(", ", Collections.unmodifiableList(as));
  }
}
