package org.cevns.analysis.fit;

import java.util.List;

/** Small models shared by the fit and stat tests. */
public final class TestModels {
  private TestModels() {}

  /** One bin: signal s (μ), background b fixed. */
  public static BinnedModel oneBinFixedBackground(double s, double b) {
    return BinnedModel.of(
        List.of(Channel.of("bin", Sample.signal("sig", new double[] {s}), Sample.background("bkg", new double[] {b}))),
        List.of());
  }

  /** One bin: signal s (μ), background b with a Gaussian-constrained normalisation of relative width sigma. */
  public static BinnedModel oneBinConstrainedBackground(double s, double b, double sigma) {
    return BinnedModel.of(
        List.of(Channel.of("bin", Sample.signal("sig", new double[] {s}),
            Sample.background("bkg", new double[] {b}, "bnorm"))),
        List.of(NormParameter.constrained("bnorm", sigma)));
  }

  /**
   * A spectral model: {@code nBins} bins, signal falling exponentially (total {@code sTotal}), background
   * flat (total {@code bTotal}) with a constrained normalisation of relative width {@code sigma}.
   */
  public static BinnedModel spectrum(int nBins, double sTotal, double bTotal, double sigma) {
    double[] s = new double[nBins];
    double[] b = new double[nBins];
    double norm = 0;
    for (int i = 0; i < nBins; i++) {
      s[i] = Math.exp(-0.3 * i);
      norm += s[i];
    }
    for (int i = 0; i < nBins; i++) {
      s[i] *= sTotal / norm;
      b[i] = bTotal / nBins;
    }
    return BinnedModel.of(
        List.of(Channel.of("spec", Sample.signal("sig", s), Sample.background("bkg", b, "bnorm"))),
        List.of(NormParameter.constrained("bnorm", sigma)));
  }

  /**
   * Reactor-like ON/OFF model: ON channel with signal, steady background (FREE norm "steady", shared with the
   * OFF channel) and a reactor-correlated background (constrained 5 %, times a fixed factor 1.5).
   */
  public static BinnedModel onOff() {
    return BinnedModel.of(
        List.of(Channel.of("on", Sample.signal("sig", new double[] {20, 10, 5}),
                Sample.background("ss", new double[] {30, 30, 30}, "steady"),
                Sample.background("rc", new double[] {8, 4, 2}, "react", "fix")),
            Channel.of("off", Sample.background("ss", new double[] {60, 60, 60}, "steady"))),
        List.of(NormParameter.free("steady"), NormParameter.constrained("react", 0.05),
            NormParameter.fixed("fix", 1.5)));
  }

  /** Observed counts for {@link #onOff()}: ON (70, 48, 41), OFF (55, 66, 58). */
  public static Observations onOffData(BinnedModel m) {
    return Observations.of(m, new double[] {70, 48, 41, 55, 66, 58});
  }
}
