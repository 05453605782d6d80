package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cevns.events.io.EventFileReader;
import org.cevns.events.io.TruthMetadata;
import org.cevns.events.io.TruthParquetSink;
import org.cevns.events.io.WriteOptions;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.EventCount;
import org.cevns.generator.run.FluxAveragedRun;
import org.cevns.generator.run.GenerateJob;
import org.cevns.generator.run.RunMetadata;
import org.cevns.generator.run.TruthGenerator;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns convert} of a truth file whose configuration names a spectrum file by a relative path: the run
 * information comes from the file's metadata, whatever the working directory (the tests run in {@code cli/},
 * where the configuration's {@code spectra/} does not exist); files written before the values were stored are
 * converted by rebuilding the run, with {@code --config-dir}.
 */
class ConvertStoredRunInfoTest {
  private static final long SEED = 5;
  private static final long EVENTS = 2000;
  @TempDir static Path tmp;
  static Path configDir;
  static Path config;
  static Path spectrum;
  static Path truth;
  static Path oldTruth;

  @BeforeAll
  static void generate() throws Exception {
    configDir = Files.createDirectories(tmp.resolve("experiment"));
    spectrum = Files.createDirectories(configDir.resolve("spectra")).resolve("triangle.csv");
    Files.writeString(spectrum, "energy_mev,dn_de\n1.0,0.0\n5.0,1.0\n10.0,0.0\n");
    config = configDir.resolve("relative.yaml");
    Files.writeString(config, """
        name: relative-spectrum
        sources:
          - {name: sns, type: pion-dar, facility: sns, exposure: {pot: 1.0e22}}
          - {name: custom, type: spectrum-file, file: spectra/triangle.csv, flavor: nuebar, rate_per_s: 1.0e18,
             exposure: {live_days: 10}}
        detectors:
          - {name: lar, target: {formula: Ar}, mass_kg: 24, distance_m: 20}
        """);
    assertFalse(Files.exists(Path.of("spectra/triangle.csv").toAbsolutePath()), "the test needs another directory");
    truth = tmp.resolve("truth.parquet");
    CliRunner.Result g = CliRunner.run("generate", config.toString(), "--events", Long.toString(EVENTS), "--seed",
        Long.toString(SEED), "-o", truth.toString(), "--quiet");
    assertEquals(0, g.exitCode(), g.err());
    oldTruth = tmp.resolve("old.parquet");
    writeWithRunValues(oldTruth, null);
  }

  /**
   * The same run as {@link #truth}, with {@code xs} as {@link TruthMetadata#FLUX_AVERAGED_XS_CM2} and no stored
   * exposures; {@code xs} null: written as cevns did before it stored the run values.
   */
  private static void writeWithRunValues(Path out, String xs) throws Exception {
    ExperimentModel model = ExperimentModel.build(ConfigLoader.load(config));
    EventCount n = EventCount.fixed(EVENTS, model.totalExpectedEvents());
    Map<String, String> meta = RunMetadata.of(model, SEED, n, false).toMap();
    meta.keySet().removeAll(List.of(TruthMetadata.FLUX_AVERAGED_XS_CM2, TruthMetadata.EXPOSURE_POT,
        TruthMetadata.EXPOSURE_LIVE_S));
    if (xs != null) {
      meta.put(TruthMetadata.FLUX_AVERAGED_XS_CM2, xs);
    }
    TruthParquetSink sink = TruthParquetSink.open(out.toString(), model.dictionary(), meta, WriteOptions.defaults());
    GenerateJob.run(TruthGenerator.of(model, model.config().generator(), SEED, EVENTS, 1), 1, sink, null);
  }

  private static Map<String, String> metadata(Path file) throws IOException {
    try (EventFileReader r = EventFileReader.open(file.toString())) {
      return r.metadata();
    }
  }

  private static CliRunner.Result convert(Path in, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("convert", in.toString(), "--to", "hepmc3", "-o",
        out.toString(), "--quiet"));
    args.addAll(List.of(more));
    return CliRunner.run(args.toArray(String[]::new));
  }

  @Test
  void storedValuesAreExactlyThoseOfTheRebuiltModel() throws IOException {
    Map<String, String> meta = metadata(truth);
    // what convert computed before the values were stored: the model of the stored configuration, relative paths
    // against the configuration's directory; Double.toString round-trips, so equal to the bit
    FluxAveragedRun rebuilt = FluxAveragedRun.of(ExperimentModel.build(
        ConfigLoader.parse(meta.get(TruthMetadata.CONFIG), configDir)));
    assertEquals(rebuilt.fluxAveragedXsCm2(), Double.parseDouble(meta.get(TruthMetadata.FLUX_AVERAGED_XS_CM2)));
    assertEquals(1.0e22, Double.parseDouble(meta.get(TruthMetadata.EXPOSURE_POT)));
    assertEquals(rebuilt.protonsOnTarget(), Double.parseDouble(meta.get(TruthMetadata.EXPOSURE_POT)));
    assertEquals(rebuilt.liveSeconds(), Double.parseDouble(meta.get(TruthMetadata.EXPOSURE_LIVE_S)));
    assertEquals(10 * 86_400.0, rebuilt.liveSeconds(), 1e-6);
  }

  @Test
  void convertsWithoutTheConfigurationOrItsFilesAndAsTheRebuildDid() throws IOException {
    Path fresh = tmp.resolve("fresh.hepmc3");
    CliRunner.Result c = convert(truth, fresh);
    assertEquals(0, c.exitCode(), c.err());
    // the old path (rebuild, relative paths against --config-dir) gives the same run information and events
    Path rebuilt = tmp.resolve("rebuilt.hepmc3");
    CliRunner.Result o = convert(oldTruth, rebuilt, "--config-dir", configDir.toString());
    assertEquals(0, o.exitCode(), o.err());
    HepMC3ConvertTest.Vector a = HepMC3ConvertTest.read(fresh);
    HepMC3ConvertTest.Vector b = HepMC3ConvertTest.read(rebuilt);
    assertEquals(b.runAttributes(), a.runAttributes());
    assertEquals("1.0E22", a.runAttributes().get("NuHepMC.Exposure.POT"));
    assertEquals(Double.toString(10 * 86_400.0), a.runAttributes().get("NuHepMC.Exposure.Livetime"));
    assertEquals(Double.parseDouble(metadata(truth).get(TruthMetadata.FLUX_AVERAGED_XS_CM2)) * 1e36,
        Double.parseDouble(a.runAttributes().get("NuHepMC.FluxAveragedTotalCrossSection")));
    assertEquals(EVENTS, a.events().size());
    assertEquals(Files.readString(rebuilt), Files.readString(fresh));
  }

  @Test
  void convertsAfterTheSpectrumFileIsGone() throws IOException {
    Path before = tmp.resolve("before.hepmc3");
    assertEquals(0, convert(truth, before).exitCode());
    Path moved = tmp.resolve("moved.csv");
    Files.move(spectrum, moved);
    try {
      Path after = tmp.resolve("after.hepmc3");
      CliRunner.Result c = convert(truth, after);
      assertEquals(0, c.exitCode(), c.err());
      assertEquals(Files.readString(before), Files.readString(after));
    } finally {
      Files.move(moved, spectrum);
    }
  }

  @Test
  void olderFileWithoutConfigDirSaysWhyAndWhatToDo() {
    Path out = tmp.resolve("old-cwd.hepmc3");
    CliRunner.Result c = convert(oldTruth, out);
    assertEquals(2, c.exitCode());
    String err = c.err();
    assertTrue(err.startsWith("cevns: " + oldTruth + ": predates the stored run values (no "
        + TruthMetadata.FLUX_AVERAGED_XS_CM2 + " metadata)"), err);
    assertTrue(err.contains("sources[1].file: must be a readable file"), err);
    assertTrue(err.contains("; give --config-dir DIR, the directory of the configuration it was generated from"),
        err);
    assertEquals(1, err.lines().count(), err);
    assertFalse(Files.exists(out));
  }

  @Test
  void olderFileWithAWrongConfigDirNamesIt() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Path out = tmp.resolve("old-elsewhere.hepmc3");
    CliRunner.Result c = convert(oldTruth, out, "--config-dir", elsewhere.toString());
    assertEquals(2, c.exitCode());
    assertTrue(c.err().contains("with relative paths against " + elsewhere + ": sources[1].file"), c.err());
    assertFalse(c.err().contains("give --config-dir"), c.err());
    assertFalse(Files.exists(out));
    CliRunner.Result d = convert(oldTruth, out, "--config-dir", tmp.resolve("missing").toString());
    assertEquals(2, d.exitCode());
    assertEquals("cevns: --config-dir: must be a directory, got '" + tmp.resolve("missing") + "'\n", d.err());
  }

  @Test
  void malformedStoredValueIsAnInputError() throws Exception {
    Path bad = tmp.resolve("bad.parquet");
    writeWithRunValues(bad, "1e-40 cm2");
    Path out = tmp.resolve("bad.hepmc3");
    CliRunner.Result c = convert(bad, out, "--config-dir", configDir.toString());
    assertEquals(2, c.exitCode());
    assertEquals("cevns: " + bad + ": malformed run metadata: " + TruthMetadata.FLUX_AVERAGED_XS_CM2
        + " must be a number, got '1e-40 cm2'\n", c.err());
    assertFalse(Files.exists(out));
  }
}
