package org.cevns.analysis.fit;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.cevns.analysis.hist.Histogram1D;

/**
 * One contribution to a channel: a template of expected counts per bin at nominal parameters, multiplied by
 * μ if it is a signal sample and by every normalisation parameter it names; optionally varied by systematic
 * {@link Modifier}s (HistFactory normsys/histosys), recomputed at the model's physics parameters by a
 * {@link PhysicsShape}, and carrying the statistical uncertainty of the template (√Σw² per bin, for the
 * Barlow–Beeston-lite terms of the model). Templates come from high-statistics simulation (histogram
 * contents scaled to the exposure) or directly from a model.
 */
public final class Sample {
  private final String name;
  private final double[] expected;
  private final boolean signal;
  private final List<String> norms;
  private final List<Modifier> modifiers;
  private final double[] statErrors;
  private final PhysicsShape physics;

  private Sample(String name, double[] expected, boolean signal, List<String> norms) {
    this(name, expected, signal, norms, List.of(), null, null);
  }

  private Sample(String name, double[] expected, boolean signal, List<String> norms, List<Modifier> modifiers,
      double[] statErrors, PhysicsShape physics) {
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
    if (modifiers == null || modifiers.stream().anyMatch(m -> m == null
        || (m.type() == Modifier.Type.HISTOSYS && m.nBins() != expected.length))) {
      throw new IllegalArgumentException("modifiers of sample " + name + " must be non-null with " + expected.length
          + " bins each");
    }
    // one normsys and one histosys may share a parameter (a variation's normalisation and shape,
    // Modifier#normPlusShape); two of one type may not
    if (modifiers.stream().map(m -> m.parameter() + "/" + m.type()).distinct().count() != modifiers.size()) {
      throw new IllegalArgumentException("modifiers of sample " + name + " must name distinct parameters (one"
          + " normsys and one histosys at most per parameter)");
    }
    if (statErrors != null) {
      if (statErrors.length != expected.length) {
        throw new IllegalArgumentException("statErrors of sample " + name + " must have " + expected.length + " bins");
      }
      for (double e : statErrors) {
        if (!(e >= 0) || Double.isInfinite(e)) {
          throw new IllegalArgumentException("statErrors of sample " + name + " must be finite and >= 0, got " + e);
        }
      }
    }
    this.name = name;
    this.expected = expected.clone();
    this.signal = signal;
    this.norms = List.copyOf(norms);
    this.modifiers = List.copyOf(modifiers);
    this.statErrors = statErrors == null ? null : statErrors.clone();
    this.physics = physics;
  }

  /** This sample with the systematic modifiers {@code m} (replacing any). */
  public Sample withModifiers(List<Modifier> m) {
    return new Sample(name, expected, signal, norms, m, statErrors, physics);
  }

  /** This sample with the template's statistical uncertainty √Σw² per bin (null: none). */
  public Sample withStatErrors(double[] errors) {
    return new Sample(name, expected, signal, norms, modifiers, errors, physics);
  }

  /** This sample recomputed at the model's physics parameters by {@code shape} (its value at nominal = expected). */
  public Sample withPhysics(PhysicsShape shape) {
    return new Sample(name, expected, signal, norms, modifiers, statErrors, shape);
  }

  /** The systematic modifiers. */
  public List<Modifier> modifiers() {
    return modifiers;
  }

  /** The template's statistical uncertainty per bin (a copy), or empty. */
  public java.util.Optional<double[]> statErrors() {
    return statErrors == null ? java.util.Optional.empty() : java.util.Optional.of(statErrors.clone());
  }

  /** The physics dependence, if any. */
  public java.util.Optional<PhysicsShape> physics() {
    return java.util.Optional.ofNullable(physics);
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
    double[] se = statErrors == null ? null : new double[expected.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = expected[i] * factor;
      if (se != null) {
        se[i] = statErrors[i] * factor;
      }
    }
    PhysicsShape ps = physics == null ? null : new PhysicsShape() {
      @Override
      public double[] expected(double[] v) {
        return scale(physics.expected(v), factor);
      }

      @Override
      public double[][] derivatives(double[] v) {
        double[][] d = physics.derivatives(v);
        return d == null ? null : new double[][] {scale(d[0], factor), scale(d[1], factor)};
      }
    };
    return new Sample(name, e, signal, norms, modifiers.stream().map(m -> m.scaled(factor)).toList(), se, ps);
  }

  private static double[] scale(double[] x, double factor) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= factor;
    }
    return x;
  }
}
