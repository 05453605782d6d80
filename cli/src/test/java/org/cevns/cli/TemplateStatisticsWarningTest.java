package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cevns.analysis.report.ToyTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template-statistics warning ({@link org.cevns.analysis.pipeline.TemplateStatistics}) through the real
 * commands: every command that fits simulated templates, or builds Asimov or toy expectations from them, prints it
 * as one {@code cevns COMMAND: warning: ...} line on stderr (also with {@code --quiet}) and writes it into its
 * summary; enough template events give neither. CsI at 10 % of its exposure (about 3600 events) without the physics
 * POIs and the response re-folds, so each command takes a second or two; 1000 template events are about 0.25 per
 * expected event, 20,000 about 5.
 */
class TemplateStatisticsWarningTest {
  private static final String CSI = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml").toString();
  private static final String PREFIX = "the templates hold fewer simulated events than the data (";
  /** The end of the line of a command with --templates (analyze, sensitivity, toys). */
  private static final String WITH_FILE = "template events (--max-template-events, or a larger --templates run)";
  /** The end of the line of a command without --templates (run, fit, scan, mapreduce toys). */
  private static final String CAP_ONLY = "template events (--max-template-events)";
  private static final String FEW = "1000";
  private static final String ENOUGH = "20000";
  @TempDir Path tmp;

  /** {@code command CSI args --set (reduced) --max-template-events N --seed 3 --threads 2 --quiet}. */
  private static CliRunner.Result run(String command, String templateEvents, String... args) {
    List<String> a = new ArrayList<>(Arrays.asList(command.split(" ")));
    a.add(CSI);
    a.addAll(Arrays.asList(args));
    a.addAll(List.of("--set", "sources[0].exposure.beam_energy_gwh=1.4", "--set", "analysis.parameters=[]",
        "--set", "analysis.systematics.detectors={}", "--max-template-events", templateEvents, "--seed", "3",
        "--quiet"));
    if (!command.startsWith("mapreduce")) {
      a.addAll(List.of("--threads", "2"));
    }
    CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
    assertEquals(0, r.exitCode(), command + ": " + r.err());
    return r;
  }

  /** The warning of {@code command}'s stderr: exactly one line {@code cevns COMMAND: warning: ...}. */
  private static String warning(String command, CliRunner.Result r) {
    assertEquals(0, r.exitCode(), command + ": " + r.err());
    List<String> lines = r.err().lines().filter(l -> l.contains("warning")).toList();
    assertEquals(1, lines.size(), command + " stderr: " + r.err());
    String head = "cevns " + command + ": warning: ";
    assertTrue(lines.get(0).startsWith(head + PREFIX), lines.get(0));
    return lines.get(0).substring(head.length());
  }

  private static void noWarning(String command, CliRunner.Result r) {
    assertFalse(r.err().contains("warning"), command + " stderr: " + r.err());
  }

  private static JsonNode json(Path file) throws Exception {
    return new ObjectMapper().readTree(file.toFile());
  }

  /** {@code w} of a command without --templates, as a command with it says it. */
  private static String withFile(String w) {
    assertTrue(w.endsWith(CAP_ONLY), w);
    return w.substring(0, w.length() - CAP_ONLY.length()) + WITH_FILE;
  }

  /**
   * The hint names only options of the command giving it (run, fit, scan and mapreduce toys have no --templates;
   * until 2026-12-05 every command named it), and commands with both options keep the wording.
   */
  @Test
  void theHintNamesOnlyTheCommandsOwnOptions() {
    picocli.CommandLine main = Main.commandLine();
    for (String command : List.of("run", "analyze", "fit", "scan", "sensitivity", "toys", "mapreduce toys")) {
      picocli.CommandLine c = main;
      for (String name : command.split(" ")) {
        c = c.getSubcommands().get(name);
      }
      picocli.CommandLine.Model.CommandSpec spec = c.getCommandSpec();
      String options = AnalysisSupport.remedy(spec).options();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("--[a-z-]+").matcher(options);
      int named = 0;
      while (m.find()) {
        named++;
        assertTrue(spec.findOption(m.group()) != null, command + " has no " + m.group() + " but its hint names it");
      }
      assertTrue(named >= 1 && options.startsWith("--max-template-events"), command + ": " + options);
      boolean file = spec.findOption("--templates") != null;
      assertEquals(List.of("analyze", "sensitivity", "toys").contains(command), file, command);
      assertEquals(file ? WITH_FILE : CAP_ONLY, "template events (" + options + ")", command);
    }
  }

  /**
   * run, analyze and fit of the same events with the same templates: the same line on stderr, in summary.txt and
   * summary.json ({@code templates.warning}) of run and analyze and in fit's summary.json ({@code templates_warning}),
   * but for the options each names; none with enough template events.
   */
  @Test
  void runAnalyzeAndFitWarnAboutTooFewTemplateEvents() throws Exception {
    Path out = tmp.resolve("run");
    String w = warning("run", run("run", FEW, "-o", out.toString()));
    assertTrue(w.contains("observed events): csi beam "), w);
    assertTrue(w.contains("so the fit follows the templates' fluctuations (mu, chi2 unreliable)"), w);
    assertTrue(w.endsWith(CAP_ONLY), w);
    assertEquals(w, json(out.resolve("summary.json")).get("templates").get("warning").asText());
    assertTrue(Files.readString(out.resolve("summary.txt")).contains("warning: " + w + "\n"));
    // run's sensitivity comes from the same templates: sensitivity.json says so too (the Asimov wording)
    String sensitivity = json(out.resolve("sensitivity.json")).get("templates_warning").asText();
    assertTrue(sensitivity.startsWith(PREFIX) && sensitivity.endsWith(CAP_ONLY), sensitivity);
    String events = out.resolve("events.parquet").toString();
    Path analyzed = tmp.resolve("analyze");
    assertEquals(withFile(w), warning("analyze", run("analyze", FEW, "-i", events, "-o", analyzed.toString())));
    assertEquals(withFile(w), json(analyzed.resolve("summary.json")).get("templates").get("warning").asText());
    Path fit = tmp.resolve("fit");
    assertEquals(w, warning("fit", run("fit", FEW, "-i", events, "--poi", "mu", "-o", fit.toString())));
    assertEquals(w, json(fit.resolve("summary.json")).get("templates_warning").asText());
    // the same events with enough template events: no line, no key, no summary.txt line (run: the slow
    // AnalysisCommandsTest)
    Path enough = tmp.resolve("enough");
    noWarning("analyze", run("analyze", ENOUGH, "-i", events, "-o", enough.toString()));
    assertNull(json(enough.resolve("summary.json")).get("templates").get("warning"));
    assertFalse(Files.readString(enough.resolve("summary.txt")).contains("warning"));
    Path enoughFit = tmp.resolve("enough-fit");
    noWarning("fit", run("fit", ENOUGH, "-i", events, "--poi", "mu", "-o", enoughFit.toString()));
    assertNull(json(enoughFit.resolve("summary.json")).get("templates_warning"));
  }

  /**
   * sensitivity and scan (Asimov, no data): the expectations are the templates themselves, so the line counts the
   * expected events and says the sensitivity is biased; the same line for both (same templates) but for the options
   * each names, once per run.
   */
  @Test
  void sensitivityAndAsimovScanWarnOnce() throws Exception {
    Path out = tmp.resolve("sens");
    String w = warning("sensitivity", run("sensitivity", FEW, "-o", out.toString(), "--coverage-toys", "3"));
    assertTrue(w.contains("expected events at the configured exposure): csi beam "), w);
    assertTrue(w.contains("so the Asimov and toy expectations follow the templates' fluctuations (sensitivity"
        + " biased)") && w.endsWith(WITH_FILE), w);
    assertEquals(w, json(out.resolve("sensitivity.json")).get("templates_warning").asText());
    Path scan = tmp.resolve("scan");
    String s = warning("scan", run("scan", FEW, "--poi", "mu=0.8:1.2:3", "-o", scan.toString()));
    assertEquals(w, withFile(s));
    assertEquals(s, json(scan.resolve("summary.json")).get("templates_warning").asText());
    // 20 000 template events: more than the expected events, but their Monte Carlo statistics carry 16 % of
    // sigma_mu^2 (+-0.134 of +-0.333): the impact check warns (TemplateStatistics.impactWarning)
    Path some = tmp.resolve("some");
    CliRunner.Result r = run("sensitivity", ENOUGH, "-o", some.toString());
    List<String> lines = r.err().lines().filter(l -> l.contains("warning")).toList();
    assertEquals(1, lines.size(), r.err());
    String head = "cevns sensitivity: warning: ";
    String i = lines.get(0).substring(head.length());
    assertTrue(lines.get(0).startsWith(head + "the templates' Monte Carlo statistics carry ") && i.contains(
        "of the expected variance of mu (template_statistics impact +-") && i.endsWith(WITH_FILE), i);
    assertEquals(i, json(some.resolve("sensitivity.json")).get("templates_warning").asText());
    Path enough = tmp.resolve("enough");
    noWarning("sensitivity", run("sensitivity", "200000", "-o", enough.toString()));
    assertNull(json(enough.resolve("sensitivity.json")).get("templates_warning"));
  }

  /**
   * toys and mapreduce toys: one line per run (not per toy), the same for both but for the options each names (mapreduce
   * toys has no --templates), and recorded in the toy table's
   * footer ({@link ToyTable#TEMPLATES_WARNING}) only when there is one; sensitivity --toy-results repeats it on
   * stderr (after {@code --toy-results: }) and in toys.json.
   */
  @Test
  void toysAndMapReduceToysWarnOncePerRun() throws Exception {
    Path toys = tmp.resolve("toys");
    String w = warning("toys", run("toys", FEW, "--toys", "3", "-o", toys.toString()));
    assertTrue(w.contains("(sensitivity biased)") && w.endsWith(WITH_FILE), w);
    assertEquals(w, ToyTable.templateWarning(toys.toString()).orElseThrow());
    Path mr = tmp.resolve("mr");
    String mw = warning("mapreduce toys", run("mapreduce toys", FEW, "--toys", "3", "--shards", "2", "-o",
        mr.toString()));
    assertEquals(w, withFile(mw));
    assertEquals(mw, ToyTable.templateWarning(mr.toString()).orElseThrow());
    // the summary of the toys repeats it (stderr, toys.json)
    Path summary = tmp.resolve("summary");
    CliRunner.Result r = CliRunner.run("sensitivity", CSI, "--toy-results", mr.toString(), "-o", summary.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("cevns sensitivity: warning: --toy-results: " + mw + "\n", r.err());
    assertEquals(mw, json(summary.resolve("toys.json")).get("templates_warning").asText());
    Path enough = tmp.resolve("enough");
    noWarning("toys", run("toys", ENOUGH, "--toys", "1", "-o", enough.toString()));
    assertTrue(ToyTable.templateWarning(enough.toString()).isEmpty());
    r = CliRunner.run("sensitivity", CSI, "--toy-results", enough.toString(), "-o",
        tmp.resolve("summary-enough").toString());
    assertEquals(0, r.exitCode(), r.err());
    noWarning("sensitivity", r);
    assertNull(json(tmp.resolve("summary-enough").resolve("toys.json")).get("templates_warning"));
  }
}
