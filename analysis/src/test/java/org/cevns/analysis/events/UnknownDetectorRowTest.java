package org.cevns.analysis.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.events.io.EventFileWriter;
import org.cevns.events.io.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows of a detector the analysis does not know are named with the file once, as a local path. Before:
 * "/tmp/x.parquet: cannot read the events: file:/tmp/x.parquet: detector 'b' is not in the configuration; ...".
 */
class UnknownDetectorRowTest {
  @TempDir Path tmp;

  @Test
  void theFileIsNamedOnce() throws Exception {
    String exposure = TestFiles.exposure(Map.of("b", 1.0), Map.of("b", Map.of("beam", 500.0)), "sns",
        "protons_on_target");
    Path f = tmp.resolve("x.parquet");
    EventFileWriter w = EventFileWriter.open(f.toString(), List.of("b"), List.of("beam"), List.of("signal"),
        TestFiles.metadata(exposure, TestFiles.WINDOWS_6US, false, 7), WriteOptions.defaults());
    w.add(0, 0, 0, 0, true, 1.0, EventFileWriter.NO_NPE, 100.0, 1.0);
    w.close();
    HistogramBinning binning = TestFiles.binning(List.of("a"), BinEdges.uniform(4, 0, 4), BinEdges.uniform(6, 0, 6000));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventFileHistogrammer.histogram(List.of(f.toString()), binning, 1));
    assertEquals(f + ": detector 'b' is not in the configuration; detectors are [a]", e.getMessage());
  }
}
