package org.cevns.analysis.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.events.io.EventFileWriter;
import org.cevns.events.io.WriteOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A detected event with a NaN energy or time (a file of another tool: pyarrow writes a null of a nullable column,
 * which reads as NaN, or a NaN itself) is refused naming the file and the column. Before: "/tmp/x.parquet: x must not
 * be NaN", the histogram's argument, with no word of which column. A NaN time is an event without a time (reactor
 * energies imported without one, {@code ImportReactorEnergiesTest}) and is refused only in a beam window, where the
 * time places the event; this row is in the coincidence window.
 */
class NotANumberRowTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({"NaN, 100, observed_kevee", "1, NaN, time_ns"})
  void theColumnIsNamed(double energyKeVee, double timeNs, String column) throws Exception {
    String exposure = TestFiles.exposure(Map.of("a", 1.0), Map.of("a", Map.of("beam", 500.0)), "sns",
        "protons_on_target");
    Path f = tmp.resolve("x.parquet");
    EventFileWriter w = EventFileWriter.open(f.toString(), List.of("a"), List.of("beam"), List.of("signal"),
        TestFiles.metadata(exposure, TestFiles.WINDOWS_6US, false, 7), WriteOptions.defaults());
    w.add(0, 0, 0, 0, true, 1.0, EventFileWriter.NO_NPE, 100.0, 1.0);
    w.add(0, 0, 0, 0, true, energyKeVee, EventFileWriter.NO_NPE, timeNs, 1.0);
    w.close();
    HistogramBinning binning = TestFiles.binning(List.of("a"), BinEdges.uniform(4, 0, 4), BinEdges.uniform(6, 0, 6000));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventFileHistogrammer.histogram(List.of(f.toString()), binning, 1));
    assertEquals(f + ": column " + column + " is NaN or null in a detected event; every detected event needs an"
        + " energy and a time", e.getMessage());
  }
}
