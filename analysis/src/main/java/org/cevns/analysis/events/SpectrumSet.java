package org.cevns.analysis.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The histograms of a set of events, by {@link SpectrumKey} (detector, period, window, component), with the
 * binning they were filled with. Immutable.
 */
public final class SpectrumSet {
  private final HistogramBinning binning;
  private final Map<SpectrumKey, KeySpectra> spectra;

  private SpectrumSet(HistogramBinning binning, Map<SpectrumKey, KeySpectra> spectra) {
    this.binning = binning;
    this.spectra = Collections.unmodifiableMap(new TreeMap<>(spectra));
  }

  /** A set of spectra filled with {@code binning}. */
  public static SpectrumSet of(HistogramBinning binning, Map<SpectrumKey, KeySpectra> spectra) {
    if (binning == null || spectra == null) {
      throw new IllegalArgumentException("binning and spectra must not be null");
    }
    return new SpectrumSet(binning, spectra);
  }

  /** The binning. */
  public HistogramBinning binning() {
    return binning;
  }

  /** Every key, sorted (detector, period, window, signal first then components by name). */
  public Set<SpectrumKey> keys() {
    return spectra.keySet();
  }

  /** The spectra of {@code key}, if any event had it. */
  public Optional<KeySpectra> get(SpectrumKey key) {
    return Optional.ofNullable(spectra.get(key));
  }

  /** All entries. */
  public Map<SpectrumKey, KeySpectra> asMap() {
    return spectra;
  }

  /** The sum over the keys matching {@code filter}, if any matches. */
  public Optional<KeySpectra> sum(Predicate<SpectrumKey> filter) {
    KeySpectra s = null;
    for (Map.Entry<SpectrumKey, KeySpectra> e : spectra.entrySet()) {
      if (filter.test(e.getKey())) {
        s = s == null ? e.getValue() : s.plus(e.getValue());
      }
    }
    return Optional.ofNullable(s);
  }

  /** The sum over components of one detector's region. */
  public Optional<KeySpectra> region(String detector, SpectrumKey.Region region) {
    return sum(k -> k.detector().equals(detector) && k.region().equals(region));
  }

  /** Detectors present, sorted. */
  public List<String> detectors() {
    return distinct(SpectrumKey::detector);
  }

  /** Components present (signal first, then sorted). */
  public List<String> components() {
    List<String> c = new ArrayList<>(distinct(SpectrumKey::component));
    c.sort((a, b) -> a.equals(EventColumns.SIGNAL) ? (b.equals(a) ? 0 : -1)
        : b.equals(EventColumns.SIGNAL) ? 1 : a.compareTo(b));
    return List.copyOf(c);
  }

  /** Regions present, sorted. */
  public List<SpectrumKey.Region> regions() {
    Set<SpectrumKey.Region> r = new LinkedHashSet<>();
    spectra.keySet().forEach(k -> r.add(k.region()));
    List<SpectrumKey.Region> out = new ArrayList<>(r);
    out.sort(SpectrumKey.Region.ORDER);
    return out;
  }

  private List<String> distinct(java.util.function.Function<SpectrumKey, String> f) {
    Set<String> s = new LinkedHashSet<>();
    spectra.keySet().forEach(k -> s.add(f.apply(k)));
    return List.copyOf(s);
  }

  /** Every key's spectra × {@code factor.applyAsDouble(key)} (e.g. templates scaled to an exposure). */
  public SpectrumSet scaled(ToDoubleFunction<SpectrumKey> factor) {
    Map<SpectrumKey, KeySpectra> m = new TreeMap<>();
    spectra.forEach((k, v) -> m.put(k, v.scaled(factor.applyAsDouble(k))));
    return new SpectrumSet(binning, m);
  }
}
