/**
 * Detection efficiency: probability that an event with a given observed energy (keVee) or photoelectron count
 * is kept. Thresholds, erf and logistic turn-ons, tables, products (trigger × analysis) and dead time.
 */
package org.cevns.detsim.efficiency;
