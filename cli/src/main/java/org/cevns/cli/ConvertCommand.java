package org.cevns.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cevns.physics.Process;
import org.cevns.schema.ConfigLoader;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.ColumnarFileReader;
import org.cevns.events.io.EventFileReader;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.HepMC3Writer;
import org.cevns.events.io.TruthColumns;
import org.cevns.events.io.Temporaries;
import org.cevns.events.io.TruthMetadata;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.FluxAveragedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns convert}: a truth file into another event format (HepMC3 ASCII with NuHepMC attributes). */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Converts truth events to HepMC3 ASCII with NuHepMC 1.0 attributes, for Geant4 and other detector simulations.",
      "Input: a cevns generate output (file or directory of shards); one HepMC3 event per row, with the run"
          + " information (flux-averaged cross section in pb per atom, exposure, process ids, the weight CV).",
      "The file is self-contained: the run information is read from its metadata, not from the configuration"
          + " or the files that names. Files of earlier cevns versions lack it (no cevns.flux_averaged_xs_cm2):"
          + " convert then rebuilds the run from their stored configuration, its relative file names resolved"
          + " against --config-dir (default: the working directory).",
      "Each event: incoming neutrino (status 4), target at rest (status 20), primary vertex at the row's"
          + " vertex, outgoing neutrino and recoil (status 1); momenta in MeV, lengths in mm; the event weight CV"
          + " is the row's weight.",
    },
    footer = {"", HelpText.EXAMPLES, "  cevns generate configs/coherent-csi.yaml --events 10000 -o csi.parquet",
        "  cevns convert csi.parquet --to hepmc3 -o csi.hepmc3",
        "  cevns convert old.parquet --to hepmc3 -o old.hepmc3 --config-dir configs", "", HelpText.EXIT_CODES})
final class ConvertCommand implements Callable<Integer> {
  /** pb per cm² (1 pb = 1e-36 cm²). */
  private static final double PB_PER_CM2 = 1.0e36;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "truth Parquet file or directory of shards")
  String input;

  @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "output format: hepmc3")
  String format;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "output file (local path)")
  Path output;

  @Option(names = "--overwrite", description = "replace OUT if it exists")
  boolean overwrite;

  @Option(names = "--config-dir", paramLabel = "DIR", description = "files of earlier cevns versions only: the"
      + " directory of the configuration FILE was generated from, for its relative file names (e.g. of a"
      + " spectrum-file source); default: the working directory")
  Path configDir;

  @Option(names = "--quiet", description = "no summary line")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (!"hepmc3".equals(format)) {
      throw new UserException("--to: must be hepmc3, got '" + format + "'");
    }
    OutputFiles.refuseInputs(output.toString(), List.of(input));
    if (Files.isDirectory(output)) {
      throw new UserException(output + ": is a directory");
    }
    if (Files.exists(output) && !overwrite) {
      throw new UserException(output + ": exists; use --overwrite to replace it");
    }
    if (configDir != null && !Files.isDirectory(configDir)) {
      throw new UserException("--config-dir: must be a directory, got '" + configDir + "'");
    }
    EventFileReader reader;
    try {
      reader = EventFileReader.open(HadoopFiles.path(input), TruthColumns.NAMES, null, HadoopFiles.configuration(),
          ColumnarFileReader.ReadPath.PAGES);
    } catch (IOException | IllegalArgumentException e) {
      throw UserException.reading(input, "cannot read truth events", e.getMessage(), e);
    }
    if (reader.metadata().containsKey(org.cevns.events.io.DetectorMetadata.STAGE)) {
      reader.close();
      throw new UserException(input + ": a detector-level file (cevns " + reader.metadata().get(
          org.cevns.events.io.DetectorMetadata.STAGE) + "); convert takes truth events (cevns generate)");
    }
    long t0 = System.nanoTime();
    Path target = org.cevns.events.io.SymbolicLinks.follow(output); // written through a link, as a shell's >
    Path temp = null;
    Object cleanup = null;
    long events;
    try (reader) {
      temp = temporary(target);
      Path created = temp;
      cleanup = Temporaries.register(() -> deleteQuietly(created));
      HepMC3Writer.RunInfo run = runInfo(reader.metadata(), reader.totalEvents(), reader.files().size());
      List<Process> processes = List.of(Process.values());
      try (Writer w = new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.US_ASCII);
          HepMC3Writer hepmc = new HepMC3Writer(w, run)) {
        EventBlock block = new EventBlock();
        while (next(reader, block)) {
          try {
            hepmc.write(block, processes);
          } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserException(input + ": " + e.getMessage(), e);
          }
        }
        events = hepmc.events();
      } catch (ReadFailure e) {
        throw e;
      } catch (IOException e) { // a full disk, a lost file system: name the output, not only the cause
        throw new IOException("cannot write " + output + ": " + e.getMessage(), e);
      }
      publish(temp, target, overwrite);
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
        Temporaries.release(cleanup);
      }
    }
    if (!quiet) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(Locale.ROOT, "cevns: wrote %d events to %s (HepMC3 ASCII, NuHepMC 1.0.0) in %.1f s%n", events,
          output, (System.nanoTime() - t0) / 1e9);
      err.flush();
    }
    return 0;
  }

  /**
   * Creates the hidden temporary file {@code .NAME.TOKEN.inprogress} beside {@code output} (and the missing parent
   * directories), with the permissions of any new file (the umask's), not those of a private temporary file.
   */
  private static Path temporary(Path output) {
    Path target = output.toAbsolutePath().normalize();
    Path temp = Temporaries.sibling(target);
    try {
      Files.createDirectories(target.getParent());
      return Files.createFile(temp);
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(output.toString(), e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // best effort at JVM exit: the name is hidden and unique to this run
    }
  }

  /** Publishes the complete file: over the existing one with {@code overwrite}, else never replacing a file. */
  private static void publish(Path temp, Path output, boolean overwrite) throws IOException {
    if (overwrite) {
      Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    try {
      Files.move(temp, output);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new UserException(output + ": was written by another run while this one ran; not replaced", e);
    }
  }

  private boolean next(EventFileReader reader, EventBlock block) throws IOException {
    try {
      return reader.next(block);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UserException(input + ": not a cevns truth file: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ReadFailure(String.valueOf(e.getMessage()), e); // as before: the reader names the file
    }
  }

  /** An I/O failure reading the input (told from one writing the output, whose message names the output). */
  private static final class ReadFailure extends IOException {
    private static final long serialVersionUID = 1L;

    ReadFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * NuHepMC run information from the file metadata: the stored flux-averaged cross section and exposures
   * ({@link TruthMetadata#FLUX_AVERAGED_XS_CM2}), or, in files written before they were stored, those of the model
   * rebuilt from the stored configuration.
   */
  private HepMC3Writer.RunInfo runInfo(Map<String, String> meta, long events, int files) {
    String yaml = meta.get(TruthMetadata.CONFIG);
    if (yaml == null) {
      throw new UserException(input + ": no " + TruthMetadata.CONFIG + " metadata: not a cevns truth file");
    }
    FluxAveragedRun run = meta.containsKey(TruthMetadata.FLUX_AVERAGED_XS_CM2) ? stored(meta) : rebuilt(yaml);
    Map<String, String> provenance = new LinkedHashMap<>();
    // a single shard says which part of the run it is; a directory is the run's complete shard set (the reader
    // refuses an incomplete one), whose metadata are those of its first shard
    List<String> keys = files == 1 ? List.of(TruthMetadata.SEED, TruthMetadata.WEIGHT_NORMALISATION,
        TruthMetadata.CONFIG_SHA256, TruthMetadata.EVENT_COUNT_MODE, "cevns.expected_total_events",
        TruthMetadata.SHARD, TruthMetadata.RUN_EVENTS)
        : List.of(TruthMetadata.SEED, TruthMetadata.WEIGHT_NORMALISATION, TruthMetadata.CONFIG_SHA256,
            TruthMetadata.EVENT_COUNT_MODE, "cevns.expected_total_events");
    for (String k : keys) {
      if (meta.containsKey(k)) {
        provenance.put(k.substring("cevns.".length()), meta.get(k));
      }
    }
    if (meta.containsKey(TruthMetadata.EVENTS)) {
      provenance.put(TruthMetadata.EVENTS.substring("cevns.".length()), Long.toString(events)); // this vector's
    }
    provenance.put("config", yaml);
    return new HepMC3Writer.RunInfo(meta.getOrDefault(TruthMetadata.VERSION, "unknown"),
        run.fluxAveragedXsCm2() * PB_PER_CM2, run.protonsOnTarget(), run.liveSeconds(), provenance,
        hasUpscatter(meta));
  }

  /**
   * Whether the run expects upscatter events: a flattened {@code cevns.expected_events} key of that process (e.g.
   * {@code cevns.expected_events.detectors.csi.expected_events.upscatter}), or the process in its JSON value.
   */
  static boolean hasUpscatter(Map<String, String> meta) {
    String suffix = "." + Process.UPSCATTER.columnName();
    String json = meta.getOrDefault(TruthMetadata.EXPECTED_EVENTS, "");
    if (json.contains("\"" + Process.UPSCATTER.columnName() + "\"")) {
      return true;
    }
    for (String k : meta.keySet()) {
      if (k.startsWith(TruthMetadata.EXPECTED_EVENTS + ".") && k.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** The run numbers stored in the metadata; an absent exposure is NaN (not one value in that unit). */
  private FluxAveragedRun stored(Map<String, String> meta) {
    try {
      return new FluxAveragedRun(number(meta, TruthMetadata.FLUX_AVERAGED_XS_CM2),
          number(meta, TruthMetadata.EXPOSURE_POT), number(meta, TruthMetadata.EXPOSURE_LIVE_S));
    } catch (IllegalArgumentException e) {
      throw new UserException(input + ": malformed run metadata: " + e.getMessage(), e);
    }
  }

  private static double number(Map<String, String> meta, String key) {
    String v = meta.get(key);
    if (v == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got '" + v + "'", e);
    }
  }

  /**
   * The run numbers of the model rebuilt from the stored configuration, its relative file names resolved against
   * {@link #configDir} (default: the working directory).
   */
  private FluxAveragedRun rebuilt(String yaml) {
    Path base = configDir != null ? configDir : Path.of(".");
    try {
      return FluxAveragedRun.of(ExperimentModel.build(ConfigLoader.parse(yaml, base)));
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new UserException(input + ": predates the stored run values (no " + TruthMetadata.FLUX_AVERAGED_XS_CM2
          + " metadata), so convert rebuilds them from its " + TruthMetadata.CONFIG + " with relative paths against "
          + (configDir != null ? configDir : "the working directory") + ": " + e.getMessage()
          + (configDir != null ? "" : "; give --config-dir DIR, the directory of the configuration it was generated"
          + " from"), e);
    }
  }
}
