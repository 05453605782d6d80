package org.cevns.analysis.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The local minima of a likelihood with more than one, as the global search of a {@link ProfileLikelihood} found
 * them ({@link GlobalFit}; a conditional fit of an interval search or scan that found a lower minimum adds it).
 *
 * @param parameter the parameter of interest's name
 * @param values its value at each minimum, the global one first, then by increasing deviance
 * @param deviances the deviance of each minimum, in the same order
 * @param nominalIndex the index in {@code values} of the minimum the fit from the nominal start found (0 if that
 *     one is the global minimum)
 */
public record Multimodality(String parameter, double[] values, double[] deviances, int nominalIndex) {
  public Multimodality {
    values = values.clone();
    deviances = deviances.clone();
    if (values.length < 2 || deviances.length != values.length) {
      throw new IllegalArgumentException("need at least two minima with one deviance each, got " + values.length
          + " and " + deviances.length);
    }
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public double[] deviances() {
    return deviances.clone();
  }

  /** True if the fit from the nominal start found a minimum above the global one. */
  public boolean nominalNotGlobal() {
    return nominalIndex != 0;
  }

  /**
   * One line for a physicist, e.g. "the likelihood has 2 minima in mu: the global one at mu = -7.44 (deviance
   * 13.89), reported; mu = 3.65 (deviance 17.72, found from the nominal start)".
   */
  public String message() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "the likelihood has %d minima in %s: the global one at %s = %.4g (deviance %.4g), reported", values.length,
        parameter, parameter, values[0], deviances[0]));
    if (nominalIndex == 0) {
      b.append(", found from the nominal start");
    }
    for (int i = 1; i < values.length; i++) {
      b.append(String.format(Locale.ROOT, "; %s = %.4g (deviance %.4g%s)", parameter, values[i], deviances[i],
          i == nominalIndex ? ", found from the nominal start" : ""));
    }
    return b.toString();
  }

  /**
   * The short form for a table row, e.g. "2 minima: mu = -7.655 (global, reported), 3.650 (nominal start)" (the
   * deviances are in {@link #message}).
   */
  public String summary() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d minima: %s = %.4g (global, reported%s)",
        values.length, parameter, values[0], nominalIndex == 0 ? ", nominal start" : ""));
    for (int i = 1; i < values.length; i++) {
      b.append(String.format(Locale.ROOT, ", %.4g%s", values[i], i == nominalIndex ? " (nominal start)" : ""));
    }
    return b.toString();
  }

  /** The minima of {@code global} with {@code best} the global one, or empty if only one is known. */
  static Optional<Multimodality> of(String parameter, int poi, GlobalFit global, FitResult best) {
    if (global == null) {
      return Optional.empty();
    }
    List<FitResult> minima = new ArrayList<>(global.othersThan(best));
    if (minima.isEmpty()) {
      return Optional.empty();
    }
    FitResult nominal = global.nominal();
    minima.sort((x, y) -> Double.compare(x.deviance(), y.deviance()));
    double[] values = new double[minima.size() + 1];
    double[] deviances = new double[values.length];
    values[0] = best.parameters()[poi];
    deviances[0] = best.deviance();
    int nominalIndex = 0;
    for (int i = 0; i < minima.size(); i++) {
      values[i + 1] = minima.get(i).parameters()[poi];
      deviances[i + 1] = minima.get(i).deviance();
      if (minima.get(i) == nominal) {
        nominalIndex = i + 1;
      }
    }
    return Optional.of(new Multimodality(parameter, values, deviances, nominalIndex));
  }
}
