package org.cevns.analysis.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Renders a {@link Plot} to PNG with Java2D, headless ({@code java.awt.headless=true} is set unless
 * already chosen), antialiased, font "SansSerif".
 */
public final class PngRenderer {
  static {
    Headless.ensure();
  }

  private PngRenderer() {}

  /**
   * @param plot the plot
   * @return an RGB image of the plot's size
   */
  public static BufferedImage render(Plot plot) {
    PlotLayout layout = PlotLayout.of(plot);
    BufferedImage image = new BufferedImage(plot.widthPx(), plot.heightPx(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      layout.paint(new Java2dCanvas(g));
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * @param plot the plot
   * @return the PNG file content
   */
  public static byte[] toBytes(Plot plot) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try {
      if (!ImageIO.write(render(plot), "png", bytes)) {
        throw new IllegalStateException("no PNG writer available in this JDK");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes the PNG under a temporary name beside {@code file} and renames it, so no partial plot ever
   * carries the final name. Parent directories are created.
   *
   * @param plot the plot
   * @param file target path
   * @throws IOException if writing fails (the temporary file is removed)
   */
  public static void write(Plot plot, Path file) throws IOException {
    byte[] png = toBytes(plot);
    PlotFiles.writeAtomically(file, png);
  }
}
