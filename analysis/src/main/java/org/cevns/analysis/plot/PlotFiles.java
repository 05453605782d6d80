package org.cevns.analysis.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** Writes plots to files chosen by extension, always through a temporary file and a rename. */
public final class PlotFiles {
  private PlotFiles() {}

  /**
   * Writes a plot as PNG or SVG, chosen by the file extension ({@code .png} or {@code .svg}, any case).
   *
   * @param plot the plot
   * @param file target path
   * @throws IOException if writing fails
   */
  public static void write(Plot plot, Path file) throws IOException {
    Checks.notNull("plot", plot);
    String name = Checks.notNull("plot file", file).getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      PngRenderer.write(plot, file);
    } else if (name.endsWith(".svg")) {
      SvgRenderer.write(plot, file);
    } else {
      throw new IllegalArgumentException("plot file must end in .png or .svg, got " + file);
    }
  }

  /**
   * Writes bytes to {@code .NAME.inprogress} beside the target, then renames it over the target
   * (atomically where the file system allows); removes the temporary file on failure.
   */
  static void writeAtomically(Path target, byte[] content) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = abs.resolveSibling("." + abs.getFileName() + ".inprogress");
    try {
      try (OutputStream os = Files.newOutputStream(tmp)) {
        os.write(content);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }
}
