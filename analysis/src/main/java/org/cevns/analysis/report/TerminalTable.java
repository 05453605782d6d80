package org.cevns.analysis.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one-screen text table: a title, a header row, rows and separators, columns aligned left, right
 * or on the decimal point, at most {@link #MAX_WIDTH} (100) columns wide — the widest left-aligned
 * cells are shortened with "…" when needed, a long title is wrapped at spaces. Width counts Unicode code points (no East Asian wide
 * characters expected).
 *
 * <pre>{@code
 * String s = TerminalTable.builder("CONUS+ C2, ON period")
 *     .column("component", Align.LEFT).column("counts", Align.DECIMAL)
 *     .row("CEvNS", "395 ± 106").separator().row("total", "1234.5").build().render();
 * }</pre>
 */
public final class TerminalTable {
  /** Largest line width in characters. */
  public static final int MAX_WIDTH = 100;
  private static final String GAP = "  ";
  private static final Pattern NUMBER = Pattern.compile("[-+\u2212]?(\\d+)(\\.\\d*)?");

  /** Column alignment. */
  public enum Align {
    /** Left aligned (text). */
    LEFT,
    /** Right aligned. */
    RIGHT,
    /** The first number of every cell aligned on its decimal point (or its last digit). */
    DECIMAL
  }

  private final String title;
  private final List<String> headers;
  private final List<Align> aligns;
  private final List<String[]> rows;

  private TerminalTable(String title, List<String> headers, List<Align> aligns, List<String[]> rows) {
    this.title = title;
    this.headers = List.copyOf(headers);
    this.aligns = List.copyOf(aligns);
    List<String[]> copy = new ArrayList<>();
    for (String[] r : rows) {
      copy.add(r == null ? null : r.clone());
    }
    this.rows = copy;
  }

  /**
   * @param title title line ("" for none)
   * @return a builder
   */
  public static Builder builder(String title) {
    return new Builder(notNull("table title", title));
  }

  /** Collects columns and rows. */
  public static final class Builder {
    private final String title;
    private final List<String> headers = new ArrayList<>();
    private final List<Align> aligns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    private Builder(String title) {
      this.title = title;
    }

    /**
     * @param header column header
     * @param align alignment
     * @return this builder
     */
    public Builder column(String header, Align align) {
      if (!rows.isEmpty()) {
        throw new IllegalStateException("table columns must be declared before the first row");
      }
      headers.add(notNull("table column header", header));
      aligns.add(notNull("table column align", align));
      return this;
    }

    /**
     * @param cells one cell per column (null prints as empty)
     * @return this builder
     */
    public Builder row(String... cells) {
      if (cells.length != headers.size()) {
        throw new IllegalArgumentException(
            "table row must have " + headers.size() + " cells, got " + cells.length + ": " + Arrays.toString(cells));
      }
      String[] r = new String[cells.length];
      for (int i = 0; i < cells.length; i++) {
        r[i] = cells[i] == null ? "" : cells[i].replace('\n', ' ').replace('\t', ' ');
      }
      rows.add(r);
      return this;
    }

    /** @return this builder with a horizontal rule before the next row */
    public Builder separator() {
      rows.add(null);
      return this;
    }

    /** @return the table */
    public TerminalTable build() {
      if (headers.isEmpty()) {
        throw new IllegalArgumentException("table needs at least one column, got none");
      }
      return new TerminalTable(title, headers, aligns, rows);
    }
  }

  /** @return the table within {@link #MAX_WIDTH} columns, lines ending in '\n' */
  public String render() {
    return render(MAX_WIDTH);
  }

  /**
   * @param maxWidth largest line width, at least 20
   * @return the table, lines ending in '\n'
   */
  public String render(int maxWidth) {
    if (maxWidth < 20) {
      throw new IllegalArgumentException("table maxWidth must be >= 20, got " + maxWidth);
    }
    int n = headers.size();
    List<String[]> cells = new ArrayList<>();
    for (String[] r : rows) {
      cells.add(r == null ? null : alignDecimal(r));
    }
    int[] w = new int[n];
    for (int c = 0; c < n; c++) {
      w[c] = len(headers.get(c));
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i) != null) {
          w[c] = Math.max(w[c], len(cells.get(i)[c]));
        }
      }
    }
    shrink(w, maxWidth - GAP.length() * (n - 1));
    int total = GAP.length() * (n - 1);
    for (int x : w) {
      total += x;
    }
    StringBuilder sb = new StringBuilder();
    if (!title.isEmpty()) {
      for (String l : wrap(title, maxWidth)) {
        sb.append(l).append('\n');
      }
    }
    sb.append(line(headers.toArray(String[]::new), w, true)).append('\n');
    sb.append("\u2500".repeat(total)).append('\n');
    for (String[] r : cells) {
      sb.append(r == null ? "\u2500".repeat(total) : line(r, w, false)).append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return render();
  }

  /** Pads decimal-aligned cells so their numbers line up; other columns unchanged. */
  private String[] alignDecimal(String[] r) {
    String[] out = r.clone();
    for (int c = 0; c < r.length; c++) {
      if (aligns.get(c) != Align.DECIMAL) {
        continue;
      }
      int maxLeft = 0;
      int maxRight = 0;
      for (String[] other : rows) {
        if (other != null) {
          int split = splitPoint(other[c]);
          maxLeft = Math.max(maxLeft, len(other[c].substring(0, split)));
          maxRight = Math.max(maxRight, len(other[c].substring(split)));
        }
      }
      int split = splitPoint(r[c]);
      String left = r[c].substring(0, split);
      String right = r[c].substring(split);
      out[c] = " ".repeat(maxLeft - len(left)) + left + right + " ".repeat(maxRight - len(right));
    }
    return out;
  }

  /** Index of the decimal point of the first number, or just after its last digit; end if none. */
  private static int splitPoint(String cell) {
    Matcher m = NUMBER.matcher(cell);
    if (!m.find()) {
      return cell.length();
    }
    return m.group(2) != null ? m.start(2) : m.end(1);
  }

  /** Shortens the widest LEFT columns (then any column) until the sum fits. */
  private void shrink(int[] w, int budget) {
    int sum = Arrays.stream(w).sum();
    for (boolean leftOnly : new boolean[] {true, false}) {
      while (sum > budget) {
        int widest = -1;
        for (int c = 0; c < w.length; c++) {
          if ((!leftOnly || aligns.get(c) == Align.LEFT) && w[c] > 4 && (widest < 0 || w[c] > w[widest])) {
            widest = c;
          }
        }
        if (widest < 0) {
          break;
        }
        w[widest]--;
        sum--;
      }
    }
  }

  private String line(String[] r, int[] w, boolean header) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < r.length; c++) {
      if (c > 0) {
        sb.append(GAP);
      }
      String cell = fit(r[c], w[c]);
      int pad = w[c] - len(cell);
      boolean left = aligns.get(c) == Align.LEFT;
      if (left) {
        sb.append(cell).append(" ".repeat(pad));
      } else {
        sb.append(" ".repeat(pad)).append(cell);
      }
    }
    return stripTrailing(sb.toString());
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * {@code text} broken at spaces into lines of at most {@code width} code points (a title is not cut with "…"
   * while it can be wrapped); a single word longer than that is shortened.
   */
  static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String word : text.split(" ", -1)) {
      if (cur.length() > 0 && len(cur.toString()) + 1 + len(word) > width) {
        out.add(fit(cur.toString(), width));
        cur.setLength(0);
      } else if (cur.length() > 0) {
        cur.append(' ');
      }
      cur.append(word);
    }
    out.add(fit(cur.toString(), width));
    return out;
  }

  private static String fit(String s, int width) {
    if (len(s) <= width) {
      return s;
    }
    int cut = s.offsetByCodePoints(0, Math.max(0, width - 1));
    return s.substring(0, cut) + "\u2026";
  }

  static int len(String s) {
    return s.codePointCount(0, s.length());
  }

  private static <T> T notNull(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }
}
