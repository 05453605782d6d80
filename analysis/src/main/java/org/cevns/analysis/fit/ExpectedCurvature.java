package org.cevns.analysis.fit;

/**
 * The curvature term of the deviance's Hessian, C_kl = Σ_i w_i ∂²ν_i/∂p_k∂p_l, for the expected counts of
 * {@link SampleTerms} (γ = 1): ν_i = Σ_s M_s(p) · V_s,i(p), M_s the product of the sample's factors (μ, norms: linear;
 * normsys: code 4) and V_s = c_s(α)·T_s(φ) + Σ_h Δ_h,s(α_h) (histosys: code 4p; c_s = 1 + Σ σ_g·α_g over the
 * Gaussian normalisations, {@link SampleTerms#relativeScale}). Every derivative of M and of the
 * histosys terms is analytic ({@link Interpolation}), and so are those of a single physics parameter's shapes
 * when they give them ({@link PhysicsShape#derivatives}); otherwise the physics shapes are differentiated by central
 * differences of step {@value #PHYSICS_STEP} of each parameter's range (first and second differences; the 4-point difference
 * for two physics parameters), the stencil moved inside the range at its ends. The weights w_i are dD/dν_i of the
 * profiled bins ({@link PoissonLikelihood}). Stateless.
 */
final class ExpectedCurvature {
  /** Step of the physics-shape differences, relative to the parameter's range. */
  static final double PHYSICS_STEP = 1e-4;

  private ExpectedCurvature() {}

  /** Adds C_kl (every ordered pair, so symmetric) to {@code h} (np × np). */
  static void add(SampleTerms t, double[] p, double[] w, double[][] h) {
    int ns = t.templates.length;
    double[][] base = t.baseTemplates(p);
    int nq = t.physics.size();
    int po = t.physicsOffset;
    double[][][] d1 = new double[nq][][];
    double[][][][] d2 = new double[nq][nq][][];
    if (nq > 0) {
      shapeDifferences(t, p, base, d1, d2);
    }
    double[] cw = new double[4];
    for (int s = 0; s < ns; s++) {
      int o = t.sampleOffset[s];
      double[] tb = base[s];
      int n = tb.length;
      int[] hIdx = t.histosysIndex[s];
      double a = 0;
      double[] raw = new double[n];
      t.rawContents(s, p, tb, raw);
      // the weights of the bins whose content is not clipped at zero (SampleTerms): a clipped content does not
      // depend on the parameters there, neither on α nor on the physics parameters
      double[] wl = new double[n];
      for (int i = 0; i < n; i++) {
        double v = raw[i];
        wl[i] = v < 0 ? 0.0 : w[o + i];
        a += w[o + i] * Math.max(v, 0.0);
      }
      int[] f = t.sampleFactors[s];
      int[] nIdx = t.normsysIndex[s];
      int nf = f.length + nIdx.length;
      int[] idx = new int[nf];
      double[] g = new double[nf];
      double[] g1 = new double[nf];
      double[] g2 = new double[nf];
      for (int j = 0; j < f.length; j++) {
        idx[j] = f[j];
        g[j] = p[f[j]];
        g1[j] = 1.0;
      }
      for (int j = 0; j < nIdx.length; j++) {
        int c = f.length + j;
        double x = p[nIdx[j]];
        double hi = t.lnKappaHi[s][j];
        double lo = t.lnKappaLo[s][j];
        double[] poly = t.normsysPoly[s][j];
        idx[c] = nIdx[j];
        g[c] = Interpolation.code4(x, hi, lo, poly);
        g1[c] = Interpolation.code4Derivative(x, hi, lo, poly);
        g2[c] = Interpolation.code4SecondDerivative(x, hi, lo, poly);
      }
      double m = productExcept(g, -1, -1);
      double[] dm = new double[nf];
      for (int j = 0; j < nf; j++) {
        dm[j] = g1[j] * productExcept(g, j, -1);
        for (int jj = 0; jj < nf; jj++) {
          double d2m = jj == j ? g2[j] * productExcept(g, j, -1) : g1[j] * g1[jj] * productExcept(g, j, jj);
          h[idx[j]][idx[jj]] += d2m * a;
        }
      }
      for (int hh = 0; hh < hIdx.length; hh++) {
        int k = hIdx[hh];
        boolean rel = t.isRelative(s, hh);
        double[] dh = rel ? tb : t.histosysHi[s][hh];
        double[] dl = rel ? tb : t.histosysLo[s][hh];
        double sumHi = 0;
        double sumLo = 0;
        for (int i = 0; i < n; i++) {
          sumHi += wl[i] * dh[i];
          sumLo += wl[i] * dl[i];
        }
        if (rel) {
          sumHi *= t.histosysRel[s][hh];
          sumLo *= t.histosysRel[s][hh];
        }
        Interpolation.code4pWeights(p[k], 1, cw, 0);
        Interpolation.code4pWeights(p[k], 2, cw, 2);
        double b1 = cw[0] * sumHi + cw[1] * sumLo;
        double b2 = cw[2] * sumHi + cw[3] * sumLo;
        h[k][k] += m * b2;
        for (int j = 0; j < nf; j++) {
          h[idx[j]][k] += dm[j] * b1;
          h[k][idx[j]] += dm[j] * b1;
        }
      }
      if (t.shapes[s] == null) {
        continue;
      }
      double cs = t.relativeScale(s, p);
      for (int q = 0; q < nq; q++) {
        int k = po + q;
        double c1 = dot(wl, 0, d1[q][s]);
        for (int j = 0; j < nf; j++) {
          h[idx[j]][k] += dm[j] * cs * c1;
          h[k][idx[j]] += dm[j] * cs * c1;
        }
        for (int r = 0; r < nq; r++) {
          h[k][po + r] += m * cs * dot(wl, 0, d2[q][r][s]);
        }
        // ∂²/∂α_g∂φ of a Gaussian normalisation's σ_g·α_g·T_s(φ)
        for (int hh = 0; hh < hIdx.length; hh++) {
          if (t.isRelative(s, hh)) {
            double x = m * t.histosysRel[s][hh] * c1;
            h[hIdx[hh]][k] += x;
            h[k][hIdx[hh]] += x;
          }
        }
      }
    }
  }

  /** First (d1[q][s]) and second (d2[q][r][s]) differences of the shaped samples' templates. */
  private static void shapeDifferences(SampleTerms t, double[] p, double[][] base, double[][][] d1,
      double[][][][] d2) {
    int nq = t.physics.size();
    int po = t.physicsOffset;
    double[][][] analytic = t.shapeDerivatives(p);
    if (analytic != null) {
      d1[0] = analytic[0];
      d2[0][0] = analytic[1];
      return;
    }
    double[] phi = java.util.Arrays.copyOfRange(p, po, po + nq);
    double[] step = new double[nq];
    double[] centre = new double[nq];
    for (int q = 0; q < nq; q++) {
      PhysicsParameter pp = t.physics.get(q);
      step[q] = PHYSICS_STEP * (pp.upper() - pp.lower());
      centre[q] = Math.min(Math.max(phi[q], pp.lower() + step[q]), pp.upper() - step[q]);
    }
    for (int q = 0; q < nq; q++) {
      double[] at = phi.clone();
      at[q] = centre[q];
      double[][] c = centre[q] == phi[q] ? base : t.shapesAt(at);
      at[q] = centre[q] + step[q];
      double[][] up = t.shapesAt(at);
      at[q] = centre[q] - step[q];
      double[][] dn = t.shapesAt(at);
      d1[q] = combine(t, up, dn, null, 0.5 / step[q]);
      d2[q][q] = combine(t, up, dn, c, 1.0 / (step[q] * step[q]));
      for (int r = 0; r < q; r++) {
        double[][][] corner = new double[4][][];
        for (int e = 0; e < 4; e++) {
          double[] x = phi.clone();
          x[q] = centre[q] + (e < 2 ? step[q] : -step[q]);
          x[r] = centre[r] + (e % 2 == 0 ? step[r] : -step[r]);
          corner[e] = t.shapesAt(x);
        }
        double[][] pp = combine(t, corner[0], corner[1], null, 0.25 / (step[q] * step[r]));
        double[][] mm = combine(t, corner[2], corner[3], null, 0.25 / (step[q] * step[r]));
        double[][] x = new double[pp.length][];
        for (int s = 0; s < x.length; s++) {
          if (pp[s] != null) {
            x[s] = new double[pp[s].length];
            for (int i = 0; i < x[s].length; i++) {
              x[s][i] = pp[s][i] - mm[s][i];
            }
          }
        }
        d2[q][r] = x;
        d2[r][q] = x;
      }
    }
  }

  /** Per shaped sample, (up − dn)·scale, or (up + dn − 2c)·scale when {@code c} is given. */
  private static double[][] combine(SampleTerms t, double[][] up, double[][] dn, double[][] c, double scale) {
    double[][] out = new double[up.length][];
    for (int s = 0; s < up.length; s++) {
      if (t.shapes[s] == null) {
        continue;
      }
      double[] x = new double[up[s].length];
      for (int i = 0; i < x.length; i++) {
        x[i] = (c == null ? up[s][i] - dn[s][i] : up[s][i] + dn[s][i] - 2 * c[s][i]) * scale;
      }
      out[s] = x;
    }
    return out;
  }

  private static double dot(double[] w, int o, double[] x) {
    double d = 0;
    for (int i = 0; i < x.length; i++) {
      d += w[o + i] * x[i];
    }
    return d;
  }

  private static double productExcept(double[] g, int a, int b) {
    double m = 1.0;
    for (int c = 0; c < g.length; c++) {
      if (c != a && c != b) {
        m *= g[c];
      }
    }
    return m;
  }
}
