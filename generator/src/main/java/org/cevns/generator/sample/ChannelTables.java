package org.cevns.generator.sample;

import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.RecoilCrossSection;

/** Builds the tables of one {@link RecoilSampler}; a mutable, single-use holder. */
final class ChannelTables {
  final EnergySpectrum spectrum;
  final RecoilCrossSection xs;
  final double minRecoilMeV;
  final double maxRecoilMeV;
  double[] nodesMeV = new double[0];
  RecoilRows rows;
  EnergyCells marginal;
  EnergyCells flux;
  double fluxAveragedXsCm2;
  double envelopeXsCm2;

  ChannelTables(EnergySpectrum spectrum, RecoilCrossSection xs, double minRecoilMeV, double maxRecoilMeV) {
    this.spectrum = spectrum;
    this.xs = xs;
    this.minRecoilMeV = minRecoilMeV;
    this.maxRecoilMeV = maxRecoilMeV;
  }

  /** @param windowXsCm2 ⟨σ⟩ of the window if known ({@link FluxAveragedXs#inWindowCm2}'s value), else NaN */
  void build(int energyNodes, int recoilNodes, double windowXsCm2) {
    fluxAveragedXsCm2 = !Double.isNaN(windowXsCm2) ? windowXsCm2
        : FluxAveragedXs.inWindowCm2(spectrum, xs, minRecoilMeV, maxRecoilMeV);
    if (spectrum.isLine()) {
      nodesMeV = new double[] {spectrum.minEnergyMeV()};
      rows = RecoilRows.build(xs, nodesMeV, minRecoilMeV, maxRecoilMeV, recoilNodes);
      envelopeXsCm2 = rows.envelopeXsCm2(0);
      return;
    }
    // The envelope is smooth in T, so acceptance steps add no energy edges here.
    double[] edges = FluxAveragedXs.energyEdges(spectrum, xs, minRecoilMeV, maxRecoilMeV, new double[0]);
    if (edges.length < 2) {
      return;
    }
    nodesMeV = EnergyGrid.place(spectrum, xs, edges, energyNodes);
    rows = RecoilRows.build(xs, nodesMeV, minRecoilMeV, maxRecoilMeV, recoilNodes);
    int nodes = nodesMeV.length;
    double[] envelope = new double[nodes];
    for (int i = 0; i < nodes; i++) {
      envelope[i] = rows.envelopeXsCm2(i);
    }
    int kink = kinkNode();
    int cells = nodes - 1;
    double[] fluxLeft = new double[cells];
    double[] fluxMid = new double[cells];
    double[] fluxRight = new double[cells];
    double[] left = new double[cells];
    double[] mid = new double[cells];
    double[] right = new double[cells];
    for (int j = 0; j < cells; j++) {
      double lo = nodesMeV[j];
      double hi = nodesMeV[j + 1];
      fluxLeft[j] = density(Math.nextUp(lo));
      fluxMid[j] = density(0.5 * (lo + hi));
      fluxRight[j] = density(Math.nextDown(hi));
      left[j] = fluxLeft[j] * envelope[j];
      mid[j] = fluxMid[j] * Math.max(0.0, interpolateMid(nodesMeV, envelope, j, kink));
      right[j] = fluxRight[j] * envelope[j + 1];
    }
    marginal = EnergyCells.of(nodesMeV, left, mid, right);
    flux = EnergyCells.of(nodesMeV, fluxLeft, fluxMid, fluxRight);
    envelopeXsCm2 = marginal.total();
  }

  private double density(double energyMeV) {
    return Math.max(0.0, spectrum.densityPerMeV(energyMeV));
  }

  /** Node at E_min(T_hi), where S(E) has a kink; −1 if none. */
  private int kinkNode() {
    if (Double.isInfinite(maxRecoilMeV)) {
      return -1;
    }
    double kinkMeV = xs.minEnergyMeV(maxRecoilMeV);
    int best = -1;
    for (int i = 1; i + 1 < nodesMeV.length; i++) {
      if (best < 0 || Math.abs(nodesMeV[i] - kinkMeV) < Math.abs(nodesMeV[best] - kinkMeV)) {
        best = i;
      }
    }
    return best >= 0 && Math.abs(nodesMeV[best] - kinkMeV)
        <= 1e-9 * (nodesMeV[nodesMeV.length - 1] - nodesMeV[0]) ? best : -1;
  }

  /**
   * S at the middle of cell j by Lagrange interpolation through up to four nodes around it that lie on the
   * same side of the kink node (S is smooth on each side).
   */
  static double interpolateMid(double[] nodes, double[] values, int cell, int kink) {
    int segLo = kink >= 0 && cell >= kink ? kink : 0;
    int segHi = kink >= 0 && cell < kink ? kink : nodes.length - 1;
    int start = Math.max(segLo, Math.min(cell - 1, segHi - 3));
    int end = Math.min(segHi, start + 3);
    double x = 0.5 * (nodes[cell] + nodes[cell + 1]);
    double sum = 0.0;
    for (int a = start; a <= end; a++) {
      double term = values[a];
      for (int b = start; b <= end; b++) {
        if (b != a) {
          term *= (x - nodes[b]) / (nodes[a] - nodes[b]);
        }
      }
      sum += term;
    }
    return Double.isFinite(sum) ? sum : 0.5 * (values[cell] + values[cell + 1]);
  }
}
