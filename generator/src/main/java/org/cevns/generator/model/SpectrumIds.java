package org.cevns.generator.model;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Numbers the spectra of source components so that equal spectra share flux averages and recoil tables: a
 * component gets the number of its (source, component) pair if seen before (the same source in another detector or
 * period may hold new but equal spectrum objects), else that of its spectrum object if seen before (sources with
 * the same models share their spectra, e.g. two reactors), else a new one. Not thread-safe.
 */
public final class SpectrumIds {
  private final Map<String, Integer> bySource = new HashMap<>();
  private final Map<Object, Integer> byObject = new IdentityHashMap<>();
  private final Map<RecoilCrossSection, Integer> crossSections = new IdentityHashMap<>();
  private int next;

  /**
   * The key of a flux average or g(T) table: channels with the same key have the same spectrum ({@link #of}), process,
   * cross-section object and flavour, so the same averages and tables. Cross sections are shared objects where they
   * are the same function (the EvES cross section of an element serves all its isotopes, {@link ModelCrossSections}),
   * so those isotopes share their averages and tables (the same doubles, computed once).
   */
  public String recoilKey(int sourceIndex, int componentIndex, Object spectrum, Process process, RecoilCrossSection xs,
      Flavor flavor) {
    Integer xsId = crossSections.get(xs);
    if (xsId == null) {
      xsId = crossSections.size();
      crossSections.put(xs, xsId);
    }
    return of(sourceIndex, componentIndex, spectrum) + "/" + process + "/" + xsId + "/" + flavor;
  }

  /** The number of component {@code componentIndex} of source {@code sourceIndex}, whose spectrum is {@code s}. */
  public int of(int sourceIndex, int componentIndex, Object spectrum) {
    String key = sourceIndex + "/" + componentIndex;
    Integer id = bySource.get(key);
    if (id == null) {
      id = byObject.get(spectrum);
    }
    if (id == null) {
      id = next++;
    }
    bySource.putIfAbsent(key, id);
    byObject.putIfAbsent(spectrum, id);
    return id;
  }
}
