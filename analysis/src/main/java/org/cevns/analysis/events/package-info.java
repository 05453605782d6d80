/**
 * Reading detector-level event files into histograms.
 *
 * <pre>{@code
 * EventFileHistogrammer.Result r = EventFileHistogrammer.histogram(List.of("run/events.parquet"), binning, 2);
 * SpectrumSet s = r.spectra();                       // by (detector, period, window, component)
 * KeySpectra c = s.region("csi", new SpectrumKey.Region("beam", "coincidence")).orElseThrow();
 * RunExposure e = r.exposure().orElseThrow();        // live seconds, mass, POT from cevns.exposure
 * }</pre>
 *
 * {@link org.cevns.analysis.events.EventFile} lists files and shards and decides the projection;
 * {@link org.cevns.analysis.events.SpectrumAccumulator} is the fast per-event fill shared with the in-memory
 * simulation ({@code analysis.sim}); {@link org.cevns.events.io.EventFileWriter} writes files of the
 * {@code cevns simulate} layout for tests and benchmarks.
 */
package org.cevns.analysis.events;
