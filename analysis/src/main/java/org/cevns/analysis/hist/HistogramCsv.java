package org.cevns.analysis.hist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CSV export of histograms. 1D: header {@code bin_low,bin_high,content,error}, one row per in-range bin
 * (under/overflow are not written). 2D: header {@code x_low,x_high,y_low,y_high,content,error}, rows ordered
 * by the flat index {@code iy * nx + ix}. Numbers are written with {@link Double#toString} (round-trip exact).
 */
final class HistogramCsv {
  /** Header of the 1D CSV. */
  public static final String HEADER_1D = "bin_low,bin_high,content,error";
  /** Header of the 2D CSV. */
  public static final String HEADER_2D = "x_low,x_high,y_low,y_high,content,error";

  private HistogramCsv() {}

  /** The 1D CSV as text (lines end with '\n'). */
  public static String toCsv(Histogram1D h) {
    StringBuilder sb = new StringBuilder();
    append(h, sb);
    return sb.toString();
  }

  /** The 2D CSV as text (lines end with '\n'). */
  public static String toCsv(Histogram2D h) {
    StringBuilder sb = new StringBuilder();
    append(h, sb);
    return sb.toString();
  }

  /** Writes the 1D CSV to {@code file} (UTF-8, replaced if present). */
  public static void write(Histogram1D h, Path file) {
    write(toCsv(h), file);
  }

  /** Writes the 2D CSV to {@code file} (UTF-8, replaced if present). */
  public static void write(Histogram2D h, Path file) {
    write(toCsv(h), file);
  }

  private static void write(String text, Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write histogram CSV " + file, e);
    }
  }

  private static void append(Histogram1D h, StringBuilder sb) {
    sb.append(HEADER_1D).append('\n');
    BinEdges e = h.edges();
    for (int i = 0; i < h.nBins(); i++) {
      sb.append(e.lowEdge(i)).append(',').append(e.highEdge(i)).append(',')
          .append(h.content(i)).append(',').append(h.error(i)).append('\n');
    }
  }

  private static void append(Histogram2D h, StringBuilder sb) {
    sb.append(HEADER_2D).append('\n');
    BinEdges x = h.xEdges();
    BinEdges y = h.yEdges();
    for (int iy = 0; iy < y.nBins(); iy++) {
      for (int ix = 0; ix < x.nBins(); ix++) {
        sb.append(x.lowEdge(ix)).append(',').append(x.highEdge(ix)).append(',')
            .append(y.lowEdge(iy)).append(',').append(y.highEdge(iy)).append(',')
            .append(h.content(ix, iy)).append(',').append(h.error(ix, iy)).append('\n');
      }
    }
  }
}
