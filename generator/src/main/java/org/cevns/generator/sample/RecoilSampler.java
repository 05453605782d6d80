package org.cevns.generator.sample;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.RecoilCrossSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples (neutrino energy E, recoil T) pairs of one channel (one spectrum φ × one cross section dσ/dT) from the
 * density φ(E) dσ/dT(E, T) restricted to a recoil window T ∈ [T_lo, T_hi] (default [0, ∞)), and holds the
 * channel's flux-averaged cross section ⟨σ⟩ (cm²) that normalises its expected event count. Immutable and
 * shareable between threads; every sampling call takes the random generator.
 *
 * <p><b>Model.</b> Let b(E) = min(T_hi, T_max(E)) and u = (T − T_lo)/(b(E) − T_lo). Nodes E_0 &lt; … &lt; E_m
 * include the support ends, the spectrum breakpoints and E_min(T_lo), E_min(T_hi) ({@link EnergyGrid}).
 * <ul>
 *   <li>E marginal ∝ φ(E) S(E), S(E) = ∫ envelope dT over the window ({@link EnergyCells}: exact cell masses
 *       to Simpson precision with S interpolated cubically between nodes, linear density inside a cell);</li>
 *   <li>given E at position x ∈ [0, 1] of cell [E_j, E_{j+1}], u is drawn from the conditional table of node j
 *       with probability 1 − x, else of node j + 1 ({@link RecoilRows}: cells with exact probabilities chosen
 *       by the alias method, linear density inside), and T = T_lo + u (b(E) − T_lo), clamped to
 *       [T_lo, b(E)], so T_lo ≤ T ≤ T_max(E) always;</li>
 *   <li>the acceptance (steps of {@link RecoilCrossSection#acceptance}) is applied exactly by rejecting the
 *       whole pair with probability 1 − acceptance(T) and drawing a new one.</li>
 * </ul>
 * A line spectrum has one conditional table and no E draw. The sampling is exact for this tabulated model;
 * the model differs from the exact law only by the linear shapes inside cells and the linear mixing of
 * neighbouring rows (second order in the cell widths). With 512 × 256 nodes the measured CDF errors are
 * ≲ 10⁻⁸ for E and ≲ 10⁻⁶ for T | E (RecoilSamplerPrecisionTest).
 *
 * <p><b>Cost.</b> Per pair: five uniforms (two for a line), two square roots and divisions, one {@code maxRecoilMeV},
 * one uniform and {@code acceptance} call per try with acceptance. Use the batch {@link #sample} methods.
 *
 * <p><b>Weighted mode</b> ({@link #sampleWeighted}): E is drawn from the flux alone (tabulated φ on the same
 * grid, restricted to E ≥ E_min(T_lo)) and T uniformly on [T_lo, b(E)]; the weight is
 * w = f(E, T)/q(E, T) with f = φ(E) dσ/dT(E, T)/⟨σ⟩_W the exact normalised target density and q the density
 * actually sampled, so E[w] = 1 and the weighted events reproduce f exactly (importance sampling). An event of
 * weight w stands for w × μ/N expected events, where μ is the channel's expected count in the window and N the
 * number of events drawn for the channel. No rejection is needed; the acceptance is inside dσ/dT.
 *
 * <p>1/T cross sections ({@link RecoilCrossSection#steepAtMinRecoil()}): window from the recoil floor, tables in ln T.
 */
public final class RecoilSampler {
  private static final Logger LOG = LoggerFactory.getLogger(RecoilSampler.class);
  /** Pairs per pass of the batch sampler. */
  static final int CHUNK = 256;
  /** Uniforms per pair in the batch sampler: two for u, three for E (cell, position, row). */
  private static final int UNIFORMS = 5;
  /** Largest number of energy or recoil nodes. */
  public static final int MAX_NODES = 1 << 16;
  /** Smallest acceptance efficiency allowed for rejection of acceptance steps. */
  static final double MIN_ACCEPTANCE_EFFICIENCY = 1e-6;
  /** Relative mismatch between tabulated and integrated ⟨σ⟩ above which a warning is logged. */
  static final double CONSISTENCY_WARNING = 1e-3;

  private final EnergySpectrum spectrum;
  private final RecoilCrossSection xs;
  private final double minRecoilMeV;
  private final double maxRecoilMeV;
  private final boolean acceptance;
  private final double lineEnergyMeV; // NaN unless the spectrum is a line
  private final double[] nodesMeV;
  private final RecoilRows rows;
  private final EnergyCells marginal;
  private final EnergyCells flux;
  private final double fluxAveragedXsCm2;
  private final double envelopeXsCm2;
  private final boolean steep; // tables in ln T, moving lower edge (RecoilCrossSection#steepAtMinRecoil)

  private RecoilSampler(ChannelTables b) {
    this.spectrum = b.spectrum;
    this.xs = b.xs;
    this.minRecoilMeV = b.minRecoilMeV;
    this.maxRecoilMeV = b.maxRecoilMeV;
    this.acceptance = b.xs.hasAcceptance();
    this.lineEnergyMeV = b.spectrum.isLine() ? b.spectrum.minEnergyMeV() : Double.NaN;
    this.nodesMeV = b.nodesMeV;
    this.rows = b.rows;
    this.marginal = b.marginal;
    this.flux = b.flux;
    this.fluxAveragedXsCm2 = b.fluxAveragedXsCm2;
    this.envelopeXsCm2 = b.envelopeXsCm2;
    this.steep = b.xs.steepAtMinRecoil();
    checkConsistency();
  }

  /** A sampler over all recoils [0, T_max(E)]; see the six-argument {@code of}. */
  public static RecoilSampler of(EnergySpectrum spectrum, RecoilCrossSection xs, int energyNodes, int recoilNodes) {
    return of(spectrum, xs, energyNodes, recoilNodes, 0.0, Double.POSITIVE_INFINITY);
  }

  /**
   * Builds the tables of one channel.
   *
   * @param spectrum normalised neutrino spectrum (line or density)
   * @param xs cross section per target
   * @param energyNodes neutrino-energy nodes, in [2, 65536] (more if the spectrum has more breakpoints;
   *     ignored for a line)
   * @param recoilNodes recoil cells per energy node, in [2, 65536]
   * @param minRecoilMeV lower recoil edge T_lo, finite, &ge; 0
   * @param maxRecoilMeV upper recoil edge T_hi &gt; T_lo, may be +∞
   * @throws IllegalArgumentException for an invalid argument, or when the acceptance would reject more than
   *     a fraction 1 − 10⁻⁶ of the pairs
   */
  public static RecoilSampler of(EnergySpectrum spectrum, RecoilCrossSection xs, int energyNodes, int recoilNodes,
      double minRecoilMeV, double maxRecoilMeV) {
    return of(spectrum, xs, energyNodes, recoilNodes, minRecoilMeV, maxRecoilMeV, Double.NaN);
  }

  /** As above, with ⟨σ⟩ of the window given ({@link FluxAveragedXs#inWindowCm2}'s value; NaN: computed). */
  public static RecoilSampler of(EnergySpectrum spectrum, RecoilCrossSection xs, int energyNodes, int recoilNodes,
      double minRecoilMeV, double maxRecoilMeV, double windowXsCm2) {
    Objects.requireNonNull(spectrum, "spectrum");
    Objects.requireNonNull(xs, "xs");
    checkNodes("energyNodes", energyNodes);
    checkNodes("recoilNodes", recoilNodes);
    FluxAveragedXs.checkWindow(minRecoilMeV, maxRecoilMeV);
    double lo = Math.max(minRecoilMeV, xs.recoilFloorMeV()); // the floor of a 1/T cross section
    FluxAveragedXs.checkWindow(lo, maxRecoilMeV);
    ChannelTables b = new ChannelTables(spectrum, xs, lo, maxRecoilMeV);
    b.build(energyNodes, recoilNodes, windowXsCm2);
    return new RecoilSampler(b); // checks its consistency
  }

  private static void checkNodes(String name, int value) {
    if (value < 2 || value > MAX_NODES) {
      throw new IllegalArgumentException(name + " must be in [2, " + MAX_NODES + "], got " + value);
    }
  }

  private void checkConsistency() {
    if (isEmpty()) {
      return;
    }
    double efficiency = acceptanceEfficiency();
    if (acceptance && efficiency < MIN_ACCEPTANCE_EFFICIENCY) {
      throw new IllegalArgumentException("recoil window [" + minRecoilMeV + ", " + maxRecoilMeV
          + "] MeV: acceptance efficiency " + efficiency + " is below " + MIN_ACCEPTANCE_EFFICIENCY);
    }
    if (!acceptance && Math.abs(envelopeXsCm2 / fluxAveragedXsCm2 - 1.0) > CONSISTENCY_WARNING) {
      LOG.warn("tabulated <sigma> {} cm2 differs from the integrated {} cm2 by more than {}: too few energy "
          + "nodes, or totalXsCm2 inconsistent with xsCm2PerMeV for {}", envelopeXsCm2, fluxAveragedXsCm2,
          CONSISTENCY_WARNING, xs);
    }
  }

  /** ⟨σ⟩ = ∫ φ σ_W dE in cm² per target for this sampler's recoil window (precise to ~10⁻⁹ relative). */
  public double fluxAveragedXsCm2() {
    return fluxAveragedXsCm2;
  }

  /** ⟨σ⟩ in cm² per target for any recoil window, independent of this sampler's window. */
  public double fluxAveragedXsCm2(double minRecoilMeV, double maxRecoilMeV) {
    return FluxAveragedXs.inWindowCm2(spectrum, xs, minRecoilMeV, maxRecoilMeV);
  }

  /** True when no event can fall in the window (⟨σ⟩ = 0); sampling then throws. */
  public boolean isEmpty() {
    return !(fluxAveragedXsCm2 > 0.0) || !(envelopeXsCm2 > 0.0);
  }

  /** Fraction of pairs accepted by the acceptance rejection (1 without acceptance steps). */
  public double acceptanceEfficiency() {
    return acceptance ? Math.min(1.0, fluxAveragedXsCm2 / envelopeXsCm2) : 1.0;
  }

  /** Lower edge of the recoil window in MeV. */
  public double minRecoilMeV() {
    return minRecoilMeV;
  }

  /** Upper edge of the recoil window in MeV (may be +∞). */
  public double maxRecoilMeV() {
    return maxRecoilMeV;
  }

  /** Number of neutrino-energy nodes of the tables (1 for a line). */
  public int energyNodeCount() {
    return nodesMeV.length;
  }

  /** Draws one pair into {@code energyAndRecoilMeV[0]} (E) and {@code [1]} (T), in MeV. */
  public void sample(UniformRandomProvider rng, double[] energyAndRecoilMeV) {
    if (energyAndRecoilMeV.length < 2) {
      throw new IllegalArgumentException("energyAndRecoilMeV must have length >= 2, got " + energyAndRecoilMeV.length);
    }
    requireSamplable(rng);
    draw(rng, energyAndRecoilMeV, energyAndRecoilMeV, 0, 1);
  }

  /**
   * Draws {@code count} independent pairs into {@code energyMeV[offset…]} and {@code recoilMeV[offset…]}, in
   * chunks of {@value #CHUNK}: uniforms, energy pass, recoil pass (short independent loops keep the pipelines full:
   * 2–3× faster than one pair at a time), then acceptance rejection. A (seed, stream) pair reproduces the result.
   */
  public void sample(UniformRandomProvider rng, int count, double[] energyMeV, double[] recoilMeV, int offset) {
    sample(rng, count, energyMeV, recoilMeV, offset, new Scratch(Math.min(CHUNK, count)));
  }

  /** Work arrays of the batch sampler, reusable from call to call by one thread. Not thread-safe. */
  public static final class Scratch {
    final double[] uniforms;
    final int[] rows;

    /** Scratch for batches of any size. */
    public Scratch() {
      this(CHUNK);
    }

    Scratch(int chunk) {
      uniforms = new double[UNIFORMS * chunk];
      rows = new int[chunk];
    }
  }

  /** The five-argument {@link #sample} with caller-owned work arrays: the same draws and results, no allocation. */
  public void sample(UniformRandomProvider rng, int count, double[] energyMeV, double[] recoilMeV, int offset,
      Scratch scratch) {
    checkBatch(count, offset, energyMeV, recoilMeV, recoilMeV);
    requireSamplable(rng);
    int chunk = Math.min(Math.min(CHUNK, count), scratch.rows.length);
    for (int start = 0; start < count; start += chunk) {
      int n = Math.min(chunk, count - start);
      energies(rng, scratch, n, energyMeV, offset + start);
      recoils(rng, scratch, n, energyMeV, recoilMeV, offset + start);
    }
  }

  /** Uniforms of n pairs, then E and conditional row from uniforms 2n.. (none for a line); a method per pass. */
  private void energies(UniformRandomProvider rng, Scratch s, int n, double[] energyMeV, int o) {
    double[] r = s.uniforms;
    int[] row = s.rows;
    int used = marginal == null ? 2 : UNIFORMS;
    for (int i = 0; i < used * n; i++) {
      r[i] = rng.nextDouble();
    }
    if (marginal == null) {
      Arrays.fill(energyMeV, o, o + n, lineEnergyMeV);
      Arrays.fill(row, 0, n, 0);
      return;
    }
    for (int i = 0; i < n; i++) {
      int j = marginal.cell(r[2 * n + i]);
      double x = LinearCell.sample(marginal.beta(j), 1.0 - r[3 * n + i]);
      energyMeV[o + i] = marginal.energyMeV(j, x);
      row[i] = j + (int) (Double.doubleToRawLongBits(r[4 * n + i] - x) >>> 63); // j + 1 when r < x
    }
  }

  /** T of n pairs from uniforms 0..2n (all n cells looked up first: reads overlap), then the acceptance rejection. */
  private void recoils(UniformRandomProvider rng, Scratch s, int n, double[] energyMeV, double[] recoilMeV, int o) {
    double[] r = s.uniforms;
    int[] row = s.rows;
    for (int i = 0; i < n; i++) {
      row[i] = rows.cellStart(row[i], r[i]); // from here on the table index of the pair's cell
    }
    for (int i = 0; i < n; i++) {
      double energy = energyMeV[o + i];
      double u = rows.cellU(row[i], r[n + i]);
      double hi = Math.min(maxRecoilMeV, xs.maxRecoilMeV(energy));
      // hi < T_lo only for E within rounding of E_min(T_lo): NaN marks the pair for a redraw.
      recoilMeV[o + i] = steep ? RecoilRows.steepRecoil(xs, minRecoilMeV, hi, energy, u)
          : hi >= minRecoilMeV ? Math.min(hi, minRecoilMeV + u * (hi - minRecoilMeV)) : Double.NaN;
    }
    for (int i = 0; i < n; i++) {
      double recoil = recoilMeV[o + i];
      if (recoil != recoil || acceptance && !(rng.nextDouble() < xs.acceptance(recoil))) {
        draw(rng, energyMeV, recoilMeV, o + i, o + i);
      }
    }
  }

  /** One pair by the same model, one at a time, retried until accepted. */
  private void draw(UniformRandomProvider rng, double[] energyOut, double[] recoilOut, int energyIndex,
      int recoilIndex) {
    while (true) {
      double energy = lineEnergyMeV;
      int row = 0;
      if (marginal != null) {
        int j = marginal.cell(rng.nextDouble());
        double x = LinearCell.sample(marginal.beta(j), 1.0 - rng.nextDouble());
        energy = marginal.energyMeV(j, x);
        row = rng.nextDouble() < x ? j + 1 : j;
      }
      double u = rows.sampleU(row, rng.nextDouble(), rng.nextDouble());
      double hi = Math.min(maxRecoilMeV, xs.maxRecoilMeV(energy));
      if (!(hi >= minRecoilMeV)) {
        continue; // E within rounding of E_min(T_lo): probability ~1e-16, draw again
      }
      double recoil = steep ? RecoilRows.steepRecoil(xs, minRecoilMeV, hi, energy, u)
          : Math.min(hi, minRecoilMeV + u * (hi - minRecoilMeV));
      if (recoil != recoil) {
        continue; // below the kinematic lower edge: E between nodes under the threshold, draw again
      }
      if (acceptance && !(rng.nextDouble() < xs.acceptance(recoil))) {
        continue;
      }
      energyOut[energyIndex] = energy;
      recoilOut[recoilIndex] = recoil;
      return;
    }
  }

  /**
   * Weighted mode (see the class comment): {@code count} pairs with E from the flux and T uniform on
   * [T_lo, b(E)], and weights w = f/q with mean 1 into {@code weight[offset…]}.
   */
  public void sampleWeighted(UniformRandomProvider rng, int count, double[] energyMeV, double[] recoilMeV,
      double[] weight, int offset) {
    checkBatch(count, offset, energyMeV, recoilMeV, weight);
    requireSamplable(rng);
    for (int i = offset; i < offset + count; i++) {
      double energy;
      double proposalPerMeV;
      double densityPerMeV;
      if (flux == null) {
        energy = lineEnergyMeV;
        proposalPerMeV = 1.0;
        densityPerMeV = 1.0;
      } else {
        int j = flux.cell(rng.nextDouble());
        double x = LinearCell.sample(flux.beta(j), 1.0 - rng.nextDouble());
        energy = flux.energyMeV(j, x);
        proposalPerMeV = flux.densityPerMeV(j, x);
        densityPerMeV = spectrum.densityPerMeV(energy);
      }
      double hi = Math.min(maxRecoilMeV, xs.maxRecoilMeV(energy));
      double width = hi - minRecoilMeV;
      if (!(width > 0.0)) {
        i--; // E within rounding of E_min(T_lo): probability ~1e-16, draw again
        continue;
      }
      double recoil = Math.min(hi, minRecoilMeV + rng.nextDouble() * width);
      energyMeV[i] = energy;
      recoilMeV[i] = recoil;
      weight[i] = densityPerMeV * xs.xsCm2PerMeV(energy, recoil) * width
          / (proposalPerMeV * fluxAveragedXsCm2);
    }
  }

  private void requireSamplable(UniformRandomProvider rng) {
    Objects.requireNonNull(rng, "rng");
    if (isEmpty()) {
      throw new IllegalStateException("no event can fall in the recoil window [" + minRecoilMeV + ", "
          + maxRecoilMeV + "] MeV of this channel (<sigma> = 0)");
    }
  }

  private static void checkBatch(int count, int offset, double[] a, double[] b, double[] c) {
    int length = Math.min(a.length, Math.min(b.length, c.length));
    if (count < 0 || offset < 0 || offset > length - count) {
      throw new IllegalArgumentException("count " + count + " at offset " + offset
          + " must be >= 0 and fit in output arrays of length " + length);
    }
  }

  /** Model CDF of the E marginal (tests). */
  double modelEnergyCdf(double energyMeV) {
    return marginal.cdf(energyMeV);
  }

  /** Model density of the E marginal per MeV (tests). */
  double modelEnergyDensityPerMeV(double energyMeV) {
    int j = cellOf(energyMeV);
    return marginal.densityPerMeV(j, (energyMeV - nodesMeV[j]) / (nodesMeV[j + 1] - nodesMeV[j]));
  }

  /** Model CDF of T given E (mixture of the two neighbouring rows; tests). */
  double modelRecoilCdf(double energyMeV, double recoilMeV) {
    double hi = Math.min(maxRecoilMeV, xs.maxRecoilMeV(energyMeV));
    double lo = steep ? Math.max(minRecoilMeV, xs.minRecoilMeV(energyMeV)) : minRecoilMeV;
    double u = steep && lo > 0.0 ? Math.log(recoilMeV / lo) / Math.log(hi / lo) : (recoilMeV - lo) / (hi - lo);
    if (nodesMeV.length == 1) {
      return rows.cdfU(0, u);
    }
    int j = cellOf(energyMeV);
    double x = (energyMeV - nodesMeV[j]) / (nodesMeV[j + 1] - nodesMeV[j]);
    return (1.0 - x) * rows.cdfU(j, u) + x * rows.cdfU(j + 1, u);
  }

  private int cellOf(double energyMeV) {
    int k = Arrays.binarySearch(nodesMeV, energyMeV);
    int j = k >= 0 ? k : -k - 2;
    return Math.max(0, Math.min(nodesMeV.length - 2, j));
  }

  /** Energy nodes in MeV (tests). */
  double[] energyNodesMeV() {
    return nodesMeV.clone();
  }

  /** Table estimate of ⟨σ⟩ of the envelope in the window, cm² (tests, diagnostics). */
  double envelopeXsCm2() {
    return envelopeXsCm2;
  }
}
