package org.cevns.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.cevns.physics.Process;
import org.cevns.schema.ConfigLoader;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.ColumnarFileReader;
import org.cevns.events.io.EventFileReader;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.HepMC3Writer;
import org.cevns.events.io.TruthColumns;
import org.cevns.events.io.TruthMetadata;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.SourceExposure;
import org.cevns.physics.source.ExposureUnit;
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
      "Each event: incoming neutrino (status 4), target at rest (status 20), primary vertex at the row's"
          + " vertex, outgoing neutrino and recoil (status 1); momenta in MeV, lengths in mm; the event weight CV"
          + " is the row's weight.",
    },
    footer = {"", HelpText.EXAMPLES, "  cevns generate configs/coherent-csi.yaml --events 10000 -o csi.parquet",
        "  cevns convert csi.parquet --to hepmc3 -o csi.hepmc3", "", HelpText.EXIT_CODES})
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

  @Option(names = "--quiet", description = "no summary line")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (!"hepmc3".equals(format)) {
      throw new UserException("--to: must be hepmc3, got '" + format + "'");
    }
    if (Files.exists(output) && !overwrite) {
      throw new UserException(output + ": exists (use --overwrite to replace it)");
    }
    EventFileReader reader;
    try {
      reader = EventFileReader.open(HadoopFiles.path(input), TruthColumns.NAMES, null, HadoopFiles.configuration(),
          ColumnarFileReader.ReadPath.PAGES);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserException(input + ": cannot read truth events: " + e.getMessage(), e);
    }
    if (reader.metadata().containsKey(org.cevns.events.io.DetectorMetadata.STAGE)) {
      reader.close();
      throw new UserException(input + ": a detector-level file (cevns " + reader.metadata().get(
          org.cevns.events.io.DetectorMetadata.STAGE) + "); convert takes truth events (cevns generate)");
    }
    long t0 = System.nanoTime();
    Path parent = output.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(parent, "." + output.getFileName() + ".", ".tmp");
    long events;
    try (reader) {
      HepMC3Writer.RunInfo run = runInfo(reader.metadata());
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
      }
      Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    if (!quiet) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(Locale.ROOT, "cevns: wrote %d events to %s (HepMC3 ASCII, NuHepMC 1.0.0) in %.1f s%n", events,
          output, (System.nanoTime() - t0) / 1e9);
      err.flush();
    }
    return 0;
  }

  private boolean next(EventFileReader reader, EventBlock block) throws IOException {
    try {
      return reader.next(block);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UserException(input + ": not a cevns truth file: " + e.getMessage(), e);
    }
  }

  /** NuHepMC run information from the file metadata and the model of its configuration. */
  private HepMC3Writer.RunInfo runInfo(Map<String, String> meta) {
    String yaml = meta.get(TruthMetadata.CONFIG);
    if (yaml == null) {
      throw new UserException(input + ": no " + TruthMetadata.CONFIG + " metadata: not a cevns truth file");
    }
    ExperimentModel model = ExperimentModel.build(ConfigLoader.parse(yaml, Path.of(".")));
    Map<String, String> provenance = new LinkedHashMap<>();
    for (String k : List.of(TruthMetadata.SEED, TruthMetadata.WEIGHT_NORMALISATION, "cevns.config_sha256",
        "cevns.event_count_mode", "cevns.expected_total_events", TruthMetadata.EVENTS)) {
      if (meta.containsKey(k)) {
        provenance.put(k.substring("cevns.".length()), meta.get(k));
      }
    }
    provenance.put("config", yaml);
    return new HepMC3Writer.RunInfo(meta.getOrDefault(TruthMetadata.VERSION, "unknown"),
        fluxAveragedXsCm2(model) * PB_PER_CM2, single(model, ExposureUnit.PROTON_ON_TARGET),
        single(model, ExposureUnit.LIVE_SECOND), provenance);
  }

  /**
   * σ̄ per target atom (cm²) such that expected events = σ̄ × Σ over (exposure, source component) of target atoms ×
   * fluence: the NuHepMC flux-averaged total cross section of the whole run.
   */
  static double fluxAveragedXsCm2(ExperimentModel model) {
    Map<String, Double> atoms = new HashMap<>();
    Map<String, Double> fluence = new LinkedHashMap<>();
    double expected = 0;
    for (Channel c : model.channels()) {
      expected += c.expectedEvents();
      atoms.put(c.detectorIndex() + "/" + c.isotope().label(), c.targets());
      fluence.put(c.exposureIndex() + "/" + c.componentIndex() + "/" + c.detectorIndex(), c.fluencePerCm2());
    }
    Map<Integer, Double> atomsPerDetector = new HashMap<>();
    atoms.forEach((k, v) -> atomsPerDetector.merge(Integer.parseInt(k.substring(0, k.indexOf('/'))), v,
        Double::sum));
    double denominator = 0;
    for (Map.Entry<String, Double> e : fluence.entrySet()) {
      int detector = Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf('/') + 1));
      denominator += atomsPerDetector.get(detector) * e.getValue();
    }
    return denominator > 0 ? expected / denominator : 0;
  }

  /** The exposure in {@code unit} if all exposures in that unit agree, else NaN. */
  private static double single(ExperimentModel model, ExposureUnit unit) {
    TreeSet<Double> values = new TreeSet<>();
    List<SourceExposure> used = new ArrayList<>();
    for (SourceExposure e : model.exposures()) {
      if (e.exposureUnit() == unit && e.exposure() > 0) {
        values.add(e.exposure());
        used.add(e);
      }
    }
    return values.size() == 1 ? values.first() : Double.NaN;
  }
}
