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

/**
 * {@code cevns combine}: the sum of the profile likelihoods of independent scans (several experiments); with
 * {@code --joint}, the scan of one likelihood of several configurations ({@link JointCombine}).
 */
@Command(
    name = "combine",
    mixinStandardHelpOptions = true,
    customSynopsis = {
      "cevns combine [-hV] [--overwrite] [--quiet] -o=DIR SCAN_DIR...",
      "       cevns combine --joint CONFIG [-i=DATA] (CONFIG [-i=DATA])... -o=DIR",
      "                     --poi=NAME=A:B:N[:log] [--poi=NAME=A:B:N[:log]]",
      "                     [--no-share=NAME]... [--seed=S] [--threads=T]",
      "                     [--max-template-events=N] [--toys=N] [--overwrite] [--quiet]"},
    description = {
      "Combines the profile-likelihood scans of independent experiments (sum of their -2 Delta ln L).",
      "The inputs are outputs of cevns scan, one per configuration, of the same one or two parameters; their"
          + " -2 Delta ln L are summed and measured from the sum's minimum. Each input's nuisance parameters stay"
          + " profiled within its own scan: none is shared. A nuisance two inputs have in common (the SNS flux of"
          + " COHERENT CsI and LAr, sns.flux in both) is thus treated as uncorrelated; combine names every such"
          + " parameter on stderr and in summary.json (shared_nuisances). For a fit with such nuisances shared"
          + " use --joint.",
      "With --joint the inputs are configurations (one -i data input each, in the same order; none: their Asimov"
          + " datasets) and combine builds one likelihood of all of them: each configuration's model and data as"
          + " cevns scan makes them (templates from its own seed), channels concatenated, mu, the physics parameters"
          + " and the systematic nuisances of the same name shared (one parameter, one constraint term: sns.flux of"
          + " CsI and LAr), the background and signal normalisations per experiment (named EXPERIMENT.NORM);"
          + " --no-share NAME keeps a parameter per experiment. It writes cevns scan's outputs of the joint"
          + " likelihood (scan.csv, summary.json with joint.shared_nuisances, plots/) and workspace.json, the joint"
          + " model and data as one pyhf workspace (a shared parameter one modifier name, physics parameters at"
          + " their nominal values; docs/real-data.md, sections 6 and 7). --toys N also calibrates the"
          + " critical values with N toys of the joint model per grid point, as cevns scan --toys does.",
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
        "  cevns combine --joint configs/coherent-csi.yaml -i csi.parquet \\",
        "      configs/coherent-lar.yaml -i lar.parquet -o j-coherent \\",
        "      --poi sin2_theta_w=0.1:0.5:81",
        "", HelpText.EXIT_CODES})
final class CombineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0..*", arity = "1..*", paramLabel = "SCAN_DIR|CONFIG",
      description = "output directories of cevns scan; with --joint: the experiments' configuration files, each"
          + " followed by its -i DATA (no -i at all: their Asimov datasets)")
  List<Path> inputs;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory")
  Path output;

  @Option(names = "--overwrite", description = "replace DIR, an earlier output holding nothing else (only once the"
      + " new outputs are complete)")
  boolean overwrite;

  @Option(names = "--quiet", description = "no progress messages")
  boolean quiet;

  @Option(names = "--joint", description = "one likelihood of the configurations given as inputs, nuisances of the"
      + " same name shared (see above)")
  boolean joint;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE_OR_DIR", description = "with --joint: the data of the"
      + " configurations, once per configuration in their order (event file or directory of shards; default: the"
      + " Asimov datasets)")
  List<String> data;

  @Option(names = "--poi", paramLabel = "NAME=A:B:N[:log]", description = "with --joint: parameter and grid, as in"
      + " cevns scan; once or twice")
  List<String> pois;

  @Option(names = "--no-share", paramLabel = "NAME", description = "with --joint: keep this systematic or physics"
      + " parameter per experiment (EXPERIMENT.NAME); repeatable")
  List<String> noShare;

  @Option(names = "--seed", paramLabel = "S", description = "with --joint: seed of every configuration's template"
      + " simulation (default: each config's; else drawn)")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "with --joint: worker threads (default: all cores)")
  Integer threads;

  @Option(names = "--max-template-events", paramLabel = "N", description = "with --joint: cap on each template"
      + " simulation's events (default 1e7)")
  Long maxTemplateEvents;

  @Option(names = "--toys", paramLabel = "N", description = "with --joint: also calibrate the critical values with"
      + " N toys of the joint model per grid point (10..1000000; seeded by --seed, else the first configuration's"
      + " seed)")
  Integer toys;

  @Override
  public Integer call() throws Exception {
    if (joint) {
      return JointCombine.run(spec, new JointCombine.Settings(inputs, data, output, pois, noShare, seed,
          threads == null ? Runtime.getRuntime().availableProcessors() : threads, maxTemplateEvents, overwrite, quiet,
          toys));
    }
    if (data != null || pois != null || noShare != null || seed != null || threads != null
        || maxTemplateEvents != null || toys != null) {
      throw new UserException("combine: -i, --poi, --no-share, --seed, --threads, --max-template-events and --toys"
          + " need --joint (without it the inputs are scan outputs)");
    }
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
