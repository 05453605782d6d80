package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.cevns.events.io.ParquetMetadataReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cevns simulate}, {@code detsim} and the detected table of {@code rates}, through the command line. */
@Tag("slow")
class DetsimCliTest {
  @TempDir Path dir;

  static final String CONFIG = """
      name: cli-test
      seed: 3
      sources:
        - {name: core, type: reactor, thermal_power_mw: 3600, exposure: {live_days_on: 2, live_days_off: 1}}
      detectors:
        - name: ge
          target: {formula: Ge}
          mass_kg: 1
          distance_m: 20
          RESPONSE
          backgrounds:
            - {name: flat, type: steady, spectrum: {shape: flat, max_kev: 2}, counts_per_kg_per_day: 100}
      """;

  static final String GOOD_RESPONSE = "response: {quenching: {model: lindhard, k: 0.162}, energy: {model: ionisation,"
      + " pair_energy_ev: 2.96, fano: 0.11, noise_sigma_evee: 25}, threshold_kevee: 0.18}";

  record Run(int exit, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  Path config(String name, String response) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, CONFIG.replace("RESPONSE", response));
    return p;
  }

  private boolean nothingWritten() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.noneMatch(p -> p.getFileName().toString().contains("parquet"));
    }
  }

  @Test
  void badResponseIsOneLineAndExitTwoBeforeAnyWork() throws IOException {
    Path bad = config("bad.yaml", "response: {quenching: {model: lindhard}, energy: {model: ionisation, fano: 0.11,"
        + " noise_sigma_evee: 25}}");
    String expected = "cevns: detectors[0].response.energy.pair_energy_ev: required key is missing";
    for (String[] args : new String[][] {
        {"simulate", bad.toString(), "-o", dir.resolve("s.parquet").toString()},
        {"generate", bad.toString(), "-o", dir.resolve("g.parquet").toString()},
        {"detsim", bad.toString(), "-i", dir.resolve("missing.parquet").toString(), "-o",
            dir.resolve("d.parquet").toString()},
        {"rates", bad.toString()}}) {
      Run r = run(args);
      assertEquals(2, r.exit(), args[0] + ": " + r.err());
      assertEquals(expected, r.err().strip(), args[0]);
    }
    assertTrue(nothingWritten());
  }

  @Test
  void simulateNeedsAResponse() throws IOException {
    Path none = dir.resolve("none.yaml");
    Files.writeString(none, CONFIG.substring(0, CONFIG.indexOf("RESPONSE")));
    Run r = run("simulate", none.toString(), "-o", dir.resolve("s.parquet").toString());
    assertEquals(2, r.exit(), r.err());
    assertEquals("cevns: detectors[0].response: required key is missing (cevns simulate needs the response of every"
        + " detector)", r.err().strip());
    assertTrue(nothingWritten());
  }

  @Test
  void simulateDetsimAndRates() throws IOException {
    Path good = config("good.yaml", GOOD_RESPONSE);
    Path events = dir.resolve("events.parquet");
    Run s = run("simulate", good.toString(), "-o", events.toString(), "--quiet", "--threads", "2");
    assertEquals(0, s.exit(), s.err());
    assertTrue(Files.isRegularFile(events));
    Run again = run("simulate", good.toString(), "-o", events.toString(), "--quiet");
    assertEquals(2, again.exit());
    assertEquals("cevns: " + events + ": exists; use --overwrite to replace it", again.err().strip());

    Path truth = dir.resolve("truth.parquet");
    assertEquals(0, run("generate", good.toString(), "-o", truth.toString(), "--quiet").exit());
    Path detsim = dir.resolve("detsim.parquet");
    Run d = run("detsim", good.toString(), "-i", truth.toString(), "-o", detsim.toString(), "--drop-undetected");
    assertEquals(0, d.exit(), d.err());
    assertTrue(d.err().contains("truth + "), d.err());
    assertTrue(Files.isRegularFile(detsim));

    Run missing = run("detsim", good.toString(), "-i", dir.resolve("nope.parquet").toString(), "-o",
        dir.resolve("x.parquet").toString());
    assertEquals(2, missing.exit());
    assertEquals("cevns: cannot read truth events: " + dir.resolve("nope.parquet") + ": no such file or directory\n",
        missing.err());

    Map<String, String> meta = ParquetMetadataReader.read(detsim.toString());
    assertTrue(meta.get("cevns.response").contains("\"model\":\"lindhard\""), meta.get("cevns.response"));
    assertTrue(meta.get("cevns.backgrounds").contains("\"component\":\"flat\""), meta.get("cevns.backgrounds"));
    assertEquals("detsim", meta.get("cevns.stage"));
    assertEquals(ParquetMetadataReader.read(truth.toString()).get("cevns.seed"), meta.get("cevns.seed"));

    Path longer = dir.resolve("longer.yaml");
    Files.writeString(longer, Files.readString(good).replace("live_days_on: 2", "live_days_on: 3"));
    Run mismatch = run("detsim", longer.toString(), "-i", truth.toString(), "-o", dir.resolve("m.parquet").toString());
    assertEquals(2, mismatch.exit());
    assertEquals("cevns: " + truth + ": generated for another exposure than longer.yaml (cevns.exposure differs),"
        + " but backgrounds follow the configured exposure; use the configuration the truth was generated with, or"
        + " --no-backgrounds", mismatch.err().strip());
    assertEquals(0, run("detsim", longer.toString(), "-i", truth.toString(), "-o", dir.resolve("m.parquet").toString(),
        "--no-backgrounds", "--quiet").exit());

    Run rates = run("rates", good.toString());
    assertEquals(0, rates.exit(), rates.err());
    assertTrue(rates.out().contains("detected events"), rates.out());
    assertTrue(rates.out().matches("(?s).*flat\\s+[0-9.e+]+\\s+[0-9.e+]+.*"), rates.out());
    Run json = run("rates", good.toString(), "--json");
    assertEquals(0, json.exit());
    assertTrue(json.out().contains("\"expected_detected\""), json.out());
    assertTrue(json.out().contains("\"component\" : \"flat\""), json.out());
  }
}
