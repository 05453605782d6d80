package org.cevns.analysis.plot;

import static org.cevns.analysis.plot.PlotLayout.BOX_INSET_PX;
import static org.cevns.analysis.plot.PlotLayout.BOX_PAD_PX;
import static org.cevns.analysis.plot.PlotLayout.GLYPH_W_PX;
import static org.cevns.analysis.plot.PlotLayout.LEGEND_PX;
import static org.cevns.analysis.plot.PlotLayout.TAG_PX;
import static org.cevns.analysis.plot.PlotLayout.TICK_LEN_PX;
import static org.cevns.analysis.plot.PlotLayout.rowHeight;
import static org.cevns.analysis.plot.PlotLayout.textHeight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cevns.analysis.plot.PlotLayout.PanelLayout;

/**
 * Where the text boxes of a panel go: line tags first (the end of the line hiding the least data),
 * then the legend and the notes in the corner (or top centre) covering the fewest occupied cells.
 */
final class Placement {
  private Placement() {}

  /** Fraction of the frame height to keep free at the top when a box found no free corner. */
  static double neededReserve(PanelLayout pl, double s) {
    double need = 0;
    double h = pl.frame().height();
    if (pl.legend() != null && pl.panel().legend() == Panel.LegendPosition.AUTO && pl.legendHits() > 0) {
      need = (pl.legend().h() + 2 * s * BOX_INSET_PX) / h;
    }
    if (pl.notes() != null && pl.notesHits() > 0) {
      need = Math.max(need, (pl.notes().h() + 2 * s * BOX_INSET_PX) / h);
    }
    return need;
  }

  static PanelLayout panel(Panel p, Frame f, TickSet yTicks, boolean residual, double s) {
    List<Series> entries = new ArrayList<>();
    for (Series series : p.series()) {
      if (!series.label().isBlank()) {
        entries.add(series);
      }
    }
    Occupancy occ = Occupancy.of(p, f, s);
    Map<Integer, Box> tags = new HashMap<>();
    for (int i = 0; i < p.series().size(); i++) {
      Box[] candidates = null;
      if (p.series().get(i) instanceof HLine h && !h.tag().isEmpty()) {
        candidates = tagBoxes(h, f, s);
      } else if (p.series().get(i) instanceof VLine v && !v.tag().isEmpty()) {
        candidates = tagBoxes(v, f, s);
      }
      if (candidates != null) {
        Box best = fewestHits(candidates, occ, s);
        occ.markBox(best);
        tags.put(i, best);
      }
    }
    Box legend = null;
    int legendHits = 0;
    if (!entries.isEmpty() && p.legend() != Panel.LegendPosition.NONE) {
      double tw = 0;
      for (Series e : entries) {
        tw = Math.max(tw, TextMetrics.width(RichText.parse(e.label()), s * LEGEND_PX, false));
      }
      double bw = 2 * s * BOX_PAD_PX + s * GLYPH_W_PX + s * BOX_PAD_PX + tw;
      double bh = 2 * s * BOX_PAD_PX + entries.size() * rowHeight(s) - (rowHeight(s) - textHeight(s * LEGEND_PX));
      legend = place(bw, bh, f, occ, p.legend(), s);
      legendHits = occ.count(legend.grow(3 * s));
      occ.markBox(legend);
    }
    Box notes = null;
    int notesHits = 0;
    if (!p.notes().isEmpty()) {
      double tw = 0;
      for (String line : p.notes()) {
        tw = Math.max(tw, TextMetrics.width(RichText.parse(line), s * LEGEND_PX, false));
      }
      double bh = 2 * s * BOX_PAD_PX + p.notes().size() * rowHeight(s) - (rowHeight(s) - textHeight(s * LEGEND_PX));
      notes = place(2 * s * BOX_PAD_PX + tw, bh, f, occ, Panel.LegendPosition.AUTO, s);
      notesHits = occ.count(notes.grow(3 * s));
    }
    return new PanelLayout(p, f, yTicks, residual, entries, legend, notes, tags, legendHits, notesHits);
  }

  /** Candidate positions in order of preference; the first with the fewest covered cells wins. */
  private static Box place(double bw, double bh, Frame f, Occupancy occ, Panel.LegendPosition pos,
      double s) {
    double in = s * BOX_INSET_PX;
    double l = f.left() + in;
    double r = f.right() - in - bw;
    double c = f.left() + 0.5 * (f.width() - bw);
    double t = f.top() + in;
    double b = f.bottom() - in - bh;
    Box[] candidates = switch (pos) {
      case UPPER_RIGHT -> new Box[] {new Box(r, t, bw, bh)};
      case UPPER_LEFT -> new Box[] {new Box(l, t, bw, bh)};
      case LOWER_RIGHT -> new Box[] {new Box(r, b, bw, bh)};
      case LOWER_LEFT -> new Box[] {new Box(l, b, bw, bh)};
      default -> new Box[] {new Box(r, t, bw, bh), new Box(l, t, bw, bh), new Box(c, t, bw, bh),
          new Box(r, b, bw, bh), new Box(l, b, bw, bh)};
    };
    return fewestHits(candidates, occ, s);
  }

  /** The first candidate covering the fewest occupied cells (with a 3 px margin). */
  private static Box fewestHits(Box[] candidates, Occupancy occ, double s) {
    Box best = candidates[0];
    int bestCount = Integer.MAX_VALUE;
    for (Box box : candidates) {
      int n = occ.count(box.grow(3 * s));
      if (n < bestCount) {
        best = box;
        bestCount = n;
      }
    }
    return best;
  }

  /** Tag positions of a horizontal line, in order of preference: above/below, right/left end. */
  static Box[] tagBoxes(HLine line, Frame f, double s) {
    double size = s * TAG_PX;
    double w = TextMetrics.width(RichText.parse(line.tag()), size, false);
    double hgt = TextMetrics.capHeight(size) + 0.3 * size;
    double y = f.py(line.y());
    double gap = 4 * s;
    double inset = (TICK_LEN_PX + 5) * s;
    double above = y - gap - hgt;
    double below = y + gap;
    double right = f.right() - inset - w;
    double left = f.left() + inset;
    if (above < f.top() + 2) {
      return new Box[] {new Box(right, below, w, hgt), new Box(left, below, w, hgt)};
    }
    if (below + hgt > f.bottom() - 2) {
      return new Box[] {new Box(right, above, w, hgt), new Box(left, above, w, hgt)};
    }
    return new Box[] {new Box(right, above, w, hgt), new Box(left, above, w, hgt),
        new Box(right, below, w, hgt), new Box(left, below, w, hgt)};
  }

  /** Tag positions of a vertical line: at the top, right of the line, else left of it. */
  static Box[] tagBoxes(VLine line, Frame f, double s) {
    double size = s * TAG_PX;
    double w = TextMetrics.width(RichText.parse(line.tag()), size, false);
    double hgt = TextMetrics.capHeight(size) + 0.3 * size;
    double x = f.px(line.x());
    double gap = 5 * s;
    double top = f.top() + (TICK_LEN_PX + 3) * s;
    Box right = new Box(x + gap, top, w, hgt);
    Box left = new Box(x - gap - w, top, w, hgt);
    return right.right() > f.right() - 2 ? new Box[] {left} : new Box[] {right, left};
  }

}
