package org.cevns.detsim.sim;

import static org.cevns.detsim.sim.ExpectedDetected.EVES_RECOIL_NODES;
import static org.cevns.detsim.sim.ExpectedDetected.MANY_BREAKPOINT_PANELS;
import static org.cevns.detsim.sim.ExpectedDetected.MAX_BREAKPOINTS;
import static org.cevns.detsim.sim.ExpectedDetected.RECOIL_NODES;
import static org.cevns.detsim.sim.ExpectedDetected.RECOIL_RANGE;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.cevns.generator.model.Channel;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.source.TabulatedSpectrum;
import org.cevns.physics.xs.GaussLegendre;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * The flux-averaged recoil spectrum g(T) = ∫ φ(E) dσ/dT(E, T) dE (cm²/MeV per target) of {@link ExpectedDetected} at
 * its {@value ExpectedDetected#RECOIL_NODES} + 1 recoil nodes T_j, uniform in ln T over [10⁻⁸ T_max, T_max], with
 * the nodes (MeV) kept beside it, so that the nodes are computed once per table (the same doubles each time); both
 * arrays are empty when T_max is not positive. The arrays are not copied: not to be modified.
 *
 * @param recoilMeV the recoil nodes T_j in MeV
 * @param density g(T_j) in cm²/MeV per target
 */
record RecoilTable(double[] recoilMeV, double[] density) {
  private static final RecoilTable EMPTY = new RecoilTable(new double[0], new double[0]);
  /** Initial capacity of the values of {@link #memoized}. */
  private static final int MEMO_CAPACITY = 2048;

  /** The table of channel {@code c} (its spectrum and cross section). */
  static RecoilTable of(Channel c) {
    RecoilCrossSection xs = c.xs();
    EnergySpectrum spectrum = c.component().spectrum();
    double tMax = xs.maxRecoilMeV(spectrum.maxEnergyMeV());
    if (!(tMax > 0)) {
      return EMPTY;
    }
    int intervals = c.process() == org.cevns.physics.Process.EVES ? EVES_RECOIL_NODES : RECOIL_NODES;
    double[] t = new double[intervals + 1];
    double[] g = new double[intervals + 1];
    double[] sorted = spectrum.breakpointsMeV().clone(); // once per table, not per node (the ⁸B table has ~800)
    Arrays.sort(sorted);
    // the spectrum at the nodes of the intervals between its breakpoints once for all T (same doubles)
    SpectrumNodeDensities nodes = spectrum.isLine() || sorted.length > MAX_BREAKPOINTS ? null
        : new SpectrumNodeDensities(spectrum, sorted, 2);
    SpectrumMoments moments = momentsOf(spectrum, xs, tMax);
    TabulatedNodeSum manyKnots = manyKnotsOf(spectrum, sorted);
    for (int j = 0; j <= intervals; j++) {
      t[j] = node(tMax, j, intervals);
      g[j] = density(spectrum, sorted, xs, t[j], nodes, moments, manyKnots);
    }
    return new RecoilTable(t, g);
  }

  /**
   * The g-weighted average of a function of the nodes: Simpson's rule over ln T of g·p over that of g (dT = T d ln T),
   * nodes with g = 0 left out; 0 for an empty table. {@code valueAtNode} gets the node's index j (T_j =
   * {@code recoilMeV()[j]}): the detected fraction of {@link ExpectedDetected} (p = P at each node) and the left-out
   * fraction of {@link DetectionFloors} (p = P below the floor, 0 above) are both this.
   */
  double average(java.util.function.IntToDoubleFunction valueAtNode) {
    double num = 0;
    double den = 0;
    for (int j = 0; j < density.length; j++) {
      if (!(density[j] > 0)) {
        continue;
      }
      double simpson = (j == 0 || j == density.length - 1) ? 1 : (j % 2 == 1 ? 4 : 2);
      double w = simpson * density[j] * recoilMeV[j];
      num += w * valueAtNode.applyAsDouble(j);
      den += w;
    }
    return den > 0 ? num / den : 0.0;
  }

  /**
   * As {@link #average(java.util.function.IntToDoubleFunction)}, but each Simpson panel [T_2i, T_2i+2] that holds one
   * of {@code stepsMeV} (points where g or p may step: Simpson's rule assumes both smooth, and a step inside a panel
   * costs a fraction of the panel) is integrated piecewise between the steps, 16-point Gauss–Legendre in ln T on each
   * piece with g = {@code densityAt}(T) and p = {@code valueAt}(T) computed there. Without a step inside any panel,
   * the same number as Simpson's rule on the nodes.
   *
   * @param stepsMeV sorted recoil energies in MeV
   */
  double average(java.util.function.IntToDoubleFunction valueAtNode, double[] stepsMeV, DoubleUnaryOperator densityAt,
      DoubleUnaryOperator valueAt) {
    int n = density.length - 1;
    if (n < 2 || n % 2 != 0) {
      return average(valueAtNode);
    }
    double h = Math.log(recoilMeV[n] / recoilMeV[0]) / n;
    double[] sums = new double[2]; // ∫ g·p, ∫ g
    int k = 0;
    for (int a = 0; a + 2 <= n; a += 2) {
      double lo = recoilMeV[a];
      double hi = recoilMeV[a + 2];
      while (k < stepsMeV.length && stepsMeV[k] <= lo) {
        k++;
      }
      if (k < stepsMeV.length && stepsMeV[k] < hi) {
        // the pieces [lo, s_k], [s_k, s_k+1], ..., [s_last, hi] of the steps inside this panel, in order
        double left = Math.log(lo);
        for (int m = k; m < stepsMeV.length && stepsMeV[m] < hi; m++) {
          double right = Math.log(stepsMeV[m]);
          addPiece(left, right, densityAt, valueAt, sums);
          left = right;
        }
        addPiece(left, Math.log(hi), densityAt, valueAt, sums);
        continue;
      }
      for (int j = a; j <= a + 2; j++) {
        if (density[j] > 0) {
          double w = h / 3 * (j == a + 1 ? 4 : 1) * density[j] * recoilMeV[j];
          sums[0] += w * valueAtNode.applyAsDouble(j);
          sums[1] += w;
        }
      }
    }
    return sums[1] > 0 ? sums[0] / sums[1] : 0.0;
  }

  /** Adds ∫ g·p and ∫ g over ln T in [{@code left}, {@code right}] (16-point Gauss–Legendre) to sums[0] and sums[1]. */
  private static void addPiece(double left, double right, DoubleUnaryOperator densityAt, DoubleUnaryOperator valueAt,
      double[] sums) {
    double half = 0.5 * (right - left);
    double mid = 0.5 * (right + left);
    for (int i = 0; i < GaussLegendre.POINTS; i++) {
      double t = Math.exp(mid + half * GaussLegendre.node(i));
      double g = densityAt.applyAsDouble(t);
      if (g > 0) {
        double w = half * GaussLegendre.weight(i) * g * t;
        sums[0] += w * valueAt.applyAsDouble(t);
        sums[1] += w;
      }
    }
  }

  /** T_j in MeV of a table of {@code intervals} intervals. */
  static double node(double tMax, int j, int intervals) {
    double lnLo = Math.log(tMax * RECOIL_RANGE);
    double h = (Math.log(tMax) - lnLo) / intervals;
    return j == intervals ? tMax : Math.exp(lnLo + j * h);
  }

  /**
   * g(T) of channel {@code c} as a function of T in MeV, its spectrum's breakpoints sorted once for all T (the same
   * doubles as {@link #density(EnergySpectrum, RecoilCrossSection, double)}, which sorts them at every call).
   */
  static DoubleUnaryOperator densityOf(Channel c) {
    return densityOf(c.component().spectrum(), c.xs());
  }

  /**
   * g(T) = ∫ φ(E) dσ/dT(E, T) dE in cm²/MeV per target as a function of T in MeV, the breakpoints sorted once;
   * exactly from the spectrum's running moments where {@link SpectrumMoments} applies (as {@link RecoilTable#of}).
   */
  static DoubleUnaryOperator densityOf(EnergySpectrum spectrum, RecoilCrossSection xs) {
    double[] sorted = spectrum.breakpointsMeV().clone();
    Arrays.sort(sorted);
    SpectrumMoments moments = momentsOf(spectrum, xs, xs.maxRecoilMeV(spectrum.maxEnergyMeV()));
    TabulatedNodeSum manyKnots = manyKnotsOf(spectrum, sorted);
    return t -> density(spectrum, sorted, xs, t, null, moments, manyKnots);
  }

  /**
   * {@code g} with each value kept: a T asked again gets the value computed first (the same double, since g is a
   * function of T alone), not computed again. Thread-safe when {@code g} is; two threads asking a new T at once may
   * both compute it (the same double).
   */
  static DoubleUnaryOperator memoized(DoubleUnaryOperator g) {
    // sized for the ~1,500 recoils of the step pieces of a 47-knot efficiency table (xenonnt-b8): no rehashing
    java.util.Map<Double, Double> values = new java.util.concurrent.ConcurrentHashMap<>(MEMO_CAPACITY);
    return t -> {
      Double v = values.get(t);
      if (v == null) {
        v = g.applyAsDouble(t);
        values.putIfAbsent(t, v);
      }
      return v;
    };
  }

  /**
   * The one-loop quadrature of a tabulated spectrum with more than {@value ExpectedDetected#MAX_BREAKPOINTS}
   * breakpoints ({@link TabulatedNodeSum}), else null.
   */
  private static TabulatedNodeSum manyKnotsOf(EnergySpectrum spectrum, double[] sorted) {
    return spectrum instanceof TabulatedSpectrum t && sorted.length > MAX_BREAKPOINTS ? new TabulatedNodeSum(t) : null;
  }

  /**
   * The running moments of {@code spectrum} when g(T) can be computed from them (a tabulated spectrum and a cross
   * section polynomial in 1/E at fixed T, {@link RecoilCrossSection#inverseEnergyCoefficients}), else null.
   */
  private static SpectrumMoments momentsOf(EnergySpectrum spectrum, RecoilCrossSection xs, double tMaxMeV) {
    return tMaxMeV > 0 && xs.inverseEnergyCoefficients(tMaxMeV) != null ? SpectrumMoments.of(spectrum) : null;
  }

  /** g(T) = ∫ φ(E) dσ/dT(E, T) dE in cm²/MeV per target, by quadrature over E. */
  static double density(EnergySpectrum spectrum, RecoilCrossSection xs, double recoilMeV) {
    return density(spectrum, xs, recoilMeV, null);
  }

  /** As {@link #density(EnergySpectrum, RecoilCrossSection, double)}, reading and filling {@code nodes}. */
  static double density(EnergySpectrum spectrum, RecoilCrossSection xs, double recoilMeV,
      SpectrumNodeDensities nodes) {
    double[] sorted = spectrum.breakpointsMeV().clone();
    Arrays.sort(sorted);
    return density(spectrum, sorted, xs, recoilMeV, nodes, null, null);
  }

  /**
   * {@link #density(EnergySpectrum, RecoilCrossSection, double)} with the spectrum's breakpoints sorted and, if not
   * null, its values at the fixed intervals' nodes kept in {@code nodes} (the same number); with {@code moments} (not
   * null) and a cross section polynomial in 1/E at T, exactly c₀ M₀ + c₁ M₋₁ + c₂ M₋₂ at the lower end instead;
   * {@code manyKnots} (not null for a table of many knots) sums the equal panels' nodes in one loop (the same number).
   */
  private static double density(EnergySpectrum spectrum, double[] sorted, RecoilCrossSection xs,
      double recoilMeV, SpectrumNodeDensities nodes, SpectrumMoments moments, TabulatedNodeSum manyKnots) {
    if (spectrum.isLine()) {
      double e = spectrum.minEnergyMeV();
      return recoilMeV <= xs.maxRecoilMeV(e) ? xs.xsCm2PerMeV(e, recoilMeV) : 0.0;
    }
    double lo = Math.max(spectrum.minEnergyMeV(), xs.minEnergyMeV(recoilMeV));
    double hi = spectrum.maxEnergyMeV();
    // dσ/dT = envelope × acceptance: no acceptance at T (an EvES recoil below the lowest shell binding energy, where
    // the stepping approximation counts no electron: ~25-45 % of the nodes of a solar EvES table) is g = 0 for every
    // E, so the E integral of zeros is not computed (the same 0)
    if (!(hi > lo) || xs.hasAcceptance() && xs.acceptance(recoilMeV) == 0) {
      return 0.0;
    }
    double[] coefficients = moments == null ? null : xs.inverseEnergyCoefficients(recoilMeV);
    if (coefficients != null) {
      return Math.max(0.0, moments.combine(coefficients, lo));
    }
    // dσ/dT at this T: the cross section's T-dependent factors (form factors) once, not at every E node
    DoubleUnaryOperator atT = xs.atRecoilMeV(recoilMeV);
    if (manyKnots != null) {
      return manyKnots.integrate(atT, lo, hi, MANY_BREAKPOINT_PANELS); // the same double as below, quicker
    }
    if (sorted.length > MAX_BREAKPOINTS) {
      // the nodes ascend: a table finds each energy's knot from the previous one's (the same densities)
      DoubleUnaryOperator phi = spectrum.densityInOrder();
      return GaussLegendre.integrate(e -> phi.applyAsDouble(e) * atT.applyAsDouble(e), lo, hi,
          MANY_BREAKPOINT_PANELS);
    }
    if (nodes != null) {
      return nodes.integrate(lo, atT);
    }
    double[] edges = new double[sorted.length + 2];
    int n = 0;
    edges[n++] = lo;
    for (double b : sorted) {
      if (b > edges[n - 1] && b < hi) {
        edges[n++] = b;
      }
    }
    edges[n++] = hi;
    return GaussLegendre.integrate(e -> spectrum.densityPerMeV(e) * atT.applyAsDouble(e), Arrays.copyOf(edges, n), 2);
  }
}
