/**
 * Beam windows of pulsed sources: a coincidence window after the pulse start and an anti-coincidence window
 * of the same length (before the pulse or delayed), used to measure the steady-state background.
 */
package org.cevns.detsim.window;
