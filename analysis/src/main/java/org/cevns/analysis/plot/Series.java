package org.cevns.analysis.plot;

/**
 * One drawable element of a {@link Panel}, drawn in list order. A blank {@link #label()} gives no
 * legend entry.
 */
public sealed interface Series
    permits StepHistogram, Points, Line, Band, HLine, VLine, VSpan {
  /** @return the legend label, "" for none */
  String label();
}
