package org.cevns.analysis.fit;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.cevns.analysis.hist.Histogram1D;

/**
 * One contribution to a channel: a template of expected counts per bin at nominal parameters, multiplied by
 * μ if it is a signal sample and by every normalisation parameter it names. Templates come from
 * high-statistics simulation (histogram contents scaled to the exposure) or directly from a model; their own
 * statistical uncertainty is neglected (no Barlow–Beeston terms), so simulate well beyond the data
 * statistics.
 */
public final class Sample {
  private final String name;
  private final double[] expected;
  private final boolean signal;
  private final List<String> norms;

  private Sample(String name, double[] expected, boolean signal, List<String> norms) {
    if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("sample name must match [A-Za-z0-9_.-]+, got '" + name + "'");
    }
    if (expected == null || expected.length == 0) {
      throw new IllegalArgumentException("expected counts of sample " + name + " must be a non-empty array");
    }
    for (int i = 0; i < expected.length; i++) {
      if (!(expected[i] >= 0) || Double.isInfinite(expected[i])) {
        throw new IllegalArgumentException(
            "expected[" + i + "] of sample " + name + " must be finite and >= 0, got " + expected[i]);
      }
    }
    if (norms == null || norms.stream().anyMatch(n -> n == null) || new HashSet<>(norms).size() != norms.size()) {
      throw new IllegalArgumentException("norms of sample " + name + " must be distinct names, got " + norms);
    }
    this.name = name;
    this.expected = expected.clone();
    this.signal = signal;
    this.norms = List.copyOf(norms);
  }

  /**
   * A signal sample: expected counts at μ = 1 (the Standard Model), scaled by μ and by the named norms (e.g.
   * a constrained neutrino-flux normalisation).
   */
  public static Sample signal(String name, double[] expectedAtMuOne, String... norms) {
    return new Sample(name, expectedAtMuOne, true, norms == null ? null : Arrays.asList(norms));
  }

  /** A signal sample from the contents of a histogram (expected counts at μ = 1). */
  public static Sample signal(String name, Histogram1D expectedAtMuOne, String... norms) {
    return signal(name, expectedAtMuOne.contents(), norms);
  }

  /** A background sample scaled by the named norms (none: a fixed template). */
  public static Sample background(String name, double[] expected, String... norms) {
    return new Sample(name, expected, false, norms == null ? null : Arrays.asList(norms));
  }

  /** A background sample from the contents of a histogram. */
  public static Sample background(String name, Histogram1D expected, String... norms) {
    return background(name, expected.contents(), norms);
  }

  /** The sample name. */
  public String name() {
    return name;
  }

  /** Number of bins. */
  public int nBins() {
    return expected.length;
  }

  /** A copy of the expected counts at nominal parameters. */
  public double[] expected() {
    return expected.clone();
  }

  /** Expected count of bin {@code i} at nominal parameters. */
  public double expected(int i) {
    return expected[i];
  }

  /** True if scaled by μ. */
  public boolean isSignal() {
    return signal;
  }

  /** Names of the normalisation parameters multiplying this sample. */
  public List<String> norms() {
    return norms;
  }

  /** This sample with every expected count × {@code factor} (finite, &ge; 0). */
  public Sample scaled(double factor) {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be finite and >= 0, got " + factor);
    }
    double[] e = new double[expected.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = expected[i] * factor;
    }
    return new Sample(name, e, signal, norms);
  }
}
