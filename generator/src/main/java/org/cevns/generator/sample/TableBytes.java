package org.cevns.generator.sample;

import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Heap taken by the sampling tables of one channel ({@link RecoilSampler#of(EnergySpectrum, RecoilCrossSection,
 * int, int)}), computed from the node counts without building the tables, so that a command can tell before
 * building them whether they fit in the heap (bin/cevns sizes the heap; docs/performance.md, "Memory sizing").
 *
 * <p>The recoil rows are one float array of rows × (4 cells + 1) values ({@link RecoilRows}): one row for a line
 * spectrum, else max(energy nodes, forced edges) rows ({@link EnergyGrid#place}); the energy cells, the nodes and
 * the envelope add at most {@value #PER_NODE_BYTES} bytes per node in small arrays.
 *
 * @param rowsArrayBytes bytes of the float array of the recoil rows, its 16-byte array header included (0 for a
 *     channel that can have no event)
 * @param otherBytes upper bound of the bytes of the other arrays of the tables
 */
public record TableBytes(long rowsArrayBytes, long otherBytes) {
  /**
   * Bytes per energy node of the arrays besides the rows, an upper bound: the node (8), the envelope integral
   * (8), and per cell of the marginal and the flux tables probability, cumulative, shape, threshold (4 × 8) and
   * alias (4) bytes.
   */
  static final long PER_NODE_BYTES = 96;
  /** Header of a Java array on a 64-bit JVM with compressed class pointers (12 bytes of header, 4 of length). */
  static final long ARRAY_HEADER_BYTES = 16;

  /**
   * The tables of the channel {@code spectrum} × {@code xs} over all recoils (the window of
   * {@link RecoilSampler#of(EnergySpectrum, RecoilCrossSection, int, int)}).
   */
  public static TableBytes of(EnergySpectrum spectrum, RecoilCrossSection xs, int energyNodes, int recoilNodes) {
    long rows;
    if (spectrum.isLine()) {
      rows = 1;
    } else {
      double lo = Math.max(0.0, xs.recoilFloorMeV()); // as RecoilSampler.of for the window [0, inf)
      double[] edges = FluxAveragedXs.energyEdges(spectrum, xs, lo, Double.POSITIVE_INFINITY, new double[0]);
      rows = edges.length < 2 ? 0 : Math.max(energyNodes, edges.length);
    }
    if (rows == 0) {
      return new TableBytes(0, 0);
    }
    long floats = rows * (4L * recoilNodes + 1);
    return new TableBytes(ARRAY_HEADER_BYTES + Float.BYTES * floats, PER_NODE_BYTES * rows);
  }
}
