package org.cevns.analysis.fit;

/**
 * The sample contents before the clipping at zero, V_s,i(p) = template + histosys terms ({@link SampleTerms}), at one
 * point, and their gradients in the varied parameters {@code act}: ∂V/∂α of each histosys (code 4p by its weights,
 * {@link Interpolation#code4pWeights}) and ∂V/∂φ of the physics parameters (the shapes' own derivatives where they
 * give them, else central differences as {@link SampleTerms#jacobian}). μ, norms and normsys multiply the content
 * and do not move its kink. Only samples with a non-zero factor whose content depends on a varied parameter are
 * kept ({@link #contents}[s] null for the others). For {@link KinkNewton}.
 */
final class KinkGradients {
  /** V_s,i at the point, or null for a sample without a movable kink. */
  final double[][] contents;
  private final SampleTerms terms;
  private final double[] p;
  private final int[] act;
  /** Position in act of each parameter, or −1. */
  private final int[] position;
  private double[][][] physicsDerivatives;
  /** The templates at the point's physics values. */
  private final double[][] base;

  KinkGradients(SampleTerms terms, double[] p, int[] act) {
    this.terms = terms;
    this.p = p;
    this.act = act;
    this.position = new int[p.length];
    java.util.Arrays.fill(position, -1);
    for (int a = 0; a < act.length; a++) {
      position[act[a]] = a;
    }
    int ns = terms.templates.length;
    contents = new double[ns][];
    base = terms.baseTemplates(p);
    boolean physicsVaried = false;
    for (int q = 0; q < terms.physics.size(); q++) {
      physicsVaried |= position[terms.physicsOffset + q] >= 0;
    }
    for (int s = 0; s < ns; s++) {
      boolean moves = physicsVaried && terms.shapes[s] != null;
      for (int k : terms.histosysIndex[s]) {
        moves |= position[k] >= 0;
      }
      if (moves && terms.factor(s, p) != 0.0) {
        contents[s] = new double[base[s].length];
        terms.rawContents(s, p, base[s], contents[s]);
      }
    }
  }

  /** V_s,i at the point. */
  double content(int s, int i) {
    return contents[s][i];
  }

  /**
   * ∂V_s,i/∂p_act[a] for a in [0, act.length): a Gaussian normalisation's α moves the content by σ·t (its deltas are
   * σ × the current template, {@link SampleTerms#relativeScale}), which also scales the physics derivatives.
   */
  double[] gradient(int s, int i) {
    double[] row = new double[act.length];
    int[] hIdx = terms.histosysIndex[s];
    double[] w = new double[2];
    for (int h = 0; h < hIdx.length; h++) {
      int a = position[hIdx[h]];
      if (a < 0) {
        continue;
      }
      if (terms.isRelative(s, h)) {
        row[a] += terms.histosysRel[s][h] * base[s][i];
        continue;
      }
      Interpolation.code4pWeights(p[hIdx[h]], 1, w, 0);
      row[a] += w[0] * terms.histosysHi[s][h][i] + w[1] * terms.histosysLo[s][h][i];
    }
    if (terms.shapes[s] != null) {
      double scale = terms.relativeScale(s, p);
      for (int q = 0; q < terms.physics.size(); q++) {
        int a = position[terms.physicsOffset + q];
        if (a >= 0) {
          row[a] += scale * physicsDerivatives()[q][s][i];
        }
      }
    }
    return row;
  }

  /** [q][s][i]: ∂t_s,i/∂φ_q of the shaped samples at the point (null rows for the others). */
  private double[][][] physicsDerivatives() {
    if (physicsDerivatives != null) {
      return physicsDerivatives;
    }
    int nq = terms.physics.size();
    physicsDerivatives = new double[nq][][];
    double[][][] analytic = terms.shapeDerivatives(p);
    if (analytic != null) {
      physicsDerivatives[0] = analytic[0];
      return physicsDerivatives;
    }
    int po = terms.physicsOffset;
    for (int q = 0; q < nq; q++) {
      PhysicsParameter pp = terms.physics.get(q);
      double h = 1e-5 * (pp.upper() - pp.lower());
      double[] up = java.util.Arrays.copyOfRange(p, po, po + nq);
      double[] dn = up.clone();
      up[q] = Math.min(p[po + q] + h, pp.upper());
      dn[q] = Math.max(p[po + q] - h, pp.lower());
      double[][] tu = terms.shapesAt(up);
      double[][] td = terms.shapesAt(dn);
      double inv = 1.0 / (up[q] - dn[q]);
      physicsDerivatives[q] = new double[tu.length][];
      for (int s = 0; s < tu.length; s++) {
        if (tu[s] != null) {
          physicsDerivatives[q][s] = new double[tu[s].length];
          for (int i = 0; i < tu[s].length; i++) {
            physicsDerivatives[q][s][i] = (tu[s][i] - td[s][i]) * inv;
          }
        }
      }
    }
    return physicsDerivatives;
  }
}
