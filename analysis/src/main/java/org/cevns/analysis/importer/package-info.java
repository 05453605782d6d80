/**
 * {@code cevns import}: external event lists (whitespace text, CSV, TSV or Parquet) to detector-level event files
 * of the one cevns layout ({@code org.cevns.events.io.SimColumns}, written by
 * {@code org.cevns.events.io.EventFileWriter}) with the metadata the analysis needs (detector, period, beam
 * window, exposure, live time). {@link org.cevns.analysis.importer.ImportMapping} says which column is what and
 * in which unit ({@link org.cevns.analysis.importer.MappingParser} reads it from YAML and {@code key=value}
 * overrides); {@link org.cevns.analysis.importer.EventImporter} validates everything it can before writing and
 * writes the output under a temporary name. Ready mappings of published data releases are resources of this
 * package ({@link org.cevns.analysis.importer.MappingParser#builtIn(String)}).
 */
package org.cevns.analysis.importer;
