package org.cevns.analysis.plot;

/** A pixel rectangle (legend, notes, tag text). */
record Box(double x, double y, double w, double h) {
  double right() {
    return x + w;
  }

  double bottom() {
    return y + h;
  }

  Box grow(double d) {
    return new Box(x - d, y - d, w + 2 * d, h + 2 * d);
  }
}
