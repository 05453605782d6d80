/**
 * Quenching: the visible (electron-equivalent) energy in keVee produced by a nuclear recoil of kinetic energy
 * keVnr, and its inverse for the analysis. Electron recoils are not quenched.
 */
package org.cevns.detsim.quench;
