/**
 * The analysis plots on JFreeChart: {@link org.cevns.analysis.plot.AnalysisPlots} builds the standard
 * plots (ON vs OFF spectra with stacked fitted components and a residual panel, time distribution with the
 * beam windows, likelihood profile, sensitivity) in one HEP look ({@code HepTheme}: ticks inside on all four
 * sides, step histograms, error bars, legend inside the frame, the Okabe–Ito colours), with Poisson
 * (Garwood) error bars on counts ({@link org.cevns.analysis.plot.PoissonErrors}) and a
 * {@link org.cevns.analysis.plot.Provenance} label under every title.
 * {@link org.cevns.analysis.plot.PlotFiles} writes each chart as PNG (JFreeChart), SVG (Apache Batik) and PDF
 * (Apache PDFBox with its Graphics2D bridge), headless. The drawing itself is the libraries'; this package
 * only says what to draw.
 */
package org.cevns.analysis.plot;
