package org.cevns.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cevns.analysis.pipeline.CombinedScan;
import org.cevns.analysis.report.CombineOutputs;
import org.cevns.analysis.report.ScanInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns combine}: the sum of the profile likelihoods of independent scans (several experiments). */
@Command(
    name = "combine",
    mixinStandardHelpOptions = true,
    description = {
      "Combines the profile-likelihood scans of independent experiments (sum of their -2 Delta ln L).",
      "The inputs are outputs of cevns scan, one per configuration, of the same one or two parameters; their"
          + " -2 Delta ln L are summed and measured from the sum's minimum. Each input's nuisance parameters stay"
          + " profiled within its own scan: none is shared. A nuisance two inputs have in common (the SNS flux of"
          + " COHERENT CsI and LAr, sns.flux in both) is thus treated as uncorrelated; combine names every such"
          + " parameter on stderr and in summary.json (shared_nuisances). A fit with nuisances shared across"
          + " experiments needs one likelihood of all of them, which cevns does not build (a configuration holds"
          + " one experiment's windows and fit settings: docs/real-data.md).",
      "1D: the range common to every input, at the union of their grid points (an input interpolated linearly"
          + " where its grid differs); 2D: the same grid in every input.",
      "Writes into DIR: scan.csv (the grid, delta_chi2 of the combination and delta_chi2.EXPERIMENT of each"
          + " input), summary.json (the inputs with their provenance and the parameters each profiled and held, the"
          + " combined best fit, the 68/90/95 %% Wilks bands read from the grid, the compatibility of the inputs:"
          + " the parameter goodness of fit chi2_PG of Maltoni & Schwetz, PRD 68 (2003) 033020) and plots/ (the"
          + " profiles, inputs dashed; or the combined contours). Toy-calibrated critical values of the inputs"
          + " (scan --toys) are not combined."
    },
    footer = {"", HelpText.EXAMPLES,
        "  cevns scan configs/coherent-csi.yaml -i csi.parquet -o s-csi \\",
        "      --poi sin2_theta_w=0.1:0.5:81",
        "  cevns scan configs/coherent-lar.yaml -i lar.parquet -o s-lar \\",
        "      --poi sin2_theta_w=0.1:0.5:81",
        "  cevns combine s-csi s-lar -o s-coherent",
        "", HelpText.EXIT_CODES})
final class CombineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0..*", arity = "2..*", paramLabel = "SCAN_DIR", description = "output directories of cevns scan")
  List<Path> inputs;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory")
  Path output;

  @Option(names = "--overwrite", description = "replace DIR, an earlier output holding nothing else (only once the"
      + " new outputs are complete)")
  boolean overwrite;

  @Option(names = "--quiet", description = "no progress messages")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    List<String> names = new ArrayList<>();
    List<Path> seen = new ArrayList<>();
    for (Path p : inputs) {
      Path real = Files.exists(p) ? p.toRealPath() : p.toAbsolutePath().normalize();
      if (seen.contains(real)) {
        throw new UserException(p + ": given twice (its likelihood would count twice)");
      }
      seen.add(real);
      names.add(p.toString());
    }
    OutputFiles.refuseInputs(output.toString(), names);
    List<ScanInput> read = new ArrayList<>();
    CombinedScan c;
    try {
      for (Path p : inputs) {
        read.add(ScanInput.read(p));
      }
      c = CombinedScan.of(read.stream().map(r -> new CombinedScan.Input(r.dir().toString(), r.scan().names(),
          r.scan().grids(), r.scan().deltaChi2())).toList());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
    StagedDirectory staged = StagedDirectory.create(output, overwrite);
    try {
      String label = "combined: " + String.join(" + ", CombineOutputs.labels(read)) + " (cevns "
          + org.cevns.events.CevnsVersion.get() + ", git " + org.cevns.events.CevnsVersion.commit().substring(0,
          Math.min(12, org.cevns.events.CevnsVersion.commit().length())) + ")";
      CombineOutputs.write(c, read, label, staged.path());
      staged.commit();
    } catch (Exception | Error e) {
      throw staged.fail(e);
    }
    var err = spec.commandLine().getErr();
    for (String w : CombineOutputs.warnings(c, read)) {
      err.println("cevns combine: warning: " + w);
    }
    err.flush();
    spec.commandLine().getOut().print(CombineOutputs.render(c, read));
    spec.commandLine().getOut().flush();
    if (!quiet) {
      err.println("cevns: wrote " + output);
      err.flush();
    }
    return 0;
  }
}
