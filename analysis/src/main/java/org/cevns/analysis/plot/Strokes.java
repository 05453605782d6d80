package org.cevns.analysis.plot;

/** Dash patterns shared by both canvases so dashed lines look the same in PNG and SVG. */
final class Strokes {
  private Strokes() {}

  /** Dash lengths (on, off) in pixels for a style whose width is already in output pixels; null = solid. */
  static double[] pattern(Style style) {
    double w = style.widthPx();
    return switch (style.dash()) {
      case SOLID -> null;
      case DASHED -> new double[] {Math.max(4.5 * w, 6), Math.max(3 * w, 4)};
      case DOTTED -> new double[] {0.01, Math.max(2.2 * w, 3)};
    };
  }

  /** Dotted lines use round caps (dots); others butt caps. */
  static boolean roundCap(Style style) {
    return style.dash() == Style.Dash.DOTTED;
  }
}
