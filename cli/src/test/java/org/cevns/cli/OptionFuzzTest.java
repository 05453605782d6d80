package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * A user who gets command-line options wrong, systematically: every main command with a valid command line plus
 * one bad value of each option it has (numbers out of range or not numbers, malformed {@code --set} key paths, list
 * items beyond the end, bad shards, codecs, grids), in-process. Each must exit 2 before any work with one line that
 * names the option (or the {@code --set} path), no Java class name, nothing under the output name.
 */
class OptionFuzzTest {
  static final String CONFIG = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml").toString();
  private static final Pattern JAVA_NAME = Pattern.compile(
      "\\b(java|javax|org|com|picocli)\\.[a-z]+\\.|Exception|\\b[A-Z][A-Za-z]+(Node|Error)\\b|: null\\b");
  @TempDir static Path tmp;
  static Path truth;
  static Path events;
  static Path shards;

  /** Bad values of each option, by option name. */
  static final Map<String, List<String>> BAD = Map.ofEntries(
      Map.entry("--threads", List.of("0", "-1", "x", "1.5", "100000", "")),
      Map.entry("--events", List.of("-1", "abc", "1e13", "1.5", "2e6.5", "", "1000000000001")),
      Map.entry("--seed", List.of("abc", "1.5", "99999999999999999999", "")),
      Map.entry("--shard", List.of("3/3", "-1/2", "0/0", "x", "1/", "/2", "1/2/3")),
      Map.entry("--compression", List.of("foo", "")),
      Map.entry("--toys", List.of("-1", "x", "1e13", "")),
      Map.entry("--max-template-events", List.of("-1", "0", "x", "1e20")),
      Map.entry("--coverage-toys", List.of("-1", "x")),
      Map.entry("--memory-mb", List.of("0", "-5", "x", "1e12")),
      Map.entry("--shards", List.of("0", "-1", "x", "1e9")),
      Map.entry("--threads-per-task", List.of("0", "-1", "x")),
      Map.entry("--stage", List.of("foo", "")),
      Map.entry("--to", List.of("root", "")),
      Map.entry("--format", List.of("xyz", "")),
      Map.entry("--set", List.of("a..b=1", "x[=1", "detectors[99].mass_kg=1", "detectors[1].mass_kg=1",
          "detectors[0].mass_kg", "=1", "detectors[-1].mass_kg=1", "detectors]0[.mass_kg=1", "detectors.mass_kg=1",
          "name.x=1", "include=a.yaml", "detectors[0].mass_kg=[1", "detectors[0].mass_kg=", ".name=x", "name.=x",
          "detectors[0]mass_kg=1", "detectors[0].mass_kg=-3", "detectors[0].mass_kg=.nan", "sources[0].exposure=7",
          "detectors[0].mass_kg=10 kg", "detectors[1e3].mass_kg=1", "detectors[0].mass_kg={a: 1}",
          "detectors[0].mass_kgg=1", "detectors[99999999999].mass_kg=1", "sources[0].name=a b", "[0]=1")));

  /** Per command: a valid command line ({@code OUT}: the output path), and the options fuzzed beside BAD's. */
  static List<List<String>> commands() {
    String truthFile = truth.toString();
    String eventsFile = events.toString();
    String mte = "--max-template-events";
    return List.of(
        List.of("rates", CONFIG),
        List.of("generate", CONFIG, "-o", "OUT", "--events", "10", "--seed", "1", "--quiet"),
        List.of("simulate", CONFIG, "-o", "OUT", "--events", "10", "--seed", "1", "--quiet"),
        List.of("detsim", CONFIG, "-i", truthFile, "-o", "OUT", "--quiet"),
        List.of("convert", truthFile, "--to", "hepmc3", "-o", "OUT", "--quiet"),
        List.of("analyze", CONFIG, "-i", eventsFile, "-o", "OUT", "--quiet", mte, "1000"),
        List.of("fit", CONFIG, "-i", eventsFile, "-o", "OUT", "--poi", "sin2_theta_w", "--quiet", mte, "1000"),
        List.of("scan", CONFIG, "-o", "OUT", "--poi", "sin2_theta_w=0.2:0.3:3", "--quiet", mte, "1000"),
        List.of("sensitivity", CONFIG, "-o", "OUT", "--quiet", mte, "1000"),
        List.of("toys", CONFIG, "--toys", "2", "--seed", "1", "-o", "OUT", "--quiet", mte, "1000"),
        List.of("run", CONFIG, "-o", "OUT", "--quiet", mte, "1000"),
        List.of("shards", CONFIG, "--shards", "2", "--events", "100", "-o", "OUT"),
        List.of("mapreduce", "generate", CONFIG, "--shards", "2", "--events", "100", "-o", "OUT"),
        List.of("import", "--format", "coherent-csi-2021",
            GenerateCommandTest.CONFIGS.resolve("data/coherent-csi-2021").toString(), "-o", "OUT", "--quiet"),
        List.of("merge", shards.toString(), "--quiet"),
        List.of("validate", "--fast", "-o", "OUT"));
  }

  @BeforeAll
  static void inputs() {
    truth = tmp.resolve("truth.parquet");
    events = tmp.resolve("events.parquet");
    shards = tmp.resolve("shards");
    for (String[] args : new String[][] {
        {"generate", CONFIG, "-o", truth.toString(), "--events", "1000", "--seed", "1", "--quiet"},
        {"simulate", CONFIG, "-o", events.toString(), "--seed", "1", "--quiet"},
        {"generate", CONFIG, "-o", shards.resolve("part-0.parquet").toString(), "--events", "100", "--seed", "1",
            "--shard", "0/1", "--quiet"}}) {
      CliRunner.Result r = CliRunner.run(args);
      assertEquals(0, r.exitCode(), r.err());
    }
  }

  /** One case: a command line and the option whose value is bad. */
  record Case(List<String> args, String option, String value) {
    @Override
    public String toString() {
      return String.join(" ", args.subList(0, args.get(0).equals("mapreduce") ? 2 : 1)) + " " + option + "="
          + value;
    }
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (List<String> base : commands()) {
      CommandLine.Model.CommandSpec spec = Main.commandLine().getSubcommands().get(base.get(0)).getCommandSpec();
      if (base.get(0).equals("mapreduce")) {
        spec = spec.subcommands().get(base.get(1)).getCommandSpec();
      }
      for (Map.Entry<String, List<String>> e : BAD.entrySet()) {
        if (spec.findOption(e.getKey()) == null) {
          continue;
        }
        for (String value : e.getValue()) {
          List<String> args = new ArrayList<>(base);
          int i = args.indexOf(e.getKey());
          if (i >= 0 && !e.getKey().equals("--set")) { // the base's own value replaced
            args.set(i + 1, value);
          } else {
            args.add(e.getKey() + "=" + value);
          }
          cases.add(new Case(args, e.getKey(), value));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aBadOptionIsOneLineExit2BeforeAnyWork(Case c) {
    Path out = tmp.resolve("out-" + Math.abs(c.toString().hashCode()));
    String[] args = c.args().stream().map(a -> a.equals("OUT") ? out.toString() : a).toArray(String[]::new);
    CliRunner.Result r = CliRunner.run(args);
    Failures.assertClean(2, r, out);
    String message = r.err().strip();
    assertFalse(JAVA_NAME.matcher(message).find(), "Java in the message: " + message);
    String key = c.option().equals("--set") ? c.value().split("=", 2)[0] : c.option();
    if (c.args().get(0).equals("import") && c.option().equals("--set")) { // mapping keys: the first key named
      key = key.split("[.]", 2)[0];
    }
    assertTrue(message.contains(c.option()) || !key.isEmpty() && message.contains(key),
        "the message names neither " + c.option() + " nor " + key + ": " + message);
  }
}
