package org.cevns.analysis.plot;

import java.util.Optional;

/**
 * A complete plot description: title, shared x axis, main panel and an optional second panel below
 * it sharing the x axis (a residual panel such as "ON − OFF"; its automatic y range is symmetric
 * about zero). Rendered identically by {@link PngRenderer} and {@link SvgRenderer}.
 *
 * @param title title above the plot, may be empty
 * @param x the shared x axis
 * @param main the main (upper) panel
 * @param lower the lower panel or null
 * @param widthPx image width in pixels
 * @param heightPx image height in pixels
 */
public record Plot(String title, Axis x, Panel main, Panel lower, int widthPx, int heightPx) {
  /** Default image width in pixels. */
  public static final int DEFAULT_WIDTH_PX = 1000;
  /** Default image height in pixels. */
  public static final int DEFAULT_HEIGHT_PX = 700;
  /** Smallest allowed width or height in pixels. */
  public static final int MIN_SIZE_PX = 200;
  /** Largest allowed width or height in pixels. */
  public static final int MAX_SIZE_PX = 10000;

  /** Validates the plot. */
  public Plot {
    Checks.notNull("plot title", title);
    Checks.notNull("plot x axis", x);
    Checks.notNull("plot main panel", main);
    checkSize("plot widthPx", widthPx);
    checkSize("plot heightPx", heightPx);
  }

  private static void checkSize(String name, int px) {
    if (px < MIN_SIZE_PX || px > MAX_SIZE_PX) {
      throw new IllegalArgumentException(
          name + " must be in [" + MIN_SIZE_PX + ", " + MAX_SIZE_PX + "], got " + px);
    }
  }

  /**
   * @param title the title
   * @param x the x axis
   * @param main the main panel
   * @return a single-panel plot of the default size
   */
  public static Plot of(String title, Axis x, Panel main) {
    return new Plot(title, x, main, null, DEFAULT_WIDTH_PX, DEFAULT_HEIGHT_PX);
  }

  /**
   * @param panel the lower panel (null removes it)
   * @return this plot with a lower panel sharing the x axis
   */
  public Plot withLower(Panel panel) {
    return new Plot(title, x, main, panel, widthPx, heightPx);
  }

  /**
   * @param width width in pixels
   * @param height height in pixels
   * @return this plot at another size (fonts and lines scale with min(width/1000, height/700))
   */
  public Plot withSize(int width, int height) {
    return new Plot(title, x, main, lower, width, height);
  }

  /**
   * @param axis the new x axis
   * @return this plot with another x axis
   */
  public Plot withX(Axis axis) {
    return new Plot(title, axis, main, lower, widthPx, heightPx);
  }

  /** @return the lower panel, if any */
  public Optional<Panel> lowerPanel() {
    return Optional.ofNullable(lower);
  }
}
