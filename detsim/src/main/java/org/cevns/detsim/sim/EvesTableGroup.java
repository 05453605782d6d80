package org.cevns.detsim.sim;

import static org.cevns.detsim.sim.ExpectedDetected.EVES_RECOIL_NODES;
import static org.cevns.detsim.sim.ExpectedDetected.MAX_BREAKPOINTS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cevns.generator.model.Channel;
import org.cevns.physics.Process;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.source.TabulatedSpectrum;
import org.cevns.physics.xs.EvesCrossSection;

/**
 * The EvES g(T) tables of one spectrum on several elements, computed together: the same tables as {@link
 * RecoilTable#of} of each channel, bit for bit. On the path of {@link SpectrumNodeDensities} (a spectrum that is not a
 * line, not tabulated and has at most {@value ExpectedDetected#MAX_BREAKPOINTS} breakpoints: reactor, Michel and beta
 * spectra) the Standard-Model EvES cross sections of one flavour differ between elements only by Z_eff(T): dσ/dT =
 * free-electron dσ/dT(E, T) × Z_eff(T), and the recoil nodes (T_max and E_min(T) are electron kinematics) and the
 * energy nodes of every T are the same. So the spectrum and the free-electron cross section are evaluated once per
 * node for all the elements, and each element's integral is then summed from those values in the order of its own
 * table ({@link SpectrumNodeDensities#integrateScaled}). reference.yaml's CsI and Xe detectors read 4 reactor isotope,
 * 2 beta and 2 Michel spectra on Cs, I and Xe: 24 EvES tables of 2001 nodes, ~45 % of its table work
 * (docs/performance-history.md, "refrates4 (thirty-third session)").
 */
final class EvesTableGroup {
  private EvesTableGroup() {}

  /**
   * The tasks putting into {@code out} the table ({@link RecoilTable#of}) of every key of {@code tables} (table key →
   * a channel of it, in order), one task per key or per group of EvES keys ({@link #groups}), in the order of their
   * first keys.
   */
  static List<Runnable> tasks(Map<String, Channel> tables, Map<String, RecoilTable> out) {
    List<Runnable> tasks = new ArrayList<>();
    for (List<String> keys : groups(tables)) {
      tasks.add(() -> {
        List<RecoilTable> computed = keys.size() == 1 ? List.of(RecoilTable.of(tables.get(keys.get(0))))
            : of(keys.stream().map(tables::get).toList());
        for (int i = 0; i < keys.size(); i++) {
          out.put(keys.get(i), computed.get(i));
        }
      });
    }
    return tasks;
  }

  /**
   * The keys of {@code tables} (table key → a channel of it, in order) in groups, each computed by one task: the
   * keys of EvES channels that share a spectrum and a free-electron cross section ({@link #groupable}) together, in
   * the place of the first of them; every other key alone.
   */
  static List<List<String>> groups(Map<String, Channel> tables) {
    List<List<String>> out = new ArrayList<>();
    List<Channel> firsts = new ArrayList<>();
    for (Map.Entry<String, Channel> e : tables.entrySet()) {
      Channel c = e.getValue();
      int g = -1;
      if (groupable(c)) {
        for (int i = 0; i < firsts.size() && g < 0; i++) {
          if (firsts.get(i) != null && sameFreeElectron(firsts.get(i), c)) {
            g = i;
          }
        }
      }
      if (g < 0) {
        out.add(new ArrayList<>(List.of(e.getKey())));
        firsts.add(groupable(c) ? c : null);
      } else {
        out.get(g).add(e.getKey());
      }
    }
    return out;
  }

  /**
   * Whether {@link RecoilTable#of} computes {@code c}'s table through {@link SpectrumNodeDensities} with a
   * Standard-Model EvES cross section: EvES, not a line, not tabulated (those use their exact moments) and at most
   * {@value ExpectedDetected#MAX_BREAKPOINTS} breakpoints, and a positive T_max.
   */
  static boolean groupable(Channel c) {
    EnergySpectrum s = c.component().spectrum();
    return c.process() == Process.EVES && c.xs() instanceof EvesCrossSection xs && !s.isLine()
        && !(s instanceof TabulatedSpectrum) && s.breakpointsMeV().length <= MAX_BREAKPOINTS
        && xs.maxRecoilMeV(s.maxEnergyMeV()) > 0;
  }

  /** The same spectrum object and the same couplings (so the same free-electron dσ/dT). */
  private static boolean sameFreeElectron(Channel a, Channel b) {
    EvesCrossSection x = (EvesCrossSection) a.xs();
    EvesCrossSection y = (EvesCrossSection) b.xs();
    return a.component().spectrum() == b.component().spectrum()
        && Double.doubleToLongBits(x.gL()) == Double.doubleToLongBits(y.gL())
        && Double.doubleToLongBits(x.gR()) == Double.doubleToLongBits(y.gR());
  }

  /** The tables of {@code channels} (all {@link #groupable}, one spectrum and couplings), in their order. */
  static List<RecoilTable> of(List<Channel> channels) {
    EnergySpectrum spectrum = channels.get(0).component().spectrum();
    EvesCrossSection free = (EvesCrossSection) channels.get(0).xs();
    EvesCrossSection[] xs = new EvesCrossSection[channels.size()];
    for (int m = 0; m < xs.length; m++) {
      xs[m] = (EvesCrossSection) channels.get(m).xs();
    }
    double tMax = free.maxRecoilMeV(spectrum.maxEnergyMeV());
    int intervals = EVES_RECOIL_NODES;
    double[] t = new double[intervals + 1];
    double[][] g = new double[xs.length][intervals + 1];
    double[] sorted = spectrum.breakpointsMeV().clone();
    Arrays.sort(sorted);
    SpectrumNodeDensities nodes = new SpectrumNodeDensities(spectrum, sorted, 2);
    int[] zEff = new int[xs.length];
    double[] values = new double[xs.length];
    double hi = spectrum.maxEnergyMeV();
    for (int j = 0; j <= intervals; j++) {
      double recoilMeV = RecoilTable.node(tMax, j, intervals);
      t[j] = recoilMeV;
      double lo = Math.max(spectrum.minEnergyMeV(), free.minEnergyMeV(recoilMeV));
      if (!(hi > lo)) {
        continue; // g = 0 for every element
      }
      boolean any = false;
      for (int m = 0; m < xs.length; m++) {
        // no electron bound below T (acceptance 0): g = 0, as RecoilTable's density returns it
        boolean none = xs[m].hasAcceptance() && xs[m].acceptance(recoilMeV) == 0;
        zEff[m] = none ? 0 : xs[m].electronsBoundBelowMeV(recoilMeV);
        any |= zEff[m] != 0;
      }
      if (!any) {
        continue;
      }
      nodes.integrateScaled(lo, e -> free.freeElectronXsCm2PerMeV(e, recoilMeV), zEff, values);
      for (int m = 0; m < xs.length; m++) {
        g[m][j] = values[m];
      }
    }
    List<RecoilTable> out = new ArrayList<>();
    for (double[] gm : g) {
      out.add(new RecoilTable(t.clone(), gm));
    }
    return out;
  }
}
