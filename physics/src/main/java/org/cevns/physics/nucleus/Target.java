package org.cevns.physics.nucleus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.constants.Units;

/**
 * Detector material as a list of nuclides with the number of atoms of each per formula unit: for CsI,
 * {(Cs133, 1), (I127, 1)}; for natural Ge, {(Ge70, 0.2057), (Ge72, 0.2745), ...}; for CaWO4, Ca and W split by
 * natural abundance plus 4 × the O abundances. Turns a detector mass into numbers of target nuclei and atoms
 * (Avogadro constant, molar mass from the AME2020 atomic masses).
 *
 * <p>"Per nucleus" averages (used e.g. for the flux-averaged cross sections of docs/physics.md, "Validation") weight
 * each nuclide by
 * its atom count per formula unit: ⟨σ⟩ = Σ n_i σ_i / Σ n_i.
 */
public final class Target {

  /**
   * One nuclide of the target.
   *
   * @param isotope              the nuclide
   * @param atomsPerFormulaUnit  atoms of this nuclide per formula unit (&gt; 0)
   */
  public record Component(Isotope isotope, double atomsPerFormulaUnit) {
    /** Validates the component. */
    public Component {
      if (isotope == null) {
        throw new IllegalArgumentException("target component isotope: must not be null");
      }
      if (!(atomsPerFormulaUnit > 0) || !Double.isFinite(atomsPerFormulaUnit)) {
        throw new IllegalArgumentException("target component " + isotope.label()
            + " atomsPerFormulaUnit: must be > 0, got " + atomsPerFormulaUnit);
      }
    }
  }

  private final String description;
  private final List<Component> components;
  private final double molarMassGPerMol;

  private Target(String description, List<Component> components) {
    this.description = description;
    this.components = List.copyOf(components);
    double m = 0;
    for (Component c : components) {
      m += c.atomsPerFormulaUnit() * c.isotope().atomicMassU();
    }
    this.molarMassGPerMol = m;
  }

  /** Target of natural isotopic composition from a chemical formula such as {@code "CaWO4"} (see {@link ChemicalFormula}). */
  public static Target ofFormula(String formula) {
    Map<String, Integer> counts = ChemicalFormula.parse(formula);
    List<Component> list = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      for (Isotope iso : IsotopeTable.naturalIsotopes(e.getKey())) {
        if (iso.naturalAbundance() > 0) {
          list.add(new Component(iso, e.getValue() * iso.naturalAbundance()));
        }
      }
    }
    return new Target(formula.trim(), list);
  }

  /**
   * Target of explicitly listed nuclides with atom fractions summing to 1 (within 1e-6), e.g. enriched Xe.
   * The formula unit is then one atom.
   */
  public static Target ofAtomFractions(List<Component> atomFractions) {
    if (atomFractions == null || atomFractions.isEmpty()) {
      throw new IllegalArgumentException("target isotopes: must list at least one isotope with its atom fraction");
    }
    double sum = 0;
    StringBuilder desc = new StringBuilder();
    for (Component c : atomFractions) {
      sum += c.atomsPerFormulaUnit();
      desc.append(desc.length() == 0 ? "" : " + ").append(c.atomsPerFormulaUnit()).append(' ')
          .append(c.isotope().label());
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("target isotopes: atom fractions must sum to 1, got " + sum);
    }
    return new Target(desc.toString(), atomFractions);
  }

  /** The formula or isotope list the target was made from. */
  public String description() {
    return description;
  }

  /** Components in order (formula order, then increasing A). */
  public List<Component> components() {
    return components;
  }

  /** Number of nuclides. */
  public int size() {
    return components.size();
  }

  /** Nuclide {@code index}. */
  public Isotope isotope(int index) {
    return components.get(index).isotope();
  }

  /** Atoms of nuclide {@code index} per formula unit. */
  public double atomsPerFormulaUnit(int index) {
    return components.get(index).atomsPerFormulaUnit();
  }

  /** Total atoms per formula unit (2 for CsI, 6 for CaWO4, 1 for an element). */
  public double totalAtomsPerFormulaUnit() {
    double n = 0;
    for (Component c : components) {
      n += c.atomsPerFormulaUnit();
    }
    return n;
  }

  /** Molar mass of one formula unit in g/mol (Σ n_i m_i with atomic masses in u). */
  public double molarMassGPerMol() {
    return molarMassGPerMol;
  }

  /** Formula units per kg: N_A · 1000 g/kg / M. */
  public double formulaUnitsPerKg() {
    return PhysicalConstants.AVOGADRO_PER_MOL * Units.G_PER_KG / molarMassGPerMol;
  }

  /** Nuclei of nuclide {@code index} per kg of target. */
  public double nucleiPerKg(int index) {
    return formulaUnitsPerKg() * atomsPerFormulaUnit(index);
  }

  /** All atoms per kg of target. */
  public double atomsPerKg() {
    return formulaUnitsPerKg() * totalAtomsPerFormulaUnit();
  }

  /** Distinct proton numbers in order of first appearance (the atoms EvES scatters on). */
  public List<Integer> elementZs() {
    Map<Integer, Boolean> zs = new LinkedHashMap<>();
    for (Component c : components) {
      zs.put(c.isotope().z(), Boolean.TRUE);
    }
    return List.copyOf(zs.keySet());
  }

  /** Atoms of element {@code z} (all its isotopes) per kg of target; 0 if absent. */
  public double atomsPerKgOfElement(int z) {
    double n = 0;
    for (Component c : components) {
      if (c.isotope().z() == z) {
        n += c.atomsPerFormulaUnit();
      }
    }
    return formulaUnitsPerKg() * n;
  }

  /** Electrons per kg of target (Σ Z_i n_i per formula unit × formula units per kg). */
  public double electronsPerKg() {
    double n = 0;
    for (Component c : components) {
      n += c.atomsPerFormulaUnit() * c.isotope().z();
    }
    return formulaUnitsPerKg() * n;
  }

  @Override
  public String toString() {
    return "Target[" + description + "]";
  }
}
