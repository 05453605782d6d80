package org.cevns.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.detsim.sim.ExpectedDetected;
import java.util.concurrent.Callable;
import org.cevns.physics.Process;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.RateReport;
import org.cevns.generator.model.RatesJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cevns rates}: expected counts and flux-averaged cross sections. */
@Command(
    name = "rates",
    mixinStandardHelpOptions = true,
    footer = {"", HelpText.EXAMPLES,
        "  cevns rates configs/coherent-csi.yaml",
        "  cevns rates configs/conus-plus.yaml --json > rates.json",
        "",
        HelpText.EXIT_CODES},
    description = {
      "Expected events of the configured exposure per detector, process, flavour and isotope.",
      "Also the flux-averaged cross section per target (cm2; whole spectrum, no threshold).",
      "CEvNS counts are inside the detector's keVnr window (threshold_kevnr, roi_max_kevnr) when it has one.",
      "With detsim sections (response, backgrounds, windows): expected DETECTED signal and background events",
      "per period and beam window (numerical integration over the response, independent of the simulation).",
      "With new physics on (physics.nsi, magnetic_moment_mub, millicharge_e, charge_radius_cm2, mediators,",
      "sterile): the model and the Standard Model (same configuration, every new-physics parameter zero) side by",
      "side, with their ratio; channels with a 1/T term or a light mediator start at physics.recoil_floor_kev.",
      "The printed text is cached in $XDG_CACHE_HOME/cevns/rates (default ~/.cache/cevns/rates): a run with the same",
      "cevns build, configuration bytes, files the configuration names (checked on every run), --set overrides and",
      "output mode prints it again without computing. CEVNS_CACHE=0 turns the cache off; the directory may be",
      "deleted at any time."
    })
final class RatesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML)")
  Path config;

  @picocli.CommandLine.Mixin ConfigOverrides overrides = new ConfigOverrides();

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  /**
   * As every command's {@code --quiet}: no progress messages. {@code rates} prints none (only its table or JSON on
   * stdout, and errors), so the option changes nothing; it is accepted so that a script can pass it to every command.
   */
  @Option(names = "--quiet", description = "no progress messages (rates prints none: its output is the same)")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    return run(spec.commandLine().getOut());
  }

  /** Run before the model is built when the result is not cached ({@link RatesFastPath}: the warm-up thread). */
  Runnable onMiss = () -> { };

  /**
   * The command with its fields set, printing to {@code out}; also the entry of {@link RatesFastPath}. The text of a
   * run whose inputs are unchanged since the last one comes from {@link RatesCache}; a computed text is stored there.
   */
  int run(PrintWriter out) throws Exception {
    RatesCache cache = RatesCache.fromEnvironment();
    long configMillis = cache == null ? 0 : RatesCache.modifiedMillis(config); // before key() reads the bytes
    byte[] key = cache == null ? null : cache.key(config, overrides.sets, json);
    String text = key == null ? null : cache.lookup(key);
    if (text != null) {
      out.print(text);
      out.flush();
      return 0;
    }
    onMiss.run();
    long startMillis = System.currentTimeMillis();
    java.io.StringWriter buffer = new java.io.StringWriter();
    CacheInputs inputs = new CacheInputs();
    compute(new PrintWriter(buffer), key == null ? null : inputs);
    text = buffer.toString();
    out.print(text);
    out.flush();
    if (key != null && inputs.files != null) {
      try {
        cache.store(key, config, configMillis, inputs.files, text, startMillis);
      } catch (RuntimeException e) {
        // not cached (the cache is an optimisation only)
      }
    }
    return 0;
  }

  /**
   * The files a computed run read ({@link RatesCache#inputs}), recorded from the configuration as the loader read it;
   * null until then, or when they could not be listed (the run is then not cached: the cache is an optimisation only).
   */
  private final class CacheInputs
      implements java.util.function.BiConsumer<com.fasterxml.jackson.databind.node.ObjectNode, List<Path>> {
    private List<Path> files;

    @Override
    public void accept(com.fasterxml.jackson.databind.node.ObjectNode tree, List<Path> included) {
      try {
        files = RatesCache.inputs(config, tree, included);
      } catch (RuntimeException e) {
        files = null;
      }
    }
  }

  /** Computes and prints the rates; {@code read} (if not null) sees the configuration as it was read. */
  private void compute(PrintWriter out,
      java.util.function.BiConsumer<com.fasterxml.jackson.databind.node.ObjectNode, List<Path>> read) throws Exception {
    ConfigSupport.Loaded loaded = ConfigSupport.load(config, overrides, read);
    ExperimentModel model = loaded.model();
    List<RateReport.DetectorRates> rates = RateReport.of(model);
    var twin = RateReport.standardModelTwin(model);
    List<RateReport.DetectorRates> smRates = twin.map(RateReport::of).orElse(List.of());
    List<ExpectedDetected.Entry> detected = loaded.detsim().hasResponses()
        ? ExpectedDetected.of(model, loaded.detsim(), BackgroundChannels.of(model, loaded.detsim())) : List.of();
    if (json) {
      RatesJson report = RateReport.toJson(model, rates);
      if (twin.isPresent()) {
        report = RateReport.withStandardModel(report, model, smRates);
      }
      List<RatesJson.Detector> dets = new java.util.ArrayList<>();
      for (int i = 0; i < model.detectors().size(); i++) {
        List<RatesJson.Detected> list = new java.util.ArrayList<>();
        for (ExpectedDetected.Entry e : detected) {
          if (e.detectorIndex() == i) {
            list.add(new RatesJson.Detected(e.period(), e.window().columnName(), e.component(),
                e.process() == null ? null : e.process().columnName(), e.expected(), e.generated()));
          }
        }
        dets.add(report.detectors().get(i).with(report.detectors().get(i).standardModel(), list));
      }
      report = report.with(dets, report.newPhysics());
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    } else {
      printTable(out, model, rates);
      if (twin.isPresent()) {
        printStandardModel(out, model, rates, smRates);
      }
      printDetected(out, model, detected);
    }
    out.flush();
  }

  private static void printDetected(PrintWriter out, ExperimentModel model, List<ExpectedDetected.Entry> detected) {
    if (detected.isEmpty()) {
      return;
    }
    out.println();
    out.println("detected events (detector response, backgrounds and beam windows of detsim)");
    for (int i = 0; i < model.detectors().size(); i++) {
      int d = i;
      List<ExpectedDetected.Entry> mine = detected.stream().filter(e -> e.detectorIndex() == d).toList();
      if (mine.isEmpty()) {
        continue;
      }
      Map<String, Integer> columns = new LinkedHashMap<>();
      Map<String, double[]> rows = new LinkedHashMap<>();
      boolean windowed = mine.stream().anyMatch(e -> e.window() != org.cevns.events.block.WindowKind.NONE);
      for (ExpectedDetected.Entry e : mine) {
        columns.putIfAbsent(column(e, windowed), columns.size());
      }
      for (ExpectedDetected.Entry e : mine) {
        String row = e.process() == null ? e.component() : e.component() + " " + e.process().columnName();
        double[] v = rows.computeIfAbsent(row, k -> new double[columns.size()]);
        v[columns.get(column(e, windowed))] += e.expected();
      }
      double[] total = new double[columns.size()];
      rows.values().forEach(v -> {
        for (int k = 0; k < v.length; k++) {
          total[k] += v[k];
        }
      });
      out.println();
      out.printf(Locale.ROOT, "detector %s%n", model.detectors().get(i).name());
      StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-24s", "component"));
      for (String c : columns.keySet()) {
        head.append(String.format(Locale.ROOT, " %22s", c));
      }
      out.println(head);
      rows.forEach((name, v) -> printRow(out, name, v));
      printRow(out, "total", total);
    }
  }

  /** The column of an entry: period/window, or for a detector without beam windows the period ("on", was "on/none"). */
  private static String column(ExpectedDetected.Entry e, boolean windowed) {
    return windowed ? e.period() + "/" + e.window().columnName() : e.period();
  }

  private static void printRow(PrintWriter out, String name, double[] values) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s", name));
    for (double v : values) {
      line.append(String.format(Locale.ROOT, " %22s", fmt(v)));
    }
    out.println(line);
  }

  private static void printTable(PrintWriter out, ExperimentModel model, List<RateReport.DetectorRates> rates) {
    out.printf(Locale.ROOT, "experiment %s%n", model.config().name());
    for (int i = 0; i < rates.size(); i++) {
      RateReport.DetectorRates r = rates.get(i);
      var det = model.detectors().get(i);
      out.println();
      String window = det.hasRecoilWindow()
          ? String.format(Locale.ROOT, ", CEvNS window %s-%s keVnr", fmt(det.thresholdKeVnr()), fmt(det.roiMaxKeVnr()))
          : "";
      out.printf(Locale.ROOT, "detector %s (%s kg%s)%n", r.name(), fmt(det.massKg()), window);
      // the process column as wide as its longest name ("upscatter" with a sterile neutrino)
      int name = RateReport.shownProcesses(model).stream().mapToInt(p -> p.columnName().length()).max().orElse(0);
      String summary = "  %-" + Math.max(6, name) + "s expected %12s (all recoils %12s)   <sigma> per target %s cm2%n";
      for (Process p : RateReport.shownProcesses(model)) {
        out.printf(Locale.ROOT, summary, p.columnName(), fmt(r.expectedInWindow().get(p)),
            fmt(r.expectedAllRecoils().get(p)), sci(r.fluxAveragedXsCm2().get(p)));
      }
      String row = "  %-" + Math.max(7, name) + "s %-9s %-8s %14s %14s%n";
      out.printf(Locale.ROOT, row, "process", "flavor", "isotope", "expected", "all recoils");
      for (RateReport.Row x : r.rows()) {
        out.printf(Locale.ROOT, row, x.process().columnName(), x.flavor(), x.isotope(), fmt(x.expectedInWindow()),
            fmt(x.expectedAllRecoils()));
      }
    }
  }

  /** The model next to the Standard Model, per detector and process, in the window and over all recoils. */
  private static void printStandardModel(PrintWriter out, ExperimentModel model, List<RateReport.DetectorRates> rates,
      List<RateReport.DetectorRates> sm) {
    out.println();
    StringBuilder params = new StringBuilder();
    model.config().physics().newPhysics().nonZeroParameters().forEach((k, v) ->
        params.append(params.length() == 0 ? "" : ", ").append(k).append(" = ").append(v));
    out.printf(Locale.ROOT, "new physics vs Standard Model (%s)%n", params);
    for (int i = 0; i < rates.size(); i++) {
      out.printf(Locale.ROOT, "detector %s%n", rates.get(i).name());
      out.printf(Locale.ROOT, "  %-9s %14s %14s %9s %18s %18s%n", "process", "model", "SM", "ratio",
          "model all recoils", "SM all recoils");
      for (Process p : RateReport.shownProcesses(model)) {
        double m = rates.get(i).expectedInWindow().get(p);
        double s = sm.get(i).expectedInWindow().get(p);
        out.printf(Locale.ROOT, "  %-9s %14s %14s %9s %18s %18s%n", p.columnName(), fmt(m), fmt(s),
            s > 0 ? String.format(Locale.ROOT, "%.4f", m / s) : "-", fmt(rates.get(i).expectedAllRecoils().get(p)),
            fmt(sm.get(i).expectedAllRecoils().get(p)));
      }
    }
  }

  static String fmt(double v) {
    if (Double.isInfinite(v)) {
      return "inf";
    }
    if (v != 0 && (Math.abs(v) >= 1e7 || Math.abs(v) < 1e-3)) {
      return sci(v);
    }
    return number("%.4g", v);
  }

  static String sci(double v) {
    return number("%.4e", v);
  }

  private static final StringBuilder NUMBER = new StringBuilder();
  /**
   * One formatter for every number printed: {@code String.format} makes a new {@link java.util.Formatter} per call,
   * and each one's first floating-point conversion builds its own {@code DecimalFormatSymbols} (~10 % of a cold
   * `rates`' main thread, docs/performance-history.md, "rates in the eleventh session"). The same conversion, so the same text.
   */
  private static final java.util.Formatter NUMBERS = new java.util.Formatter(NUMBER, Locale.ROOT);

  private static synchronized String number(String format, double v) {
    NUMBER.setLength(0);
    NUMBERS.format(format, v);
    return NUMBER.toString();
  }
}
