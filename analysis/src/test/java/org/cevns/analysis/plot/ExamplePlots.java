package org.cevns.analysis.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Synthetic-data examples of the four analysis plots (the images in docs/img/). Shapes and numbers are
 * made up for illustration (loosely CONUS+-like reactor spectra and a COHERENT-like beam timing); they
 * are not physics results. Regenerate the committed PNGs from the repository root after
 * {@code mvn -pl analysis -am test-compile}: {@code java -cp analysis/target/classes:analysis/target/test-classes:<deps>
 * org.cevns.analysis.plot.ExamplePlots docs/img} (add {@code --svg} for SVG copies).
 */
public final class ExamplePlots {
  private ExamplePlots() {}

  /**
   * @param args output directory (default docs/img), then optionally {@code --svg}
   * @throws IOException if writing fails
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "docs/img");
    writeAll(dir, List.of(args).contains("--svg"));
    System.out.print(summary().render());
  }

  /** Writes on-off, time, profile and sensitivity as PNG (and SVG if asked) into the directory. */
  static void writeAll(Path dir, boolean svg) throws IOException {
    for (Plot p : List.of(onOff(), time(), profile(), sensitivity())) {
      String name = fileName(p);
      PngRenderer.write(p, dir.resolve(name + ".png"));
      if (svg) {
        SvgRenderer.write(p, dir.resolve(name + ".svg"));
      }
    }
  }

  static String fileName(Plot p) {
    if (p.lower() != null) {
      return "on-off";
    }
    String y = p.main().y().label();
    return y.startsWith("\u0394") ? "profile" : y.startsWith("Expected") ? "sensitivity" : "time";
  }

  private static double[] poisson(UniformRandomProvider rng, double[] mean) {
    double[] n = new double[mean.length];
    for (int i = 0; i < mean.length; i++) {
      n[i] = PoissonSampler.of(rng, mean[i]).sample();
    }
    return n;
  }

  /** Reactor ON vs OFF (OFF exposure half of ON, scaled up), falling signal near threshold. */
  static Plot onOff() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20240601L);
    int n = 42;
    double[] edges = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      edges[i] = 0.16 + 0.02 * i;
    }
    double offToOn = 0.5;
    double[] bkg = new double[n];
    double[] sig = new double[n];
    for (int i = 0; i < n; i++) {
      double e = 0.5 * (edges[i] + edges[i + 1]);
      bkg[i] = 60 + 150 * Math.exp(-(e - 0.16) / 0.08);
      sig[i] = 90 * Math.exp(-(e - 0.16) / 0.06);
    }
    double[] on = poisson(rng, add(bkg, sig));
    double[] offRaw = poisson(rng, scale(bkg, offToOn));
    double[] off = scale(offRaw, 1 / offToOn);
    double[] offErr = scale(AnalysisPlots.sqrtErrors(offRaw), 1 / offToOn);
    return AnalysisPlots.onOff()
        .title("Reactor ON vs OFF (synthetic, Ge 1 kg)")
        .xLabel("E_{ee} [keVee]")
        .yLabel("Counts / 20 eVee")
        .edges(edges)
        .on("Reactor ON", on, null)
        .off("Reactor OFF (scaled)", off, offErr)
        .signal("Fitted CEvNS", sig)
        .build();
  }

  /** Beam-timing distribution with coincidence and anti-coincidence windows. */
  static Plot time() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20240602L);
    int n = 80;
    double[] edges = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      edges[i] = -8 + 0.25 * i;
    }
    double[] mean = new double[n];
    for (int i = 0; i < n; i++) {
      double t = 0.5 * (edges[i] + edges[i + 1]);
      double prompt = 40 * Math.exp(-0.5 * Math.pow((t - 0.9) / 0.25, 2));
      double delayed = t > 0.7 ? 22 * Math.exp(-(t - 0.7) / 2.2) : 0;
      mean[i] = 6 + prompt + delayed;
      mean[i] = Math.max(mean[i], 0);
    }
    double[] counts = poisson(rng, mean);
    return AnalysisPlots.time()
        .title("Time since proton pulse (synthetic)")
        .xLabel("t \u2212 t_{POT} [\u00b5s]")
        .yLabel("Counts / 0.25 \u00b5s")
        .window("Coincidence (C)", 0, 6)
        .window("Anti-coincidence (AC)", -7, -1)
        .histogram("Events", edges, counts, AnalysisPlots.sqrtErrors(counts))
        .model("Expected", AnalysisPlots.centres(edges), mean)
        .build();
  }

  /** An asymmetric parabola-like Δ(2NLL) profile with its 68 % and 90 % intervals. */
  static Plot profile() {
    double muHat = 1.02;
    int n = 251;
    double[] mu = new double[n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = 0.01 * i;
      double sigma = 0.2 + 0.05 * (mu[i] - muHat);
      d[i] = Math.pow((mu[i] - muHat) / sigma, 2);
    }
    ProfilePlotBuilder b = AnalysisPlots.profile()
        .title("Profile likelihood of the CEvNS signal strength (synthetic)")
        .xLabel("\u03bc = \u03c3_{meas} / \u03c3_{SM}")
        .curve(mu, d)
        .bestFit(muHat);
    for (double cl : new double[] {ProfilePlotBuilder.ONE_SIGMA_CL, 0.90}) {
      double[] iv = crossings(mu, d, ProfilePlotBuilder.threshold(cl));
      b.interval(cl, iv[0], iv[1]);
    }
    return b.build();
  }

  /** Where a convex scan crosses a level (linear interpolation). */
  static double[] crossings(double[] x, double[] y, double level) {
    List<Double> out = new ArrayList<>();
    for (int i = 1; i < x.length; i++) {
      if ((y[i - 1] - level) * (y[i] - level) < 0) {
        out.add(x[i - 1] + (level - y[i - 1]) * (x[i] - x[i - 1]) / (y[i] - y[i - 1]));
      }
    }
    return new double[] {out.get(0), out.get(out.size() - 1)};
  }

  /** Asimov significance vs exposure for two detectors, with a band for a ±30 % background. */
  static Plot sensitivity() {
    int n = 60;
    double[] exposure = new double[n];
    double[] z1 = new double[n];
    double[] z2 = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      exposure[i] = Math.pow(10, 3.0 * i / (n - 1));
      z1[i] = asimov(0.9 * exposure[i], 7.0 * exposure[i]);
      z2[i] = asimov(0.2 * exposure[i], 2.0 * exposure[i]);
      lo[i] = asimov(0.9 * exposure[i], 1.3 * 7.0 * exposure[i]);
      hi[i] = asimov(0.9 * exposure[i], 0.7 * 7.0 * exposure[i]);
    }
    return AnalysisPlots.sensitivity()
        .title("Discovery sensitivity (synthetic)")
        .xLabel("Exposure [kg\u00b7d]")
        .logX(true)
        .band("Ge, background \u00b130 %", exposure, lo, hi)
        .curve("Ge, 160 eVee threshold", exposure, z1)
        .curve("NaI, 0.6 keVee threshold", exposure, z2)
        .mark("planned run", 300)
        .build();
  }

  /** Median discovery significance for signal s over known background b (Cowan et al. 2011, eq. 97). */
  static double asimov(double s, double b) {
    return Math.sqrt(2 * ((s + b) * Math.log(1 + s / b) - s));
  }

  /** A summary of the kind printed after a fit. */
  static TerminalTable summary() {
    return TerminalTable.builder("CONUS+ C2 (synthetic): counts in ROI 0.16-1.0 keVee")
        .column("component", TerminalTable.Align.LEFT)
        .column("ON [counts/d/kg]", TerminalTable.Align.DECIMAL)
        .column("OFF [counts/d/kg]", TerminalTable.Align.DECIMAL)
        .column("fitted [counts]", TerminalTable.Align.DECIMAL)
        .row("CEvNS", "", "", ValueFormat.withUncertainty(395.2, 106.3))
        .row("muons", "15.2", "15.1", "")
        .row("neutrons", "21.6", "17.7", "")
        .row("muon-induced neutrons", "2.2", "1.8", "")
        .row("radon", "1.9", "0.3", "")
        .separator()
        .row("total", "42.9", "35.8", ValueFormat.withUncertainty(3819.7, 61.8))
        .separator()
        .row("mu_hat (68.3 % CL)", "", "", ValueFormat.withInterval(1.02, 0.83, 1.23))
        .row("significance", "", "", ValueFormat.significance(3.72))
        .row("GoF p-value", "", "", ValueFormat.pValue(0.4132))
        .build();
  }

  private static double[] add(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] + b[i];
    }
    return c;
  }

  private static double[] scale(double[] a, double f) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] * f;
    }
    return c;
  }
}
