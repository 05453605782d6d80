package org.cevns.analysis.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The binned model: channels of samples and the parameters. Parameter layout (used everywhere in this package):
 * 0 is μ = σ_meas/σ_SM ({@link #POI_NAME}); 1 + j is {@code norms().get(j)}; then the systematic nuisances α of
 * the samples' {@link Modifier}s ({@link #alphas()}); then the {@link #physics()} parameters. The bins of all
 * channels are concatenated in channel order ("flat" bins; channel c starts at {@link #channelOffset(int)}).
 *
 * <p>Expected counts (HistFactory, as pyhf evaluates it): ν_i = γ_i Σ_s (T_s,i(φ) + Σ_h Δ_h,s,i(α_h)) ·
 * (μ if signal) · Π θ · Π_n f_n(α_n), T_s(φ) the template at the physics parameters, Δ and f the histosys and
 * normsys interpolations of {@link Modifier} (a Gaussian normalisation's Δ is σ·α·T_s(φ), so it follows the physics
 * parameters: {@link Modifier#gaussianNorm}), γ_i the Barlow–Beeston-lite factor of bin i (Barlow &amp; Beeston,
 * CPC 77 (1993) 219; Conway, PHYSTAT 2011) with a Gaussian constraint of relative width
 * δ_i = √(Σ_s σ_s,i²)/Σ_s T_s,i, profiled analytically in {@link PoissonLikelihood} ({@link #expected}: γ = 1).
 */
public final class BinnedModel {
  /** Name of the parameter of interest. */
  public static final String POI_NAME = "mu";
  /** Bounds of the systematic nuisances α (in units of their prior σ). */
  public static final double ALPHA_BOUND = 5.0;

  private final List<Channel> channels;
  private final List<NormParameter> norms;
  private final List<String> alphas;
  private final List<PhysicsParameter> physics;
  private final Map<String, Integer> normIndex;
  private final int[] channelOffsets;
  private final int nBins;
  // compiled samples
  private final double[][] templates;
  private final int[] sampleOffset;
  private final int[][] sampleFactors;
  private final double[] relStatError;
  private final double[] emptyBinWeight;
  private final boolean[] binUsed;
  private final boolean plain;
  final SampleTerms terms;

  private BinnedModel(List<Channel> channels, List<NormParameter> norms, List<PhysicsParameter> physics) {
    if (channels == null || channels.isEmpty() || channels.stream().anyMatch(x -> x == null)) {
      throw new IllegalArgumentException("channels must be a non-empty list");
    }
    if (norms == null || norms.stream().anyMatch(x -> x == null)) {
      throw new IllegalArgumentException("norms must be a list without nulls");
    }
    if (physics == null || physics.stream().anyMatch(x -> x == null)) {
      throw new IllegalArgumentException("physics must be a list without nulls");
    }
    this.channels = List.copyOf(channels);
    this.norms = List.copyOf(norms);
    this.physics = List.copyOf(physics);
    Map<String, Integer> idx = new HashMap<>();
    for (int j = 0; j < norms.size(); j++) {
      if (idx.put(norms.get(j).name(), 1 + j) != null) {
        throw new IllegalArgumentException("norm names must be unique, got " + norms.get(j).name() + " twice");
      }
    }
    List<String> alphaNames = new ArrayList<>();
    for (Channel ch : channels) {
      for (Sample s : ch.samples()) {
        for (Modifier m : s.modifiers()) {
          if (idx.containsKey(m.parameter())) {
            throw new IllegalArgumentException("modifier parameter " + m.parameter() + " is also a norm");
          }
          if (!alphaNames.contains(m.parameter())) {
            alphaNames.add(m.parameter());
          }
        }
      }
    }
    this.alphas = List.copyOf(alphaNames);
    Map<String, Integer> all = new HashMap<>(idx);
    for (int a = 0; a < alphas.size(); a++) {
      all.put(alphas.get(a), 1 + norms.size() + a);
    }
    for (int q = 0; q < this.physics.size(); q++) {
      String n = this.physics.get(q).name();
      if (all.put(n, 1 + norms.size() + alphas.size() + q) != null) {
        throw new IllegalArgumentException("physics parameter " + n + " clashes with another parameter name");
      }
    }
    this.normIndex = Collections.unmodifiableMap(all);
    Set<String> channelNames = new HashSet<>();
    Set<String> usedNorms = new HashSet<>();
    boolean anySignal = false;
    channelOffsets = new int[channels.size() + 1];
    List<double[]> t = new ArrayList<>();
    List<Integer> off = new ArrayList<>();
    List<int[]> fac = new ArrayList<>();
    List<Sample> flat = new ArrayList<>();
    for (int c = 0; c < channels.size(); c++) {
      Channel ch = channels.get(c);
      if (!channelNames.add(ch.name())) {
        throw new IllegalArgumentException("channel names must be unique, got " + ch.name() + " twice");
      }
      channelOffsets[c + 1] = channelOffsets[c] + ch.nBins();
      for (Sample s : ch.samples()) {
        int[] f = new int[s.norms().size() + (s.isSignal() ? 1 : 0)];
        int k = 0;
        if (s.isSignal()) {
          f[k++] = 0;
          anySignal = true;
        }
        for (String n : s.norms()) {
          Integer j = idx.get(n);
          if (j == null) {
            throw new IllegalArgumentException("sample " + s.name() + " of channel " + ch.name()
                + " names norm '" + n + "', which is not declared; declared: " + idx.keySet());
          }
          usedNorms.add(n);
          f[k++] = j;
        }
        t.add(s.expected());
        off.add(channelOffsets[c]);
        fac.add(f);
        flat.add(s);
      }
    }
    if (!anySignal) {
      throw new IllegalArgumentException("the model must contain at least one signal sample (scaled by mu)");
    }
    for (NormParameter p : norms) {
      if (!usedNorms.contains(p.name())) {
        throw new IllegalArgumentException("norm " + p.name() + " is declared but used by no sample");
      }
    }
    this.nBins = channelOffsets[channels.size()];
    this.templates = t.toArray(new double[0][]);
    this.sampleOffset = off.stream().mapToInt(Integer::intValue).toArray();
    this.sampleFactors = fac.toArray(new int[0][]);
    this.terms = new SampleTerms(templates, sampleOffset, sampleFactors, flat, all, nBins,
        1 + norms.size() + alphas.size(), this.physics);
    this.relStatError = BarlowBeeston.relativeErrors(flat, templates, sampleOffset, nBins);
    boolean anyStat = flat.stream().anyMatch(x -> x.statErrors().isPresent());
    boolean anyMod = flat.stream().anyMatch(x -> !x.modifiers().isEmpty());
    this.emptyBinWeight = BarlowBeeston.emptyBinWeights(flat, templates, sampleOffset, nBins);
    this.plain = !anyStat && !anyMod && physics.isEmpty();
    this.binUsed = new boolean[nBins];
    for (int s = 0; s < templates.length; s++) {
      for (int i = 0; i < templates[s].length; i++) {
        if (templates[s][i] > 0) {
          binUsed[sampleOffset[s] + i] = true;
        }
      }
    }
  }

  /**
   * A model of the given channels (unique names) and normalisation parameters (unique names, each used by
   * at least one sample; every name a sample uses must be declared). At least one sample must be signal.
   */
  public static BinnedModel of(List<Channel> channels, List<NormParameter> norms) {
    return new BinnedModel(channels, norms, List.of());
  }

  /** A model with physics parameters (see {@link #of(List, List)}); samples with a {@link PhysicsShape} use them. */
  public static BinnedModel of(List<Channel> channels, List<NormParameter> norms, List<PhysicsParameter> physics) {
    return new BinnedModel(channels, norms, physics);
  }

  /** Names of the systematic nuisances α, in parameter order (index 1 + norms + a). */
  public List<String> alphas() {
    return alphas;
  }

  /** The physics parameters, in parameter order (after the α). */
  public List<PhysicsParameter> physics() {
    return physics;
  }

  /** Index of the first α. */
  public int alphaOffset() {
    return 1 + norms.size();
  }

  /** Index of the first physics parameter. */
  public int physicsOffset() {
    return 1 + norms.size() + alphas.size();
  }

  /** Number of global observables (auxiliary measurements): one per norm, then one per α. */
  public int nGlobalObservables() {
    return norms.size() + alphas.size();
  }

  /** Relative Barlow–Beeston-lite width δ_i of flat bin i (0: no statistical uncertainty given). */
  public double relativeStatError(int i) {
    return relStatError[i];
  }

  /**
   * The weight w_i of one template event of the background samples without a template event in flat bin i (0 if
   * none): see {@link BarlowBeeston#emptyBinWeights}.
   */
  public double emptyBinWeight(int i) {
    return emptyBinWeight[i];
  }

  /** True if some bin has a statistical uncertainty (Barlow–Beeston-lite terms). */
  public boolean hasStatErrors() {
    for (double d : relStatError) {
      if (d > 0) {
        return true;
      }
    }
    return false;
  }

  /** True for a model of templates × norms only (no modifiers, physics or statistical errors). */
  boolean isPlain() {
    return plain;
  }

  /** Lower bound of parameter k (μ: −∞, the fit options restrict it; norms 0; α −5; physics lower). */
  public double lowerBound(int k) {
    return k == 0 ? Double.NEGATIVE_INFINITY : k < alphaOffset() ? 0.0 : k < physicsOffset() ? -ALPHA_BOUND
        : physics.get(k - physicsOffset()).lower();
  }

  /** Upper bound of parameter k (μ, norms: +∞; α +5; physics upper). */
  public double upperBound(int k) {
    return k < alphaOffset() ? Double.POSITIVE_INFINITY : k < physicsOffset() ? ALPHA_BOUND
        : physics.get(k - physicsOffset()).upper();
  }

  /** True if parameter k floats in fits (FIXED norms do not). */
  public boolean floats(int k) {
    return k == 0 || k >= alphaOffset() || norm(k).floats();
  }

  /** Channels in order. */
  public List<Channel> channels() {
    return channels;
  }

  /** Normalisation parameters in order (parameter index 1 + j). */
  public List<NormParameter> norms() {
    return norms;
  }

  /** Number of channels. */
  public int nChannels() {
    return channels.size();
  }

  /** First flat bin of channel {@code c}; {@code channelOffset(nChannels())} = {@link #nBins()}. */
  public int channelOffset(int c) {
    return channelOffsets[c];
  }

  /** Total number of bins over all channels. */
  public int nBins() {
    return nBins;
  }

  /** Number of bins in which at least one template is non-zero (the bins that count for the ndf). */
  public int nUsedBins() {
    int n = 0;
    for (boolean b : binUsed) {
      n += b ? 1 : 0;
    }
    return n;
  }

  /** True if some template is non-zero in flat bin {@code i}. */
  public boolean isBinUsed(int i) {
    return binUsed[i];
  }

  /** Number of parameters, 1 + norms + α + physics. */
  public int nParameters() {
    return 1 + norms.size() + alphas.size() + physics.size();
  }

  /** Parameter names: "mu", then the norms, the α and the physics parameters. */
  public List<String> parameterNames() {
    List<String> n = new ArrayList<>();
    n.add(POI_NAME);
    norms.forEach(p -> n.add(p.name()));
    n.addAll(alphas);
    physics.forEach(p -> n.add(p.name()));
    return n;
  }

  /** Index of the parameter named {@code name} ("mu" is 0). */
  public int parameterIndex(String name) {
    if (POI_NAME.equals(name)) {
      return 0;
    }
    Integer j = normIndex.get(name);
    if (j == null) {
      throw new IllegalArgumentException("parameter must be one of " + parameterNames() + ", got '" + name + "'");
    }
    return j;
  }

  /** The norm parameter of parameter index 1 &le; {@code k} &lt; {@link #alphaOffset()}. */
  public NormParameter norm(int k) {
    return norms.get(k - 1);
  }

  /** Nominal parameters: μ = {@code mu}, every norm at its value (1 unless fixed otherwise), α = 0, physics nominal. */
  public double[] nominalParameters(double mu) {
    double[] p = new double[nParameters()];
    p[0] = mu;
    for (int j = 0; j < norms.size(); j++) {
      p[1 + j] = norms.get(j).value();
    }
    for (int q = 0; q < physics.size(); q++) {
      p[physicsOffset() + q] = physics.get(q).nominal();
    }
    return p;
  }

  /** Nominal global observables: 1 for every norm, 0 for every α. */
  public double[] nominalGlobalObservables() {
    double[] a = new double[nGlobalObservables()];
    java.util.Arrays.fill(a, 0, norms.size(), 1.0);
    return a;
  }

  /** Expected counts per flat bin at parameters {@code p}. */
  public double[] expected(double[] p) {
    double[] nu = new double[nBins];
    expected(p, nu);
    return nu;
  }

  /** Expected counts per flat bin at parameters {@code p}, written to {@code out} (length nBins). */
  public void expected(double[] p, double[] out) {
    terms.expected(p, out);
  }

  /** ∂ν_i/∂p_k (γ = 1) for the parameters flagged in {@code which} (see {@link SampleTerms#jacobian}). */
  double[][] jacobian(double[] p, boolean[] which) {
    return terms.jacobian(p, which);
  }

  /**
   * Expected counts in channel {@code c} of its samples accepted by {@code which} at parameters {@code p}
   * (modifiers and physics included; Barlow–Beeston γ = 1).
   */
  public double[] expectedOfSamples(double[] p, int c, java.util.function.Predicate<Sample> which) {
    int s0 = 0;
    for (int cc = 0; cc < c; cc++) {
      s0 += channels.get(cc).samples().size();
    }
    List<Sample> samples = channels.get(c).samples();
    boolean[] take = new boolean[samples.size()];
    for (int j = 0; j < take.length; j++) {
      take[j] = which.test(samples.get(j));
    }
    return terms.expectedOfSamples(p, s0, take, channelOffsets[c + 1] - channelOffsets[c]);
  }

  /** Expected counts of channel {@code c} at parameters {@code p}. */
  public double[] expectedInChannel(double[] p, int c) {
    return java.util.Arrays.copyOfRange(expected(p), channelOffsets[c], channelOffsets[c + 1]);
  }

  /** This model with every template × {@code factor} (exposure scaling; relative widths unchanged). */
  public BinnedModel scaled(double factor) {
    return new BinnedModel(channels.stream().map(c -> c.scaled(factor)).toList(), norms, physics);
  }

  // ---- compiled access for the likelihood (package-private) ----

  int nSamples() {
    return templates.length;
  }

  double[] template(int s) {
    return templates[s];
  }

  int sampleOffset(int s) {
    return sampleOffset[s];
  }

  int[] sampleFactors(int s) {
    return sampleFactors[s];
  }
}
