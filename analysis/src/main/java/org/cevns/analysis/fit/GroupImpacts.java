package org.cevns.analysis.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The impact of groups of nuisance parameters on the 68.27 % interval of a parameter of interest, by subtraction in
 * quadrature of Wilks interval half-widths (as ATLAS/CMS uncertainty breakdowns are made): with σ± the distances of
 * the full profile-likelihood interval's ends from the best fit and σ±(without G) those of the profile likelihood
 * with the group G's nuisances held at their best-fit values (a {@link ProfileLikelihood#holding} view; every other
 * nuisance still profiled), G's impact is
 *
 * <pre>
 *   impact±(G) = √max(0, σ±² − σ±(without G)²)     (lower and upper half-widths separately)
 * </pre>
 *
 * Rows, per parameter of interest: {@value #TOTAL} (σ±), {@value #STATISTICAL} (every nuisance held at its best fit,
 * the template-statistics factors of Barlow–Beeston-lite frozen there too: {@link FrozenTemplateStatistics}),
 * {@value #SYSTEMATIC_TOTAL} (√(total² − statistical²)), then one row per group with members in the model, ranked by
 * the mean of its two impacts (the defined one when a side is at a bound), largest first;
 * {@value #TEMPLATE_STATISTICS} (the frozen factors alone) among them when the model has template-statistics terms.
 * Groups overlap in nothing, but correlated nuisances make the group rows add up in quadrature to the systematic
 * total only approximately. An interval that cannot be found gives NaN.
 *
 * <p>On a side where the full interval ends at the parameter's bound ({@link Interval#lowerAtBound},
 * {@link Interval#upperAtBound}: q stays below Δ up to the bound, e.g. a nuclear radius best fit near its lower
 * limit), σ is the distance to the bound, not a half-width of the likelihood: holding any group (or every nuisance)
 * leaves an interval that usually reaches the bound too, so the subtraction would give 0 (or rounding noise, ~1e-8)
 * for every group whatever its real effect. The quadrature rows ({@value #SYSTEMATIC_TOTAL} and the groups) are NaN
 * on such a side, "not defined", and {@link #lowerAtBound}/{@link #upperAtBound} say why; {@value #TOTAL} keeps the
 * distance from the best fit to the bound, {@value #STATISTICAL} its own interval's half-width (itself at the bound
 * or not). Where the interval with the group held (or every nuisance held, for {@value #SYSTEMATIC_TOTAL}) ends
 * inside the range on that side, its half-width σ(without G) is one of the likelihood, and the full interval's
 * unrestricted half-width is at least the distance to the bound (q is below Δ there): the quadrature value is then a
 * lower limit of the impact, reported as such ({@link Row#minusLowerLimit}, {@link Row#plusLowerLimit}; "&gt; " in
 * the tables, {@code minus_lower_limit} in summary.json); where that interval reaches the bound too it stays NaN.
 *
 * @param poi the parameter of interest
 * @param rows total, statistical, systematic total, then the groups
 * @param lowerAtBound true if the total interval's lower end is the parameter's lower bound (minus impacts NaN)
 * @param upperAtBound true if the total interval's upper end is the parameter's upper bound (plus impacts NaN)
 */
public record GroupImpacts(String poi, List<Row> rows, boolean lowerAtBound, boolean upperAtBound) {
  /** The total row. */
  public static final String TOTAL = "total";
  /** The statistical-only row. */
  public static final String STATISTICAL = "statistical";
  /** The total systematic row, √(total² − statistical²). */
  public static final String SYSTEMATIC_TOTAL = "systematic_total";
  /** The group of the template Monte Carlo statistics (Barlow–Beeston-lite factors). */
  public static final String TEMPLATE_STATISTICS = "template_statistics";

  /**
   * One row.
   *
   * @param poi parameter of interest
   * @param group {@link #TOTAL}, {@link #STATISTICAL}, {@link #SYSTEMATIC_TOTAL} or a group name
   * @param minus the lower half-width (or impact on it), &ge; 0 or NaN
   * @param plus the upper half-width (or impact on it), &ge; 0 or NaN
   * @param minusLowerLimit true if {@code minus} is a lower limit of the impact (the interval's lower end at the bound,
   *     the one with the group held inside it: class comment)
   * @param plusLowerLimit as {@code minusLowerLimit} for {@code plus}
   */
  public record Row(String poi, String group, double minus, double plus, boolean minusLowerLimit,
      boolean plusLowerLimit) {
    /** A row of values (no lower limit). */
    public Row(String poi, String group, double minus, double plus) {
      this(poi, group, minus, plus, false, false);
    }

    /** The mean of the two, the ranking key. */
    public double size() {
      return 0.5 * (minus + plus);
    }
  }

  public GroupImpacts {
    rows = List.copyOf(rows);
  }

  /** Rows of an interval with neither end at a bound. */
  public GroupImpacts(String poi, List<Row> rows) {
    this(poi, rows, false, false);
  }

  /** True if either end of the total interval is at the parameter's bound (some impacts are then NaN). */
  public boolean atBound() {
    return lowerAtBound || upperAtBound;
  }

  /** The row of {@code group}, if present. */
  public java.util.Optional<Row> row(String group) {
    return rows.stream().filter(r -> r.group().equals(group)).findFirst();
  }

  /**
   * The impacts on the parameter of interest of {@code pl}, whose 68.27 % interval is {@code total}.
   *
   * @param groups group name → parameter names (names not in the model, fixed or the parameter of interest are
   *     ignored; a group left without members gets no row)
   */
  public static GroupImpacts of(ProfileLikelihood pl, Interval total, Map<String, List<String>> groups) {
    return of(pl, total, groups, List.of());
  }

  /**
   * As {@link #of(ProfileLikelihood, Interval, Map)}, with the parameters named in {@code profiled} (e.g. the other
   * parameter of interest of a two-POI fit) profiled in every row, the statistical one included, and in no group.
   */
  public static GroupImpacts of(ProfileLikelihood pl, Interval total, Map<String, List<String>> groups,
      List<String> profiled) {
    BinnedModel m = pl.model();
    FitResult best = pl.bestFit();
    double[] p = best.parameters();
    boolean[] floating = best.floating();
    int poi = pl.poiIndex();
    String poiName = m.parameterNames().get(poi);
    double tm = total.minusError();
    double tp = total.plusError();
    List<Row> rows = new ArrayList<>();
    rows.add(new Row(poiName, TOTAL, tm, tp));
    List<Integer> all = new ArrayList<>();
    for (int k = 1; k < m.nParameters(); k++) {
      if (floating[k] && k != poi && !profiled.contains(m.parameterNames().get(k))) {
        all.add(k);
      }
    }
    boolean frozen = FrozenTemplateStatistics.applies(m);
    BinnedModel frozenModel = frozen ? FrozenTemplateStatistics.of(m, pl.data(), p) : null;
    Interval stat;
    if (!frozen && all.isEmpty()) {
      stat = total;
    } else {
      ProfileLikelihood base = frozen ? ProfileLikelihood.of(frozenModel, pl.data(), pl.options(), poiName,
          floating[0]) : pl;
      stat = held(base, toArray(all), p);
    }
    rows.add(new Row(poiName, STATISTICAL, minus(stat), plus(stat)));
    rows.add(impacts(poiName, SYSTEMATIC_TOTAL, total, stat));
    List<Row> groupRows = new ArrayList<>();
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      List<Integer> members = new ArrayList<>();
      for (String name : g.getValue()) {
        int k = m.parameterNames().indexOf(name);
        if (k > 0 && all.contains(k) && !members.contains(k)) {
          members.add(k);
        }
      }
      if (!members.isEmpty()) {
        groupRows.add(impacts(poiName, g.getKey(), total, held(pl, toArray(members), p)));
      }
    }
    if (frozen) {
      groupRows.add(impacts(poiName, TEMPLATE_STATISTICS, total, held(ProfileLikelihood.of(frozenModel, pl.data(),
          pl.options(), poiName, floating[0]), new int[0], p)));
    }
    boolean lo = total.lowerAtBound();
    boolean hi = total.upperAtBound();
    // ranked by the mean of the two impacts, or by the one defined when the other side is at a bound
    groupRows.sort(Comparator.comparingDouble((Row r) -> {
      double k = lo ? r.plus() : hi ? r.minus() : r.size();
      return Double.isNaN(k) ? Double.POSITIVE_INFINITY : -k;
    }));
    rows.addAll(groupRows);
    return new GroupImpacts(poiName, rows, lo, hi);
  }

  /** The 68.27 % interval of {@code pl} with {@code held} held at their values in {@code p} (null if not found). */
  private static Interval held(ProfileLikelihood pl, int[] held, double[] p) {
    try {
      return pl.holding(held, p).interval68();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static double minus(Interval i) {
    return i == null ? Double.NaN : i.minusError();
  }

  private static double plus(Interval i) {
    return i == null ? Double.NaN : i.plusError();
  }

  /**
   * The row of {@code group}: on each side the quadrature of the total half-width and {@code without}'s (the interval
   * with the group held); where the total interval ends at the bound, a lower limit if {@code without} ends inside
   * the range there, else NaN (class comment).
   */
  private static Row impacts(String poi, String group, Interval total, Interval without) {
    boolean lowerInside = without != null && !without.lowerAtBound();
    boolean upperInside = without != null && !without.upperAtBound();
    double m = total.lowerAtBound() && !lowerInside ? Double.NaN : quadrature(total.minusError(), minus(without));
    double q = total.upperAtBound() && !upperInside ? Double.NaN : quadrature(total.plusError(), plus(without));
    return new Row(poi, group, m, q, total.lowerAtBound() && lowerInside, total.upperAtBound() && upperInside);
  }

  /** √max(0, a² − b²). */
  static double quadrature(double a, double b) {
    return Math.sqrt(Math.max(0.0, a * a - b * b));
  }

  private static int[] toArray(List<Integer> a) {
    return a.stream().mapToInt(Integer::intValue).toArray();
  }
}
