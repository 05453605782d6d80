package org.cevns.analysis.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.hist.Histogram1D;
import org.cevns.analysis.hist.Histogram2D;

/**
 * Fills the histograms of {@link SpectrumSet} event by event, as fast as the data arrive: the caller maps an
 * event's (detector, period, window, component) to a key index once per run of equal keys ({@link #key}) and
 * calls {@link #fill} per detected event. Sums are plain arrays with under/overflow slots; {@link #merge}
 * adds another accumulator (one per thread), {@link #result} builds the immutable histograms. Not thread-safe.
 */
public final class SpectrumAccumulator {
  private static final int INITIAL_KEYS = 16;

  private final HistogramBinning binning;
  private final BinEdges timeEdges;
  private final Optional<BinEdges> fitTimeEdges;
  private final List<SpectrumKey> keys = new ArrayList<>();
  private final Map<SpectrumKey, Integer> index = new HashMap<>();
  /** The histograms of each key, by key index: one load per row in the fills. */
  private Slot[] slots = new Slot[INITIAL_KEYS];

  /** An empty accumulator for {@code binning}. */
  public SpectrumAccumulator(HistogramBinning binning) {
    if (binning == null) {
      throw new IllegalArgumentException("binning must not be null");
    }
    this.binning = binning;
    this.timeEdges = binning.timeNs();
    this.fitTimeEdges = binning.fitTime().map(FitTimeAxis::edges);
  }

  /** The binning. */
  public HistogramBinning binning() {
    return binning;
  }

  /**
   * The index of the key, registered on first use.
   *
   * @throws IllegalArgumentException for a detector without energy binning
   */
  public int key(String detector, String period, String window, String component) {
    SpectrumKey k = new SpectrumKey(detector, period, window, component);
    Integer i = index.get(k);
    return i != null ? i : register(k);
  }

  private int register(SpectrumKey k) {
    int i = keys.size();
    if (i == slots.length) {
      slots = Arrays.copyOf(slots, 2 * i);
    }
    double fitStartNs = binning.fitTime().map(f -> f.startNs(k.window())).orElse(Double.NaN);
    slots[i] = new Slot(binning.energy(k.detector()), timeEdges, binning.pe().get(k.detector()), fitStartNs,
        fitTimeEdges.orElse(null));
    keys.add(k);
    index.put(k, i);
    return i;
  }

  /**
   * Adds one detected event.
   *
   * @param key from {@link #key}
   * @param energyKeVee observed energy (not NaN)
   * @param timeNs time; NaN (an event imported without a time) only for a key outside the energy × time fit
   * @param npe photoelectrons, or a negative value for none
   * @param weight event weight (finite)
   */
  public void fill(int key, double energyKeVee, double timeNs, int npe, double weight) {
    Slot s = slots[key];
    double w2 = weight * weight;
    int eb = s.energy.findBin(energyKeVee) + 1;
    s.eW[eb] += weight;
    s.eW2[eb] += w2;
    if (timeNs == timeNs) { // NaN: no time (imported energies only), in the energy spectra but in no time bin
      int tb = timeEdges.findBin(timeNs) + 1;
      s.tW[tb] += weight;
      s.tW2[tb] += w2;
    }
    if (npe >= 0 && s.pe != null) {
      int pb = s.peSlot(npe);
      s.pW[pb] += weight;
      s.pW2[pb] += w2;
      s.peRows++;
    }
    double start = s.fitStartNs;
    if (start == start) { // not NaN: a beam window key of the energy x time fit
      int cell = eb * s.fitSlots + s.fitTime.findBin(timeNs - start) + 1;
      s.xW[cell] += weight;
      s.xW2[cell] += w2;
    }
    s.sumW += weight;
    s.sumW2 += w2;
    s.rows++;
  }

  /**
   * Adds one detected event of weight 1 (the fast path for unweighted files).
   *
   * @param key from {@link #key}
   * @param energyKeVee observed energy (not NaN)
   * @param timeNs time; NaN only for a key outside the energy × time fit (see the weighted fill)
   * @param npe photoelectrons, or a negative value for none
   */
  public void fill(int key, double energyKeVee, double timeNs, int npe) {
    // the count, Σw and Σw² of these entries follow from the energy histogram's slots (see result())
    Slot s = slots[key];
    int eb = s.energy.findBin(energyKeVee) + 1;
    s.eN[eb] += 1.0;
    if (timeNs == timeNs) { // NaN: no time (see the weighted fill)
      s.tN[timeEdges.findBin(timeNs) + 1] += 1.0;
    }
    if (npe >= 0 && s.pe != null) {
      s.pN[s.peSlot(npe)] += 1.0;
    }
    double start = s.fitStartNs;
    if (start == start) {
      s.xN[eb * s.fitSlots + s.fitTime.findBin(timeNs - start) + 1] += 1.0;
    }
  }

  /**
   * The histograms of one key: sums with under/overflow slots, weighted ({@code W}, {@code W2}) and unit-weight
   * entries ({@code N}, counted apart: their Σw² equals their count) of each axis, and the photoelectron bins of
   * small counts looked up in a table ({@link #peSlot}). One object per key, so that a fill reaches all of a key's
   * arrays with one load (measured in docs/performance-history.md, "analyze2 (thirty-first session)").
   */
  private static final class Slot {
    /** Counts below this have their photoelectron bin in {@link #peSlotOfCount}. */
    private static final int PE_TABLE_MAX = 1 << 12;
    final BinEdges energy;
    final double[] eW;
    final double[] eW2;
    final double[] eN;
    final double[] tW;
    final double[] tW2;
    final double[] tN;
    /** Photoelectron edges of the detector, or null (then the p arrays are null too). */
    final BinEdges pe;
    final double[] pW;
    final double[] pW2;
    final double[] pN;
    /** Slot (bin + 1) of the photoelectron histogram for counts {@code [0, length)}: the same as {@code findBin}. */
    final int[] peSlotOfCount;
    /** Start of the key's window on the fit's time axis, or NaN for a key outside the energy × time fit. */
    final double fitStartNs;
    final BinEdges fitTime;
    final int fitSlots;
    /** Energy × fit-time cells (energy slot × {@link #fitSlots} + time slot), or null (NaN {@link #fitStartNs}). */
    final double[] xW;
    final double[] xW2;
    final double[] xN;
    double sumW;
    double sumW2;
    long rows;
    long peRows;

    Slot(BinEdges energy, BinEdges time, BinEdges pe, double fitStartNs, BinEdges fitTimeEdges) {
      this.energy = energy;
      eW = new double[energy.nBins() + 2];
      eW2 = new double[energy.nBins() + 2];
      eN = new double[energy.nBins() + 2];
      tW = new double[time.nBins() + 2];
      tW2 = new double[time.nBins() + 2];
      tN = new double[time.nBins() + 2];
      this.pe = pe;
      if (pe == null) {
        pW = null;
        pW2 = null;
        pN = null;
        peSlotOfCount = new int[0];
      } else {
        pW = new double[pe.nBins() + 2];
        pW2 = new double[pe.nBins() + 2];
        pN = new double[pe.nBins() + 2];
        // every count up to the last edge (the overflow beyond), at most PE_TABLE_MAX entries
        int n = (int) Math.min(PE_TABLE_MAX, Math.max(0.0, Math.ceil(pe.high())) + 1);
        peSlotOfCount = new int[n];
        for (int c = 0; c < n; c++) {
          peSlotOfCount[c] = pe.findBin(c) + 1;
        }
      }
      this.fitStartNs = fitStartNs;
      fitTime = fitTimeEdges;
      fitSlots = fitTimeEdges == null ? 0 : fitTimeEdges.nBins() + 2;
      if (Double.isNaN(fitStartNs)) {
        xW = null;
        xW2 = null;
        xN = null;
      } else {
        int cells = (energy.nBins() + 2) * fitSlots;
        xW = new double[cells];
        xW2 = new double[cells];
        xN = new double[cells];
      }
    }

    /** The slot (bin + 1) of {@code npe} &ge; 0 in the photoelectron histogram. */
    int peSlot(int npe) {
      int[] t = peSlotOfCount;
      return npe < t.length ? t[npe] : pe.findBin(npe) + 1;
    }

    /** Adds the sums of {@code o} (a slot of the same key in an accumulator of the same binning). */
    void add(Slot o) {
      SpectrumAccumulator.add(eW, o.eW);
      SpectrumAccumulator.add(eW2, o.eW2);
      SpectrumAccumulator.add(tW, o.tW);
      SpectrumAccumulator.add(tW2, o.tW2);
      SpectrumAccumulator.add(eN, o.eN);
      SpectrumAccumulator.add(tN, o.tN);
      if (pW != null) {
        SpectrumAccumulator.add(pW, o.pW);
        SpectrumAccumulator.add(pW2, o.pW2);
        SpectrumAccumulator.add(pN, o.pN);
      }
      if (xW != null) {
        SpectrumAccumulator.add(xW, o.xW);
        SpectrumAccumulator.add(xW2, o.xW2);
        SpectrumAccumulator.add(xN, o.xN);
      }
      sumW += o.sumW;
      sumW2 += o.sumW2;
      rows += o.rows;
      peRows += o.peRows;
    }
  }

  /** The key of index {@code i} (from {@link #key}). */
  public SpectrumKey keyOf(int i) {
    return keys.get(i);
  }

  /** Adds the sums of {@code other} (same binning). */
  public void merge(SpectrumAccumulator other) {
    if (!other.binning.equals(binning)) {
      throw new IllegalArgumentException("accumulators must share the binning");
    }
    for (int j = 0; j < other.keys.size(); j++) {
      SpectrumKey k = other.keys.get(j);
      int i = key(k.detector(), k.period(), k.window(), k.component()); // may grow slots: index it after
      slots[i].add(other.slots[j]);
    }
  }

  private static Histogram1D histogram(BinEdges edges, double[] w, double[] w2, double[] n) {
    return Histogram1D.ofSums(edges, sum(w, n), sum(w2, n));
  }

  private static double[] sum(double[] a, double[] b) {
    double[] s = a.clone();
    add(s, b);
    return s;
  }

  private static void add(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
  }

  /** Rows filled so far over all keys. */
  public long rows() {
    long n = 0;
    for (int i = 0; i < keys.size(); i++) {
      n += slots[i].rows + (long) total(slots[i].eN);
    }
    return n;
  }

  private static double total(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }

  /** The histograms. */
  public SpectrumSet result() {
    Map<SpectrumKey, KeySpectra> m = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      Slot s = slots[i];
      Histogram1D e = histogram(s.energy, s.eW, s.eW2, s.eN);
      double units = total(s.eN);
      boolean hasPe = s.pN != null && (s.peRows > 0 || total(s.pN) > 0);
      Optional<Histogram1D> p = hasPe ? Optional.of(histogram(s.pe, s.pW, s.pW2, s.pN)) : Optional.empty();
      Histogram1D t = histogram(timeEdges, s.tW, s.tW2, s.tN);
      Optional<Histogram2D> x = s.xW == null ? Optional.empty()
          : Optional.of(Histogram2D.ofSums(s.energy, fitTimeEdges.get(), sum(s.xW, s.xN), sum(s.xW2, s.xN)));
      m.put(keys.get(i), new KeySpectra(e, p, t, x, s.sumW + units, s.sumW2 + units, s.rows + (long) units));
    }
    return SpectrumSet.of(binning, m);
  }
}
