/**
 * Nuclide and atomic data: {@link org.cevns.physics.nucleus.IsotopeTable} (AME2020 masses, IUPAC abundances,
 * spins and spin expectation values), {@link org.cevns.physics.nucleus.ChemicalFormula},
 * {@link org.cevns.physics.nucleus.Target} (detector mass → numbers of nuclei, atoms, electrons) and
 * {@link org.cevns.physics.nucleus.ShellBinding} (X-ray Data Booklet binding energies for EvES stepping).
 */
package org.cevns.physics.nucleus;
