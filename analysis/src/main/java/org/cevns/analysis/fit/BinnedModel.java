package org.cevns.analysis.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The binned model: channels of samples and the parameters. Parameter vector layout (used everywhere in
 * this package): index 0 is the signal strength μ = σ_meas/σ_SM ({@link #POI_NAME}), index 1 + j is
 * {@code norms().get(j)}. The bins of all channels are concatenated in channel order ("flat" bins; channel c
 * starts at {@link #channelOffset(int)}).
 *
 * <p>Expected counts: ν_i = Σ_s T_s,i · (μ if s is signal) · Π_{θ ∈ norms(s)} θ.
 */
public final class BinnedModel {
  /** Name of the parameter of interest. */
  public static final String POI_NAME = "mu";

  private final List<Channel> channels;
  private final List<NormParameter> norms;
  private final Map<String, Integer> normIndex;
  private final int[] channelOffsets;
  private final int nBins;
  // compiled samples
  private final double[][] templates;
  private final int[] sampleOffset;
  private final int[][] sampleFactors;
  private final boolean[] binUsed;

  private BinnedModel(List<Channel> channels, List<NormParameter> norms) {
    if (channels == null || channels.isEmpty() || channels.stream().anyMatch(x -> x == null)) {
      throw new IllegalArgumentException("channels must be a non-empty list");
    }
    if (norms == null || norms.stream().anyMatch(x -> x == null)) {
      throw new IllegalArgumentException("norms must be a list without nulls");
    }
    this.channels = List.copyOf(channels);
    this.norms = List.copyOf(norms);
    Map<String, Integer> idx = new HashMap<>();
    for (int j = 0; j < norms.size(); j++) {
      if (idx.put(norms.get(j).name(), 1 + j) != null) {
        throw new IllegalArgumentException("norm names must be unique, got " + norms.get(j).name() + " twice");
      }
    }
    this.normIndex = Collections.unmodifiableMap(idx);
    Set<String> channelNames = new HashSet<>();
    Set<String> usedNorms = new HashSet<>();
    boolean anySignal = false;
    channelOffsets = new int[channels.size() + 1];
    List<double[]> t = new ArrayList<>();
    List<Integer> off = new ArrayList<>();
    List<int[]> fac = new ArrayList<>();
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
    return new BinnedModel(channels, norms);
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

  /** Number of parameters, 1 + norms. */
  public int nParameters() {
    return 1 + norms.size();
  }

  /** Parameter names: "mu", then the norms. */
  public List<String> parameterNames() {
    List<String> n = new ArrayList<>();
    n.add(POI_NAME);
    norms.forEach(p -> n.add(p.name()));
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

  /** The norm parameter of parameter index {@code k} &ge; 1. */
  public NormParameter norm(int k) {
    return norms.get(k - 1);
  }

  /** Nominal parameters: μ = {@code mu}, every norm at its value (1 unless fixed otherwise). */
  public double[] nominalParameters(double mu) {
    double[] p = new double[nParameters()];
    p[0] = mu;
    for (int j = 0; j < norms.size(); j++) {
      p[1 + j] = norms.get(j).value();
    }
    return p;
  }

  /** Expected counts per flat bin at parameters {@code p}. */
  public double[] expected(double[] p) {
    double[] nu = new double[nBins];
    expected(p, nu);
    return nu;
  }

  /** Expected counts per flat bin at parameters {@code p}, written to {@code out} (length nBins). */
  public void expected(double[] p, double[] out) {
    java.util.Arrays.fill(out, 0.0);
    for (int s = 0; s < templates.length; s++) {
      double m = 1.0;
      for (int f : sampleFactors[s]) {
        m *= p[f];
      }
      if (m == 0.0) {
        continue;
      }
      double[] t = templates[s];
      int o = sampleOffset[s];
      for (int i = 0; i < t.length; i++) {
        out[o + i] += m * t[i];
      }
    }
  }

  /** Expected counts of channel {@code c} at parameters {@code p}. */
  public double[] expectedInChannel(double[] p, int c) {
    return java.util.Arrays.copyOfRange(expected(p), channelOffsets[c], channelOffsets[c + 1]);
  }

  /** This model with every template × {@code factor} (exposure scaling; relative widths unchanged). */
  public BinnedModel scaled(double factor) {
    return new BinnedModel(channels.stream().map(c -> c.scaled(factor)).toList(), norms);
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
