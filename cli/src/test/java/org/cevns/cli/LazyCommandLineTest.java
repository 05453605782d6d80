package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Issue 12: {@code Main.commandLine(args)} builds only the subcommand {@code args[0]} names (none for
 * {@code --version}), to save picocli's reflection over the others at start-up. For each command line it must
 * print and exit exactly as the full command line does: help, usage errors, input errors and a real
 * {@code rates}.
 */
class LazyCommandLineTest {
  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V", "--help", "", "help|rates", "rates|--help", "rates",
      "rates|coherent-lar.yaml", "rates|coherent-lar.yaml|--json", "rates|no-such-config.yaml",
      "rates|coherent-lar.yaml|--no-such-option", "generate|--help", "mapreduce|--help", "mapreduce",
      "mapreduce|generate|--help", "toys|--help", "merge", "ratez|coherent-lar.yaml", "--version|rates"})
  void printsAndExitsAsTheFullCommandLine(String argLine) {
    String[] args = argLine.isEmpty() ? new String[0] : argLine.split("\\|");
    for (int i = 0; i < args.length; i++) {
      if (args[i].endsWith(".yaml")) {
        args[i] = GenerateCommandTest.CONFIGS.resolve(args[i]).toString();
      }
    }
    assertEquals(run(Main.commandLine(), args), run(Main.commandLine(args), args), argLine);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "rates|x.yaml", "generate|--help"})
  void buildsOnlyTheNamedSubcommand(String argLine) {
    String[] args = argLine.split("\\|");
    List<String> expected = args[0].startsWith("-") ? List.of() : List.of(args[0]);
    assertEquals(expected, List.copyOf(Main.commandLine(args).getSubcommands().keySet()));
  }

  private static List<String> run(CommandLine cl, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return List.of(String.valueOf(code), out.toString(), err.toString());
  }
}
