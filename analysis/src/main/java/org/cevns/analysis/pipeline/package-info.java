/**
 * From histograms to results: {@link org.cevns.analysis.pipeline.BinningResolver} (edges with defaults),
 * {@link org.cevns.analysis.pipeline.SubtractionReport} (ON − OFF, C − AC per detector and array),
 * {@link org.cevns.analysis.pipeline.FitModelBuilder} and {@link org.cevns.analysis.pipeline.FitReport} (the
 * profile-likelihood fit of μ), {@link org.cevns.analysis.pipeline.AnalysisResult} (both, from
 * {@link org.cevns.analysis.pipeline.AnalysisInputs}) and {@link org.cevns.analysis.pipeline.SensitivityReport}
 * (Asimov scan vs exposure, coverage).
 */
package org.cevns.analysis.pipeline;
