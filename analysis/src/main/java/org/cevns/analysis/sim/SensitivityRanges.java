package org.cevns.analysis.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.Systematic;
import org.cevns.analysis.fit.PhysicsParameter;
import org.cevns.analysis.pipeline.TemplateSystematics;
import org.cevns.analysis.reweight.CrossSectionFamily;
import org.cevns.analysis.reweight.NewPhysicsRanges;
import org.cevns.detsim.sim.ExpectedDetected;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.physics.xs.bsm.NewPhysics;
import org.cevns.physics.xs.bsm.NewPhysicsBounds;

/**
 * Default ranges of new-physics parameters of interest given without a grid ({@code fit --poi NAME}, {@code scan}'s
 * POIs without a grid, {@code analysis.parameters} of {@code sensitivity}, {@code run}, {@code analyze}, {@code toys}:
 * every command, {@link #prepare}) from the configuration's expected sensitivity instead of a fixed scale of the
 * parameter's group ({@link NewPhysicsRanges}; 1e-9 μ_B, far above the reach of a xenon electron-recoil experiment,
 * made the template simulation 10⁷ events). The expected detected signal N_k(x) of each (detector, period, window) key is
 * integrated numerically ({@link ExpectedDetected}, no event is simulated) at the configured value v and at
 * v ± t (and v ± 2t): the detected rate is a polynomial of degree 2 in every parameter handled here (|amplitude|²
 * with the amplitude linear in μ_ν, Q_ν, ⟨r²⟩, a dipole or a single coupling), of degree 4 in a mediator's common
 * coupling g (amplitude ∝ g²), so these points give N_k(x) everywhere (one or two integrations per round). The counting Δχ² of the keys, with V_k = N_k(v) + B_k
 * (Poisson, B the backgrounds) and one signal normalisation of relative size σ (the normalisation systematics of
 * {@code analysis.systematics} in quadrature) profiled analytically,
 * Δχ² = Σ d_k²/V_k − (Σ d_k N_k/V_k)² / (Σ N_k²/V_k + 1/σ²) with d_k = N_k(x) − N_k(v), gives the expected 95 %
 * CL reach r± on each side (Δχ² = {@value #DELTA_CHI2}); the range is [v − h₋, v + h₊] with
 * h± = max(3|v|, {@value #REACH_FACTOR} r±), inside the parameter's validity bound. Done twice: with t the group
 * scale, then, if the rounding of the counts at ±2t exceeds 10⁻³ of their change at the reach (a t far above it),
 * with t the reach found. Counting ignores the spectral shape (and a binned fit's systematics beyond one
 * normalisation), so r is an estimate: xenon-solar-er μ_ν 6.4e-12 μ_B, the 90 % CL limit of its scan on simulated
 * data 8.4e-12 (docs/new-physics.md, rangesens). NSI and NGI ε and masses keep their
 * ranges (ε of O(1) holds the second NSI solution; masses span nominal/10 … 10 × nominal); a parameter without a
 * detectable response up to its bound keeps the group scale.
 */
public final class SensitivityRanges {
  /** Δχ² of the reach: two-sided 95 % CL of one parameter. */
  static final double DELTA_CHI2 = 3.841;
  /** Half-width of a default range in units of the expected 95 % CL reach. */
  static final double REACH_FACTOR = 4;

  /**
   * The range chosen for one parameter.
   *
   * @param name the scan name
   * @param lower lower end
   * @param upper upper end
   * @param reason one line for the log: the range and why
   */
  public record Choice(String name, double lower, double upper, String reason) {}

  private SensitivityRanges() {}

  /** Whether {@code name}'s default range follows the sensitivity (μ_ν, Q_ν, ⟨r²⟩, couplings, dipoles). */
  static boolean follows(String name) {
    return !NewPhysicsRanges.isMass(name) && NewPhysicsBounds.Group.of(name) != NewPhysicsBounds.Group.EPSILON;
  }

  /**
   * {@link #choose(SimulationSetup, AnalysisConfig, CrossSectionFamily, List)} with each choice's reason on
   * {@code log}: the one choice of every command that fits a new-physics parameter without a grid ({@code fit},
   * {@code scan}, {@code sensitivity}, and through {@link #prepare} {@code run}, {@code analyze}, {@code toys},
   * {@code mapreduce toys}).
   */
  public static List<Choice> choose(SimulationSetup setup, AnalysisConfig config, CrossSectionFamily family,
      List<String> names, Consumer<String> log) {
    List<Choice> out = choose(setup, config, family, names);
    out.forEach(c -> log.accept(c.reason()));
    return out;
  }

  /**
   * The templates of the configured point ({@link AnalysisJob#prepare(SimulationSetup, AnalysisConfig,
   * AnalysisJob.Options)}) with the default ranges of the new-physics parameters of {@code analysis.parameters}
   * chosen as for {@code fit} and {@code sensitivity} (logged): {@code run}, {@code analyze} and the toys
   * ({@code ToyJob}, once per study, not per toy). Their fits of those parameters used the fixed group scale
   * ({@link NewPhysicsRanges}), so one configuration had another range, and on coherent-csi no μ_ν limit (the
   * interval ended at ±1e-9 μ_B), in {@code run} than in {@code fit}. The range holds the toys' truth (the
   * configured value v: h ≥ 3|v|) and their spread (h ≥ {@value #REACH_FACTOR} × the 95 % CL reach, ~8 standard
   * deviations). Templates from a file have no reweighting family: nothing is chosen.
   */
  public static AnalysisJob.Prepared prepare(SimulationSetup setup, AnalysisConfig config, AnalysisJob.Options o)
      throws Exception {
    AnalysisJob.Prepared p = AnalysisJob.prepare(setup, config, o);
    Optional<CrossSectionFamily> family = p.systematics().family();
    return family.isEmpty() ? p : apply(p, choose(setup, config, family.get(), config.parameters(), o.log()));
  }

  /**
   * The ranges of the new-physics parameters of {@code names} that follow the sensitivity and are parameters of
   * {@code family} (others: none).
   */
  public static List<Choice> choose(SimulationSetup setup, AnalysisConfig config, CrossSectionFamily family,
      List<String> names) {
    NewPhysics point = setup.model().config().physics().newPhysics();
    List<Choice> out = new ArrayList<>();
    Map<String, double[]> base = null;
    for (String n : names) {
      Optional<PhysicsParameter> p = family.parameters().stream().filter(x -> x.name().equals(n)).findFirst();
      if (p.isEmpty() || !point.parameterNames().contains(n) || !follows(n)) {
        continue;
      }
      if (base == null) {
        base = counts(setup, setup.model());
      }
      out.add(choose(setup, config, point, p.get(), base));
    }
    return out;
  }

  private static Choice choose(SimulationSetup setup, AnalysisConfig config, NewPhysics point, PhysicsParameter p,
      Map<String, double[]> base) {
    String n = p.name();
    double v = p.nominal();
    double bound = NewPhysicsBounds.bound(n);
    double sigma2 = config.systematics().entries().stream().filter(Systematic::isNormalisation)
        .mapToDouble(e -> e.size() * e.size()).sum();
    double t = Math.min(NewPhysicsRanges.scale(n), (bound - Math.abs(v)) / 2);
    double[] reach = null;
    for (int round = 0; round < 2 && t > 0; round++) {
      double[][] poly = polynomial(setup, point, n, v, t, base);
      double[] r = {reach(poly, base, sigma2, -1, bound + v), reach(poly, base, sigma2, 1, bound - v)};
      if (Double.isNaN(r[0]) && Double.isNaN(r[1])) {
        break;
      }
      reach = r;
      if (!roundOff(poly, base, t, r)) {
        break; // the polynomial from ±t, ±2t is exact to rounding at the reach: no second round
      }
      double next = Math.min(Double.isNaN(r[0]) ? r[1] : r[0], Double.isNaN(r[1]) ? r[0] : r[1]);
      t = Math.min(next, (bound - Math.abs(v)) / 2);
    }
    if (reach == null) {
      double h = Math.max(3 * Math.abs(v), NewPhysicsRanges.scale(n));
      return new Choice(n, Math.max(v - h, -bound), Math.min(v + h, bound), String.format(Locale.ROOT,
          "default range of %s: [%.3g, %.3g] (no detectable response of the expected counts up to the bound %.3g:"
              + " the group scale)", n, Math.max(v - h, -bound), Math.min(v + h, bound), bound));
    }
    double lo = Double.isNaN(reach[0]) ? -bound : Math.max(-bound, v - Math.max(3 * Math.abs(v),
        REACH_FACTOR * reach[0]));
    double hi = Double.isNaN(reach[1]) ? bound : Math.min(bound, v + Math.max(3 * Math.abs(v),
        REACH_FACTOR * reach[1]));
    return new Choice(n, lo, hi, String.format(Locale.ROOT, "default range of %s: [%.3g, %.3g] (%.0f x the expected"
        + " 95 %% CL reach -%.3g/+%.3g of the expected counts around %.3g, within |x| <= %.3g)", n, lo, hi,
        REACH_FACTOR, reach[0], reach[1], v, bound));
  }

  /**
   * Per key, the coefficients of N_k(v + u) = Σ_j c_j u^j from the counts at u = 0, ±t (and ±2t for a mediator's
   * common g, degree 4): exact for the degree of {@code name} ({@link #quartic}); N(−t) = N(t) by symmetry, not
   * evaluated, for a parameter entering only squared ({@link #even}) at v = 0.
   */
  private static double[][] polynomial(SimulationSetup setup, NewPhysics point, String name, double v, double t,
      Map<String, double[]> base) {
    double[] u = quartic(name) ? new double[] {-2 * t, -t, 0, t, 2 * t} : new double[] {-t, 0, t};
    boolean mirror = v == 0 && even(name);
    // independent integrals, in parallel (the same numbers)
    List<Map<String, double[]>> at = java.util.stream.IntStream.range(0, u.length).parallel()
        .mapToObj(i -> u[i] == 0 || mirror && u[i] < 0 ? null
            : counts(setup, model(setup, point.with(name, v + u[i])))).toList();
    double[][] out = new double[base.size()][];
    int k = 0;
    for (String key : base.keySet()) {
      double[] y = new double[u.length];
      for (int i = 0; i < u.length; i++) {
        Map<String, double[]> m = u[i] == 0 ? base : at.get(i) == null ? at.get(u.length - 1 - i) : at.get(i);
        y[i] = m.getOrDefault(key, new double[2])[0];
      }
      out[k++] = coefficients(u, y);
    }
    return out;
  }

  /** Whether the rate is quadratic in {@code name}'s square (a mediator's common g: amplitude ∝ g²): degree 4. */
  static boolean quartic(String name) {
    return name.endsWith("].g");
  }

  /**
   * Whether the rate depends on {@code name} only through its square: magnetic and dipole moments (no interference
   * with the weak amplitude) and a mediator's common g (amplitude ∝ g²).
   */
  static boolean even(String name) {
    return name.startsWith("magnetic_moment_mub.") || name.startsWith("sterile.dipole_mub.") || quartic(name);
  }

  /** Relative rounding of the counts (a generous multiple of the double precision of a sum of ~10⁴ terms). */
  static final double ROUNDING = 1e-12;

  /**
   * Whether the rounding of the counts at ±2t ({@value #ROUNDING} of them) exceeds 10⁻³ of the count change at the
   * reach: a t far above the reach (a millicharge's 1/T² term at 1e-6 e), so a second round at t = the reach.
   */
  private static boolean roundOff(double[][] poly, Map<String, double[]> base, double t, double[] r) {
    double reach = Math.min(Double.isNaN(r[0]) ? r[1] : r[0], Double.isNaN(r[1]) ? r[0] : r[1]);
    double far = 0;
    double change = 0;
    for (double[] c : poly) {
      far = Math.max(far, Math.max(Math.abs(value(c, 2 * t)), Math.abs(value(c, -2 * t))));
      change = Math.max(change, Math.max(Math.abs(value(c, reach) - c[0]), Math.abs(value(c, -reach) - c[0])));
    }
    return ROUNDING * far > 1e-3 * change;
  }

  /** Coefficients of the interpolating polynomial through (x_i, y_i), by Newton's divided differences. */
  static double[] coefficients(double[] x, double[] y) {
    int n = x.length;
    double[] d = y.clone();
    for (int j = 1; j < n; j++) {
      for (int i = n - 1; i >= j; i--) {
        d[i] = (d[i] - d[i - 1]) / (x[i] - x[i - j]);
      }
    }
    double[] c = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      // c = c·(u − x_i) + d_i
      for (int j = n - 1; j > 0; j--) {
        c[j] = c[j - 1] - x[i] * c[j];
      }
      c[0] = d[i] - x[i] * c[0];
    }
    return c;
  }

  static double value(double[] c, double u) {
    double s = 0;
    for (int j = c.length - 1; j >= 0; j--) {
      s = s * u + c[j];
    }
    return s;
  }

  /** The counting Δχ² at offset u from the configured value (class javadoc). */
  static double deltaChi2(double[][] poly, Map<String, double[]> base, double sigma2, double u) {
    double dd = 0;
    double dn = 0;
    double nn = 0;
    int k = 0;
    for (double[] b : base.values()) {
      double[] c = poly[k++];
      double var = b[0] + b[1];
      if (var <= 0) {
        continue;
      }
      double d = Math.max(value(c, u), 0) - b[0];
      dd += d * d / var;
      dn += d * b[0] / var;
      nn += b[0] * b[0] / var;
    }
    return sigma2 > 0 ? dd - dn * dn / (nn + 1 / sigma2) : dd;
  }

  /** The smallest offset r in (0, max] on side {@code sign} where Δχ² reaches {@value #DELTA_CHI2}, or NaN. */
  private static double reach(double[][] poly, Map<String, double[]> base, double sigma2, int sign, double max) {
    double step = 1.25;
    double lo = max * 1e-12;
    if (!(max > 0) || deltaChi2(poly, base, sigma2, sign * lo) >= DELTA_CHI2) {
      return Double.NaN;
    }
    for (double hi = lo * step; hi <= max * step; hi *= step) {
      double h = Math.min(hi, max);
      if (deltaChi2(poly, base, sigma2, sign * h) >= DELTA_CHI2) {
        for (int i = 0; i < 40; i++) {
          double mid = Math.sqrt(lo * h);
          if (deltaChi2(poly, base, sigma2, sign * mid) >= DELTA_CHI2) {
            h = mid;
          } else {
            lo = mid;
          }
        }
        return h;
      }
      lo = h;
    }
    return Double.NaN;
  }

  private static ExperimentModel model(SimulationSetup setup, NewPhysics point) {
    var c = setup.model().config();
    return ExperimentModel.build(c.withPhysics(c.physics().withNewPhysics(point)));
  }

  /** Expected detected {signal, backgrounds} per detector/period/window of {@code model}. */
  private static Map<String, double[]> counts(SimulationSetup setup, ExperimentModel model) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (ExpectedDetected.Entry e : ExpectedDetected.of(model, setup.detsim(), setup.backgrounds())) {
      double[] s = out.computeIfAbsent(e.detectorIndex() + "/" + e.period() + "/" + e.window(), k -> new double[2]);
      s[e.component().equals("signal") ? 0 : 1] += e.expected();
    }
    return out;
  }

  /** {@code s} with the ranges of {@code choices} ({@link CrossSectionFamily#withRange}, 10 % padding). */
  public static TemplateSystematics apply(TemplateSystematics s, List<Choice> choices) {
    if (s.family().isEmpty() || choices.isEmpty()) {
      return s;
    }
    return s.withFamily(f -> {
      for (Choice c : choices) {
        f = f.withRange(c.name(), c.lower(), c.upper());
      }
      return f;
    });
  }

  /** {@code p} with the ranges of {@code choices}. */
  public static AnalysisJob.Prepared apply(AnalysisJob.Prepared p, List<Choice> choices) {
    return choices.isEmpty() ? p
        : new AnalysisJob.Prepared(p.binning(), p.templates(), p.windows(), apply(p.systematics(), choices),
            p.signal());
  }
}
