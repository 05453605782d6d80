package org.cevns.cli;

import org.cevns.events.io.DetectorMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.detsim.sim.BlockResponse;
import org.cevns.detsim.sim.SimJobs;
import org.cevns.detsim.sim.SimMetadata;
import org.cevns.events.io.SimParquetSink;
import org.cevns.detsim.sim.SimulationInputException;
import org.cevns.detsim.sim.TruthFileSimulation;
import org.cevns.events.io.ColumnarFileReader;
import org.cevns.events.io.EventFileReader;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.TruthColumns;
import org.cevns.events.io.TruthMetadata;
import org.cevns.events.io.WriteOptions;
import org.cevns.events.io.OutputExistsException;
import org.cevns.events.io.OutputWriteException;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.EventCount;
import org.cevns.generator.run.RunMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns detsim}: the detector response (and backgrounds) applied to a truth file. */
@Command(
    name = "detsim",
    mixinStandardHelpOptions = true,
    footer = {"", HelpText.EXAMPLES,
        "  cevns generate configs/coherent-csi.yaml -o truth.parquet",
        "  cevns detsim configs/coherent-csi.yaml -i truth.parquet -o events.parquet",
        "",
        HelpText.EXIT_CODES},
    description = {
      "Applies the detector response of CONFIG to the truth events of a file or a directory of shards.",
      "Appends the configured backgrounds: a Poisson toy of the configured exposure, which must be the one the"
          + " truth file was generated with (--no-backgrounds skips them).",
      "Output: every truth column plus quenched_kevee, observed_kevee, npe, detected, beam_window, component.",
      "The seed defaults to the truth file's, so detsim of a generate output equals simulate without backgrounds."
    })
final class DetsimCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML)")
  Path config;

  @picocli.CommandLine.Mixin ConfigOverrides overrides = new ConfigOverrides();

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "TRUTH",
      description = "truth Parquet file or directory of shards (local path or Hadoop URI)")
  String input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "output Parquet file")
  String output;

  @Option(names = "--seed", paramLabel = "S",
      description = "random seed (default: the truth file's cevns.seed, else the config's, else drawn)")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores, ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--no-backgrounds", description = "do not append the configured backgrounds")
  boolean noBackgrounds;

  @Option(names = "--drop-undetected", description = "keep only detected events")
  boolean dropUndetected;

  @Option(names = "--compression", paramLabel = "CODEC", description = "Parquet compression: zstd (default), snappy, uncompressed, gzip")
  String compression = "zstd";

  @Option(names = "--overwrite", description = "replace FILE if it exists")
  boolean overwrite;

  @Option(names = "--quiet", description = "no progress bar or summary")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    ThreadCount.check("--threads", threads);
    WriteOptions options;
    try {
      options = WriteOptions.defaults().withCompression(compression).withOverwrite(overwrite);
    } catch (IllegalArgumentException e) {
      throw new UserException("--compression: " + e.getMessage());
    }
    OutputFiles.refuseInputs(output, java.util.List.of(config.toString(), input));
    ConfigSupport.Loaded loaded = ConfigSupport.load(config, overrides);
    ExperimentModel model = loaded.model();
    DetsimConfig detsim = loaded.detsim().requireResponses("cevns detsim needs the response of every detector");
    BackgroundChannels backgrounds = BackgroundChannels.of(model, detsim);
    EventFileReader reader;
    try {
      reader = EventFileReader.open(HadoopFiles.path(input), TruthColumns.NAMES, model.dictionary(),
          HadoopFiles.configuration(), ColumnarFileReader.ReadPath.PAGES);
    } catch (IOException | RuntimeException e) {
      throw UserException.reading(input, "cannot read truth events", e.getMessage(), e);
    }
    try (reader) {
      Map<String, String> truthMetadata = reader.metadata();
      if (truthMetadata.containsKey(DetectorMetadata.STAGE)) {
        throw new UserException(input + ": is a detector-level file (" + DetectorMetadata.STAGE + " = "
            + truthMetadata.get(DetectorMetadata.STAGE) + "), not truth events; detsim reads the output of cevns generate");
      }
      boolean withBackgrounds = !noBackgrounds && backgrounds.totalExpected() > 0;
      if (withBackgrounds) {
        String expectedExposure = RunMetadata.of(model, 0, EventCount.fixed(0, 0), false).exposure();
        String truthExposure = truthMetadata.get(TruthMetadata.EXPOSURE);
        if (truthExposure != null && !truthExposure.equals(expectedExposure)) {
          throw new UserException(input + ": generated for another exposure than " + config.getFileName()
              + " (cevns.exposure differs), but backgrounds follow the configured exposure; use the configuration"
              + " the truth was generated with, or --no-backgrounds");
        }
      }
      long runSeed;
      try {
        runSeed = seed != null ? seed : truthMetadata.containsKey(TruthMetadata.SEED)
            ? Long.parseLong(truthMetadata.get(TruthMetadata.SEED).strip()) : ConfigSupport.seed(null, model.config());
      } catch (NumberFormatException e) {
        throw new UserException(input + ": malformed " + TruthMetadata.SEED + " metadata '"
            + truthMetadata.get(TruthMetadata.SEED) + "' (give --seed S)");
      }
      TruthFileSimulation simulation;
      try {
        simulation = TruthFileSimulation.of(reader, BlockResponse.of(model, detsim), backgrounds,
            model.dictionary(), runSeed, withBackgrounds, dropUndetected);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw UserException.reading(input, "cannot read truth events", e.getMessage(), e);
      }
      Map<String, String> metadata = new LinkedHashMap<>();
      org.cevns.events.io.FlatMetadata.withoutFlatKeys(truthMetadata).forEach((k, v) -> {
        if (k.startsWith("cevns.")) {
          metadata.put(k, v);
        }
      });
      metadata.put(TruthMetadata.SEED, Long.toString(runSeed));
      metadata.put("cevns.truth_events", Long.toString(simulation.truthEvents()));
      metadata.put("cevns.background_events", Long.toString(simulation.backgroundEvents()));
      SimMetadata.put(metadata, model, detsim, withBackgrounds ? backgrounds
          : BackgroundChannels.of(model, detsim.withoutBackgrounds()), "detsim", dropUndetected);
      PrintWriter err = spec.commandLine().getErr();
      long t0 = System.nanoTime();
      // the truth weights are already normalised (cevns.weight_per_event applied when the truth file was written)
      SimParquetSink sink = OutputFiles.openEvents(output, model.dictionary(), backgrounds.componentNames(), metadata,
          options, 1.0);
      long total = simulation.truthEvents() + simulation.backgroundEvents();
      Progress progress = Progress.forTerminal(err, "detsim", total, quiet);
      try {
        SimJobs.detsim(simulation, threads, sink, progress);
      } catch (SimulationInputException e) {
        throw new UserException(input + ": " + e.getMessage(), e);
      } catch (Exception e) {
        sink.abort();
        if (Failure.has(e, OutputWriteException.class) || Failure.has(e, OutputExistsException.class)) {
          throw e;
        }
        // a corrupt page, a malformed or foreign file: the truth input is at fault (exit 2)
        throw UserException.reading(input, "cannot read truth events", Failure.of(e).message()
            .replaceFirst("^(I/O error|internal error): ", "").replaceFirst(" \\(please report it.*$", "")
            .replaceFirst("^(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ", ""), e);
      }
      progress.finish();
      if (!quiet) {
        err.printf(Locale.ROOT, "cevns: %d truth + %d background events, wrote %d to %s in %.1f s, seed %d%n",
            simulation.truthEvents(), simulation.backgroundEvents(), sink.events(), sink.target(),
            (System.nanoTime() - t0) / 1e9, runSeed);
        err.flush();
      }
    }
    return 0;
  }
}
