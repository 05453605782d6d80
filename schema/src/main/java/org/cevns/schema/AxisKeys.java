package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A histogram axis of the {@code analysis} section as bound ({@link ConfigBinding}): {@code bins} with optional
 * ends, or explicit {@code edges_*} (then neither {@code bins} nor an end). The three axes differ only by the unit
 * in their key names ({@link Energy} keVee, {@link Pe} photoelectrons, {@link Time} ns). The default number of bins
 * depends on the axis and is the analysis stage's.
 */
public sealed interface AxisKeys {
  /** A histogram edge or axis end (keVee, PE or ns): a physical range, beyond any detector or beam window. */
  DoubleRange AXIS_VALUE = DoubleRange.within(1e9, "up to 1e9 in magnitude");
  /** Largest number of bins of an axis. */
  int MAX_BINS = 100_000;

  /** {@code bins}, absent: the axis's default. */
  Optional<Integer> binsKey();

  /** The lower end, if given. */
  OptionalDouble lower();

  /** The upper end, if given. */
  OptionalDouble upper();

  /** The explicit edges, strictly increasing, if given. */
  Optional<List<Double>> edges();

  /**
   * Observed-energy axis (keVee): {@code bins}, {@code min_kevee}, {@code max_kevee}, {@code edges_kevee}.
   *
   * @param bins number of bins in [1, {@value AxisKeys#MAX_BINS}] (null: the default)
   * @param minKeVee lower end
   * @param maxKeVee upper end, &gt; the lower end
   * @param edgesKeVee explicit edges, at least 2, strictly increasing
   */
  record Energy(@JsonProperty("bins") @IntBounds(min = 1, max = MAX_BINS) Integer bins,
      @JsonProperty("min_kevee") OptionalDouble minKeVee, @JsonProperty("max_kevee") OptionalDouble maxKeVee,
      @JsonProperty("edges_kevee") Optional<List<Double>> edgesKeVee) implements AxisKeys {
    public Energy {
      String[] k = {"bins", "min_kevee", "max_kevee", "edges_kevee"};
      minKeVee = checkEnd(k[1], minKeVee);
      maxKeVee = checkEnd(k[2], maxKeVee);
      edgesKeVee = check(k, bins, minKeVee, maxKeVee, edgesKeVee);
    }

    @Override
    public Optional<Integer> binsKey() {
      return Optional.ofNullable(bins);
    }

    @Override
    public OptionalDouble lower() {
      return minKeVee;
    }

    @Override
    public OptionalDouble upper() {
      return maxKeVee;
    }

    @Override
    public Optional<List<Double>> edges() {
      return edgesKeVee;
    }
  }

  /**
   * Photoelectron axis: {@code bins}, {@code min_pe}, {@code max_pe}, {@code edges_pe}.
   *
   * @param bins number of bins in [1, {@value AxisKeys#MAX_BINS}] (null: the default)
   * @param minPe lower end
   * @param maxPe upper end, &gt; the lower end
   * @param edgesPe explicit edges, at least 2, strictly increasing
   */
  record Pe(@JsonProperty("bins") @IntBounds(min = 1, max = MAX_BINS) Integer bins,
      @JsonProperty("min_pe") OptionalDouble minPe, @JsonProperty("max_pe") OptionalDouble maxPe,
      @JsonProperty("edges_pe") Optional<List<Double>> edgesPe) implements AxisKeys {
    public Pe {
      String[] k = {"bins", "min_pe", "max_pe", "edges_pe"};
      minPe = checkEnd(k[1], minPe);
      maxPe = checkEnd(k[2], maxPe);
      edgesPe = check(k, bins, minPe, maxPe, edgesPe);
    }

    @Override
    public Optional<Integer> binsKey() {
      return Optional.ofNullable(bins);
    }

    @Override
    public OptionalDouble lower() {
      return minPe;
    }

    @Override
    public OptionalDouble upper() {
      return maxPe;
    }

    @Override
    public Optional<List<Double>> edges() {
      return edgesPe;
    }
  }

  /**
   * Time axis (ns): {@code bins}, {@code min_ns}, {@code max_ns}, {@code edges_ns}.
   *
   * @param bins number of bins in [1, {@value AxisKeys#MAX_BINS}] (null: the default)
   * @param minNs lower end
   * @param maxNs upper end, &gt; the lower end
   * @param edgesNs explicit edges, at least 2, strictly increasing
   */
  record Time(@JsonProperty("bins") @IntBounds(min = 1, max = MAX_BINS) Integer bins,
      @JsonProperty("min_ns") OptionalDouble minNs, @JsonProperty("max_ns") OptionalDouble maxNs,
      @JsonProperty("edges_ns") Optional<List<Double>> edgesNs) implements AxisKeys {
    public Time {
      String[] k = {"bins", "min_ns", "max_ns", "edges_ns"};
      minNs = checkEnd(k[1], minNs);
      maxNs = checkEnd(k[2], maxNs);
      edgesNs = check(k, bins, minNs, maxNs, edgesNs);
    }

    @Override
    public Optional<Integer> binsKey() {
      return Optional.ofNullable(bins);
    }

    @Override
    public OptionalDouble lower() {
      return minNs;
    }

    @Override
    public OptionalDouble upper() {
      return maxNs;
    }

    @Override
    public Optional<List<Double>> edges() {
      return edgesNs;
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
