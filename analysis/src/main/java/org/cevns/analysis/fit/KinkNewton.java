package org.cevns.analysis.fit;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.DecompositionSolver;

/**
 * Continues a {@link ProjectedNewton} run that stalled on a kink of the deviance: a sample's content V_s,i(p)
 * (template + histosys, {@link SampleTerms}) clipped at zero, max(V, 0). On either side of V = 0 the deviance is
 * smooth; where the minimum sits on the kink, Newton's quadratic model of one side points across it and the line
 * search only shortens the steps. An active-set Newton method on the kinks (as for inequality constraints; Nocedal
 * &amp; Wright, Numerical Optimization, 2nd ed., §16.5 and §18.1):
 *
 * <ol>
 *   <li>bound-held parameters as in {@link ProjectedNewton} (at a bound, gradient outwards);
 *   <li>the active kinks: those of the last step, then those the unconstrained Newton step d₀ crosses (V and
 *       V + ∇V·d₀ of opposite signs), nearest first, each kept only if its gradient ∇V is independent of the kinks
 *       already taken (in the H⁻¹ metric);
 *   <li>the Newton step on the active kinks: minimise gᵀd + ½dᵀHd subject to ∇V_j·d = −V_j (the Schur complement
 *       of the KKT system), then halve until D decreases;
 *   <li>stationary on the kinks (½dᵀHd and Σ|c_j V_j| below {@link ProjectedNewton#DECREMENT}) is a minimum only if
 *       every multiplier lies within the subdifferential of its kink: with c_j = ∂D/∂V_j from the side where the
 *       content is live (sample factor × dD/dν of the bin), the gradient from the clipped side is −(λ_j + σ_j c_j)∇V_j
 *       (σ_j = 1 if the content is live at x) and needs 0 ≤ λ_j + σ_j c_j ≤ c_j; otherwise the kink of the largest
 *       violation is released (not taken again in this run) and the iterations continue.
 * </ol>
 *
 * <p>The result is flagged converged only at such a verified minimum; {@link Fitter} falls back to the
 * derivative-free path otherwise. Not thread-safe (the likelihood's scratch buffers).
 */
final class KinkNewton {
  /** Iteration limit of a continuation (seen: 1–6 on the CsI toys). */
  static final int MAX_ITERATIONS = 40;
  private static final int MAX_HALVINGS = 40;
  /** Tolerance of the multiplier test, relative to |c_j|. */
  private static final double MULTIPLIER_SLACK = 1e-6;
  /** A kink's gradient counts as independent if this fraction of its H⁻¹-norm² is left after the projection. */
  private static final double INDEPENDENT = 1e-8;
  /** A kink the Newton step crosses within this fraction of its length counts as one the point sits on. */
  private static final double AT_POINT = 1e-3;
  /** A kink within this many Hesse σ of the point (along its gradient) counts as one the point sits on. */
  private static final double AT_POINT_SIGMA = 1e-7;

  /** The outcome: the best point, its deviance, whether it is a verified minimum, the deviance evaluations. */
  record Result(double[] x, double value, boolean converged, int evaluations) {}

  /** A clipped content: sample s, bin i of the sample. */
  private record Kink(int s, int i) {}

  private final PoissonLikelihood likelihood;
  private final SampleTerms terms;

  KinkNewton(PoissonLikelihood likelihood) {
    this.likelihood = likelihood;
    this.terms = likelihood.model().terms;
  }

  /** Minimises D over {@code free} within [lo, hi] from {@code start} (a stall point of {@link ProjectedNewton}). */
  Result minimise(double[] start, int[] free, double[] lo, double[] hi) {
    double[] x = start.clone();
    double f = likelihood.deviance(x);
    int evaluations = 1;
    List<Kink> active = new ArrayList<>();
    List<Kink> released = new ArrayList<>();
    for (int iter = 0; iter < MAX_ITERATIONS && Double.isFinite(f); iter++) {
      double[] g = likelihood.gradient(x);
      int[] act = new int[free.length];
      int m = 0;
      for (int k : free) {
        if (!(x[k] <= lo[k] && g[k] > 0 || x[k] >= hi[k] && g[k] < 0)) {
          act[m++] = k;
        }
      }
      if (m == 0) {
        return new Result(x, f, true, evaluations);
      }
      act = java.util.Arrays.copyOf(act, m);
      double[][] h = likelihood.hessian(x, false);
      DecompositionSolver hInv = KktSteps.factor(h, act);
      if (hInv == null) {
        h = KktSteps.ridged(likelihood.hessian(x, true), act);
        hInv = KktSteps.factor(h, act);
        if (hInv == null) {
          break;
        }
      }
      KinkGradients kg = new KinkGradients(terms, x, act);
      double[] gF = new double[m];
      for (int a = 0; a < m; a++) {
        gF[a] = g[act[a]];
      }
      double[] slopes = likelihood.binSlopes(x);
      boolean moved = false;
      boolean releasedOne = false;
      for (List<Kink> candidate : candidateSets(kg, active, released, KktSteps.solve(hInv, gF, -1.0))) {
        List<Kink> taken = independent(kg, candidate, hInv, m);
        int nk = taken.size();
        double[][] rows = new double[nk][];
        double[] vK = new double[nk];
        double[] c = new double[nk];
        double residual = 0;
        for (int j = 0; j < nk; j++) {
          Kink k = taken.get(j);
          rows[j] = kg.gradient(k.s(), k.i());
          vK[j] = kg.content(k.s(), k.i());
          c[j] = terms.factor(k.s(), x) * slopes[terms.sampleOffset[k.s()] + k.i()];
          residual += Math.abs(c[j] * vK[j]);
        }
        double[] lambda = new double[nk];
        double[] d = KktSteps.constrainedStep(hInv, gF, rows, vK, lambda);
        if (d == null) {
          continue;
        }
        double curvature = 0;
        for (int a = 0; a < m; a++) {
          for (int b = 0; b < m; b++) {
            curvature += 0.5 * d[a] * h[act[a]][act[b]] * d[b];
          }
        }
        double[] y = x.clone();
        // a step whose predicted gain is below rounding (a point stationary on the kinks) gets one evaluation: the
        // halvings of the line search (up to 40) found at most a rounding-level decrease there
        boolean tiny = curvature < 1e3 * ProjectedNewton.DECREMENT && residual < 1e3 * ProjectedNewton.DECREMENT;
        double fy = lineSearch(x, f, d, act, lo, hi, y, tiny ? 1 : MAX_HALVINGS);
        evaluations += lastHalvings;
        boolean accepted = fy < f;
        boolean stationary = curvature < ProjectedNewton.DECREMENT && residual < ProjectedNewton.DECREMENT
            || !accepted && curvature < 1e3 * ProjectedNewton.DECREMENT && residual < 1e3 * ProjectedNewton.DECREMENT;
        if (accepted && (!stationary || f - fy > ProjectedNewton.DECREMENT)) {
          x = y;
          f = fy;
          active = taken;
          moved = true;
          break;
        }
        if (!stationary) {
          continue;
        }
        if (accepted) {
          x = y;
          f = fy;
        }
        int worst = worstMultiplier(lambda, c, vK);
        if (worst < 0) {
          // a minimum if no other kink at the point is concave (c < 0: D falls on both of its sides)
          return new Result(x, f, !concaveKinkAt(kg, taken, slopes, x, h, act), evaluations);
        }
        released.add(taken.get(worst));
        active = new ArrayList<>(taken);
        active.remove(worst);
        releasedOne = true;
        break;
      }
      if (!moved && !releasedOne) {
        return new Result(x, f, false, evaluations);
      }
    }
    return new Result(x, f, false, evaluations);
  }

  private int lastHalvings;

  /**
   * True if a kink not in {@code taken} lies at x (within {@value #AT_POINT_SIGMA} of the parameters' Hesse scale
   * along its gradient) and is concave there (c_j &lt; 0): the step that ignored it is not at a minimum.
   */
  private boolean concaveKinkAt(KinkGradients kg, List<Kink> taken, double[] slopes, double[] x, double[][] h,
      int[] act) {
    double[] scale = new double[act.length];
    for (int a = 0; a < act.length; a++) {
      scale[a] = Math.sqrt(2.0 / Math.max(h[act[a]][act[a]], 1e-300));
    }
    for (int s = 0; s < kg.contents.length; s++) {
      if (kg.contents[s] == null) {
        continue;
      }
      for (int i = 0; i < kg.contents[s].length; i++) {
        double[] gv = kg.gradient(s, i);
        double reach = 0;
        for (int a = 0; a < gv.length; a++) {
          reach += Math.abs(gv[a]) * scale[a];
        }
        if (reach > 0 && Math.abs(kg.contents[s][i]) <= AT_POINT_SIGMA * reach
            && !taken.contains(new Kink(s, i))
            && terms.factor(s, x) * slopes[terms.sampleOffset[s] + i] < -1e-12) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * D at the first of x + t·d (t = 1, ½, …, at most {@code maxTries} points, clipped to the box) below f, written to
   * y; else the last value tried.
   */
  private double lineSearch(double[] x, double f, double[] d, int[] act, double[] lo, double[] hi, double[] y,
      int maxTries) {
    double fy = Double.NaN;
    double t = 1.0;
    lastHalvings = 0;
    for (int halving = 0; halving < maxTries; halving++, t *= 0.5) {
      for (int a = 0; a < act.length; a++) {
        int k = act[a];
        y[k] = Math.min(Math.max(x[k] + t * d[a], lo[k]), hi[k]);
      }
      fy = likelihood.deviance(y);
      lastHalvings++;
      if (fy < f) {
        break;
      }
    }
    return fy;
  }

  /**
   * The index of the kink whose multiplier lies farthest outside its subdifferential range [−σc, (1 − σ)c], or −1 if
   * none does (a minimum on the kinks).
   */
  private static int worstMultiplier(double[] lambda, double[] c, double[] v) {
    int worst = -1;
    double most = 0;
    for (int j = 0; j < lambda.length; j++) {
      double sigma = v[j] > 0 ? 1.0 : 0.0;
      double low = Math.min(-sigma * c[j], (1 - sigma) * c[j]);
      double high = Math.max(-sigma * c[j], (1 - sigma) * c[j]);
      double slack = MULTIPLIER_SLACK * Math.abs(c[j]) + 1e-12;
      double out = Math.max(low - slack - lambda[j], lambda[j] - high - slack);
      if (c[j] < 0) {
        out = Math.max(out, -c[j]); // a concave kink is never a minimum
      }
      if (out > most) {
        most = out;
        worst = j;
      }
    }
    return worst;
  }

  /**
   * The kink sets to try, in order: the active kinks with those d₀ crosses at the point (within {@value #AT_POINT}
   * of the step) and the nearest one beyond; without the one beyond; the active kinks alone; none.
   */
  private static List<List<Kink>> candidateSets(KinkGradients kg, List<Kink> active, List<Kink> released,
      double[] d0) {
    List<double[]> crossing = new ArrayList<>();
    for (int s = 0; s < kg.contents.length; s++) {
      if (kg.contents[s] == null) {
        continue;
      }
      for (int i = 0; i < kg.contents[s].length; i++) {
        double v = kg.contents[s][i];
        double dv = KktSteps.dot(kg.gradient(s, i), d0);
        double after = v + dv;
        if (v > 0 && after < 0 || v <= 0 && after > 0) {
          Kink k = new Kink(s, i);
          if (!active.contains(k) && !released.contains(k)) {
            crossing.add(new double[] {v / (v - after), s, i});
          }
        }
      }
    }
    crossing.sort((p, q) -> Double.compare(p[0], q[0]));
    List<Kink> atPoint = new ArrayList<>(active);
    Kink beyond = null;
    for (double[] c : crossing) {
      Kink k = new Kink((int) c[1], (int) c[2]);
      if (c[0] <= AT_POINT) {
        atPoint.add(k);
      } else {
        beyond = k;
        break;
      }
    }
    List<List<Kink>> sets = new ArrayList<>();
    if (beyond != null) {
      List<Kink> all = new ArrayList<>(atPoint);
      all.add(beyond);
      sets.add(all);
    }
    sets.add(atPoint);
    if (atPoint.size() > active.size()) {
      sets.add(active);
    }
    if (!active.isEmpty()) {
      sets.add(List.of());
    }
    return sets;
  }

  /** The kinks of {@code ordered} whose gradients are independent of those before them (H⁻¹ metric), at most m − 1. */
  private static List<Kink> independent(KinkGradients kg, List<Kink> ordered, DecompositionSolver hInv, int m) {
    List<Kink> taken = new ArrayList<>();
    List<double[]> basis = new ArrayList<>(); // H⁻¹-orthonormalised gradients of the kinks taken
    for (Kink k : ordered) {
      if (taken.size() >= m - 1) {
        break;
      }
      double[] a = kg.gradient(k.s(), k.i());
      double norm0 = KktSteps.dot(a, KktSteps.solveInverse(hInv, a));
      if (!(norm0 > 0)) {
        continue;
      }
      for (double[] b : basis) {
        double proj = KktSteps.dot(a, KktSteps.solveInverse(hInv, b));
        for (int q = 0; q < a.length; q++) {
          a[q] -= proj * b[q];
        }
      }
      double left = KktSteps.dot(a, KktSteps.solveInverse(hInv, a));
      if (left > INDEPENDENT * norm0) {
        double inv = 1.0 / Math.sqrt(left);
        for (int q = 0; q < a.length; q++) {
          a[q] *= inv;
        }
        basis.add(a);
        taken.add(k);
      }
    }
    return taken;
  }
}
