package org.cevns.generator.run;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.Channel;
import org.cevns.physics.constants.Units;

/**
 * The columns of one signal channel's rows besides (E, T) and the weight: the time (from the block's stream,
 * {@link TimeColumn}), the recoil in keV, the event ids and the channel's constant columns. Small methods with
 * short loops, so that the just-in-time compiler compiles each once, early and cheaply, instead of recompiling
 * one large block-filling method several times (docs/performance-history.md, "Per-event sampling (thirteenth
 * session)"). Immutable.
 */
final class ChannelColumns {
  private final TimeColumn time;
  private final int detector;
  private final byte process;
  private final byte flavor;
  private final int parent;
  private final int targetZ;
  private final int targetA;
  private final int period;

  private ChannelColumns(Channel ch) {
    this.time = TimeColumn.of(ch.component().timeProfile());
    this.detector = ch.detectorIndex();
    this.process = (byte) ch.process().ordinal();
    this.flavor = (byte) ch.component().flavor().ordinal();
    this.parent = ch.parentIndex();
    this.targetZ = ch.isotope().z();
    this.targetA = ch.isotope().a();
    this.period = ch.periodIndex();
  }

  static ChannelColumns of(Channel ch) {
    return new ChannelColumns(ch);
  }

  /**
   * Rows [row, end) whose (E, T in MeV) are drawn: times from {@code rng}, T to keV, event ids from
   * {@code firstEventId + row}, constant columns.
   */
  void fill(UniformRandomProvider rng, EventBlock b, long firstEventId, int row, int end) {
    time.fill(rng, b.timeNs, row, end);
    toKeV(b.recoilKeV, row, end);
    ids(b.eventId, firstEventId, row, end);
    Arrays.fill(b.detector, row, end, detector);
    Arrays.fill(b.process, row, end, process);
    Arrays.fill(b.flavor, row, end, flavor);
    Arrays.fill(b.parent, row, end, parent);
    Arrays.fill(b.targetZ, row, end, targetZ);
    Arrays.fill(b.targetA, row, end, targetA);
    Arrays.fill(b.period, row, end, period);
  }

  private static void toKeV(double[] recoil, int row, int end) {
    for (int i = row; i < end; i++) {
      recoil[i] *= Units.KEV_PER_MEV;
    }
  }

  /** {@code id[i] = first + i}. */
  static void ids(long[] id, long first, int row, int end) {
    for (int i = row; i < end; i++) {
      id[i] = first + i;
    }
  }
}
