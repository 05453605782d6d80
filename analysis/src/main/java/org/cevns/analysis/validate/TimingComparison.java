package org.cevns.analysis.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cevns.analysis.plot.AnalysisPlots;
import org.cevns.analysis.plot.PlotFiles;
import org.cevns.analysis.plot.TimePlotBuilder;
import org.cevns.physics.source.PionDarParameters;
import org.cevns.physics.source.PulseTimeProfile;
import org.cevns.physics.source.TimeProfile;

/**
 * cevns's SNS neutrino arrival-time model (preset Gaussian proton pulse convolved with the π⁺ and μ⁺ decay
 * times) against the arrival-time PDFs of the COHERENT CsI[Na] 2017 release (prompt and delayed neutrinos, 0.5 µs
 * bins over 0–12 µs; configs/data/coherent-csi-2017). The release's time zero is its POT-trace reference, not
 * the start of the proton pulse, so the comparison fits one offset (the difference of the means) and then
 * compares the shapes: the largest difference of the cumulative distributions after the shift (a KS distance
 * on the binned PDFs). The release gives no uncertainty for the PDFs, so this is shown for information.
 *
 * @param component prompt or delayed
 * @param releaseMeanUs mean arrival time of the release PDF in µs (bin centres)
 * @param cevnsMeanUs mean of cevns's profile in µs (since the start of the proton pulse)
 * @param ksAfterShift largest |ΔCDF| after shifting cevns by the mean difference
 * @param edgesUs bin edges of the release in µs
 * @param releaseProbabilities the release PDF per bin, normalised to 1
 * @param cevnsProbabilities cevns's probability per bin after the shift, normalised to 1 over the bins
 */
public record TimingComparison(String component, double releaseMeanUs, double cevnsMeanUs, double ksAfterShift,
    double[] edgesUs, double[] releaseProbabilities, double[] cevnsProbabilities) {

  /** Release file name under {@code configs/data/coherent-csi-2017}. */
  public static final String FILE = "coherent_csi2017_arrival_time_pdfs.csv";
  private static final double NS_PER_US = 1000.0;
  private static final double BIN_US = 0.5;

  /** A plot of the release PDFs and cevns's shifted profiles (PNG or SVG by the file name). */
  public static void plot(List<TimingComparison> comparisons, Path file) throws IOException {
    TimePlotBuilder b = AnalysisPlots.time().title("SNS arrival times: COHERENT CsI 2017 release vs cevns")
        .xLabel("t [µs] (release time zero)").yLabel("probability / 0.5 µs");
    for (TimingComparison c : comparisons) {
      b.histogram("release " + c.component(), c.edgesUs(), c.releaseProbabilities(), null);
      b.histogram(String.format(java.util.Locale.ROOT, "cevns %s (+%.2f µs)", c.component(),
          c.releaseMeanUs() - c.cevnsMeanUs()), c.edgesUs(), c.cevnsProbabilities(), null);
    }
    PlotFiles.write(b.build(), file);
  }

  /** Both comparisons (prompt, delayed) from the release file under {@code configsDir}. */
  public static List<TimingComparison> of(Path configsDir) throws IOException {
    Path file = configsDir.resolve("data").resolve("coherent-csi-2017").resolve(FILE);
    List<double[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || Character.isLetter(t.charAt(0))) {
        continue;
      }
      String[] f = t.split(",");
      rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
    }
    PionDarParameters sns = PionDarParameters.sns();
    TimeProfile prompt = PulseTimeProfile.pionPrompt(sns.pulseShape(), sns.pulseWidthNs());
    TimeProfile delayed = PulseTimeProfile.muonDelayed(sns.pulseShape(), sns.pulseWidthNs());
    return List.of(compare("prompt", rows, 1, prompt), compare("delayed", rows, 2, delayed));
  }

  private static TimingComparison compare(String name, List<double[]> rows, int column, TimeProfile model) {
    double norm = 0;
    double mean = 0;
    for (double[] r : rows) {
      norm += r[column];
      mean += r[column] * r[0];
    }
    mean /= norm;
    double endUs = rows.get(rows.size() - 1)[0] + BIN_US / 2;
    double modelNorm = model.cdf(endUs * NS_PER_US);
    double modelMean = 0;
    double step = 0.01;
    for (double t = 0; t < endUs; t += step) {
      double p = model.cdf((t + step) * NS_PER_US) - model.cdf(t * NS_PER_US);
      modelMean += p * (t + step / 2);
    }
    modelMean /= modelNorm;
    double shiftUs = mean - modelMean;
    double ks = 0;
    double cum = 0;
    int n = rows.size();
    double[] edges = new double[n + 1];
    double[] release = new double[n];
    double[] cevns = new double[n];
    double lastModel = model.cdf((rows.get(0)[0] - BIN_US / 2 - shiftUs) * NS_PER_US) / modelNorm;
    edges[0] = rows.get(0)[0] - BIN_US / 2;
    for (int i = 0; i < n; i++) {
      double[] r = rows.get(i);
      cum += r[column] / norm;
      double edgeUs = r[0] + BIN_US / 2;
      double m = model.cdf((edgeUs - shiftUs) * NS_PER_US) / modelNorm;
      ks = Math.max(ks, Math.abs(cum - m));
      edges[i + 1] = edgeUs;
      release[i] = r[column] / norm;
      cevns[i] = m - lastModel;
      lastModel = m;
    }
    return new TimingComparison(name, mean, modelMean, ks, edges, release, cevns);
  }
}
