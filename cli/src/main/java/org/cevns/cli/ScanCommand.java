package org.cevns.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.EventFile;
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.importer.EventImporter;
import org.cevns.analysis.pipeline.PoiScan;
import org.cevns.analysis.pipeline.TemplateSystematics;
import org.cevns.analysis.report.ScanOutputs;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.analysis.sim.SensitivityRanges;
import org.cevns.analysis.sim.SimulationSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns scan}: profile-likelihood scan of one or two parameters on a grid. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Profile-likelihood scan of one or two parameters of interest on a grid.",
      "Parameters: mu, sin2_theta_w, rn_fm.<Element><A>, rp_fm.<Element><A> (e.g. rn_fm.Cs133),",
      "rn_fm.<formula> (rn_fm.CsI: the common neutron radius of Cs and I, moved together),",
      "the new-physics parameters of docs/new-physics.md (nsi.u.ee, magnetic_moment_mub.nue,",
      "millicharge_e.nue, charge_radius_cm2.numu, mediator[0].g, mediator[0].mass_mev, ngi.tensor.n,",
      "ngi.tensor.numu.n, sterile.dipole_mub.numu, ...; quote names with brackets in the shell) and any nuisance",
      "of the fit by name (a background's DETECTOR.COMPONENT normalisation, a systematic: csi.quenching). A new-physics parameter's table spans its grid. Without -i the Asimov dataset of CONFIG",
      "(nominal parameters, configured exposure) is fitted. mu is held at 1 unless scanned.",
      "Every systematic of analysis.systematics is profiled. Writes into DIR: scan.csv",
      "(a column per parameter and delta_chi2 = -2 Delta ln L), summary.json (best fit,",
      "68/90 %% Wilks intervals, pulls; fit.profiled and fit.held: the parameters profiled",
      "and those held at a value) and plots/ (profile or 68/90/95 %% CL contours,",
      "pulls, impacts; PNG and SVG).",
      "With --toys N the critical values are also calibrated with toys: at every grid point N",
      "pseudo-experiments are drawn with the parameters of interest there and the other parameters at",
      "their conditional fit to the data (auxiliary measurements fluctuated) and fitted twice; the",
      "68.27/90/95 %% quantiles of their -2 Delta ln L are written to scan.csv (toy_crit_68, ...), the",
      "toy-calibrated intervals (1D) to summary.json 'toys', and the toy-calibrated contours are drawn",
      "dashed. Cost: about 2 N fits per grid point (docs/performance.md); use a coarse grid."
    },
    footer = {"", HelpText.EXAMPLES,
        "  cevns scan configs/coherent-csi.yaml -o out/s --poi sin2_theta_w=0.15:0.35:50",
        "  cevns scan configs/coherent-csi.yaml -o out/nsi --poi 'nsi.u.ee=-0.1:0.1:30' \\",
        "      --poi 'nsi.d.ee=-0.1:0.1:30'",
        "", HelpText.EXIT_CODES})
final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML)")
  Path config;

  @picocli.CommandLine.Mixin ConfigOverrides overrides = new ConfigOverrides();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory")
  Path output;

  @Option(names = "--poi", required = true, paramLabel = "NAME=A:B:N[:log]",
      description = "parameter and grid: N points from A to B (same unit as the parameter: fm for radii), evenly spaced"
          + " or with :log in log (A > 0; plotted on a log axis); once or twice")
  List<String> pois;

  @Option(names = {"-i", "--input"}, arity = "1..*", paramLabel = "FILE_OR_DIR",
      description = "event files or directories of shards (default: the Asimov dataset of CONFIG)")
  List<String> inputs;

  @picocli.CommandLine.Mixin InferenceRunOptions run = new InferenceRunOptions();

  @Option(names = "--toys", paramLabel = "N",
      description = "also calibrate the critical values with N toys per grid point (10..1000000; seeded by --seed)")
  Integer toys;

  @Override
  public Integer call() throws Exception {
    List<PoiScan.Grid> grids = InferenceOptions.grids(pois);
    checkToys(toys);
    return Inference.run(spec, config, overrides, output, inputs, grids.stream().map(PoiScan.Grid::name).toList(), grids,
        run.maxTemplateEvents, run.seed, run.threads, run.overwrite, run.quiet, "scan", toys);
  }

  /** {@code --toys N} of {@code scan} and {@code combine --joint}: null (none) or 10..1000000 toys per grid point. */
  static void checkToys(Integer toys) {
    if (toys != null && (toys < 10 || toys > 1_000_000)) {
      throw new UserException("--toys: must be in 10..1000000, got " + toys);
    }
  }

  /** The shared body of {@code fit} and {@code scan}. */
  static final class Inference {
    private Inference() {}

    /** Where to simulate the templates: see {@link org.cevns.analysis.reweight.CevnsFamily#simulationPoint}. */
    static org.cevns.physics.xs.bsm.NewPhysics simulationPoint(SimulationSetup setup, List<String> names,
        List<PoiScan.Grid> grids) {
      return simulationPoint(setup, names, grids, List.of());
    }

    /** As above, with the default ranges of {@code chosen} ({@link SensitivityRanges}) for POIs without a grid. */
    static org.cevns.physics.xs.bsm.NewPhysics simulationPoint(SimulationSetup setup, List<String> names,
        List<PoiScan.Grid> grids, List<SensitivityRanges.Choice> chosen) {
      var family = AnalysisJob.family(setup);
      java.util.Map<String, double[]> ranges = new java.util.LinkedHashMap<>();
      for (String n : names) {
        var grid = grids.stream().filter(g -> g.name().equals(n)).findFirst();
        var choice = chosen.stream().filter(c -> c.name().equals(n)).findFirst();
        if (grid.isPresent()) {
          ranges.put(n, new double[] {grid.get().lower(), grid.get().upper()});
        } else if (choice.isPresent()) {
          ranges.put(n, new double[] {choice.get().lower(), choice.get().upper()});
        } else {
          family.parameters().stream().filter(p -> p.name().equals(n)).findFirst()
              .ifPresent(p -> ranges.put(n, new double[] {p.lower(), p.upper()}));
        }
      }
      return family.simulationPoint(ranges);
    }

    /** Whether {@code files} (null: the Asimov dataset) hold measured data ({@code cevns import}ed). */
    static boolean measured(List<EventFile> files) {
      return files != null && files.stream().anyMatch(f -> f.metadata().containsKey(EventImporter.META_MAPPING));
    }

    static int run(CommandSpec spec, Path config, ConfigOverrides overrides, Path output, List<String> inputs, List<String> names,
        List<PoiScan.Grid> grids, Long maxTemplateEvents, Long seed, int threads, boolean overwrite, boolean quiet,
        String command) throws Exception {
      return run(spec, config, overrides, output, inputs, names, grids, maxTemplateEvents, seed, threads, overwrite,
          quiet, command, null);
    }

    /** As above; {@code toys} (may be null) toys per grid point for the toy-calibrated critical values. */
    static int run(CommandSpec spec, Path config, ConfigOverrides overrides, Path output, List<String> inputs,
        List<String> names, List<PoiScan.Grid> grids, Long maxTemplateEvents, Long seed, int threads,
        boolean overwrite, boolean quiet, String command, Integer toys) throws Exception {
      ConfigSupport.Loaded loaded = ConfigSupport.load(config, overrides);
      AnalysisConfig analysis = AnalysisSupport.analysisConfig(loaded, null, null);
      SimulationSetup setup = AnalysisSupport.setup(loaded, command);
      var family = AnalysisJob.family(setup);
      try {
        org.cevns.analysis.sim.FitParameterNames.checkPois(names, analysis, setup, family);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage(), e);
      }
      InferenceOptions.checkGridDomains(grids, family);
      long runSeed = ConfigSupport.seed(seed, loaded.config());
      AnalysisJob.Options o = AnalysisSupport.options(threads, runSeed, null, maxTemplateEvents,
          AnalysisSupport.log(spec.commandLine().getErr(), quiet), AnalysisSupport.remedy(spec));
      if (names.stream().anyMatch(n -> !n.equals("mu") && (org.cevns.analysis.reweight.CevnsFamily
          .looksLikePhysicsParameter(n) || family.parameters().stream().anyMatch(x -> x.name().equals(n))))) {
        o = o.withoutRecoilFloors(); // physics POIs reweight the templates' events
      }
      List<String> read = new java.util.ArrayList<>(inputs == null ? List.of() : inputs);
      read.add(config.toString());
      OutputFiles.refuseInputs(output.toString(), read);
      // the outputs are written under a staging name and renamed at the end: a failure leaves nothing under DIR,
      // and --overwrite replaces only an earlier output (StagedDirectory)
      StagedDirectory staged = StagedDirectory.create(output, overwrite);
      PoiScan s;
      String label;
      String experiment = loaded.config().name();
      try {
        var files = inputs == null ? null : AnalysisSupport.dataInputs(inputs);
        try {
          if (files != null) {
            AnalysisJob.checkData(setup, analysis, files, false,
                AnalysisSupport.warn(spec.commandLine().getErr(), command));
          }
          // POIs without a grid: default ranges from the expected sensitivity (SensitivityRanges)
          List<String> free = names.stream().filter(n -> grids.stream().noneMatch(g -> g.name().equals(n))).toList();
          List<SensitivityRanges.Choice> chosen = SensitivityRanges.choose(setup, analysis, family, free, o.log());
          AnalysisJob.Prepared p = SensitivityRanges.apply(
              AnalysisJob.prepare(setup, analysis, o, simulationPoint(setup, names, grids, chosen)), chosen);
          SpectrumSet templates = p.templates().expected();
          SpectrumSet data = null;
          TemplateSystematics ts = p.systematics();
          RunExposure exposure = p.templates().exposure();
          if (files != null) {
            AnalysisJob.Scaled d = AnalysisJob.read(analysis, p, files, o);
            templates = d.templates();
            data = d.data();
            ts = SensitivityRanges.apply(d.systematics(), chosen);
            exposure = d.exposure();
          }
          label = ScanOutputs.label(experiment, exposure, setup.detectors(), runSeed, measured(files));
          o.log().accept(grids.isEmpty() ? "fitting " + names : "scanning " + names);
          long t0 = System.nanoTime();
          var calibration = java.util.Optional.ofNullable(toys)
              .map(n -> new org.cevns.analysis.pipeline.ToyCalibration.Settings(n, runSeed, Math.max(threads, 1)));
          s = PoiScan.run(analysis, templates, data, ts, names, grids, true, calibration, o.remedy());
          int floating = s.best().names().size() - names.size();
          double seconds = (System.nanoTime() - t0) / 1e9;
          o.log().accept(grids.isEmpty()
              ? String.format(java.util.Locale.ROOT, "fit: %d floating parameters besides %s, in %.2f s", floating,
                  names, seconds)
              : String.format(java.util.Locale.ROOT, "scan: %d points, %d floating parameters, in %.2f s",
                  s.deltaChi2().length, floating, seconds));
        } catch (IllegalArgumentException e) {
          throw new UserException(e.getMessage(), e);
        }
        ScanOutputs.write(s, experiment, label, org.cevns.generator.Provenance.of(loaded.config(), runSeed),
            staged.path());
        staged.commit();
      } catch (Exception | Error e) {
        throw staged.fail(e);
      }
      AnalysisSupport.warnTemplateStatistics(spec.commandLine().getErr(), command, s.templateWarning());
      spec.commandLine().getOut().print(ScanOutputs.render(s, experiment));
      spec.commandLine().getOut().flush();
      o.log().accept("wrote " + output);
      return 0;
    }
  }
}
