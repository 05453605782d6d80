package org.cevns.analysis.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A label split into runs of normal, superscript and subscript text. Markup: {@code ^{...}} and
 * {@code _{...}} (no nesting); a {@code ^} or {@code _} not followed by '{' is literal, as is an
 * unclosed group.
 *
 * @param runs the runs, in order
 */
public record RichText(List<Run> runs) {
  /** Size of a super/subscript relative to the base font size. */
  public static final double SCRIPT_SCALE = 0.7;
  /** Baseline shift of a superscript, upwards, as a fraction of the base font size. */
  public static final double SUPER_SHIFT = 0.38;
  /** Baseline shift of a subscript, downwards, as a fraction of the base font size. */
  public static final double SUB_SHIFT = 0.18;

  /** Vertical placement of a run. */
  public enum Script {
    /** On the baseline. */
    NORMAL,
    /** Raised and smaller. */
    SUPER,
    /** Lowered and smaller. */
    SUB;

    /** @return font size factor */
    public double scale() {
      return this == NORMAL ? 1.0 : SCRIPT_SCALE;
    }

    /** @return baseline shift in units of the base font size, positive downwards (screen y) */
    public double shift() {
      return this == SUPER ? -SUPER_SHIFT : this == SUB ? SUB_SHIFT : 0.0;
    }
  }

  /**
   * One run of text.
   *
   * @param text the characters
   * @param script placement
   */
  public record Run(String text, Script script) {
    /** Validates the run. */
    public Run {
      Checks.notNull("run text", text);
      Checks.notNull("run script", script);
    }
  }

  /** Copies the runs. */
  public RichText {
    runs = List.copyOf(Checks.notNull("runs", runs));
  }

  /**
   * Parses markup.
   *
   * @param markup text with optional {@code ^{}} / {@code _{}} groups
   * @return the runs (empty runs dropped)
   */
  public static RichText parse(String markup) {
    Checks.notNull("text", markup);
    List<Run> runs = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < markup.length()) {
      char c = markup.charAt(i);
      if ((c == '^' || c == '_') && i + 1 < markup.length() && markup.charAt(i + 1) == '{') {
        int close = markup.indexOf('}', i + 2);
        if (close > 0) {
          flush(runs, plain);
          String group = markup.substring(i + 2, close);
          if (!group.isEmpty()) {
            runs.add(new Run(group, c == '^' ? Script.SUPER : Script.SUB));
          }
          i = close + 1;
          continue;
        }
      }
      plain.append(c);
      i++;
    }
    flush(runs, plain);
    return new RichText(runs);
  }

  private static void flush(List<Run> runs, StringBuilder plain) {
    if (plain.length() > 0) {
      runs.add(new Run(plain.toString(), Script.NORMAL));
      plain.setLength(0);
    }
  }

  /** @return the characters without markup */
  public String plainText() {
    StringBuilder sb = new StringBuilder();
    for (Run r : runs) {
      sb.append(r.text());
    }
    return sb.toString();
  }

  /** @return true if there is no text */
  public boolean isEmpty() {
    return runs.isEmpty();
  }
}
