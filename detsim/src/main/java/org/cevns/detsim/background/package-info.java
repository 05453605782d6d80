/**
 * Backgrounds generated as events: each component has a name, an expected count for an exposure (exact
 * arithmetic), an energy spectrum on a stated scale (keVee: visible, not quenched; keVnr: nuclear recoil, to
 * be quenched) and a time profile.
 *
 * <p>Time conventions follow the truth events: in a pulsed experiment times are ns since the proton pulse
 * start; beam-unrelated components are spread uniformly over a whole beam cycle ({@link TimeFrame#pulseCycle})
 * so that the coincidence and anti-coincidence windows see them equally, and beam-related ones (BRN, NIN)
 * follow their pulse-relative profiles. In a steady experiment (reactor, Sun) times are ns since the start of
 * the period's live time ({@link TimeFrame#run}).
 */
package org.cevns.detsim.background;
