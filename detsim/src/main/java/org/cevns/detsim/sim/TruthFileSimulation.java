package org.cevns.detsim.sim;

import java.io.IOException;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.physics.Process;
import org.cevns.events.block.EventBlock;
import org.cevns.events.block.EventDictionary;
import org.cevns.events.io.EventFileReader;
import org.cevns.events.run.BlockConsumer;
import org.cevns.generator.run.EventCount;
import org.cevns.events.run.ParallelRunner;
import org.cevns.generator.sample.ChannelMixture;
import org.cevns.events.run.RandomStreams;
import org.cevns.events.block.SimBlock;

/**
 * {@code cevns detsim}: the detector response applied to the truth events of a file or shard directory, then
 * (optionally) the configured backgrounds appended as blocks of their own.
 *
 * <p>Blocks 0 … T−1 are the truth file read in order, {@link EventBlock#CAPACITY} rows each; a worker reads its
 * block under a lock in block order and applies the response outside it, so reading is sequential and the
 * response parallel. Blocks T … T+B−1 hold backgrounds: a Poisson number of events with mean Σ background
 * expectations of the configured exposure (one toy experiment, independent of how the truth file's events
 * were counted), split over the components per block as in {@code simulate}, with event ids continuing after
 * the truth file's row count and weight 1. Every block's response draws from {@link SimStreams#response}(seed,
 * block index), so the output does not depend on the thread count.
 */
public final class TruthFileSimulation {
  private final EventFileReader reader;
  private final BlockResponse response;
  private final BackgroundChannels backgrounds;
  private final ChannelMixture mixture;
  private final int parentCount;
  private final EventDictionary dictionary;
  private final long seed;
  private final long truthEvents;
  private final long truthBlocks;
  private final long backgroundEvents;
  private final boolean dropUndetected;
  private final Object readLock = new Object();
  private long nextRead;

  private TruthFileSimulation(EventFileReader reader, BlockResponse response, BackgroundChannels backgrounds,
      EventDictionary dictionary, long seed, long backgroundEvents, boolean dropUndetected) {
    this.reader = reader;
    this.response = response;
    this.backgrounds = backgrounds;
    this.dictionary = dictionary;
    this.parentCount = dictionary.parents().size();
    this.seed = seed;
    this.truthEvents = reader.totalEvents();
    this.truthBlocks = (truthEvents + EventBlock.CAPACITY - 1) / EventBlock.CAPACITY;
    this.backgroundEvents = backgroundEvents;
    this.mixture = backgroundEvents > 0 ? ChannelMixture.of(backgrounds.expected()) : null;
    this.dropUndetected = dropUndetected;
  }

  /**
   * @param reader truth events, opened with the model's dictionary as seed (codes as in the model)
   * @param dictionary the model's dictionary
   * @param withBackgrounds append the configured backgrounds
   */
  public static TruthFileSimulation of(EventFileReader reader, BlockResponse response,
      BackgroundChannels backgrounds, EventDictionary dictionary, long seed, boolean withBackgrounds,
      boolean dropUndetected) {
    long bg = withBackgrounds && backgrounds.totalExpected() > 0
        ? EventCount.poisson(backgrounds.totalExpected(), SimStreams.backgroundSeed(seed)).events() : 0;
    return new TruthFileSimulation(reader, response, backgrounds, dictionary, seed, bg, dropUndetected);
  }

  /** Truth events in the input. */
  public long truthEvents() {
    return truthEvents;
  }

  /** Background events appended. */
  public long backgroundEvents() {
    return backgroundEvents;
  }

  /** Blocks of the run (truth, then backgrounds). */
  public long blockCount() {
    return truthBlocks + (backgroundEvents + EventBlock.CAPACITY - 1) / EventBlock.CAPACITY;
  }

  /**
   * Runs every block through {@code threads} workers into {@code consumer} (in block order on this thread);
   * can run once (the reader is consumed).
   *
   * @param progress called with events done (may be null)
   */
  public void run(int threads, BlockConsumer<SimBlock> consumer, LongConsumer progress) throws Exception {
    long total = truthEvents + backgroundEvents;
    ParallelRunner.run(0, blockCount(), threads, SimBlock::new, this::fill, consumer,
        progress == null ? null : blocks -> progress.accept(Math.min(total, blocks * EventBlock.CAPACITY)));
  }

  private void fill(long k, SimBlock b) throws IOException, InterruptedException {
    if (k < truthBlocks) {
      synchronized (readLock) {
        while (nextRead != k) {
          readLock.wait();
        }
        try {
          reader.next(b.truth);
        } finally {
          nextRead++;
          readLock.notifyAll();
        }
      }
      check(b.truth);
      java.util.Arrays.fill(b.component, 0, b.truth.size(), SimBlock.SIGNAL);
    } else {
      fillBackgrounds(k - truthBlocks, b);
    }
    response.apply(b, SimStreams.response(seed, k));
    if (dropUndetected) {
      b.compactDetected();
    }
  }

  private void check(EventBlock t) {
    int n = t.size();
    for (int i = 0; i < n; i++) {
      if (t.detector[i] >= response.detectorCount()) {
        throw new SimulationInputException("truth detector '" + name(reader.dictionary().detectors(), t.detector[i])
            + "' is not a detector of the configuration, allowed: " + String.join(", ", dictionary.detectors()));
      }
      if (t.period[i] >= response.periodCount()) {
        throw new SimulationInputException("truth period '" + name(reader.dictionary().periods(), t.period[i])
            + "' is not a period of the configuration, allowed: " + String.join(", ", dictionary.periods()));
      }
      if (t.parent[i] >= parentCount) {
        throw new SimulationInputException("truth parent '" + name(reader.dictionary().parents(), t.parent[i])
            + "' is not produced by the configuration's sources, allowed: " + String.join(", ", dictionary.parents()));
      }
      if (t.process[i] < 0 || t.process[i] >= Process.values().length) {
        throw new SimulationInputException("truth process code " + t.process[i] + " is not cevns or eves");
      }
    }
  }

  private static String name(List<String> values, int code) {
    return code >= 0 && code < values.size() ? values.get(code) : "#" + code;
  }

  private void fillBackgrounds(long j, SimBlock b) {
    long first = j * EventBlock.CAPACITY;
    int n = (int) Math.min(EventBlock.CAPACITY, backgroundEvents - first);
    UniformRandomProvider rng = RandomStreams.create(SimStreams.backgroundSeed(seed), j);
    int[] counts = new int[mixture.size()];
    mixture.counts(rng, n, counts);
    int row = 0;
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] > 0) {
        backgrounds.fill(c, rng, b, row, counts[c]);
        row += counts[c];
      }
    }
    EventBlock t = b.truth;
    backgrounds.fillRecord(rng, t, 0, n);
    for (int i = 0; i < n; i++) {
      t.eventId[i] = truthEvents + first + i;
      t.weight[i] = 1.0;
    }
    t.setSize(n);
  }
}
