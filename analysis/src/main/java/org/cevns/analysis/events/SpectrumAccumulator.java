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
  private BinEdges[] energyEdges = new BinEdges[INITIAL_KEYS];
  private BinEdges[] peEdges = new BinEdges[INITIAL_KEYS];
  private double[] fitStartNs = new double[INITIAL_KEYS];
  private double[][] eW = new double[INITIAL_KEYS][];
  private double[][] eW2 = new double[INITIAL_KEYS][];
  private double[][] tW = new double[INITIAL_KEYS][];
  private double[][] tW2 = new double[INITIAL_KEYS][];
  private double[][] pW = new double[INITIAL_KEYS][];
  private double[][] pW2 = new double[INITIAL_KEYS][];
  private double[][] xW = new double[INITIAL_KEYS][];
  private double[][] xW2 = new double[INITIAL_KEYS][];
  // unit-weight entries, counted apart (their Σw² equals their count)
  private double[][] eN = new double[INITIAL_KEYS][];
  private double[][] tN = new double[INITIAL_KEYS][];
  private double[][] pN = new double[INITIAL_KEYS][];
  private double[][] xN = new double[INITIAL_KEYS][];
  private double[] sumW = new double[INITIAL_KEYS];
  private double[] sumW2 = new double[INITIAL_KEYS];
  private long[] rows = new long[INITIAL_KEYS];
  private long[] peRows = new long[INITIAL_KEYS];
  /** The arrays above of each key, reached with one load per row in the fills. */
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
    if (i == energyEdges.length) {
      grow(2 * i);
    }
    BinEdges e = binning.energy(k.detector());
    energyEdges[i] = e;
    eW[i] = new double[e.nBins() + 2];
    eW2[i] = new double[e.nBins() + 2];
    eN[i] = new double[e.nBins() + 2];
    tW[i] = new double[timeEdges.nBins() + 2];
    tW2[i] = new double[timeEdges.nBins() + 2];
    tN[i] = new double[timeEdges.nBins() + 2];
    BinEdges p = binning.pe().get(k.detector());
    peEdges[i] = p;
    if (p != null) {
      pW[i] = new double[p.nBins() + 2];
      pW2[i] = new double[p.nBins() + 2];
      pN[i] = new double[p.nBins() + 2];
    }
    fitStartNs[i] = binning.fitTime().map(f -> f.startNs(k.window())).orElse(Double.NaN);
    if (!Double.isNaN(fitStartNs[i])) {
      int cells = (e.nBins() + 2) * (fitTimeEdges.get().nBins() + 2);
      xW[i] = new double[cells];
      xW2[i] = new double[cells];
      xN[i] = new double[cells];
    }
    slots[i] = new Slot(this, i, fitTimeEdges.orElse(null));
    keys.add(k);
    index.put(k, i);
    return i;
  }

  private void grow(int n) {
    energyEdges = Arrays.copyOf(energyEdges, n);
    peEdges = Arrays.copyOf(peEdges, n);
    fitStartNs = Arrays.copyOf(fitStartNs, n);
    eW = Arrays.copyOf(eW, n);
    eW2 = Arrays.copyOf(eW2, n);
    tW = Arrays.copyOf(tW, n);
    tW2 = Arrays.copyOf(tW2, n);
    pW = Arrays.copyOf(pW, n);
    pW2 = Arrays.copyOf(pW2, n);
    xW = Arrays.copyOf(xW, n);
    xW2 = Arrays.copyOf(xW2, n);
    eN = Arrays.copyOf(eN, n);
    tN = Arrays.copyOf(tN, n);
    pN = Arrays.copyOf(pN, n);
    xN = Arrays.copyOf(xN, n);
    sumW = Arrays.copyOf(sumW, n);
    sumW2 = Arrays.copyOf(sumW2, n);
    rows = Arrays.copyOf(rows, n);
    peRows = Arrays.copyOf(peRows, n);
    slots = Arrays.copyOf(slots, n);
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
      peRows[key]++;
    }
    double start = s.fitStartNs;
    if (start == start) { // not NaN: a beam window key of the energy x time fit
      int cell = eb * s.fitSlots + s.fitTime.findBin(timeNs - start) + 1;
      s.xW[cell] += weight;
      s.xW2[cell] += w2;
    }
    sumW[key] += weight;
    sumW2[key] += w2;
    rows[key]++;
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
   * The histograms of one key as the fills use them: the same arrays as the accumulator's per-key arrays, reached
   * through one object instead of one array of arrays each, and the photoelectron bins of small counts looked up in
   * a table ({@link #peSlot}). Measured in docs/performance-history.md, "analyze2 (thirty-first session)".
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
    final BinEdges pe;
    final double[] pW;
    final double[] pW2;
    final double[] pN;
    /** Slot (bin + 1) of the photoelectron histogram for counts {@code [0, length)}: the same as {@code findBin}. */
    final int[] peSlotOfCount;
    final double fitStartNs;
    final BinEdges fitTime;
    final int fitSlots;
    final double[] xW;
    final double[] xW2;
    final double[] xN;

    Slot(SpectrumAccumulator a, int i, BinEdges fitTimeEdges) {
      energy = a.energyEdges[i];
      eW = a.eW[i];
      eW2 = a.eW2[i];
      eN = a.eN[i];
      tW = a.tW[i];
      tW2 = a.tW2[i];
      tN = a.tN[i];
      pe = a.peEdges[i];
      pW = a.pW[i];
      pW2 = a.pW2[i];
      pN = a.pN[i];
      if (pe == null) {
        peSlotOfCount = new int[0];
      } else {
        // every count up to the last edge (the overflow beyond), at most PE_TABLE_MAX entries
        int n = (int) Math.min(PE_TABLE_MAX, Math.max(0.0, Math.ceil(pe.high())) + 1);
        peSlotOfCount = new int[n];
        for (int c = 0; c < n; c++) {
          peSlotOfCount[c] = pe.findBin(c) + 1;
        }
      }
      fitStartNs = a.fitStartNs[i];
      fitTime = fitTimeEdges;
      fitSlots = fitTimeEdges == null ? 0 : fitTimeEdges.nBins() + 2;
      xW = a.xW[i];
      xW2 = a.xW2[i];
      xN = a.xN[i];
    }

    /** The slot (bin + 1) of {@code npe} &ge; 0 in the photoelectron histogram. */
    int peSlot(int npe) {
      int[] t = peSlotOfCount;
      return npe < t.length ? t[npe] : pe.findBin(npe) + 1;
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
      int i = key(k.detector(), k.period(), k.window(), k.component());
      add(eW[i], other.eW[j]);
      add(eW2[i], other.eW2[j]);
      add(tW[i], other.tW[j]);
      add(tW2[i], other.tW2[j]);
      add(eN[i], other.eN[j]);
      add(tN[i], other.tN[j]);
      if (pW[i] != null) {
        add(pW[i], other.pW[j]);
        add(pW2[i], other.pW2[j]);
        add(pN[i], other.pN[j]);
      }
      if (xW[i] != null) {
        add(xW[i], other.xW[j]);
        add(xW2[i], other.xW2[j]);
        add(xN[i], other.xN[j]);
      }

      sumW[i] += other.sumW[j];
      sumW2[i] += other.sumW2[j];
      rows[i] += other.rows[j];
      peRows[i] += other.peRows[j];
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
      n += rows[i] + (long) total(eN[i]);
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
      Histogram1D e = histogram(energyEdges[i], eW[i], eW2[i], eN[i]);
      double units = total(eN[i]);
      boolean hasPe = pN[i] != null && (peRows[i] > 0 || total(pN[i]) > 0);
      Optional<Histogram1D> p = hasPe ? Optional.of(histogram(peEdges[i], pW[i], pW2[i], pN[i]))
          : Optional.empty();
      Histogram1D t = histogram(timeEdges, tW[i], tW2[i], tN[i]);
      Optional<Histogram2D> x = xW[i] == null ? Optional.empty()
          : Optional.of(Histogram2D.ofSums(energyEdges[i], fitTimeEdges.get(), sum(xW[i], xN[i]),
              sum(xW2[i], xN[i])));
      m.put(keys.get(i), new KeySpectra(e, p, t, x, sumW[i] + units, sumW2[i] + units,
          rows[i] + (long) units));
    }
    return SpectrumSet.of(binning, m);
  }
}
