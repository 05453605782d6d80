package org.cevns.detsim.background;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cevns.physics.Checks;

/**
 * CONUS+ background per component, reactor ON/OFF, in counts/day/kg, as given by the CONUS+
 * collaboration (arXiv:2501.05206; see arXiv:2407.11912 and arXiv:2412.13707 for the setup and site background):
 * muons 15.2/15.1, neutrons 21.6/17.7,
 * muon-induced neutrons 2.2/1.8, radon 1.9/0.3, ³H 1.3/0.5, others ≤ 0.2 each; totals 42.9/35.8. The
 * "others" row here lumps the remaining components as total − listed (0.7 ON, 0.4 OFF) so the table sums to
 * the quoted totals. The energy range the rates refer to is the caller's spectrum.
 */
final class ConusPlusBackgrounds {
  private ConusPlusBackgrounds() {}

  /** Quoted ON total, counts/day/kg. */
  public static final double TOTAL_ON_PER_KG_PER_DAY = 42.9;
  /** Quoted OFF total, counts/day/kg. */
  public static final double TOTAL_OFF_PER_KG_PER_DAY = 35.8;

  /** One row of the table. */
  public record ComponentRates(String name, double onPerKgPerDay, double offPerKgPerDay) {
    public ComponentRates {
      Checks.name("name", name);
      Checks.nonNegative("onPerKgPerDay", onPerKgPerDay);
      Checks.nonNegative("offPerKgPerDay", offPerKgPerDay);
    }
  }

  /** The table rows; "others" = quoted total − listed components. */
  public static List<ComponentRates> table() {
    List<ComponentRates> rows = new ArrayList<>(List.of(
        new ComponentRates("muons", 15.2, 15.1),
        new ComponentRates("neutrons", 21.6, 17.7),
        new ComponentRates("muon_induced_neutrons", 2.2, 1.8),
        new ComponentRates("radon", 1.9, 0.3),
        new ComponentRates("tritium", 1.3, 0.5)));
    double on = 0;
    double off = 0;
    for (ComponentRates r : rows) {
      on += r.onPerKgPerDay();
      off += r.offPerKgPerDay();
    }
    rows.add(new ComponentRates("others", TOTAL_ON_PER_KG_PER_DAY - on, TOTAL_OFF_PER_KG_PER_DAY - off));
    return List.copyOf(rows);
  }

  /** All rows as {@link ReactorCorrelatedBackground}s sharing one keVee spectrum. */
  public static List<ReactorCorrelatedBackground> components(BackgroundSpectrum spectrumKeVee) {
    Objects.requireNonNull(spectrumKeVee, "spectrumKeVee");
    List<ReactorCorrelatedBackground> out = new ArrayList<>();
    for (ComponentRates r : table()) {
      out.add(ReactorCorrelatedBackground.of(r.name(), spectrumKeVee, EnergyScale.ELECTRON_EQUIVALENT,
          r.onPerKgPerDay(), r.offPerKgPerDay()));
    }
    return List.copyOf(out);
  }
}
