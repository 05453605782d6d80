package org.cevns.detsim.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.GeneratorSettings;
import org.cevns.events.io.ColumnBatch;
import org.cevns.events.io.ColumnarFileReader;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.TruthColumns;
import org.cevns.events.io.WriteOptions;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.EventCount;
import org.cevns.generator.run.RunMetadata;
import org.cevns.events.io.SimColumns;
import org.cevns.events.io.SimParquetSink;

/** Building, running and reading back small simulations for the tests. */
final class SimTestSupport {
  private SimTestSupport() {}

  /** A loaded test configuration with its detsim sections. */
  record Setup(ExperimentModel model, DetsimConfig detsim, BackgroundChannels backgrounds) {
    static Setup of(String yaml, Path dir) {
      ExperimentModel model = ExperimentModel.build(ConfigLoader.parse(yaml, dir));
      DetsimConfig d = DetsimConfig.of(model).requireResponses("test");
      return new Setup(model, d, BackgroundChannels.of(model, d));
    }

    double expected() {
      return DetectorSimulation.expectedEvents(model, backgrounds);
    }

    DetectorSimulation simulation(long seed, long events, boolean drop) {
      return DetectorSimulation.of(model, detsim, backgrounds, model.config().generator(), seed, events, 2, drop);
    }

    /** A Poisson toy of the configured exposure simulated into {@code file}; returns the sink's event count. */
    long simulateToFile(Path file, long seed, int threads, boolean drop) throws Exception {
      EventCount n = EventCount.poisson(expected(), seed);
      DetectorSimulation sim = DetectorSimulation.of(model, detsim, backgrounds,
          new GeneratorSettings(false, model.config().generator().energyNodes(),
              model.config().generator().recoilNodes()), seed, n.events(), threads, drop);
      Map<String, String> meta = RunMetadata.of(model, seed, n, false).toMap();
      SimMetadata.put(meta, model, detsim, backgrounds, "simulate", drop);
      SimParquetSink sink = SimParquetSink.open(file.toString(), model.dictionary(), backgrounds.componentNames(),
          meta, WriteOptions.defaults().withOverwrite(true));
      SimJobs.simulate(sim, threads, sink, null);
      return sink.events();
    }
  }

  /**
   * Detected events of a file per "detector/period/window/component[/process]" (process for signal only),
   * read with the generic columnar reader.
   */
  static Map<String, Long> detectedCounts(Path file) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (ColumnarFileReader r = ColumnarFileReader.open(HadoopFiles.path(file.toString()),
        HadoopFiles.configuration(), ColumnarFileReader.ReadPath.PAGES)) {
      ColumnBatch b = r.select(List.of(TruthColumns.DETECTOR, TruthColumns.PROCESS, TruthColumns.PERIOD,
          SimColumns.DETECTED, SimColumns.WINDOW, SimColumns.COMPONENT), 1 << 16);
      while (r.next(b)) {
        int[] det = b.codes(TruthColumns.DETECTOR);
        int[] proc = b.codes(TruthColumns.PROCESS);
        boolean[] procNull = b.nulls(TruthColumns.PROCESS);
        int[] period = b.codes(TruthColumns.PERIOD);
        boolean[] detected = b.booleans(SimColumns.DETECTED);
        int[] window = b.codes(SimColumns.WINDOW);
        int[] comp = b.codes(SimColumns.COMPONENT);
        List<String> dets = b.strings(TruthColumns.DETECTOR).values();
        List<String> periods = b.strings(TruthColumns.PERIOD).values();
        List<String> windows = b.strings(SimColumns.WINDOW).values();
        List<String> comps = b.strings(SimColumns.COMPONENT).values();
        List<String> procs = b.strings(TruthColumns.PROCESS).values();
        for (int i = 0; i < b.size(); i++) {
          if (!detected[i]) {
            continue;
          }
          String key = dets.get(det[i]) + "/" + periods.get(period[i]) + "/" + windows.get(window[i]) + "/"
              + comps.get(comp[i]) + (procNull[i] ? "" : "/" + procs.get(proc[i]));
          out.merge(key, 1L, Long::sum);
        }
      }
    }
    return out;
  }

  /** The expected detected counts with the same keys as {@link #detectedCounts}. */
  static Map<String, Double> expectedCounts(Setup s) {
    Map<String, Double> out = new TreeMap<>();
    for (ExpectedDetected.Entry e : ExpectedDetected.of(s.model(), s.detsim(), s.backgrounds())) {
      String key = s.model().detectors().get(e.detectorIndex()).name() + "/" + e.period() + "/"
          + e.window().columnName() + "/" + e.component() + (e.process() == null ? "" : "/" + e.process().columnName());
      out.merge(key, e.expected(), Double::sum);
    }
    return out;
  }
}
