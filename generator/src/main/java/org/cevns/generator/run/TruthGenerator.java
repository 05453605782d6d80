package org.cevns.generator.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.cevns.generator.config.GeneratorSettings;
import org.cevns.generator.constants.Units;
import org.cevns.generator.event.EventBlock;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.sample.ChannelMixture;
import org.cevns.generator.sample.RandomStreams;
import org.cevns.generator.sample.RecoilSampler;

/**
 * Fills truth event blocks for an {@link ExperimentModel}. Events are split over channels in proportion to
 * their expected counts (a multinomial draw per block, so that a Poisson total gives independent Poisson
 * counts per channel), and each channel's (E, T) pairs come from its {@link RecoilSampler} tables.
 *
 * <p>Block k of a run with seed s draws only from {@code RandomStreams.create(s, k)}, so the output does not
 * depend on the number of threads. Immutable after construction and shared by all worker threads.
 */
public final class TruthGenerator implements BlockFiller<EventBlock> {
  private final ExperimentModel model;
  private final List<Channel> channels;
  private final RecoilSampler[] samplers;
  private final ChannelMixture mixture;
  private final boolean weighted;
  private final long seed;
  private final long totalEvents;
  private final double eventWeight;
  /** Per-worker work arrays of the batch sampler (no allocation per block in the steady state). */
  private final ThreadLocal<RecoilSampler.Scratch> scratch = ThreadLocal.withInitial(RecoilSampler.Scratch::new);

  private TruthGenerator(ExperimentModel model, List<Channel> channels, RecoilSampler[] samplers,
      ChannelMixture mixture, boolean weighted, long seed, long totalEvents) {
    this.model = model;
    this.channels = channels;
    this.samplers = samplers;
    this.mixture = mixture;
    this.weighted = weighted;
    this.seed = seed;
    this.totalEvents = totalEvents;
    double expected = mixture == null ? 0 : mixture.totalExpected();
    this.eventWeight = totalEvents == 0 ? 0 : expected / totalEvents;
  }

  /**
   * Builds the sampling tables of every channel with a non-zero expectation.
   *
   * @param model the experiment
   * @param settings table sizes and weighting
   * @param seed run seed
   * @param totalEvents events of the run
   * @param threads threads used to build tables (≥ 1)
   */
  public static TruthGenerator of(ExperimentModel model, GeneratorSettings settings, long seed, long totalEvents,
      int threads) {
    if (totalEvents < 0) {
      throw new IllegalArgumentException("totalEvents must be >= 0, got " + totalEvents);
    }
    List<Channel> live = new ArrayList<>();
    for (Channel c : model.channels()) {
      if (c.expectedEvents() > 0) {
        live.add(c);
      }
    }
    if (live.isEmpty()) {
      if (totalEvents > 0) {
        throw new IllegalArgumentException("the configuration expects no events: nothing to sample "
            + totalEvents + " events from");
      }
      return new TruthGenerator(model, live, new RecoilSampler[0], null, settings.weighted(), seed, 0);
    }
    Map<String, RecoilSampler> cache = new HashMap<>();
    List<String> keys = new ArrayList<>();
    Map<String, Channel> firstByKey = new HashMap<>();
    for (Channel c : live) {
      String k = key(model, c);
      keys.add(k);
      firstByKey.putIfAbsent(k, c);
    }
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
    try {
      Map<String, RecoilSampler> built = pool.submit(() -> firstByKey.entrySet().parallelStream()
          .collect(java.util.stream.Collectors.toConcurrentMap(Map.Entry::getKey, e -> RecoilSampler.of(
              e.getValue().component().spectrum(), e.getValue().xs(), settings.energyNodes(),
              settings.recoilNodes())))).get();
      cache.putAll(built);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building sampling tables", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdown();
    }
    RecoilSampler[] samplers = new RecoilSampler[live.size()];
    double[] expected = new double[live.size()];
    for (int i = 0; i < live.size(); i++) {
      samplers[i] = cache.get(keys.get(i));
      expected[i] = live.get(i).expectedEvents();
    }
    return new TruthGenerator(model, List.copyOf(live), samplers, ChannelMixture.of(expected),
        settings.weighted(), seed, totalEvents);
  }

  private static String key(ExperimentModel model, Channel c) {
    return model.exposures().get(c.exposureIndex()).sourceIndex() + "/" + c.componentIndex() + "/" + c.process()
        + "/" + c.isotope().label() + "/" + c.component().flavor();
  }

  /** Number of blocks of this run. */
  public long blockCount() {
    return (totalEvents + EventBlock.CAPACITY - 1) / EventBlock.CAPACITY;
  }

  /** Events of this run. */
  public long totalEvents() {
    return totalEvents;
  }

  /** The model this generator samples. */
  public ExperimentModel model() {
    return model;
  }

  /** Channels with a non-zero expectation, in sampling order. */
  public List<Channel> channels() {
    return channels;
  }

  @Override
  public void fill(long blockIndex, EventBlock block) {
    long first = blockIndex * EventBlock.CAPACITY;
    int n = (int) Math.min(EventBlock.CAPACITY, totalEvents - first);
    if (n <= 0) {
      block.setSize(0);
      return;
    }
    UniformRandomProvider rng = RandomStreams.create(seed, blockIndex);
    int[] counts = new int[channels.size()];
    mixture.counts(rng, n, counts);
    RecoilSampler.Scratch work = scratch.get();
    int row = 0;
    for (int c = 0; c < counts.length; c++) {
      int m = counts[c];
      if (m == 0) {
        continue;
      }
      Channel ch = channels.get(c);
      if (weighted) {
        samplers[c].sampleWeighted(rng, m, block.enuMeV, block.recoilKeV, block.weight, row);
        for (int i = row; i < row + m; i++) {
          block.weight[i] *= eventWeight;
        }
      } else {
        samplers[c].sample(rng, m, block.enuMeV, block.recoilKeV, row, work);
        Arrays.fill(block.weight, row, row + m, 1.0);
      }
      ContinuousSampler time = ch.component().timeProfile().sampler(rng);
      int end = row + m;
      double[] timeNs = block.timeNs;
      for (int i = row; i < end; i++) {
        timeNs[i] = time.sample();
      }
      double[] recoilKeV = block.recoilKeV;
      long[] eventId = block.eventId;
      for (int i = row; i < end; i++) {
        recoilKeV[i] *= Units.KEV_PER_MEV;
        eventId[i] = first + i;
      }
      // constant columns of the channel: bulk fills
      Arrays.fill(block.detector, row, end, ch.detectorIndex());
      Arrays.fill(block.process, row, end, (byte) ch.process().ordinal());
      Arrays.fill(block.flavor, row, end, (byte) ch.component().flavor().ordinal());
      Arrays.fill(block.parent, row, end, ch.parentIndex());
      Arrays.fill(block.targetZ, row, end, ch.isotope().z());
      Arrays.fill(block.targetA, row, end, ch.isotope().a());
      Arrays.fill(block.period, row, end, ch.periodIndex());
      row = end;
    }
    block.setSize(n);
  }
}
