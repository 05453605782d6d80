/**
 * Differential and total cross sections ({@link org.cevns.physics.xs.RecoilCrossSection}): CEvNS with vector
 * and axial parts ({@link org.cevns.physics.xs.CevnsCrossSection}), neutrino–electron scattering with the
 * shell-binding stepping approximation ({@link org.cevns.physics.xs.EvesCrossSection}), the coupling schemes
 * ({@link org.cevns.physics.xs.Couplings}), kinematics and Gauss–Legendre quadrature. New physics (NSI,
 * electromagnetic properties, light mediators, sterile upscattering) is in {@link org.cevns.physics.xs.bsm}.
 */
package org.cevns.physics.xs;
