package org.cevns.analysis.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cevns.analysis.hist.BinEdges;

/**
 * The binning of one histogram axis as configured: explicit edges, or a number of equal bins over [min, max]
 * where min and max may be left to a default chosen by the analysis (e.g. from the template simulation).
 *
 * @param bins number of equal bins, &ge; 1 (the number of edges − 1 when edges are given)
 * @param min lower end, if configured
 * @param max upper end, if configured
 * @param edges explicit edges, if configured (then min and max are their ends)
 */
public record AxisSpec(int bins, OptionalDouble min, OptionalDouble max, Optional<double[]> edges) {
  public AxisSpec {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    if (edges.isPresent()) {
      BinEdges.of(edges.get());
      edges = Optional.of(edges.get().clone());
    }
    if (min.isPresent() && max.isPresent() && !(max.getAsDouble() > min.getAsDouble())) {
      throw new IllegalArgumentException("max must be > min, got min=" + min.getAsDouble() + ", max="
          + max.getAsDouble());
    }
  }

  /** {@code bins} equal bins over a range chosen by the analysis. */
  public static AxisSpec defaults(int bins) {
    return new AxisSpec(bins, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty());
  }

  /** {@code bins} equal bins over [min, max]. */
  public static AxisSpec uniform(int bins, double min, double max) {
    return new AxisSpec(bins, OptionalDouble.of(min), OptionalDouble.of(max), Optional.empty());
  }

  /** Explicit edges. */
  public static AxisSpec ofEdges(double... edges) {
    return new AxisSpec(edges.length - 1, OptionalDouble.of(edges[0]), OptionalDouble.of(edges[edges.length - 1]),
        Optional.of(edges));
  }

  /** True when the edges follow from the configuration alone. */
  public boolean isComplete() {
    return edges.isPresent() || (min.isPresent() && max.isPresent());
  }

  /**
   * The edges: the configured ones, or {@code bins} equal bins over [min, max] with the configured ends where
   * given and {@code defaultMin}/{@code defaultMax} otherwise. If a configured end leaves an empty range, the
   * other end is moved to keep one bin width per bin of the default.
   */
  public BinEdges resolve(double defaultMin, double defaultMax) {
    if (edges.isPresent()) {
      return BinEdges.of(edges.get());
    }
    double lo = min.orElse(defaultMin);
    double hi = max.orElse(defaultMax);
    if (!(hi > lo)) {
      double width = Math.abs(defaultMax - defaultMin) > 0 ? Math.abs(defaultMax - defaultMin) : 1.0;
      if (min.isPresent()) {
        hi = lo + width;
      } else {
        lo = hi - width;
      }
    }
    return BinEdges.uniform(bins, lo, hi);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AxisSpec a && bins == a.bins && min.equals(a.min) && max.equals(a.max)
        && edges.isPresent() == a.edges.isPresent()
        && (edges.isEmpty() || Arrays.equals(edges.get(), a.edges.get()));
  }

  @Override
  public int hashCode() {
    return bins * 31 + min.hashCode() * 7 + max.hashCode() + edges.map(Arrays::hashCode).orElse(0);
  }

  @Override
  public String toString() {
    return edges.map(e -> "edges " + Arrays.toString(e))
        .orElse(bins + " bins over [" + (min.isPresent() ? min.getAsDouble() : "auto") + ", "
            + (max.isPresent() ? max.getAsDouble() : "auto") + "]");
  }
}
