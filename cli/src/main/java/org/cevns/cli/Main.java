package org.cevns.cli;

import java.io.PrintWriter;
import org.cevns.schema.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code cevns} command. */
@Command(
    name = "cevns",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    footer = {"", HelpText.EXAMPLES, "  cevns run configs/coherent-csi.yaml -o out/coherent-csi",
        "  cevns generate configs/coherent-lar.yaml --events 1000000 -o lar.parquet", "",
        "'cevns COMMAND --help' describes a command, its options and their units.", HelpText.EXIT_CODES},
    description = "Simulates CEvNS and neutrino-electron scattering experiments: events, detector response, analysis.",
    subcommands = {RunCommand.class, RatesCommand.class, GenerateCommand.class, SimulateCommand.class,
        DetsimCommand.class, ConvertCommand.class, AnalyzeCommand.class, SensitivityCommand.class,
        FitCommand.class, ScanCommand.class,
        MapReduceCommand.class, ShardsCommand.class, MergeCommand.class, ToysCommand.class, ValidateCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** Exit code for user errors (bad configuration, bad arguments, unreadable input). */
  public static final int EXIT_USER_ERROR = 2;
  /** Exit code for environment, I/O and internal failures. */
  public static final int EXIT_INTERNAL_ERROR = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  /** Builds the command line with cevns' error policy: user errors print one line and exit 2. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(Main::handleExecutionException);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("cevns: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return EXIT_USER_ERROR;
        });
    return cl;
  }

  private static int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (ex instanceof ConfigException || ex instanceof UserException) {
      err.println("cevns: " + ex.getMessage());
      return EXIT_USER_ERROR;
    }
    if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
      err.println("cevns: I/O error: " + ex.getMessage());
      return EXIT_INTERNAL_ERROR;
    }
    err.println("cevns: internal error: " + ex);
    ex.printStackTrace(err);
    return EXIT_INTERNAL_ERROR;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
