package org.cevns.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns fit}: profile-likelihood fit of one or two parameters of interest to event files. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Profile-likelihood fit of one or two parameters of interest to event files.",
      "Parameters: mu, sin2_theta_w, rn_fm.<Element><A>, rp_fm.<Element><A> (e.g. rn_fm.Cs133), the",
      "common neutron radius of a target's nuclides rn_fm.<formula> (rn_fm.CsI: R_n of Cs and I moved together)",
      "and the new-physics parameters of docs/new-physics.md (nsi.u.ee, mediator[0].g, ngi.tensor.n, ...;",
      "within their default ranges there), or a nuisance of the fit by name (a background's",
      "DETECTOR.COMPONENT normalisation, a systematic of analysis.systematics: csi.quenching, sns.flux).",
      "Physics parameters reweight the template events by the ratio of differential cross",
      "sections; mu is held at 1 unless it is a POI; every systematic of",
      "analysis.systematics is profiled. Writes summary.json (fit.parameters: best fit and",
      "68/90 %% Wilks intervals; fit.nuisances: pulls and constraints; fit.profiled and",
      "fit.held: the parameters profiled and those held at a value) and plots/ (pulls,",
      "impacts) into DIR."
    },
    footer = {"", HelpText.EXAMPLES,
        "  cevns fit configs/coherent-csi.yaml -i out/run/events.parquet -o out/fit \\",
        "      --poi sin2_theta_w",
        "", HelpText.EXIT_CODES})
final class FitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML)")
  Path config;

  @picocli.CommandLine.Mixin ConfigOverrides overrides = new ConfigOverrides();

  @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "FILE_OR_DIR",
      description = "event files or directories of shards")
  List<String> inputs;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory")
  Path output;

  @Option(names = "--poi", required = true, paramLabel = "NAME[,NAME2]", description = "parameters of interest")
  List<String> pois;

  @picocli.CommandLine.Mixin InferenceRunOptions run = new InferenceRunOptions();

  @Override
  public Integer call() throws Exception {
    return ScanCommand.Inference.run(spec, config, overrides, output, inputs, InferenceOptions.names(pois), List.of(),
        run.maxTemplateEvents, run.seed, run.threads, run.overwrite, run.quiet, "fit");
  }
}
