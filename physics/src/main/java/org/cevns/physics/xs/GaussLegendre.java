package org.cevns.physics.xs;

import java.util.function.DoubleUnaryOperator;

/**
 * Composite Gauss–Legendre quadrature with a fixed 16-point rule per panel (nodes and weights: the doubles of
 * commons-math3's Legendre rule factory, {@code new GaussIntegratorFactory().legendre(16, -1, 1)}, written out
 * ({@code GaussLegendreRuleTest} compares them bit for bit): computing them at class initialisation, the rules of
 * 1 to 16 points by the factory's recursion, was ~1 ms of every `rates` (docs/performance-history.md, "refrates3
 * (thirty-second session)"); they agree with the BigDecimal "high precision" rule to 1.2e-16, which costs 1.5 s to
 * build). A 16-point rule integrates polynomials of degree
 * 31 exactly; for the smooth integrands of the cross sections a few panels give 1e-10 relative accuracy.
 * Integrands with kinks or steps must be split at them by the caller (see
 * {@link #integrate(DoubleUnaryOperator, double[], int)}).
 */
public final class GaussLegendre {
  private GaussLegendre() {}

  /** Number of nodes per panel. */
  public static final int POINTS = 16;

  /** Nodes of the 16-point rule on [−1, 1], ascending (hexadecimal: the exact doubles). */
  private static final double[] NODES = {
      -0x1.fa92c264d787ep-1, -0x1.e39f56616f9bp-1, -0x1.bb3403514e482p-1, -0x1.82c45dda4726cp-1,
      -0x1.3c5a466d5e8b8p-1, -0x1.d50259a43a772p-2, -0x1.205cae642337cp-2, -0x1.852bd6676a9fap-4,
      0x1.852bd6676a9fap-4, 0x1.205cae642337cp-2, 0x1.d50259a43a772p-2, 0x1.3c5a466d5e8b8p-1,
      0x1.82c45dda4726cp-1, 0x1.bb3403514e482p-1, 0x1.e39f56616f9bp-1, 0x1.fa92c264d787ep-1};
  /** Weights of {@link #NODES}. */
  private static final double[] WEIGHTS = {
      0x1.bcddab4b7c206p-6, 0x1.fdfb1a2c1264bp-5, 0x1.85c4ee79cc25bp-4, 0x1.fe7af2bad386ap-4,
      0x1.325f61bca3cc3p-3, 0x1.5a6ebbb5a75fdp-3, 0x1.75f8c77e0c01p-3, 0x1.83feae80e4dfbp-3,
      0x1.83feae80e4dfbp-3, 0x1.75f8c77e0c01p-3, 0x1.5a6ebbb5a75fdp-3, 0x1.325f61bca3cc3p-3,
      0x1.fe7af2bad386ap-4, 0x1.85c4ee79cc25bp-4, 0x1.fdfb1a2c1264bp-5, 0x1.bcddab4b7c206p-6};

  /** Nodes of the 10-point rule on [−1, 1] ({@code legendre(10)} of the same factory), ascending. */
  private static final double[] NODES_10 = {
      -0x1.f2a3e062af2d8p-1, -0x1.bae995e9cb2f2p-1, -0x1.5bdb9228de198p-1, -0x1.bbcc009016adcp-2,
      -0x1.30e507891e27ap-3, 0x1.30e507891e27ap-3, 0x1.bbcc009016adcp-2, 0x1.5bdb9228de198p-1,
      0x1.bae995e9cb2f2p-1, 0x1.f2a3e062af2d8p-1};
  /** Weights of {@link #NODES_10}. */
  private static final double[] WEIGHTS_10 = {
      0x1.1115f8b62dc17p-4, 0x1.32138c878efe7p-3, 0x1.c0b059d00bc31p-3, 0x1.13baa7a559bfbp-2,
      0x1.2e9de7014d6fp-2, 0x1.2e9de7014d6fp-2, 0x1.13baa7a559bfbp-2, 0x1.c0b059d00bc31p-3,
      0x1.32138c878efe7p-3, 0x1.1115f8b62dc17p-4};

  /** The nodes of the 10-point rule on [−1, 1] (a copy), for integrands that need fewer points per panel. */
  public static double[] nodes10() {
    return NODES_10.clone();
  }

  /** The weights of the 10-point rule (a copy). */
  public static double[] weights10() {
    return WEIGHTS_10.clone();
  }

  /** Node i of the rule on [−1, 1] (for loops written out as {@link #integrate(DoubleUnaryOperator, double, double, int)}). */
  public static double node(int i) {
    return NODES[i];
  }

  /** Weight of node i. */
  public static double weight(int i) {
    return WEIGHTS[i];
  }

  /** ∫ f over [lower, upper] with {@code panels} equal panels (panels ≥ 1; lower ≤ upper). */
  public static double integrate(DoubleUnaryOperator f, double lower, double upper, int panels) {
    if (panels < 1) {
      throw new IllegalArgumentException("Gauss-Legendre panels: must be >= 1, got " + panels);
    }
    if (!(upper >= lower)) {
      throw new IllegalArgumentException("Gauss-Legendre interval: need lower <= upper, got [" + lower + ", "
          + upper + "]");
    }
    double width = (upper - lower) / panels;
    double half = 0.5 * width;
    double sum = 0;
    for (int p = 0; p < panels; p++) {
      double mid = lower + (p + 0.5) * width;
      double panel = 0;
      for (int i = 0; i < POINTS; i++) {
        panel += WEIGHTS[i] * f.applyAsDouble(mid + half * NODES[i]);
      }
      sum += panel * half;
    }
    return sum;
  }

  /**
   * ∫ f over [edges[0], edges[last]], applying {@code panelsPerInterval} panels to each interval between
   * consecutive edges (which must be non-decreasing); place steps and kinks of f at edges.
   */
  public static double integrate(DoubleUnaryOperator f, double[] edges, int panelsPerInterval) {
    double sum = 0;
    for (int i = 0; i + 1 < edges.length; i++) {
      if (edges[i + 1] > edges[i]) {
        sum += integrate(f, edges[i], edges[i + 1], panelsPerInterval);
      } else if (edges[i + 1] < edges[i]) {
        throw new IllegalArgumentException("Gauss-Legendre edges: must be non-decreasing, got " + edges[i] + " then "
            + edges[i + 1]);
      }
    }
    return sum;
  }
}
