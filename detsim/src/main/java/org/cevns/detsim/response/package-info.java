/**
 * Energy response: from the visible energy (keVee) to the observed energy (keVee) and, for light-counting
 * detectors, the number of photoelectrons.
 *
 * <p><b>Negative observed energies.</b> Gaussian responses can give observed energies below zero at small
 * visible energies. They are kept as drawn (no truncation, no re-draw), so that the response is exactly the
 * configured Gaussian; a threshold or efficiency removes them downstream.
 */
package org.cevns.detsim.response;
