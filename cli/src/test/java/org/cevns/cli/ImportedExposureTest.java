package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.events.EventFileHistogrammer;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.hist.BinEdges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exposure {@code cevns analyze} scales its templates to, for measured data imported in parts: the
 * coincidence and the anti-coincidence events of the COHERENT CsI[Na] 2021 release imported into two files (each
 * with the data set's exposure, as a user with two event lists does) count the exposure once, as the one-file
 * import of {@code --format coherent-csi-2021} does; before, the two files' exposures added, the expected signal
 * doubled (720 instead of 360 events) and the fit gave mu = 0.44 instead of 0.92. Files of one window each
 * (two separate runs of equal exposure) and files of other periods still add.
 */
class ImportedExposureTest {
  static final Path CSI_RELEASE = ImportCommandTest.CSI_RELEASE;

  @TempDir Path tmp;

  private Path importOne(String file, String window, String name, String... extra) {
    Path out = tmp.resolve(name);
    List<String> a = new ArrayList<>(List.of("import", CSI_RELEASE.resolve(file).toString(), "-o", out.toString(),
        "--set", "format=text", "--set", "detector=csi", "--set", "source=sns", "--set", "mass_kg=14.6",
        "--set", "exposure.beam_energy_gwh=13.99", "--set", "exposure.proton_energy_gev=0.984",
        "--set", "exposure.beam_power_mw=1.4", "--set", "windows.coincidence_length_ns=6000",
        "--set", "windows.anticoincidence=before", "--set", "columns.energy.column=1",
        "--set", "columns.energy.unit=pe", "--set", "columns.energy.pe_per_kevee=13.35",
        "--set", "columns.time.column=2", "--set", "columns.time.unit=us", "--set", "columns.time.origin=window",
        "--set", "window=" + window));
    for (String e : extra) {
      a.add("--set");
      a.add(e);
    }
    CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return out;
  }

  private static RunExposure exposure(Path... files) throws IOException {
    HistogramBinning b = new HistogramBinning(Map.of("csi", BinEdges.of(0.5, 4.5)), Map.of(),
        BinEdges.uniform(12, -6000, 6000), Optional.empty());
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      names.add(f.toString());
    }
    return EventFileHistogrammer.histogram(names, b, 1).exposure().orElseThrow();
  }

  @Test
  void coincidenceAndAnticoincidenceImportedApartCountTheExposureOnce() throws IOException {
    Path both = tmp.resolve("both.parquet");
    assertEquals(0, CliRunner.run("import", "--format", "coherent-csi-2021", CSI_RELEASE.toString(), "-o",
        both.toString()).exitCode());
    RunExposure one = exposure(both);
    Path c = importOne("dataBeamOnC.txt", "coincidence", "c.parquet");
    Path ac = importOne("dataBeamOnAC.txt", "anticoincidence", "ac.parquet");
    RunExposure parts = exposure(c, ac);
    assertEquals(one.protonsOnTarget("csi"), parts.protonsOnTarget("csi"), 1e-9 * one.protonsOnTarget("csi"));
    assertEquals(one.liveSeconds("csi", "beam"), parts.liveSeconds("csi", "beam"),
        1e-9 * one.liveSeconds("csi", "beam"));
    // two files of the coincidence window (two runs of equal exposure) add, as two simulated runs do
    Path c2 = tmp.resolve("c2.parquet");
    Files.copy(c, c2);
    RunExposure twice = exposure(c, c2);
    assertEquals(2 * one.protonsOnTarget("csi"), twice.protonsOnTarget("csi"), 1e-9 * one.protonsOnTarget("csi"));
    // C, AC and a second C: the second C is another run, which the first AC does not complete
    RunExposure three = exposure(c, ac, c2);
    assertEquals(2 * one.protonsOnTarget("csi"), three.protonsOnTarget("csi"), 1e-9 * one.protonsOnTarget("csi"));
    // an AC file of another exposure is another run
    Path acOther = importOne("dataBeamOnAC.txt", "anticoincidence", "ac-other.parquet",
        "exposure.beam_energy_gwh=7.0");
    RunExposure other = exposure(c, acOther);
    assertEquals(one.protonsOnTarget("csi") * (1 + 7.0 / 13.99), other.protonsOnTarget("csi"),
        1e-9 * one.protonsOnTarget("csi"));
  }
}
