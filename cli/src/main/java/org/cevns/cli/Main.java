package org.cevns.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
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
    description = "Simulates CEvNS and neutrino-electron scattering experiments: events, detector response, analysis.")
public final class Main implements Runnable {
  /**
   * The subcommands, in the order {@code cevns --help} lists them. Added by {@link #commandLine(String...)}
   * rather than by the annotation, so that a command line naming one of them builds only that one: picocli
   * reflects over every command it is given, which was most of the start-up of {@code --version} and
   * {@code rates} (docs/performance-history.md, "Third pass: start-up of the command line").
   */
  private static final List<Class<?>> COMMANDS = List.of(RunCommand.class, RatesCommand.class,
      GenerateCommand.class, SimulateCommand.class, DetsimCommand.class, ConvertCommand.class,
      AnalyzeCommand.class, SensitivityCommand.class, FitCommand.class, ScanCommand.class, CombineCommand.class,
      ImportCommand.class,
      MapReduceCommand.class, ShardsCommand.class, MergeCommand.class, ToysCommand.class, ValidateCommand.class,
      CommandLine.HelpCommand.class);

  /** The commands whose first work is to read a configuration ({@link #warmUp}). */
  private static final Set<String> CONFIG_COMMANDS = Set.of("rates", "run", "generate", "simulate", "detsim",
      "analyze", "sensitivity", "scan", "toys", "shards", "mapreduce", "validate");

  /** Exit code for user errors (bad configuration, bad arguments, unreadable input, refused output). */
  public static final int EXIT_USER_ERROR = 2;
  /**
   * Exit code for environment failures (I/O error while working: full disk, lost file system, out of memory)
   * and internal errors.
   */
  public static final int EXIT_INTERNAL_ERROR = 1;
  /** Environment variable that, when set to 1, adds the stack trace of an exit-1 failure (for bug reports). */
  public static final String STACK_TRACE_ENV = "CEVNS_STACKTRACE";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  /**
   * Builds the command line with cevns' error policy: user errors print one line and exit 2; I/O and other
   * failures print one line and exit 1; no stack trace unless {@value #STACK_TRACE_ENV}=1.
   */
  public static CommandLine commandLine() {
    return build(COMMANDS);
  }

  /**
   * The command line for {@code args}, with only the subcommands it needs: the one {@code args[0]} names (other
   * than {@code help}), none for {@code --version} alone, all otherwise (help, usage errors, suggestions). Parses,
   * prints and exits exactly as {@link #commandLine()} does for these arguments.
   */
  static CommandLine commandLine(String... args) {
    if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
      return build(List.of());
    }
    if (args.length > 0) {
      for (Class<?> c : COMMANDS) {
        String name = c.getAnnotation(Command.class).name();
        if (name.equals(args[0]) && c != CommandLine.HelpCommand.class) {
          return build(List.of(c));
        }
      }
    }
    return build(COMMANDS);
  }

  /**
   * The system property with which picocli's {@code DefaultFactory} does not look up Groovy's
   * {@code groovy.lang.Closure} (read once, when the factory's class is initialised; {@value} in the sources, renamed
   * with picocli to {@code org.cevns.shaded.picocli.disable.closures} in the shaded jar, since the shade plugin
   * relocates this string as it relocates picocli's own). Without it the first {@code CommandLine} looked the class
   * up, and a class that is in no jar is looked for in every jar of the class path: with Hadoop in a second jar
   * ({@code cli/target/lib/cevns-hadoop.jar}), every start opened that jar and read its directory of 28,500 entries
   * for nothing. A factory of cevns' own would not avoid it: picocli makes a {@code DefaultFactory} itself for the
   * help options of every command ({@code mixinStandardHelpOptions}). docs/performance-history.md, "jarsplit
   * (thirty-second session)".
   */
  static final String NO_GROOVY_CLOSURES = "picocli.disable.closures";

  private static CommandLine build(List<Class<?>> subcommands) {
    if (System.getProperty(NO_GROOVY_CLOSURES) == null) {
      System.setProperty(NO_GROOVY_CLOSURES, "true");
    }
    CommandLine cl = new CommandLine(new Main());
    for (Class<?> c : subcommands) {
      cl.addSubcommand(c);
    }
    HelpText.reflow(cl);
    WholeNumbers.register(cl);
    cl.setExecutionExceptionHandler(Main::handleExecutionException);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("cevns: " + usageMessage(ex.getMessage()) + " (try '"
              + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
          err.flush();
          return EXIT_USER_ERROR;
        });
    return cl;
  }

  private static int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    return report(ex, cl.getErr());
  }

  /**
   * For the commands that read a configuration, initialises the YAML reader and the configuration binding and
   * reads the record types it binds onto ({@code ConfigBinding.prepareAsLoaded}, the sections the configuration
   * has, once the command has read it; when it built Jackson's deserializers, ~7 % and ~25 % of `rates` on the main
   * thread)
   * on a second thread while this one builds the command line with picocli (~10 %): on 2 cores they overlap
   * (docs/performance-history.md, "Sixth pass"). No input is read; a failure there shows again, and is reported, when the
   * command itself uses the class.
   */
  private static void warmUp(String[] args) {
    if (args.length < 2 || !CONFIG_COMMANDS.contains(args[0])) {
      return;
    }
    Thread t = new Thread(new Prepare(), "cevns-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The warm-up of {@code args} ({@link #warmUp}) as {@link RatesFastPath} runs it on a cache miss. Named classes
   * rather than lambdas, so that {@link CdsTraining}, which goes through {@link #rates}, puts them in the
   * class-data-sharing archive (a lambda's class is generated at run time; lambdas of picocli's interfaces crash
   * the archive dump of JDK 17.0.15, bin/cevns).
   */
  private static final class WarmUp implements Runnable {
    private final String[] args;

    WarmUp(String[] args) {
      this.args = args;
    }

    @Override
    public void run() {
      warmUp(args);
      Thread t = new Thread(new Formats(), "cevns-warm-up-formats");
      t.setDaemon(true);
      t.start();
    }
  }

  /**
   * The JDK's locale data that a computed {@code rates} needs on its critical path, loaded on a third thread while
   * the main thread reads the configuration: the decimal format symbols of the root locale with which
   * {@link RatesCommand} prints its numbers (~20-30 ms of the main thread's first number). (Jackson's default date
   * format, which every {@code ObjectMapper} makes, was loaded here too until the configuration binding stopped
   * using a mapper: docs/performance-history.md, "binder (twenty-ninth session)".) No output; a failure here shows
   * again where the class is used.
   */
  private static final class Formats implements Runnable {
    @Override
    public void run() {
      try {
        new java.util.Formatter(new StringBuilder(), java.util.Locale.ROOT).format("%.4g %.4e", 1.5, 1.5);
      } catch (RuntimeException | LinkageError e) {
        return;
      }
    }
  }

  /** The body of the warm-up thread. */
  private static final class Prepare implements Runnable {
    @Override
    public void run() {
      try {
        Class.forName("org.cevns.schema.YamlReader", true, Main.class.getClassLoader());
        org.cevns.schema.ConfigBinding.prepareAsLoaded();
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        return; // the command reports it when it uses the class itself
      }
    }
  }

  /**
   * Runs the {@code rates} command {@code cmd} parsed from {@code args} as {@link #main} does (warm-up on a cache
   * miss), printing to {@code out} and {@code err}; its exit code.
   */
  static int rates(RatesCommand cmd, String[] args, PrintWriter out, PrintWriter err) {
    return RatesFastPath.run(cmd, new WarmUp(args), out, err);
  }

  /** Prints the one-line message of a failure and returns its exit code (see {@link HelpText#EXIT_CODES}). */
  static int report(Throwable ex, PrintWriter err) {
    Failure f = Failure.of(ex);
    err.println("cevns: " + oneLine(f.message()));
    if (f.exitCode() != EXIT_USER_ERROR && "1".equals(System.getenv(STACK_TRACE_ENV))) {
      ex.printStackTrace(err);
    }
    err.flush();
    return f.exitCode();
  }

  /** A message on one line (line breaks of wrapped messages become "; "). */
  /** picocli's message of a usage error on one line, without its "Error: " (the line starts with "cevns: "). */
  static String usageMessage(String message) {
    String m = oneLine(message);
    return m.startsWith(PICOCLI_ERROR_PREFIX) ? m.substring(PICOCLI_ERROR_PREFIX.length()) : m;
  }

  /** The prefix picocli gives some of its usage errors' messages (mutually exclusive options). */
  private static final String PICOCLI_ERROR_PREFIX = "Error: ";

  static String oneLine(String message) {
    String m = String.valueOf(message).strip();
    return m.replaceAll("\\s*\\R\\s*", "; ");
  }

  /** The arguments of {@link #main} (a child JVM with a larger heap runs them again: {@link HeapBudget}). */
  private static volatile String[] arguments = new String[0];

  /** The command-line arguments of this process; empty when not started through {@link #main}. */
  static String[] arguments() {
    return arguments.clone();
  }

  public static void main(String[] args) {
    arguments = args.clone();
    int code;
    String undecodable = ArgumentEncoding.check(args, System.getProperty("sun.jnu.encoding"), System.getenv());
    if (undecodable != null) {
      System.err.println("cevns: " + undecodable);
      System.exit(EXIT_USER_ERROR);
    }
    try {
      // `rates` with plain arguments skips picocli's reflective command model (RatesFastPath), and warms up only
      // when its result is not cached (RatesCache): a cached run needs neither the YAML reader nor the binding
      RatesCommand rates = RatesFastPath.parse(args);
      if (rates != null) {
        code = rates(rates, args, RatesFastPath.stdout(), null);
      } else {
        warmUp(args);
        code = commandLine(args).execute(args);
      }
    } catch (Throwable t) { // an Error escaping picocli (e.g. in a static initialiser): still one line
      code = report(t, new PrintWriter(System.err, true));
    }
    System.exit(code);
  }
}
