/**
 * Dependency-free plotting for analysis output: an immutable {@link org.cevns.analysis.plot.Plot}
 * description rendered to PNG ({@link org.cevns.analysis.plot.PngRenderer}, Java2D, headless) and SVG
 * ({@link org.cevns.analysis.plot.SvgRenderer}, hand-written XML) by one shared layout
 * ({@link org.cevns.analysis.plot.PlotLayout}) drawing on a {@link org.cevns.analysis.plot.Canvas}, so
 * the two formats never disagree. {@link org.cevns.analysis.plot.AnalysisPlots} builds the standard
 * analysis plots (ON vs OFF with residual, time distribution, likelihood profile, sensitivity);
 * {@link org.cevns.analysis.plot.TerminalTable} prints one-screen summaries.
 *
 * <p>Text in labels may use {@code ^{...}} for superscripts and {@code _{...}} for subscripts, e.g.
 * {@code "E_{ee} [keVee]"} or {@code "10^{3}"}; any other character is literal.
 */
package org.cevns.analysis.plot;
