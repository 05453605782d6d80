package org.cevns.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cevns.analysis.validate.MarleyComparison;
import org.cevns.analysis.validate.TimingComparison;
import org.cevns.analysis.validate.ValidationCheck;
import org.cevns.analysis.validate.ValidationReport;
import org.cevns.analysis.validate.ValidationSignificances;
import org.cevns.analysis.validate.ValidationSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cevns validate}: cevns's predictions against published numbers; writes {@code validation.md}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Compares cevns's predictions for the shipped configurations with published numbers.",
      "Compared: cross sections, predicted and measured CEvNS counts, reactor fluxes, P_ee, SNS arrival times,",
      "the median expected significance of each configuration's likelihood against the observed one, and its",
      "expected precision of the CEvNS rate against the published uncertainty of the measured rate, and",
      "CEvNS cross sections against MARLEY 1.2.1's (F = 1, configs/data/marley-cevns);",
      "writes DIR/validation.md (default docs/validation.md) and DIR/validation-timing.png: value, published",
      "value, ratio, published uncertainty, pass/tension mark, and why cevns differs where it does.",
      "Integrations, plus one template simulation per configuration with a published significance (a few",
      "minutes; --fast: integrations only)."
    },
    footer = {"", HelpText.EXAMPLES,
        "  cevns validate                  # regenerates docs/validation.md",
        "  cevns validate --fast -o out/validation",
        "", HelpText.EXIT_CODES})
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "output directory (default: docs)")
  Path output = Path.of("docs");

  @Option(names = "--configs", paramLabel = "DIR",
      description = "directory of the configurations and their data/ folder (default: configs)")
  Path configs = Path.of("configs");

  @Option(names = "--fast", description = "only the fast subset (the one the unit tests run), no simulation")
  boolean fast;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the template simulations (default: 1)")
  long seed = 1;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--max-template-events", paramLabel = "N",
      description = "events of each template simulation at most (default: 500000)")
  long maxTemplateEvents = 500_000;

  @Override
  public Integer call() throws Exception {
    ThreadCount.check("--threads", threads); // before DIR is made: a refused run leaves nothing
    if (maxTemplateEvents < 1) {
      throw new UserException("--max-template-events: must be >= 1, got " + maxTemplateEvents);
    }
    if (!Files.isDirectory(configs)) {
      throw new UserException("--configs: must be a directory with the shipped configurations, got " + configs);
    }
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new UserException("--output: must be a directory, got the file " + output);
    }
    try {
      Files.createDirectories(output); // before the work: an unwritable DIR is an input error, not a late I/O failure
    } catch (IOException | SecurityException e) {
      throw OutputFiles.cannotWrite(output.toString(), e);
    }
    PrintWriter err = spec.commandLine().getErr();
    try {
      ValidationSuite suite = ValidationSuite.of(configs);
      List<ValidationCheck> checks = new java.util.ArrayList<>(fast ? suite.fast() : suite.all());
      if (!fast) {
        err.println("cevns: expected significances: one template simulation per configuration");
        err.flush();
        checks.addAll(ValidationSignificances.of(suite, seed, threads, maxTemplateEvents));
      }
      List<TimingComparison> timing = TimingComparison.of(configs);
      Files.createDirectories(output);
      TimingComparison.plot(timing, output.resolve(ValidationReport.TIMING_PLOT));
      List<MarleyComparison> marley = MarleyComparison.of(configs);
      Path written = ValidationReport.write(output, ValidationReport.markdown(checks, timing, marley, fast));
      long tension = checks.stream().filter(c -> c.mark() == ValidationCheck.Mark.TENSION).count();
      err.printf(Locale.ROOT, "cevns: %d comparisons (%d in tension), wrote %s%n", checks.size(), tension, written);
      err.flush();
      return 0;
    } catch (IOException e) {
      err.println("cevns: validate: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      throw new UserException("validate: " + e.getMessage(), e);
    }
  }
}
