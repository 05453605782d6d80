package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.events.block.EventBlock;
import org.cevns.events.block.EventDictionary;

/** Random truth blocks and value-by-value comparison for the io tests. */
final class TestEvents {
  static final EventDictionary DICTIONARY = new EventDictionary(List.of("csi", "lar", "ge-ppc"),
      List.of("pi_prompt", "mu_delayed", "U235"), List.of("beam", "off"));

  private TestEvents() {}

  /** Blocks of the given sizes with random values from {@code seed}; event ids continue across blocks. */
  static List<EventBlock> blocks(long seed, int... sizes) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    List<EventBlock> out = new ArrayList<>();
    long id = 0;
    for (int size : sizes) {
      EventBlock b = new EventBlock();
      for (int i = 0; i < size; i++) {
        b.eventId[i] = id++;
        b.detector[i] = rng.nextInt(DICTIONARY.detectors().size());
        b.process[i] = (byte) rng.nextInt(Process.values().length);
        b.flavor[i] = (byte) rng.nextInt(Flavor.values().length);
        b.parent[i] = rng.nextInt(DICTIONARY.parents().size());
        b.enuMeV[i] = 60 * rng.nextDouble();
        b.targetZ[i] = 1 + rng.nextInt(92);
        b.targetA[i] = b.targetZ[i] * 2 + rng.nextInt(60);
        b.recoilKeV[i] = -10 * Math.log(1 - rng.nextDouble());
        b.timeNs[i] = 1e4 * rng.nextDouble() - 500;
        b.period[i] = rng.nextInt(DICTIONARY.periods().size());
        b.weight[i] = rng.nextDouble() < 0.5 ? 1.0 : rng.nextDouble() * 1e-3;
      }
      b.setSize(size);
      out.add(b);
    }
    return out;
  }

  /** The same events regrouped into blocks of {@link EventBlock#CAPACITY} (as a reader returns them). */
  static List<EventBlock> rechunk(List<EventBlock> blocks) {
    List<EventBlock> out = new ArrayList<>();
    EventBlock cur = null;
    for (EventBlock b : blocks) {
      for (int i = 0; i < b.size(); i++) {
        if (cur == null || cur.size() == EventBlock.CAPACITY) {
          cur = new EventBlock();
          out.add(cur);
        }
        int j = cur.size();
        cur.eventId[j] = b.eventId[i];
        cur.detector[j] = b.detector[i];
        cur.process[j] = b.process[i];
        cur.flavor[j] = b.flavor[i];
        cur.parent[j] = b.parent[i];
        cur.enuMeV[j] = b.enuMeV[i];
        cur.targetZ[j] = b.targetZ[i];
        cur.targetA[j] = b.targetA[i];
        cur.recoilKeV[j] = b.recoilKeV[i];
        cur.timeNs[j] = b.timeNs[i];
        cur.period[j] = b.period[i];
        cur.weight[j] = b.weight[i];
        cur.setSize(j + 1);
      }
    }
    return out;
  }

  /** Asserts equal values in every truth column (strings compared by name through each side's dictionary). */
  static void assertSameEvents(EventBlock expected, EventDictionary expectedDict, EventBlock actual,
      EventDictionary actualDict) {
    assertEquals(expected.size(), actual.size(), "size");
    for (int i = 0; i < expected.size(); i++) {
      String at = " at row " + i;
      assertEquals(expected.eventId[i], actual.eventId[i], "event_id" + at);
      assertEquals(expectedDict.detectors().get(expected.detector[i]), actualDict.detectors().get(actual.detector[i]),
          "detector" + at);
      assertEquals(expected.process[i], actual.process[i], "process" + at);
      assertEquals(expected.flavor[i], actual.flavor[i], "flavor" + at);
      assertEquals(expectedDict.parents().get(expected.parent[i]), actualDict.parents().get(actual.parent[i]),
          "parent" + at);
      assertBits(expected.enuMeV[i], actual.enuMeV[i], "enu_mev" + at);
      assertEquals(expected.targetZ[i], actual.targetZ[i], "target_z" + at);
      assertEquals(expected.targetA[i], actual.targetA[i], "target_a" + at);
      assertBits(expected.recoilKeV[i], actual.recoilKeV[i], "recoil_kev" + at);
      assertBits(expected.timeNs[i], actual.timeNs[i], "time_ns" + at);
      assertEquals(expectedDict.periods().get(expected.period[i]), actualDict.periods().get(actual.period[i]),
          "period" + at);
      assertBits(expected.weight[i], actual.weight[i], "weight" + at);
    }
  }

  /** Bit-exact double comparison (NaN payloads and -0.0 included). */
  static void assertBits(double expected, double actual, String what) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
        what + ": expected " + expected + ", got " + actual);
  }
}
