package org.cevns.analysis.plot;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.HashMap;
import java.util.Map;

/**
 * Text measurement with the logical font "SansSerif" and fractional metrics, shared by both renderers
 * so the PNG and SVG layouts are identical. Works headless (no display needed).
 */
final class TextMetrics {
  /** The logical font family used for PNG output and for all measurements. */
  static final String FAMILY = "SansSerif";
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final Map<Float, Font> PLAIN = new HashMap<>();
  private static final Map<Float, Font> BOLD = new HashMap<>();

  static {
    Headless.ensure();
  }

  private TextMetrics() {}

  static synchronized Font font(double sizePx, boolean bold) {
    float size = (float) sizePx;
    Map<Float, Font> cache = bold ? BOLD : PLAIN;
    return cache.computeIfAbsent(size, s -> new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(s));
  }

  /** Advance width of plain characters. */
  static double width(String text, double sizePx, boolean bold) {
    if (text.isEmpty()) {
      return 0;
    }
    return font(sizePx, bold).getStringBounds(text, FRC).getWidth();
  }

  /** Advance width of rich text. */
  static double width(RichText text, double sizePx, boolean bold) {
    double w = 0;
    for (RichText.Run run : text.runs()) {
      w += width(run.text(), sizePx * run.script().scale(), bold);
    }
    return w;
  }

  /** Ascent of the font (baseline to top of tall glyphs). */
  static double ascent(double sizePx) {
    return lineMetrics(sizePx).getAscent();
  }

  /** Descent of the font (baseline to bottom of descenders). */
  static double descent(double sizePx) {
    return lineMetrics(sizePx).getDescent();
  }

  /** Height of capital letters above the baseline, used to centre text vertically. */
  static double capHeight(double sizePx) {
    return font(sizePx, false).createGlyphVector(FRC, "H").getVisualBounds().getHeight();
  }

  private static LineMetrics lineMetrics(double sizePx) {
    return font(sizePx, false).getLineMetrics("Hgy", FRC);
  }
}
