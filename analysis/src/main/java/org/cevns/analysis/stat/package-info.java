/**
 * Expected sensitivity and frequentist checks of the fit.
 *
 * <ul>
 *   <li>{@link org.cevns.analysis.stat.Asimov}: {@code oneBinSignificance(s, b)}; {@code dataset(model, mu)};
 *       {@code medianSignificance(model, mu, options)}; {@code sensitivity(model, mu, options)} → Z_median and
 *       σ_μ.
 *   <li>{@link org.cevns.analysis.stat.SensitivityScan#run}: rows (exposure factor, Z_median, σ_μ).
 *   <li>{@link org.cevns.analysis.stat.CoverageRunner#run}: toy coverage of the μ interval and bias of μ̂.
 * </ul>
 */
package org.cevns.analysis.stat;
