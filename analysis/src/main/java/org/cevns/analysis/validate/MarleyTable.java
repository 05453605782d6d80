package org.cevns.analysis.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The MARLEY section of {@code validation.md} ({@link MarleyComparison}). */
final class MarleyTable {
  private static final double E40 = 1e40;
  private static final double LOW_MEV = 10;
  private static final double HIGH_MEV = 50;

  private MarleyTable() {}

  static void append(StringBuilder s, List<MarleyComparison> rows) {
    Map<String, List<MarleyComparison>> byIsotope = new LinkedHashMap<>();
    TreeSet<Double> energies = new TreeSet<>();
    for (MarleyComparison r : rows) {
      byIsotope.computeIfAbsent(r.isotope(), k -> new ArrayList<>()).add(r);
      energies.add(r.energyMeV());
    }
    double worst = rows.stream().mapToDouble(r -> Math.abs(r.residual())).max().orElse(0);
    s.append("\n## CEvNS cross sections against MARLEY 1.2.1 (F = 1)\n\n");
    s.append("Total cross sections σ(E) computed with MARLEY 1.2.1 (S. Gardiner, Comput. Phys. Commun. 269 (2021)"
        + " 108123; numbers in configs/data/marley-cevns, made with MARLEY's own library as the file header says)"
        + " against cevns in MARLEY's convention: point nucleus (F = 1), vector part only (no axial term),"
        + " tree-level couplings at MARLEY's sin²θ_W = 0.23155 (Q_W = N − (1 − 4 sin²θ_W) Z). The ratio"
        + " cevns/MARLEY is ≈ 1 + 2E/M: MARLEY's allowed-approximation CM formula carries the recoil factor"
        + " [(1 + x)/(1 + 2x)]², x = E/M, against the exact σ = G_F² Q_W² E² / [4π (1 + 2x)] of a spin-0 point"
        + " nucleus that cevns's dσ/dT integrates to (plus its T²/(2E²) term, < 6e-5 here); G_F differs by"
        + " 1.5e-5 in σ. With these known factors taken out, the largest residual over all "
        + rows.size() + " points is " + String.format(Locale.ROOT, "%.1e", worst) + " (test tolerance "
        + String.format(Locale.ROOT, "%.0e", MarleyComparison.RESIDUAL_TOLERANCE) + ", MarleyComparisonTest)."
        + " The last columns show how far MARLEY's convention is from cevns's defaults (PDG couplings, which"
        + " give |Q_W| = 21.45 for ⁴⁰Ar against MARLEY's 20.67, Helm form factors, axial term): a physics"
        + " choice, not a disagreement.\n\n");
    s.append("| nuclide | σ_MARLEY(10 MeV) [1e-40 cm²] |");
    for (double e : energies) {
      s.append(" cevns/MARLEY ").append(e == Math.rint(e) ? String.format(Locale.ROOT, "%.0f", e) : Double.toString(e))
          .append(" MeV |");
    }
    s.append(" largest residual | cevns defaults / MARLEY at 10 MeV | at 50 MeV |\n|---|---|");
    s.append("---|".repeat(energies.size())).append("---|---|---|\n");
    for (Map.Entry<String, List<MarleyComparison>> e : byIsotope.entrySet()) {
      List<MarleyComparison> list = e.getValue();
      s.append("| ").append(e.getKey()).append(" | ").append(at(list, LOW_MEV, r -> r.marleyXsCm2() * E40, "%.4g"))
          .append(" |");
      for (double energy : energies) {
        s.append(' ').append(at(list, energy, MarleyComparison::ratio, "%.5f")).append(" |");
      }
      double res = list.stream().mapToDouble(r -> Math.abs(r.residual())).max().orElse(0);
      s.append(String.format(Locale.ROOT, " %.1e |", res)).append(' ')
          .append(at(list, LOW_MEV, MarleyComparison::defaultsRatio, "%.3f")).append(" | ")
          .append(at(list, HIGH_MEV, MarleyComparison::defaultsRatio, "%.3f")).append(" |\n");
    }
  }

  private static String at(List<MarleyComparison> list, double energyMeV,
      java.util.function.ToDoubleFunction<MarleyComparison> value, String format) {
    for (MarleyComparison r : list) {
      if (r.energyMeV() == energyMeV) {
        return String.format(Locale.ROOT, format, value.applyAsDouble(r));
      }
    }
    return "—";
  }
}
