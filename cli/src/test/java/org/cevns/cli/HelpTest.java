package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HelpTest {
  @ParameterizedTest
  @ValueSource(strings = {"run", "rates", "generate", "simulate", "detsim", "convert", "analyze", "sensitivity",
      "fit", "scan", "combine", "toys", "import", "shards", "merge", "validate", "mapreduce", "mapreduce generate",
      "mapreduce simulate", "mapreduce toys"})
  void everyCommandsHelpHasExamplesAndExitCodesAndNoWarning(String command) {
    List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
    args.add("--help");
    CliRunner.Result h = CliRunner.run(args.toArray(new String[0]));
    assertEquals(0, h.exitCode(), h.err());
    assertEquals("", h.err(), "stderr of " + command + " --help");
    assertTrue(h.out().contains("Usage: cevns " + command), h.out());
    assertTrue(h.out().contains("Examples:\n  cevns "), h.out());
    assertTrue(h.out().replaceAll("\\s+", " ").contains("Exit codes: 0 success, every output complete; 1 environment or I/O"), h.out());
    assertTrue(h.out().replaceAll("\\s+", " ").contains("2 usage or input error"), h.out());
  }

  /** The command list of {@code cevns --help} shows each command's first description line: a whole sentence. */
  @Test
  void topLevelSummariesAreWholeSentences() {
    CliRunner.Result h = CliRunner.run("--help");
    assertEquals(0, h.exitCode());
    assertEquals("", h.err());
    String commands = h.out().substring(h.out().indexOf("Commands:"), h.out().indexOf("Examples:"));
    StringBuilder summary = new StringBuilder();
    for (String line : commands.split("\n")) {
      if (line.startsWith("  ") && !line.startsWith("   ")) { // a new command
        if (summary.length() > 0) {
          assertTrue(summary.toString().trim().endsWith("."), "truncated: " + summary);
        }
        summary.setLength(0);
        summary.append(line.trim().substring(line.trim().indexOf(' ') + 1));
      } else if (line.startsWith("   ")) {
        summary.append(' ').append(line.trim());
      }
    }
    assertTrue(summary.toString().trim().endsWith("."), "truncated: " + summary);
    assertFalse(h.out().contains("WARN"));
  }

  /**
   * Help text is written as paragraphs: picocli wraps a description or footer element longer than the help width
   * (80) where it falls, so an element that long must be a whole paragraph (end with '.' or ':'), not a line broken
   * by hand mid-sentence (that left one or two words alone on a line in {@code cevns import --help}); an indented
   * line (an example, a table row) must fit on one line. Regression test over every command and subcommand.
   */
  @Test
  void helpTextIsWholeParagraphsAndExamplesFitOnALine() {
    List<String> bad = new java.util.ArrayList<>();
    collectRaggedLines(Main.commandLine(), bad);
    assertEquals(List.of(), bad);
  }

  private static void collectRaggedLines(picocli.CommandLine root, List<String> out) {
    for (picocli.CommandLine cl : HelpText.tree(root)) {
      var usage = cl.getCommandSpec().usageMessage();
      int width = usage.width();
      List<String> lines = new java.util.ArrayList<>(List.of(usage.description()));
      lines.addAll(List.of(usage.footer()));
      for (String line : lines) {
        for (String printed : String.format(line).split("\\R")) {
          String t = printed.strip();
          boolean indented = printed.startsWith(" "); // examples, tables: printed as written
          boolean tooLong = printed.length() > width && (indented || !(t.endsWith(".") || t.endsWith(":")));
          if (tooLong) {
            out.add(cl.getCommandSpec().qualifiedName() + ": " + printed);
          }
        }
      }
    }
  }

  /**
   * A default named as "the config's KEY.PATH" in an option's description is a key path of configs/reference.yaml
   * (run and analyze named "fit.toys" and run and sensitivity "sensitivity.coverage_toys", which are
   * analysis.fit.toys and analysis.sensitivity.coverage_toys).
   */
  @Test
  void configKeysNamedInOptionDescriptionsExist() throws Exception {
    Object reference = new org.yaml.snakeyaml.Yaml()
        .load(java.nio.file.Files.readString(GenerateCommandTest.CONFIGS.resolve("reference.yaml")));
    var keyPath = java.util.regex.Pattern.compile("config's ([a-z_0-9]+(?:\\.[a-z_0-9]+)+)");
    List<String> named = new java.util.ArrayList<>();
    List<String> missing = new java.util.ArrayList<>();
    for (picocli.CommandLine cl : HelpText.tree(Main.commandLine())) {
      for (picocli.CommandLine.Model.OptionSpec option : cl.getCommandSpec().options()) {
        var m = keyPath.matcher(String.join(" ", option.description()));
        while (m.find()) {
          named.add(m.group(1));
          Object node = reference;
          for (String key : m.group(1).split("\\.")) {
            node = node instanceof java.util.Map<?, ?> map ? map.get(key) : null;
          }
          if (node == null) {
            missing.add(cl.getCommandSpec().qualifiedName() + " " + option.longestName() + ": " + m.group(1));
          }
        }
      }
    }
    assertFalse(named.isEmpty());
    assertEquals(List.of(), missing);
  }

  /**
   * An example path that names a shipped file or folder (a configuration, a data release copied to configs/data) is
   * its path from the clone's root, where the examples run: {@code cevns import --help} showed the CsI release as
   * {@code data/coherent-csi-2021}, which fails from a clone ("no such file"); it is configs/data/coherent-csi-2021.
   */
  @Test
  void examplePathsOfShippedFilesExistFromTheCloneRoot() {
    java.nio.file.Path root = GenerateCommandTest.CONFIGS.getParent();
    List<String> checked = new java.util.ArrayList<>();
    List<String> missing = new java.util.ArrayList<>();
    for (picocli.CommandLine cl : HelpText.tree(Main.commandLine())) {
      String footer = String.join("\n", cl.getCommandSpec().usageMessage().footer());
      for (String line : footer.split("\\R")) {
        if (!line.startsWith("  ")) {
          continue;
        }
        for (String token : line.replaceAll("\\s#.*$", "").trim().split("\\s+")) {
          String name = token.replaceAll("^.*/", "");
          boolean shipped = token.contains("/") && !name.isEmpty()
              && (java.nio.file.Files.exists(root.resolve("configs").resolve(name))
                  || java.nio.file.Files.exists(root.resolve("configs/data").resolve(name)));
          if (shipped) {
            checked.add(token);
            if (!java.nio.file.Files.exists(root.resolve(token))) {
              missing.add(cl.getCommandSpec().qualifiedName() + ": " + token);
            }
          }
        }
      }
    }
    assertTrue(checked.size() > 20, checked.toString());
    assertEquals(List.of(), missing);
  }

  /** Every subcommand of a command with subcommands is named in its summary (mapreduce's omitted toys). */
  @Test
  void mapreduceSummaryNamesEveryStage() {
    CliRunner.Result h = CliRunner.run("mapreduce", "--help");
    assertEquals(0, h.exitCode());
    String summary = h.out().substring(h.out().indexOf('\n') + 1);
    summary = summary.substring(0, summary.indexOf('.'));
    for (String stage : List.of("generate", "simulate", "toys")) {
      assertTrue(summary.contains(stage), stage + " missing from: " + summary);
    }
  }

  @Test
  void versionNamesTheGitCommit() {
    CliRunner.Result v = CliRunner.run("--version");
    assertEquals(0, v.exitCode());
    assertTrue(v.out().contains("git commit "), v.out());
  }
}
