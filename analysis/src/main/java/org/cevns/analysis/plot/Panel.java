package org.cevns.analysis.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * One plot area: its y axis, the series drawn in list order, a legend and optional text notes
 * (e.g. {@code "μ̂ = 1.02 +0.21 −0.19"}), both placed in a corner where they hide the least data.
 *
 * @param y the y axis
 * @param series series in drawing order (later on top)
 * @param notes lines of text shown in a box, may be empty
 * @param legend legend placement
 */
public record Panel(Axis y, List<Series> series, List<String> notes, LegendPosition legend) {
  /** Where the legend (and the notes box, in another free corner) goes. */
  public enum LegendPosition {
    /** The corner or edge centre that hides the least data; the y range grows if none is free. */
    AUTO,
    /** No legend. */
    NONE,
    /** Upper right. */
    UPPER_RIGHT,
    /** Upper left. */
    UPPER_LEFT,
    /** Lower right. */
    LOWER_RIGHT,
    /** Lower left. */
    LOWER_LEFT
  }

  /** Validates and copies the lists. */
  public Panel {
    Checks.notNull("panel y axis", y);
    Checks.notNull("panel series", series);
    Checks.notNull("panel notes", notes);
    Checks.notNull("panel legend", legend);
    for (int i = 0; i < series.size(); i++) {
      Checks.notNull("panel series[" + i + "]", series.get(i));
    }
    for (int i = 0; i < notes.size(); i++) {
      Checks.notNull("panel notes[" + i + "]", notes.get(i));
    }
    series = List.copyOf(series);
    notes = List.copyOf(notes);
  }

  /**
   * @param y the y axis
   * @param series the series
   * @return a panel with an automatic legend and no notes
   */
  public static Panel of(Axis y, Series... series) {
    return new Panel(y, List.of(series), List.of(), LegendPosition.AUTO);
  }

  /**
   * @param y the y axis
   * @param series the series
   * @return a panel with an automatic legend and no notes
   */
  public static Panel of(Axis y, List<? extends Series> series) {
    return new Panel(y, List.copyOf(series), List.of(), LegendPosition.AUTO);
  }

  /**
   * @param more series to draw after the existing ones
   * @return this panel with more series
   */
  public Panel with(Series... more) {
    List<Series> all = new ArrayList<>(series);
    all.addAll(List.of(more));
    return new Panel(y, all, notes, legend);
  }

  /**
   * @param lines note lines
   * @return this panel with notes
   */
  public Panel withNotes(String... lines) {
    return new Panel(y, series, List.of(lines), legend);
  }

  /**
   * @param position legend position
   * @return this panel with another legend placement
   */
  public Panel withLegend(LegendPosition position) {
    return new Panel(y, series, notes, position);
  }

  /**
   * @param axis the new y axis
   * @return this panel with another y axis
   */
  public Panel withY(Axis axis) {
    return new Panel(axis, series, notes, legend);
  }
}
