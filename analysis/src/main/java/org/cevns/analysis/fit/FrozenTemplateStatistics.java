package org.cevns.analysis.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link BinnedModel} with its template-statistics terms frozen at a fit: every bin's Barlow–Beeston-lite factor
 * γ̂_i and no-event content β̂_i ({@link BarlowBeeston#profiledFactors}) at the parameters {@code p} and data of that
 * fit are folded into the templates, so that ν_i(θ) = γ̂_i·ν_i'(θ) + β̂_i with no statistical terms left: each
 * sample's template, histosys deltas and physics shape are multiplied bin by bin by γ̂_i (ν is linear in each of
 * them, and the clipping at zero commutes with a factor ≥ 0), and the β̂_i, where any is non-zero, become one fixed
 * background sample {@value #EMPTY_BINS} per channel. Same parameters in the same order, same global observables:
 * the original {@link Observations} apply. The deviance differs from the original one by the constant constraint
 * terms ((γ̂ − a)/δ)² and 2β̂/w, and the two agree in value and gradient at {@code p} up to that constant (envelope
 * theorem), so the frozen model's global fit is the original's. Used for the statistical-only and
 * {@code template_statistics} rows of {@link GroupImpacts}.
 */
final class FrozenTemplateStatistics {
  /** Name of the fixed background sample carrying the no-event contents β̂ of the empty template bins. */
  static final String EMPTY_BINS = "frozen_empty_bins";

  private FrozenTemplateStatistics() {}

  /** True if {@code model} has template-statistics terms (Barlow–Beeston-lite factors or empty-bin terms). */
  static boolean applies(BinnedModel model) {
    for (int i = 0; i < model.nBins(); i++) {
      if (model.relativeStatError(i) > 0 || model.emptyBinWeight(i) > 0) {
        return true;
      }
    }
    return false;
  }

  /** The model with the template-statistics factors of the fit {@code p} to {@code data} frozen. */
  static BinnedModel of(BinnedModel model, Observations data, double[] p) {
    double[] nu = model.expected(p);
    double[] gamma = new double[nu.length];
    double[] beta = new double[nu.length];
    for (int i = 0; i < nu.length; i++) {
      double d = model.relativeStatError(i);
      double[] f = BarlowBeeston.profiledFactors(nu[i], data.count(i), d * d, data.statAuxiliary(i),
          model.emptyBinWeight(i), data.emptyBinAuxiliary(i));
      gamma[i] = f[0];
      beta[i] = f[1];
    }
    List<Channel> channels = new ArrayList<>();
    for (int c = 0; c < model.nChannels(); c++) {
      Channel ch = model.channels().get(c);
      int o = model.channelOffset(c);
      double[] g = java.util.Arrays.copyOfRange(gamma, o, o + ch.nBins());
      double[] b = java.util.Arrays.copyOfRange(beta, o, o + ch.nBins());
      List<Sample> samples = new ArrayList<>();
      for (Sample s : ch.samples()) {
        samples.add(frozen(s, g));
      }
      if (java.util.Arrays.stream(b).anyMatch(x -> x > 0)) {
        samples.add(Sample.background(EMPTY_BINS, b));
      }
      channels.add(Channel.of(ch.name(), samples));
    }
    return BinnedModel.of(channels, model.norms(), model.physics());
  }

  /** Sample {@code s} with its template, histosys deltas and physics shape × {@code g} bin by bin, no stat errors. */
  private static Sample frozen(Sample s, double[] g) {
    double[] t = times(s.expected(), g);
    String[] norms = s.norms().toArray(new String[0]);
    Sample out = s.isSignal() ? Sample.signal(s.name(), t, norms) : Sample.background(s.name(), t, norms);
    List<Modifier> mods = new ArrayList<>();
    for (Modifier m : s.modifiers()) {
      mods.add(m.type() == Modifier.Type.NORMSYS ? m
          : m.withDeltas(times(m.deltaHi(), g), times(m.deltaLo(), g)));
    }
    out = out.withModifiers(mods);
    if (s.physics().isPresent()) {
      PhysicsShape shape = s.physics().get();
      out = out.withPhysics(v -> times(shape.expected(v), g));
    }
    return out;
  }

  private static double[] times(double[] a, double[] g) {
    double[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= g[i];
    }
    return out;
  }
}
