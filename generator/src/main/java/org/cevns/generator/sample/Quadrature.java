package org.cevns.generator.sample;

import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive Gauss–Kronrod (7, 15) quadrature, the QAG scheme of QUADPACK (Piessens, de Doncker-Kapenga,
 * Überhuber &amp; Kahaner, QUADPACK, Springer 1983): the interval with the largest error estimate |K15 − G7| is
 * bisected until the summed estimate is below the tolerance. commons-math3 has no locally adaptive rule, and
 * nested cross-section integrals need one (form-factor fall-off, thresholds, acceptance steps).
 *
 * <p>Kronrod nodes and weights: Kronrod (1965), as tabulated in QUADPACK's {@code qk15}. The rule never evaluates
 * the integrand at the interval ends, so one-sided values at a breakpoint are never mixed up.
 */
final class Quadrature {
  /** Kronrod abscissae on [−1, 1], positive half, descending; odd indices 1, 3, 5 and 7 are the Gauss points. */
  private static final double[] XGK = {
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245, 0.0
  };
  /** Kronrod weights for {@link #XGK}. */
  private static final double[] WGK = {
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714
  };
  /** Gauss 7-point weights for XGK[1], XGK[3], XGK[5], XGK[7]. */
  private static final double[] WG = {
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327
  };
  /** Largest number of subintervals before the best estimate is returned. */
  static final int MAX_INTERVALS = 4000;

  private Quadrature() {}

  /** One subinterval with its Kronrod estimate and error estimate. */
  private record Piece(double lo, double hi, double value, double error) {}

  /**
   * ∫_a^b f within max(relTol·|I|, absTol) by the summed |K15 − G7| estimate, or the best estimate after
   * {@link #MAX_INTERVALS} subintervals. {@code a} may exceed {@code b} only as {@code a == b} (returns 0).
   */
  static double integrate(DoubleUnaryOperator f, double a, double b, double relTol, double absTol) {
    if (!(b > a)) {
      return 0.0;
    }
    PriorityQueue<Piece> queue = new PriorityQueue<>((p, q) -> Double.compare(q.error, p.error));
    Piece first = kronrod(f, a, b);
    queue.add(first);
    double total = first.value;
    double totalError = first.error;
    int count = 1;
    while (totalError > Math.max(relTol * Math.abs(total), absTol) && count < MAX_INTERVALS) {
      Piece worst = queue.poll();
      double mid = 0.5 * (worst.lo + worst.hi);
      if (!(mid > worst.lo && mid < worst.hi)) {
        queue.add(new Piece(worst.lo, worst.hi, worst.value, 0.0)); // cannot be split further
        totalError -= worst.error;
        count++;
        continue;
      }
      Piece left = kronrod(f, worst.lo, mid);
      Piece right = kronrod(f, mid, worst.hi);
      queue.add(left);
      queue.add(right);
      total += left.value + right.value - worst.value;
      totalError += left.error + right.error - worst.error;
      count++;
    }
    // Re-sum to remove the rounding drift of the running total.
    double sum = 0.0;
    for (Piece p : queue) {
      sum += p.value;
    }
    return sum;
  }

  /**
   * Sum of {@link #integrate} over the consecutive pieces of sorted {@code edges} (breakpoints where f jumps or
   * kinks), each to {@code relTol} of its own value or {@code absTol}.
   */
  static double integrateOver(DoubleUnaryOperator f, double[] edges, double relTol, double absTol) {
    double sum = 0.0;
    for (int i = 0; i + 1 < edges.length; i++) {
      sum += integrate(f, edges[i], edges[i + 1], relTol, absTol);
    }
    return sum;
  }

  private static Piece kronrod(DoubleUnaryOperator f, double lo, double hi) {
    double center = 0.5 * (lo + hi);
    double half = 0.5 * (hi - lo);
    double fc = f.applyAsDouble(center);
    double kronrod = WGK[7] * fc;
    double gauss = WG[3] * fc;
    for (int j = 0; j < 7; j++) {
      double dx = half * XGK[j];
      double pair = f.applyAsDouble(center - dx) + f.applyAsDouble(center + dx);
      kronrod += WGK[j] * pair;
      if ((j & 1) == 1) {
        gauss += WG[j >> 1] * pair;
      }
    }
    return new Piece(lo, hi, kronrod * half, Math.abs((kronrod - gauss) * half));
  }
}
