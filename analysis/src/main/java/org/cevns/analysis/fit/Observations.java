package org.cevns.analysis.fit;

import java.util.List;

/**
 * What the likelihood is evaluated on: observed counts per flat bin (channels concatenated as in
 * {@link BinnedModel}) and one global observable per norm parameter — the auxiliary measurement a_j of a
 * constrained normalisation (nominal 1; fluctuated in toys; ignored for free and fixed norms) — then one per
 * systematic nuisance α (nominal 0) — and, per flat bin, the auxiliary measurement of the Barlow–Beeston-lite
 * factor γ_i of the template statistics (nominal 1; fluctuated in toys; used only in bins with a statistical
 * error) — and, per flat bin, the number m_i of template events in a bin where a background template is empty
 * (the auxiliary measurement of the no-event term of {@link BarlowBeeston}; 0, the template, for data; drawn in toys
 * whose truth has content there). Counts need not be integers (Asimov data).
 */
public final class Observations {
  private final double[] counts;
  private final double[] globalObservables;
  private final double[] statAuxiliary;
  private final double[] emptyAuxiliary;

  private Observations(double[] counts, double[] globalObservables, double[] statAuxiliary, double[] emptyAuxiliary) {
    this.counts = counts;
    this.globalObservables = globalObservables;
    this.statAuxiliary = statAuxiliary;
    this.emptyAuxiliary = emptyAuxiliary;
  }

  /**
   * These observations with the template event counts m_i of the empty-template bins (the no-event term 2β/w
   * becomes 2[β/w − m + m ln(m·w/β)]; ignored in bins without an empty template).
   *
   * @param m per flat bin, length nBins, finite, &ge; 0; copied
   */
  public Observations withEmptyBinAuxiliary(double[] m) {
    if (m == null || m.length != counts.length) {
      throw new IllegalArgumentException("empty-bin auxiliary measurements must have length nBins=" + counts.length
          + ", got " + (m == null ? "null" : m.length));
    }
    for (int i = 0; i < m.length; i++) {
      if (!(m[i] >= 0) || Double.isInfinite(m[i])) {
        throw new IllegalArgumentException("empty-bin auxiliary measurement [" + i + "] must be finite and >= 0, got "
            + m[i]);
      }
    }
    return new Observations(counts, globalObservables, statAuxiliary, m.clone());
  }

  /** The template event count seen in flat bin {@code i} where a background template is empty (0 unless a toy's). */
  public double emptyBinAuxiliary(int i) {
    return emptyAuxiliary == null ? 0.0 : emptyAuxiliary[i];
  }

  /**
   * These observations with the auxiliary measurements of the Barlow–Beeston-lite factors (the γ_i constraint
   * becomes ((γ_i − a_i)/δ_i)²).
   *
   * @param aux per flat bin, length nBins, finite; copied
   */
  public Observations withStatAuxiliary(double[] aux) {
    if (aux == null || aux.length != counts.length) {
      throw new IllegalArgumentException("stat auxiliary measurements must have length nBins=" + counts.length
          + ", got " + (aux == null ? "null" : aux.length));
    }
    for (int i = 0; i < aux.length; i++) {
      if (!Double.isFinite(aux[i])) {
        throw new IllegalArgumentException("stat auxiliary measurement [" + i + "] must be finite, got " + aux[i]);
      }
    }
    return new Observations(counts, globalObservables, aux.clone(), emptyAuxiliary);
  }

  /** The auxiliary measurement of the Barlow–Beeston-lite factor of flat bin {@code i} (nominal 1). */
  public double statAuxiliary(int i) {
    return statAuxiliary == null ? 1.0 : statAuxiliary[i];
  }

  /**
   * Counts and global observables for {@code model}.
   *
   * @param counts per flat bin, length model.nBins(), finite, &ge; 0; copied
   * @param globalObservables per norm, then per α (length model.nGlobalObservables()), finite; copied
   */
  public static Observations of(BinnedModel model, double[] counts, double[] globalObservables) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    if (counts == null || counts.length != model.nBins()) {
      throw new IllegalArgumentException("counts must have length nBins=" + model.nBins() + ", got "
          + (counts == null ? "null" : counts.length));
    }
    for (int i = 0; i < counts.length; i++) {
      if (!(counts[i] >= 0) || Double.isInfinite(counts[i])) {
        throw new IllegalArgumentException("counts[" + i + "] must be finite and >= 0, got " + counts[i]);
      }
    }
    int nNorms = model.nGlobalObservables();
    if (globalObservables == null || globalObservables.length != nNorms) {
      throw new IllegalArgumentException("globalObservables must have length " + nNorms + " (one per norm and alpha), got "
          + (globalObservables == null ? "null" : globalObservables.length));
    }
    for (int j = 0; j < nNorms; j++) {
      if (!Double.isFinite(globalObservables[j])) {
        throw new IllegalArgumentException(
            "globalObservables[" + j + "] must be finite, got " + globalObservables[j]);
      }
    }
    return new Observations(counts.clone(), globalObservables.clone(), null, null);
  }

  /** Counts with nominal global observables (1 for every norm, 0 for every α). */
  public static Observations of(BinnedModel model, double[] counts) {
    return of(model, counts, model.nominalGlobalObservables());
  }

  /** Counts given per channel (in model channel order), nominal global observables. */
  public static Observations ofChannels(BinnedModel model, List<double[]> countsPerChannel) {
    if (countsPerChannel == null || countsPerChannel.size() != model.nChannels()) {
      throw new IllegalArgumentException("countsPerChannel must hold " + model.nChannels() + " arrays, got "
          + (countsPerChannel == null ? "null" : countsPerChannel.size()));
    }
    double[] flat = new double[model.nBins()];
    for (int c = 0; c < model.nChannels(); c++) {
      double[] n = countsPerChannel.get(c);
      int len = model.channelOffset(c + 1) - model.channelOffset(c);
      if (n == null || n.length != len) {
        throw new IllegalArgumentException("counts of channel " + model.channels().get(c).name()
            + " must have length " + len + ", got " + (n == null ? "null" : n.length));
      }
      System.arraycopy(n, 0, flat, model.channelOffset(c), len);
    }
    return of(model, flat);
  }

  /** Number of flat bins. */
  public int nBins() {
    return counts.length;
  }

  /** Count in flat bin {@code i}. */
  public double count(int i) {
    return counts[i];
  }

  /** A copy of the counts. */
  public double[] counts() {
    return counts.clone();
  }

  /** Global observable j: of norm j (parameter index 1 + j), or of an α (parameter index 1 + j likewise). */
  public double globalObservable(int j) {
    return globalObservables[j];
  }

  /** A copy of the global observables. */
  public double[] globalObservables() {
    return globalObservables.clone();
  }

  /** Total count. */
  public double total() {
    double s = 0;
    for (double c : counts) {
      s += c;
    }
    return s;
  }

  double[] countsView() {
    return counts;
  }
}
