package org.cevns.schema;

/**
 * What a detector is made of: a chemical formula ({@link FormulaTarget}, natural isotopic abundances, atoms
 * weighted by count) or an explicit isotope list ({@link IsotopeTarget}, atom fractions). YAML:
 * {@code target: {formula: CsI}} or {@code target: {isotopes: [{element: Xe, a: 136, fraction: 0.9}, ...]}}.
 */
public sealed interface TargetConfig permits FormulaTarget, IsotopeTarget {}
