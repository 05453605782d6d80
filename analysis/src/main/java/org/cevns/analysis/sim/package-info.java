/**
 * The analysis of a configuration with the detector simulation: templates and pilot ranges from in-memory
 * simulations ({@link org.cevns.analysis.sim.TemplateMaker}, {@link org.cevns.analysis.sim.SimulatedSpectra})
 * and the end-to-end job behind {@code cevns analyze}, {@code run} and {@code sensitivity}
 * ({@link org.cevns.analysis.sim.AnalysisJob}).
 */
package org.cevns.analysis.sim;
