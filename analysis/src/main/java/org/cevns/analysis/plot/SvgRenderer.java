package org.cevns.analysis.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Renders a {@link Plot} to a standalone SVG 1.1 document (UTF-8, font-family sans-serif), laid out by
 * the same {@link PlotLayout} as the PNG.
 */
public final class SvgRenderer {
  private SvgRenderer() {}

  /**
   * @param plot the plot
   * @return the SVG document
   */
  public static String render(Plot plot) {
    PlotLayout layout = PlotLayout.of(plot);
    SvgCanvas canvas = new SvgCanvas(plot.widthPx(), plot.heightPx(), plot.title());
    layout.paint(canvas);
    return canvas.finish();
  }

  /**
   * Writes the SVG under a temporary name beside {@code file} and renames it. Parent directories are
   * created.
   *
   * @param plot the plot
   * @param file target path
   * @throws IOException if writing fails (the temporary file is removed)
   */
  public static void write(Plot plot, Path file) throws IOException {
    PlotFiles.writeAtomically(file, render(plot).getBytes(StandardCharsets.UTF_8));
  }
}
