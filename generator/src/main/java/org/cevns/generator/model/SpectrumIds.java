package org.cevns.generator.model;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
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
  private int nextCrossSection;

  /**
   * The key of a flux average or g(T) table: channels with the same key have the same spectrum ({@link #of}), process
   * and cross-section values, so the same averages and tables (which depend on nothing else). Cross sections are
   * shared objects where they are the same function (the EvES cross section of an element serves all its isotopes,
   * {@link ModelCrossSections}), so those isotopes share their averages and tables (the same doubles, computed once);
   * distinct objects that return the same doubles ({@link RecoilCrossSection#sameValuesAs}: the CEvNS cross sections
   * of ν_μ and ν_τ, whose ⁸B spectrum is one object) get the same number too. The flavour is not part of the key: it
   * enters the average only through the cross section.
   */
  public String recoilKey(int sourceIndex, int componentIndex, Object spectrum, Process process, RecoilCrossSection xs) {
    Integer xsId = crossSections.get(xs);
    if (xsId == null) {
      for (Map.Entry<RecoilCrossSection, Integer> e : crossSections.entrySet()) {
        if (e.getKey().sameValuesAs(xs)) {
          xsId = e.getValue();
          break;
        }
      }
      if (xsId == null) {
        xsId = nextCrossSection++;
      }
      crossSections.put(xs, xsId);
    }
    return of(sourceIndex, componentIndex, spectrum) + "/" + process + "/" + xsId;
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
