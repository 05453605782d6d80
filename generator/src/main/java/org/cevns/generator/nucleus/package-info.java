/**
 * Nuclide and atomic data: {@link org.cevns.generator.nucleus.IsotopeTable} (AME2020 masses, IUPAC abundances,
 * spins and spin expectation values), {@link org.cevns.generator.nucleus.ChemicalFormula},
 * {@link org.cevns.generator.nucleus.Target} (detector mass → numbers of nuclei, atoms, electrons) and
 * {@link org.cevns.generator.nucleus.ShellBinding} (X-ray Data Booklet binding energies for EvES stepping).
 */
package org.cevns.generator.nucleus;
