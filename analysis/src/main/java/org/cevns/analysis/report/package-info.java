/**
 * Outputs of an analysis: {@code summary.json} ({@link org.cevns.analysis.report.SummaryJson}), the terminal
 * summary ({@link org.cevns.analysis.report.TerminalSummary}), CSV tables, PNG/SVG plots, the pyhf workspace
 * ({@link org.cevns.analysis.report.AnalysisOutputs} writes them all) and the sensitivity outputs.
 */
package org.cevns.analysis.report;
