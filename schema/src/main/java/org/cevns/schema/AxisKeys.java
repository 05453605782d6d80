package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A histogram axis of the {@code analysis} section as bound ({@link ConfigBinding}): {@code bins} with optional
 * ends, or explicit {@code edges_*} (then neither {@code bins} nor an end). The three axes are one shape and differ
 * only by the unit in their YAML key names ({@link Energy} keVee, {@link Pe} photoelectrons, {@link Time} ns): Jackson
 * names a record's keys per type, so each unit is a record of three lines over the shared checks. The default number
 * of bins depends on the axis and is the analysis stage's.
 */
public sealed interface AxisKeys {
  /** A histogram edge or axis end (keVee, PE or ns): a physical range, beyond any detector or beam window. */
  DoubleRange AXIS_VALUE = DoubleRange.within(1e9, "up to 1e9 in magnitude");
  /** Largest number of bins of an axis. */
  int MAX_BINS = 100_000;

  /** {@code bins} in [1, {@value #MAX_BINS}]; null when absent (the axis's default). */
  Integer bins();

  /** {@code bins}, absent: the axis's default. */
  default Optional<Integer> binsKey() {
    return Optional.ofNullable(bins());
  }

  /** The lower end, if given (in the axis's unit). */
  OptionalDouble lower();

  /** The upper end, if given, &gt; the lower end. */
  OptionalDouble upper();

  /** The explicit edges, at least 2, strictly increasing, if given (then neither bins nor an end). */
  Optional<List<Double>> edges();

  /** Observed-energy axis (keVee): {@code bins}, {@code min_kevee}, {@code max_kevee}, {@code edges_kevee}. */
  record Energy(@JsonProperty("bins") @IntBounds(min = 1, max = MAX_BINS) Integer bins,
      @JsonProperty("min_kevee") OptionalDouble lower, @JsonProperty("max_kevee") OptionalDouble upper,
      @JsonProperty("edges_kevee") Optional<List<Double>> edges) implements AxisKeys {
    public Energy {
      String[] k = {"bins", "min_kevee", "max_kevee", "edges_kevee"};
      lower = checkEnd(k[1], lower);
      upper = checkEnd(k[2], upper);
      edges = check(k, bins, lower, upper, edges);
    }
  }

  /** Photoelectron axis: {@code bins}, {@code min_pe}, {@code max_pe}, {@code edges_pe}. */
  record Pe(@JsonProperty("bins") @IntBounds(min = 1, max = MAX_BINS) Integer bins,
      @JsonProperty("min_pe") OptionalDouble lower, @JsonProperty("max_pe") OptionalDouble upper,
      @JsonProperty("edges_pe") Optional<List<Double>> edges) implements AxisKeys {
    public Pe {
      String[] k = {"bins", "min_pe", "max_pe", "edges_pe"};
      lower = checkEnd(k[1], lower);
      upper = checkEnd(k[2], upper);
      edges = check(k, bins, lower, upper, edges);
    }
  }

  /** Time axis (ns since the pulse start): {@code bins}, {@code min_ns}, {@code max_ns}, {@code edges_ns}. */
  record Time(@JsonProperty("bins") @IntBounds(min = 1, max = MAX_BINS) Integer bins,
      @JsonProperty("min_ns") OptionalDouble lower, @JsonProperty("max_ns") OptionalDouble upper,
      @JsonProperty("edges_ns") Optional<List<Double>> edges) implements AxisKeys {
    public Time {
      String[] k = {"bins", "min_ns", "max_ns", "edges_ns"};
      lower = checkEnd(k[1], lower);
      upper = checkEnd(k[2], upper);
      edges = check(k, bins, lower, upper, edges);
    }
  }

  private static OptionalDouble checkEnd(String key, OptionalDouble value) {
    return Checks.optional(key, value, AXIS_VALUE);
  }

  /** Checks an axis whose keys are {@code k} = (bins, min, max, edges); returns the edges (never null). */
  private static Optional<List<Double>> check(String[] k, Integer bins, OptionalDouble lo, OptionalDouble hi,
      Optional<List<Double>> edges) {
    edges = Checks.optional(edges);
    if (edges.isPresent()) {
      boolean[] given = {bins != null, lo.isPresent(), hi.isPresent()};
      for (int i = 0; i < given.length; i++) {
        if (given[i]) {
          throw new ConfigException(k[i], "not allowed together with " + k[3]);
        }
      }
      List<Double> e = edges.get();
      if (e.size() < 2) {
        throw new ConfigException(k[3], "must be a list of at least 2 strictly increasing numbers",
            e.isEmpty() ? "[]" : "a list");
      }
      for (int i = 0; i < e.size(); i++) {
        AXIS_VALUE.check(k[3] + "[" + i + "]", e.get(i));
        if (i > 0 && !(e.get(i) > e.get(i - 1))) {
          throw new ConfigException(k[3] + "[" + i + "]", "must be > the previous edge (" + e.get(i - 1) + ")",
              ConfigException.render(e.get(i)));
        }
      }
      return Optional.of(List.copyOf(e));
    }
    if (lo.isPresent() && hi.isPresent() && !(hi.getAsDouble() > lo.getAsDouble())) {
      throw new ConfigException(k[2], "must be > " + k[1] + " (" + lo.getAsDouble() + ")",
          ConfigException.render(hi.getAsDouble()));
    }
    return edges;
  }
}
