package org.cevns.analysis.fit;

import java.util.List;
import java.util.Map;

/**
 * The compiled samples of a {@link BinnedModel}: templates, the factors and modifiers of each sample and the
 * physics shapes, with the evaluation of the expected counts and of their Jacobian (see {@link BinnedModel} for
 * the formula). A sample's content in a bin, template plus histosys terms, is clipped at zero: the piecewise
 * interpolation (code 4p) of variants that empty a bin (a noisy re-folded template) extrapolates to negative
 * expected counts, which no sample can have (HistFactory's positive-definite option of
 * {@code PiecewiseInterpolation}; pyhf leaves them negative, an unphysical region the exported workspace then
 * does not reproduce). Safe to share between threads: the templates at the last physics point are an immutable pair
 * swapped atomically.
 */
final class SampleTerms {
  final double[][] templates;
  final int[] sampleOffset;
  final int[][] sampleFactors;
  final int[][] normsysIndex;
  final double[][] lnKappaHi;
  final double[][] lnKappaLo;
  final double[][][] normsysPoly;
  final int[][] histosysIndex;
  final double[][][] histosysHi;
  final double[][][] histosysLo;
  /** Per histosys: σ of a Gaussian normalisation (deltas σ × the current template, {@link Modifier#relativeWidth}), else NaN. */
  final double[][] histosysRel;
  final PhysicsShape[] shapes;
  final int nBins;
  final int physicsOffset;
  final List<PhysicsParameter> physics;
  private final int maxSampleBins;
  private volatile PhysicsCache cache;
  /** {d1, d2} of {@link #shapeDerivatives} at the last physics point (the Jacobian and the curvature both ask). */
  private volatile DerivativeCache derivativeCache;

  private record PhysicsCache(double[] physics, double[][] templates) {}

  private record DerivativeCache(double[] physics, double[][][] derivatives) {}

  SampleTerms(double[][] templates, int[] sampleOffset, int[][] sampleFactors, List<Sample> flat,
      Map<String, Integer> all, int nBins, int physicsOffset, List<PhysicsParameter> physics) {
    this.templates = templates;
    this.sampleOffset = sampleOffset;
    this.sampleFactors = sampleFactors;
    this.nBins = nBins;
    this.physicsOffset = physicsOffset;
    this.physics = physics;
    int ns = flat.size();
    normsysIndex = new int[ns][];
    lnKappaHi = new double[ns][];
    lnKappaLo = new double[ns][];
    normsysPoly = new double[ns][][];
    histosysIndex = new int[ns][];
    histosysHi = new double[ns][][];
    histosysLo = new double[ns][][];
    histosysRel = new double[ns][];
    shapes = new PhysicsShape[ns];
    maxSampleBins = java.util.Arrays.stream(templates).mapToInt(x -> x.length).max().orElse(0);
    for (int s = 0; s < ns; s++) {
      Sample smp = flat.get(s);
      List<Modifier> nsys = smp.modifiers().stream().filter(m -> m.type() == Modifier.Type.NORMSYS).toList();
      List<Modifier> hsys = smp.modifiers().stream().filter(m -> m.type() == Modifier.Type.HISTOSYS).toList();
      normsysIndex[s] = nsys.stream().mapToInt(m -> all.get(m.parameter())).toArray();
      lnKappaHi[s] = nsys.stream().mapToDouble(m -> Math.log(m.kappaHi())).toArray();
      lnKappaLo[s] = nsys.stream().mapToDouble(m -> Math.log(m.kappaLo())).toArray();
      normsysPoly[s] = nsys.stream().map(m -> Interpolation.code4Coefficients(m.kappaHi(), m.kappaLo()))
          .toArray(double[][]::new);
      histosysIndex[s] = hsys.stream().mapToInt(m -> all.get(m.parameter())).toArray();
      histosysHi[s] = hsys.stream().map(Modifier::deltaHi).toArray(double[][]::new);
      histosysLo[s] = hsys.stream().map(Modifier::deltaLo).toArray(double[][]::new);
      histosysRel[s] = hsys.stream().mapToDouble(Modifier::relativeWidth).toArray();
      shapes[s] = smp.physics().orElse(null);
      if (shapes[s] != null && physics.isEmpty()) {
        throw new IllegalArgumentException("sample " + smp.name() + " depends on physics parameters, but the model"
            + " declares none");
      }
    }
  }

  /** Expected counts per flat bin at parameters {@code p}, written to {@code out} (length nBins). */
  void expected(double[] p, double[] out) {
    java.util.Arrays.fill(out, 0.0);
    double[][] base = baseTemplates(p);
    double[] v = new double[maxSampleBins()];
    for (int s = 0; s < templates.length; s++) {
      double m = factor(s, p);
      if (m == 0.0) {
        continue;
      }
      double[] t = base[s];
      int o = sampleOffset[s];
      rawContents(s, p, t, v);
      for (int i = 0; i < t.length; i++) {
        out[o + i] += m * Math.max(v[i], 0.0);
      }
    }
  }

  /**
   * The content of sample s before the clipping at zero, template {@code t} plus the histosys terms at {@code p}
   * (code 4p by its per-α weights, {@link Interpolation#code4pWeights}), into {@code out[0, t.length)}. A Gaussian
   * normalisation's terms are σ·α·t (its deltas σ × the current template {@code t}): the content is
   * {@link #relativeScale}·t + the other histosys terms.
   */
  void rawContents(int s, double[] p, double[] t, double[] out) {
    int n = t.length;
    double c = relativeScale(s, p);
    for (int i = 0; i < n; i++) {
      out[i] = c * t[i];
    }
    int[] hIdx = histosysIndex[s];
    double[] w = new double[2];
    for (int h = 0; h < hIdx.length; h++) {
      if (isRelative(s, h)) {
        continue;
      }
      Interpolation.code4pWeights(p[hIdx[h]], 0, w, 0);
      double wh = w[0];
      double wl = w[1];
      if (wh == 0.0 && wl == 0.0) {
        continue;
      }
      double[] dh = histosysHi[s][h];
      double[] dl = histosysLo[s][h];
      for (int i = 0; i < n; i++) {
        out[i] += wh * dh[i] + wl * dl[i];
      }
    }
  }

  /** True if histosys h of sample s is a Gaussian normalisation (deltas σ × the current template). */
  boolean isRelative(int s, int h) {
    return !Double.isNaN(histosysRel[s][h]);
  }

  /**
   * The factor of the current template in sample s's content, 1 + Σ σ_h·α_h over its Gaussian normalisations (code
   * 4p of a symmetric variation is exactly linear: its weights sum to α); ∂/∂α_h is σ_h.
   */
  double relativeScale(int s, double[] p) {
    double c = 1.0;
    int[] hIdx = histosysIndex[s];
    for (int h = 0; h < hIdx.length; h++) {
      if (isRelative(s, h)) {
        c += histosysRel[s][h] * p[hIdx[h]];
      }
    }
    return c;
  }

  /** The largest number of bins of a sample (scratch buffers). */
  int maxSampleBins() {
    return maxSampleBins;
  }

  /** The multiplicative factor of sample s: μ, norms, normsys. */
  double factor(int s, double[] p) {
    double m = 1.0;
    for (int f : sampleFactors[s]) {
      m *= p[f];
    }
    int[] nIdx = normsysIndex[s];
    for (int n = 0; n < nIdx.length; n++) {
      m *= Interpolation.code4(p[nIdx[n]], lnKappaHi[s][n], lnKappaLo[s][n], normsysPoly[s][n]);
    }
    return m;
  }

  /** The templates at the physics parameters of {@code p} (the nominal ones for samples without physics). */
  double[][] baseTemplates(double[] p) {
    if (physics.isEmpty()) {
      return templates;
    }
    int o = physicsOffset;
    double[] phi = java.util.Arrays.copyOfRange(p, o, o + physics.size());
    PhysicsCache c = cache;
    if (c != null && java.util.Arrays.equals(phi, c.physics())) {
      return c.templates();
    }
    double[][] b = templates.clone();
    for (int s = 0; s < b.length; s++) {
      if (shapes[s] != null) {
        double[] x = shapes[s].expected(phi);
        if (x.length != templates[s].length) {
          throw new IllegalStateException("physics shape of sample " + s + " returned " + x.length + " bins, expected "
              + templates[s].length);
        }
        b[s] = x;
      }
    }
    cache = new PhysicsCache(phi, b);
    return b;
  }

  /**
   * The templates of the samples with a physics shape at physics values {@code phi} (null for the others), not
   * cached: for the finite differences of the derivatives, which would otherwise evict the current point.
   */
  double[][] shapesAt(double[] phi) {
    double[][] b = new double[templates.length][];
    for (int s = 0; s < b.length; s++) {
      if (shapes[s] != null) {
        b[s] = shapes[s].expected(phi);
      }
    }
    return b;
  }

  /**
   * With one physics parameter whose shapes give their derivatives ({@link PhysicsShape#derivatives}): {d1, d2}, the
   * first and second derivatives of each shaped sample's template at {@code p} (null for the other samples); else
   * null (the callers take central differences).
   */
  double[][][] shapeDerivatives(double[] p) {
    if (physics.size() != 1) {
      return null;
    }
    double[] phi = {p[physicsOffset]};
    DerivativeCache c = derivativeCache;
    if (c != null && java.util.Arrays.equals(phi, c.physics())) {
      return c.derivatives();
    }
    double[][] d1 = new double[templates.length][];
    double[][] d2 = new double[templates.length][];
    for (int s = 0; s < templates.length; s++) {
      if (shapes[s] != null) {
        double[][] d = shapes[s].derivatives(phi);
        if (d == null) {
          return null;
        }
        d1[s] = d[0];
        d2[s] = d[1];
      }
    }
    double[][][] d = {d1, d2};
    derivativeCache = new DerivativeCache(phi, d);
    return d;
  }

  /**
   * The Jacobian ∂ν_i/∂p_k (γ = 1) at {@code p} for the parameters flagged in {@code which} (other rows stay
   * zero): analytic for μ, norms and α; for physics parameters the shapes' own derivatives where they give them
   * ({@link #shapeDerivatives}), else central differences of the shapes, times the factor of the Gaussian
   * normalisations ({@link #relativeScale}).
   */
  double[][] jacobian(double[] p, boolean[] which) {
    double[][] jac = new double[p.length][nBins];
    jacobian(p, which, jac);
    return jac;
  }

  /** As {@link #jacobian(double[], boolean[])}, added into {@code jac} (zero on entry; np × nBins). */
  void jacobian(double[] p, boolean[] which, double[][] jac) {
    double[][] base = baseTemplates(p);
    boolean[][] live = new boolean[templates.length][];
    double[] w = new double[2];
    for (int s = 0; s < templates.length; s++) {
      double[] t = base[s];
      int o = sampleOffset[s];
      int[] hIdx = histosysIndex[s];
      double[] v = new double[t.length];
      rawContents(s, p, t, v);
      live[s] = new boolean[t.length];
      for (int i = 0; i < t.length; i++) {
        live[s][i] = v[i] > 0;
        v[i] = Math.max(v[i], 0.0);
      }
      int[] f = sampleFactors[s];
      double full = factor(s, p);
      for (int a = 0; a < f.length; a++) {
        if (!which[f[a]]) {
          continue;
        }
        double m = full;
        if (p[f[a]] != 0) {
          m /= p[f[a]];
        } else {
          m = 1.0;
          for (int c = 0; c < f.length; c++) {
            m *= c == a ? 1.0 : p[f[c]];
          }
          int[] nIdx = normsysIndex[s];
          for (int n = 0; n < nIdx.length; n++) {
            m *= Interpolation.code4(p[nIdx[n]], lnKappaHi[s][n], lnKappaLo[s][n], normsysPoly[s][n]);
          }
        }
        double[] row = jac[f[a]];
        for (int i = 0; i < t.length; i++) {
          row[o + i] += m * v[i];
        }
      }
      int[] nIdx = normsysIndex[s];
      for (int n = 0; n < nIdx.length; n++) {
        int k = nIdx[n];
        if (!which[k]) {
          continue;
        }
        double dln = Interpolation.code4LogDerivative(p[k], lnKappaHi[s][n], lnKappaLo[s][n], normsysPoly[s][n]);
        double[] row = jac[k];
        for (int i = 0; i < t.length; i++) {
          row[o + i] += full * dln * v[i];
        }
      }
      for (int h = 0; h < hIdx.length; h++) {
        int k = hIdx[h];
        if (!which[k]) {
          continue;
        }
        double[] row = jac[k];
        if (isRelative(s, h)) {
          addLive(row, o, full * histosysRel[s][h], t, live[s]);
          continue;
        }
        double[] dh = histosysHi[s][h];
        double[] dl = histosysLo[s][h];
        Interpolation.code4pWeights(p[k], 1, w, 0);
        double wh = full * w[0];
        double wl = full * w[1];
        for (int i = 0; i < t.length; i++) {
          if (live[s][i]) {
            row[o + i] += wh * dh[i] + wl * dl[i];
          }
        }
      }
    }
    int po = physicsOffset;
    for (int q = 0; q < physics.size(); q++) {
      int k = po + q;
      if (!which[k]) {
        continue;
      }
      double[][][] analytic = shapeDerivatives(p);
      if (analytic != null) {
        for (int s = 0; s < templates.length; s++) {
          if (analytic[0][s] != null) {
            addLive(jac[k], sampleOffset[s], factor(s, p) * relativeScale(s, p), analytic[0][s], live[s]);
          }
        }
        continue;
      }
      PhysicsParameter pp = physics.get(q);
      double h = 1e-5 * (pp.upper() - pp.lower());
      double[] phiUp = java.util.Arrays.copyOfRange(p, po, po + physics.size());
      double[] phiDn = phiUp.clone();
      phiUp[q] = Math.min(p[k] + h, pp.upper());
      phiDn[q] = Math.max(p[k] - h, pp.lower());
      // only the shaped samples change with φ: their differences, weighted by the samples' factors (the other
      // samples cancel; the cached templates at p stay in place)
      double[][] up = shapesAt(phiUp);
      double[][] dn = shapesAt(phiDn);
      double inv = 1.0 / (phiUp[q] - phiDn[q]);
      double[] row = jac[k];
      for (int s = 0; s < templates.length; s++) {
        if (up[s] == null) {
          continue;
        }
        double m = factor(s, p) * relativeScale(s, p) * inv;
        int o = sampleOffset[s];
        for (int i = 0; i < up[s].length; i++) {
          // a content clipped at zero does not change with φ (as with α above)
          if (live[s][i]) {
            row[o + i] += m * (up[s][i] - dn[s][i]);
          }
        }
      }
    }
  }

  /** row[o + i] += m·d[i] where the content is not clipped. */
  private static void addLive(double[] row, int o, double m, double[] d, boolean[] live) {
    for (int i = 0; i < d.length; i++) {
      if (live[i]) {
        row[o + i] += m * d[i];
      }
    }
  }

  /** Expected counts (channel-local, {@code n} bins) of the samples s0 + j with {@code take[j]}. */
  double[] expectedOfSamples(double[] p, int s0, boolean[] take, int n) {
    double[] out = new double[n];
    double[][] base = baseTemplates(p);
    for (int j = 0; j < take.length; j++) {
      if (!take[j]) {
        continue;
      }
      int s = s0 + j;
      double m = factor(s, p);
      double[] v = new double[base[s].length];
      rawContents(s, p, base[s], v);
      for (int i = 0; i < n; i++) {
        out[i] += m * Math.max(v[i], 0.0);
      }
    }
    return out;
  }
}
