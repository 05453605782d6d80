/**
 * Background subtraction by control regions, pure histogram arithmetic with propagated Poisson errors.
 *
 * <ul>
 *   <li>Reactors: {@link org.cevns.analysis.subtract.OnOffRun} (ON/OFF counts, live days, mass) →
 *       {@link org.cevns.analysis.subtract.ReactorOnOff#subtract} (one detector) or {@code sumArray} (array,
 *       ON-exposure weighted); rates in counts/(kg·day).
 *   <li>Pulsed beams: {@link org.cevns.analysis.subtract.BeamWindowRun} (C/AC counts, window ns, beam s) →
 *       {@link org.cevns.analysis.subtract.BeamCoincidence#subtract} or {@code sumArray}; rates in
 *       counts/(ns·s).
 *   <li>Result {@link org.cevns.analysis.subtract.SubtractionResult}: signal, control and residual rates,
 *       {@code residualCounts()} = S − κ·C in the signal-region exposure.
 * </ul>
 *
 * For low counts prefer the simultaneous likelihood fit of both regions ({@code fit} package), which handles
 * Poisson statistics exactly.
 */
package org.cevns.analysis.subtract;
