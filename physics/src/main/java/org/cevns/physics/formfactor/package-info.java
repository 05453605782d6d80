/**
 * Nuclear form factors F(q), q in MeV: Helm (Lewin–Smith), Klein–Nystrand, symmetrised Fermi and unity, each
 * with its model default radius or an imposed rms radius; {@link org.cevns.physics.formfactor.FormFactorModel}
 * creates them from the configuration name.
 */
package org.cevns.physics.formfactor;
