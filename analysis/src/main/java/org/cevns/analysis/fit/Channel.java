package org.cevns.analysis.fit;

import java.util.HashSet;
import java.util.List;

/**
 * A channel of the binned model: a list of bins (an energy spectrum, or a flattened energy × time histogram)
 * and the samples expected in them. Several channels are fitted simultaneously (reactor ON and OFF, beam C
 * and AC, several detectors), sharing parameters by name.
 */
public final class Channel {
  private final String name;
  private final List<Sample> samples;
  private final int nBins;

  private Channel(String name, List<Sample> samples) {
    if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("channel name must match [A-Za-z0-9_.-]+, got '" + name + "'");
    }
    if (samples == null || samples.isEmpty() || samples.stream().anyMatch(x -> x == null)) {
      throw new IllegalArgumentException("channel " + name + " must have at least one sample");
    }
    this.nBins = samples.get(0).nBins();
    HashSet<String> names = new HashSet<>();
    for (Sample s : samples) {
      if (s.nBins() != nBins) {
        throw new IllegalArgumentException("sample " + s.name() + " of channel " + name + " must have "
            + nBins + " bins like " + samples.get(0).name() + ", got " + s.nBins());
      }
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("sample names of channel " + name + " must be unique, got "
            + s.name() + " twice");
      }
    }
    this.name = name;
    this.samples = List.copyOf(samples);
  }

  /** A channel with the given samples (same number of bins, unique names). */
  public static Channel of(String name, List<Sample> samples) {
    return new Channel(name, samples);
  }

  /** A channel with the given samples. */
  public static Channel of(String name, Sample... samples) {
    return new Channel(name, samples == null ? null : java.util.Arrays.asList(samples));
  }

  /** Channel name. */
  public String name() {
    return name;
  }

  /** Samples in order. */
  public List<Sample> samples() {
    return samples;
  }

  /** Number of bins. */
  public int nBins() {
    return nBins;
  }

  /** This channel with every sample scaled by {@code factor}. */
  public Channel scaled(double factor) {
    return new Channel(name, samples.stream().map(s -> s.scaled(factor)).toList());
  }
}
