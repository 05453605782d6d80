package org.cevns.analysis.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cevns.analysis.fit.GroupImpacts;
import org.cevns.analysis.plot.GroupImpactPlotBuilder;
import org.cevns.analysis.plot.PlotFiles;
import org.cevns.analysis.plot.ValueFormat;
import org.cevns.analysis.report.TerminalTable.Align;

/**
 * The impact breakdown of the parameters of interest ({@link GroupImpacts}) as a terminal table (a row per group,
 * a column per parameter of interest, cells "minus / plus") and as one ranking plot per parameter of interest,
 * {@code PREFIX_POI.{png,svg,pdf}} ({@code impacts_groups_mu}, {@code expected_impacts_groups_sin2_theta_w}, …).
 */
public final class ImpactOutputs {
  /** File name prefix of the fit's plots. */
  public static final String FIT_PREFIX = "impacts_groups_";
  /** File name prefix of the expected (Asimov) plots of {@code cevns sensitivity} and {@code cevns run}. */
  public static final String EXPECTED_PREFIX = "expected_impacts_groups_";

  /** The cell of an impact not defined because that end of the interval is at the parameter's bound. */
  static final String AT_BOUND = "n/a (bound)";
  /** Between the provenance label and the bound note under a plot's title (as between the label's parts). */
  private static final String LABEL_SEPARATOR = "  \u00b7  ";

  private ImpactOutputs() {}

  /** The table, or "" without impacts. */
  public static String table(List<GroupImpacts> impacts, String title) {
    if (impacts.isEmpty()) {
      return "";
    }
    List<String> groups = new ArrayList<>();
    for (GroupImpacts g : impacts) {
      g.rows().stream().map(GroupImpacts.Row::group).filter(x -> !groups.contains(x)).forEach(groups::add);
    }
    var b = TerminalTable.builder(title).column("group", Align.LEFT);
    for (GroupImpacts g : impacts) {
      b.column(g.poi(), Align.LEFT);
    }
    boolean limits = false;
    for (String group : groups) {
      List<String> cells = new ArrayList<>();
      cells.add(group);
      for (GroupImpacts g : impacts) {
        Optional<GroupImpacts.Row> r = g.row(group);
        cells.add(r.map(x -> cell(x.minus(), g.lowerAtBound(), x.minusLowerLimit()) + " / "
            + cell(x.plus(), g.upperAtBound(), x.plusLowerLimit())).orElse(""));
        limits |= r.map(x -> x.minusLowerLimit() || x.plusLowerLimit()).orElse(false);
      }
      b.row(cells.toArray(new String[0]));
    }
    StringBuilder notes = new StringBuilder();
    for (GroupImpacts g : impacts) {
      if (g.atBound()) {
        notes.append(AT_BOUND).append(": ").append(g.poi()).append("'s interval ends at its bound ")
            .append(g.lowerAtBound() && g.upperAtBound() ? "on both sides" : g.lowerAtBound() ? "below" : "above")
            .append(": impacts there not defined\n");
      }
    }
    if (limits) {
      notes.append(LOWER_LIMIT_NOTE);
    }
    return b.build().render() + notes;
  }

  /**
   * The line the plot of {@code g} adds under its title when an end of the interval is at the parameter's bound
   * (no bars on that side: the impacts there are not defined), else "". The statistical row has no bar there either:
   * its half-width on that side is that of the interval with every nuisance held, usually itself the distance to the
   * bound (the total's dashed line), which a bar would show as if it were the statistical part of the uncertainty;
   * the table and summary.json give its number with their note.
   */
  static String boundNote(GroupImpacts g) {
    if (!g.atBound()) {
      return "";
    }
    return (g.lowerAtBound() && g.upperAtBound() ? "both ends" : g.lowerAtBound() ? "lower end" : "upper end")
        + " of the interval at its bound: no impacts there";
  }

  /**
   * A half-width or impact with 2 significant digits, marked {@link SensitivityOutputs#CUT} if a lower limit;
   * {@value #AT_BOUND} for an impact not defined at a bound.
   */
  private static String cell(double x, boolean atBound, boolean lowerLimit) {
    return atBound && Double.isNaN(x) ? AT_BOUND : (lowerLimit ? SensitivityOutputs.CUT : "") + ValueFormat.number(x, 2);
  }

  /** The line under an impact table with a lower limit. */
  static final String LOWER_LIMIT_NOTE = "> : the interval ends at the parameter's range, the one with that group held"
      + " inside it: the impact is at least this\n";

  /**
   * One ranking plot per parameter of interest into {@code plots}, named {@code prefix + poi}, each labelled with
   * {@code provenance} ("" for none) under its title.
   */
  public static List<Path> plots(List<GroupImpacts> impacts, String experiment, String provenance, String prefix,
      Path plots) throws IOException {
    List<Path> out = new ArrayList<>();
    for (GroupImpacts g : impacts) {
      Files.createDirectories(plots);
      out.addAll(PlotFiles.writeAll(chart(g, experiment, provenance, prefix), plots, prefix + g.poi()));
    }
    return out;
  }

  /** The ranking plot of one parameter of interest. */
  static org.jfree.chart.JFreeChart chart(GroupImpacts g, String experiment, String provenance, String prefix) {
    String note = boundNote(g);
    GroupImpactPlotBuilder p = GroupImpactPlotBuilder.create().poi(g.poi()).title(experiment + ": "
        + (prefix.equals(EXPECTED_PREFIX) ? "expected " : "") + "impact of each group on " + g.poi())
        .provenance(note.isEmpty() ? provenance : provenance.isEmpty() ? note : provenance + LABEL_SEPARATOR + note);
    g.row(GroupImpacts.TOTAL).ifPresent(t -> p.total(t.minus(), t.plus()));
    for (GroupImpacts.Row r : g.rows()) {
      if (!r.group().equals(GroupImpacts.TOTAL)) {
        // a lower limit is drawn as no bar, as an impact not defined (the table and summary.json give it); on a side
        // at the bound no row has a bar, the statistical one included (the note under the title says so)
        p.add(r.group(), r.minusLowerLimit() || g.lowerAtBound() ? Double.NaN : r.minus(),
            r.plusLowerLimit() || g.upperAtBound() ? Double.NaN : r.plus());
      }
    }
    return p.build();
  }
}
