/**
 * Histograms for spectra and fit templates.
 *
 * <ul>
 *   <li>{@link org.cevns.analysis.hist.BinEdges}: {@code uniform(n, low, high)} (arithmetic bin lookup) or
 *       {@code of(edges...)} (binary search); bins are [low, high), below is underflow, at/above the last edge
 *       overflow.
 *   <li>{@link org.cevns.analysis.hist.Histogram1D}: {@code fill(x)}, {@code fill(x, w)}; Σw and Σw² per bin;
 *       {@code plus}, {@code minus}, {@code plusScaled}, {@code scaled} return new histograms with propagated
 *       errors; {@code ofCounts} for observed counts (Poisson errors); {@code contents()} feeds a fit
 *       {@link org.cevns.analysis.fit.Sample} or {@link org.cevns.analysis.fit.Observations}.
 *   <li>{@link org.cevns.analysis.hist.Histogram2D}: energy × time; {@code flatten()} (flat bin iy·nx + ix) for
 *       the fit; projections.
 *   <li>{@link org.cevns.analysis.hist.HistogramCsv}: CSV {@code bin_low,bin_high,content,error}.
 * </ul>
 *
 * <p>Typical use: one histogram per (detector, period/window), filled from the {@code recoil_kev} (or
 * reconstructed energy) column with the event {@code weight}; a template is a histogram of high-statistics
 * simulation whose weights sum to the expected counts of the exposure.
 */
package org.cevns.analysis.hist;
