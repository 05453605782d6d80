/**
 * Differential and total cross sections ({@link org.cevns.generator.xs.RecoilCrossSection}): CEvNS with vector
 * and axial parts ({@link org.cevns.generator.xs.CevnsCrossSection}), neutrino–electron scattering with the
 * shell-binding stepping approximation ({@link org.cevns.generator.xs.EvesCrossSection}), the coupling schemes
 * ({@link org.cevns.generator.xs.Couplings}), kinematics and Gauss–Legendre quadrature. New physics (NSI,
 * electromagnetic properties, light mediators, sterile upscattering) is in {@link org.cevns.generator.xs.bsm}.
 */
package org.cevns.generator.xs;
