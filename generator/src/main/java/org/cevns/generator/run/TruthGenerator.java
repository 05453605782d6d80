package org.cevns.generator.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.schema.GeneratorSettings;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.sample.ChannelMixture;
import org.cevns.events.run.RandomStreams;
import org.cevns.generator.sample.RecoilSampler;
import org.cevns.events.run.BlockFiller;

/**
 * Fills truth event blocks for an {@link ExperimentModel}. Events are split over channels in proportion to
 * their expected counts (a multinomial draw per block, so that a Poisson total gives independent Poisson
 * counts per channel), and each channel's (E, T) pairs come from its {@link RecoilSampler} tables.
 *
 * <p>Block k of a run with seed s draws only from {@code RandomStreams.create(s, k)}, so the output does not
 * depend on the number of threads. Immutable after construction and shared by all worker threads.
 *
 * <p><b>Extra channels.</b> A later stage may add channels of its own to the same per-block multinomial split
 * ({@link #of(ExperimentModel, GeneratorSettings, long, long, int, double[])}; detsim adds its backgrounds):
 * with a Poisson total of mean Σ (signal + extra expectations), the counts per signal channel and per extra
 * channel are then independent Poisson variables. The rows of extra channel j are filled by the caller's
 * {@link ExtraRows} from the block's random stream, after the signal rows; the generator sets their
 * {@code eventId} and {@code weight}. Without extra channels the output is unchanged.
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
  private final int extraChannels;
  /** For a {@code --mean} run: the cumulative event count at the end of each channel; null for multinomial. */
  private final long[] channelEnds;
  private final EventRecord record;
  /** Per signal channel: its time sampling and constant columns. */
  private final ChannelColumns[] columns;

  /**
   * Fills the rows of one extra channel (see the class comment). Called on the worker thread that fills the
   * block, once per extra channel with at least one event, in channel order.
   */
  @FunctionalInterface
  public interface ExtraRows {
    /**
     * Fills rows {@code [row, row + count)} of the block being filled with events of extra channel
     * {@code extraChannel}: every truth column except {@code eventId} and {@code weight}, which the
     * generator sets. Draws only from {@code rng}, the block's stream.
     */
    void fill(int extraChannel, UniformRandomProvider rng, int row, int count);
  }

  private TruthGenerator(ExperimentModel model, List<Channel> channels, RecoilSampler[] samplers,
      ChannelMixture mixture, boolean weighted, long seed, long totalEvents, int extraChannels) {
    this(model, channels, samplers, mixture, weighted, seed, totalEvents, extraChannels, null);
  }

  private TruthGenerator(ExperimentModel model, List<Channel> channels, RecoilSampler[] samplers,
      ChannelMixture mixture, boolean weighted, long seed, long totalEvents, int extraChannels,
      long[] channelEnds) {
    this.channelEnds = channelEnds;
    this.model = model;
    this.channels = channels;
    this.samplers = samplers;
    this.mixture = mixture;
    this.weighted = weighted;
    this.seed = seed;
    this.totalEvents = totalEvents;
    this.extraChannels = extraChannels;
    this.record = EventRecord.of(model, channels);
    this.columns = new ChannelColumns[channels.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = ChannelColumns.of(channels.get(c));
    }
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
    return of(model, settings, seed, totalEvents, threads, new double[0]);
  }

  /**
   * As {@link #of(ExperimentModel, GeneratorSettings, long, long, int)}, with extra channels that share the
   * multinomial split of every block (see the class comment); their rows are filled through
   * {@link #fill(long, EventBlock, ExtraRows)}.
   *
   * @param extraExpected expected events of each extra channel, each finite and &ge; 0
   */
  public static TruthGenerator of(ExperimentModel model, GeneratorSettings settings, long seed, long totalEvents,
      int threads, double[] extraExpected) {
    return of(model, settings, seed, totalEvents, threads, extraExpected, RecoilFloors.NONE);
  }

  /**
   * As {@link #of(ExperimentModel, GeneratorSettings, long, long, int, double[])}, each signal channel sampled above
   * its {@link RecoilFloors floor} with the expectation of that window (channels with none left are dropped).
   */
  public static TruthGenerator of(ExperimentModel model, GeneratorSettings settings, long seed, long totalEvents,
      int threads, double[] extraExpected, RecoilFloors floors) {
    if (totalEvents < 0) {
      throw new IllegalArgumentException("totalEvents must be >= 0, got " + totalEvents);
    }
    double extraTotal = 0;
    for (int j = 0; j < extraExpected.length; j++) {
      if (!(extraExpected[j] >= 0) || Double.isInfinite(extraExpected[j])) {
        throw new IllegalArgumentException("extraExpected[" + j + "] must be finite and >= 0, got "
            + extraExpected[j]);
      }
      extraTotal += extraExpected[j];
    }
    List<Channel> live = new ArrayList<>();
    for (Channel c : model.channels()) {
      if (floors.expectedEvents(c) > 0) {
        live.add(c);
      }
    }
    if (live.isEmpty() && !(extraTotal > 0)) {
      if (totalEvents > 0) {
        throw new IllegalArgumentException("the configuration expects no events: nothing to sample "
            + totalEvents + " events from");
      }
      return new TruthGenerator(model, live, new RecoilSampler[0], null, settings.weighted(), seed, 0,
          extraExpected.length);
    }
    Map<String, RecoilSampler> cache = new HashMap<>();
    List<String> keys = new ArrayList<>();
    Map<String, Channel> firstByKey = new HashMap<>();
    for (Channel c : live) {
      String k = key(model, c) + (floors.raises(c) ? "/from " + floors.minRecoilMeV(c) : "");
      keys.add(k);
      firstByKey.putIfAbsent(k, c);
    }
    if (firstByKey.isEmpty()) {
      double[] expected = extraExpected.clone();
      return new TruthGenerator(model, List.of(), new RecoilSampler[0], ChannelMixture.of(expected),
          settings.weighted(), seed, totalEvents, extraExpected.length);
    }
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
    try {
      Map<String, RecoilSampler> built = pool.submit(() -> firstByKey.entrySet().parallelStream()
          .collect(java.util.stream.Collectors.toConcurrentMap(Map.Entry::getKey, e -> RecoilSampler.of(
              e.getValue().component().spectrum(), e.getValue().xs(), settings.energyNodes(),
              settings.recoilNodes(), floors.raises(e.getValue()) ? floors.minRecoilMeV(e.getValue()) : 0.0,
              Double.POSITIVE_INFINITY, floors.raises(e.getValue()) ? floors.windowXsCm2(e.getValue()) : Double.NaN))))
          .get();
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
    double[] expected = new double[live.size() + extraExpected.length];
    for (int i = 0; i < live.size(); i++) {
      samplers[i] = cache.get(keys.get(i));
      expected[i] = floors.expectedEvents(live.get(i));
    }
    System.arraycopy(extraExpected, 0, expected, live.size(), extraExpected.length);
    return new TruthGenerator(model, List.copyOf(live), samplers, ChannelMixture.of(expected),
        settings.weighted(), seed, totalEvents, extraExpected.length);
  }

  /**
   * Channels with the same key share one sampler (also counted so by {@link TableFootprint}). An EvES cross section
   * depends on the atom's proton number only (its electrons: {@code ModelCrossSections} builds one per Z), so the
   * isotopes of one element share its EvES tables: natural xenon's nine isotopes made nine identical sets of tables,
   * 5.5 CPU-s of a 1000-event xenon-solar-er run (docs/performance-history.md, "EvES tables per element").
   */
  static String key(ExperimentModel model, Channel c) {
    String target = c.process() == org.cevns.physics.Process.EVES ? "Z" + c.isotope().z() : c.isotope().label();
    return model.exposures().get(c.exposureIndex()).sourceIndex() + "/" + c.componentIndex() + "/" + c.process()
        + "/" + target + "/" + c.component().flavor();
  }

  /**
   * Per-channel event counts of a {@code --mean} run: the expectations of the signal channels (those with a
   * non-zero expectation, in sampling order) followed by {@code extraExpected}, rounded by the largest-remainder
   * method so that every count is within 1 of its expectation and the total is the rounded total expectation.
   * Ties go to the lower index. Deterministic.
   */
  public static long[] meanCounts(ExperimentModel model, double[] extraExpected) {
    List<Double> e = new ArrayList<>();
    for (Channel c : model.channels()) {
      if (c.expectedEvents() > 0) {
        e.add(c.expectedEvents());
      }
    }
    for (double x : extraExpected) {
      e.add(x);
    }
    long[] counts = new long[e.size()];
    double total = 0;
    long floorSum = 0;
    for (int i = 0; i < counts.length; i++) {
      total += e.get(i);
      counts[i] = (long) Math.floor(e.get(i));
      floorSum += counts[i];
    }
    long missing = Math.round(total) - floorSum;
    Integer[] order = new Integer[counts.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int byRemainder = Double.compare(e.get(b) - Math.floor(e.get(b)), e.get(a) - Math.floor(e.get(a)));
      return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
    });
    for (int k = 0; k < missing && k < order.length; k++) {
      counts[order[k]]++;
    }
    return counts;
  }

  /**
   * The generator of a {@code --mean} run: every channel (signal and extra) makes exactly its
   * {@link #meanCounts} events, the expected count per channel rather than a multinomial split of the total.
   * Channel c fills the event indices [Σ_{i&lt;c} n_i, Σ_{i≤c} n_i) of the run, so the block contents do not
   * depend on threads or shards.
   */
  public static TruthGenerator ofMean(ExperimentModel model, GeneratorSettings settings, long seed, int threads,
      double[] extraExpected) {
    long[] counts = meanCounts(model, extraExpected);
    long total = 0;
    long[] ends = new long[counts.length];
    for (int i = 0; i < counts.length; i++) {
      total += counts[i];
      ends[i] = total;
    }
    TruthGenerator g = of(model, settings, seed, total, threads, extraExpected);
    if (g.mixture == null || ends.length != g.channels.size() + g.extraChannels) {
      return g;
    }
    return new TruthGenerator(g.model, g.channels, g.samplers, g.mixture, g.weighted, g.seed, total,
        g.extraChannels, ends);
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

  /** Number of extra channels. */
  public int extraChannelCount() {
    return extraChannels;
  }

  /** Expected events of the signal channels plus the extra channels. */
  public double totalExpected() {
    return mixture == null ? 0 : mixture.totalExpected();
  }

  /**
   * Fills block {@code blockIndex} of a run without extra channels.
   *
   * @throws IllegalStateException if the generator has extra channels (use
   *     {@link #fill(long, EventBlock, ExtraRows)})
   */
  @Override
  public void fill(long blockIndex, EventBlock block) {
    if (extraChannels > 0) {
      throw new IllegalStateException("this generator has " + extraChannels + " extra channels: fill them with"
          + " fill(blockIndex, block, extraRows)");
    }
    fill(blockIndex, block, null);
  }

  /**
   * Fills block {@code blockIndex}: signal rows first (channel by channel), then the rows of each extra
   * channel through {@code extra} (may be null without extra channels).
   */
  public void fill(long blockIndex, EventBlock block, ExtraRows extra) {
    long first = blockIndex * EventBlock.CAPACITY;
    int n = (int) Math.min(EventBlock.CAPACITY, totalEvents - first);
    if (n <= 0) {
      block.setSize(0);
      return;
    }
    UniformRandomProvider rng = RandomStreams.create(seed, blockIndex);
    int[] counts = new int[channels.size() + extraChannels];
    if (channelEnds == null) {
      mixture.counts(rng, n, counts);
    } else {
      long start = 0;
      for (int c = 0; c < counts.length; c++) {
        long lo = Math.max(first, start);
        long hi = Math.min(first + n, channelEnds[c]);
        counts[c] = (int) Math.max(0, hi - lo);
        start = channelEnds[c];
      }
    }
    RecoilSampler.Scratch work = scratch.get();
    int row = 0;
    for (int c = 0; c < channels.size(); c++) {
      int m = counts[c];
      if (m > 0) {
        fillChannel(c, rng, block, first, row, row + m, work);
        row += m;
      }
    }
    for (int j = 0; j < extraChannels; j++) {
      int m = counts[channels.size() + j];
      if (m == 0) {
        continue;
      }
      if (extra == null) {
        throw new IllegalStateException("extra channel " + j + " has events but no ExtraRows was given");
      }
      extra.fill(j, rng, row, m);
      ChannelColumns.ids(block.eventId, first, row, row + m);
      Arrays.fill(block.weight, row, row + m, weighted ? eventWeight : 1.0);
      row += m;
    }
    // Event-record columns last, from the same stream: the columns above keep their values.
    row = 0;
    for (int c = 0; c < channels.size(); c++) {
      if (counts[c] > 0) {
        record.fillSignal(c, block, row, counts[c], rng);
        row += counts[c];
      }
    }
    if (row < n) {
      record.fillExtra(block, row, n - row, rng);
    }
    block.setSize(n);
  }

  /** Rows [row, end) of signal channel {@code c}: (E, T) and weight, then the other columns. */
  private void fillChannel(int c, UniformRandomProvider rng, EventBlock block, long first, int row, int end,
      RecoilSampler.Scratch work) {
    if (weighted) {
      samplers[c].sampleWeighted(rng, end - row, block.enuMeV, block.recoilKeV, block.weight, row);
      double[] weight = block.weight;
      for (int i = row; i < end; i++) {
        weight[i] *= eventWeight;
      }
    } else {
      samplers[c].sample(rng, end - row, block.enuMeV, block.recoilKeV, row, work);
      Arrays.fill(block.weight, row, end, 1.0);
    }
    columns[c].fill(rng, block, first, row, end);
  }
}
