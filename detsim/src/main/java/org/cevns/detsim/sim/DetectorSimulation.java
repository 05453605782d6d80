package org.cevns.detsim.sim;

import java.util.Arrays;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.schema.GeneratorSettings;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.events.run.BlockFiller;
import org.cevns.generator.run.TruthGenerator;
import org.cevns.events.block.SimBlock;

/**
 * {@code cevns simulate} in one pass: fills each block with signal and background events and applies the
 * detector response, in the worker thread, with no intermediate file.
 *
 * <p>Backgrounds are extra channels of the generator's per-block multinomial ({@link TruthGenerator}), so with
 * a Poisson total of mean Σ signal + Σ background expectations the counts of every signal channel and every
 * background component are independent Poisson variables; for a fixed total ({@code --events N}) the split
 * is multinomial. Block k draws truth and backgrounds from the stream (seed, k) and the response from
 * {@link SimStreams#response}(seed, k): the output depends only on the configuration and the seed, not on the
 * thread count. Immutable and shared by the workers.
 */
public final class DetectorSimulation implements BlockFiller<SimBlock> {
  private final TruthGenerator truth;
  private final BackgroundChannels backgrounds;
  private final BlockResponse response;
  private final long seed;
  private final boolean dropUndetected;

  private DetectorSimulation(TruthGenerator truth, BackgroundChannels backgrounds, BlockResponse response,
      long seed, boolean dropUndetected) {
    this.truth = truth;
    this.backgrounds = backgrounds;
    this.response = response;
    this.seed = seed;
    this.dropUndetected = dropUndetected;
  }

  /**
   * Builds the sampling tables (with {@code threads} threads) of a run of {@code totalEvents} events.
   *
   * @param config detsim sections with a response for every detector
   * @param dropUndetected keep only detected events (blocks are compacted in the worker)
   */
  public static DetectorSimulation of(ExperimentModel model, DetsimConfig config, BackgroundChannels backgrounds,
      GeneratorSettings settings, long seed, long totalEvents, int threads, boolean dropUndetected) {
    return of(model, config, backgrounds, settings, seed, totalEvents, threads, dropUndetected,
        org.cevns.generator.run.RecoilFloors.NONE);
  }

  /**
   * As {@link #of}, the signal channels sampled above their recoil floors (analysis templates: expectations of the
   * windows above them, {@link org.cevns.generator.run.RecoilFloors}).
   */
  public static DetectorSimulation of(ExperimentModel model, DetsimConfig config, BackgroundChannels backgrounds,
      GeneratorSettings settings, long seed, long totalEvents, int threads, boolean dropUndetected,
      org.cevns.generator.run.RecoilFloors floors) {
    return of(model, config, backgrounds, settings, seed, totalEvents, threads, dropUndetected, floors,
        backgrounds.expected());
  }

  /**
   * As {@link #of(ExperimentModel, DetsimConfig, BackgroundChannels, GeneratorSettings, long, long, int, boolean,
   * org.cevns.generator.run.RecoilFloors)}, background channel j drawn in the multinomial split with weight
   * {@code backgroundSampling[j]} in place of its expectation (importance sampling of analysis templates: more events
   * of a small background; the caller divides their weights by the ratio). Event weights are those of the generator
   * for a run of expectation Σ signal + Σ {@code backgroundSampling}.
   */
  public static DetectorSimulation of(ExperimentModel model, DetsimConfig config, BackgroundChannels backgrounds,
      GeneratorSettings settings, long seed, long totalEvents, int threads, boolean dropUndetected,
      org.cevns.generator.run.RecoilFloors floors, double[] backgroundSampling) {
    if (backgroundSampling.length != backgrounds.channels().size()) {
      throw new IllegalArgumentException("backgroundSampling must have " + backgrounds.channels().size()
          + " entries, got " + backgroundSampling.length);
    }
    TruthGenerator t = TruthGenerator.of(model, settings, seed, totalEvents, threads, backgroundSampling, floors);
    return new DetectorSimulation(t, backgrounds, BlockResponse.of(model, config), seed, dropUndetected);
  }

  /**
   * As {@link #of}, for a {@code --mean} run: every signal and background channel makes its expected count
   * ({@link TruthGenerator#ofMean}), not a multinomial share of the total.
   */
  public static DetectorSimulation ofMean(ExperimentModel model, DetsimConfig config, BackgroundChannels backgrounds,
      GeneratorSettings settings, long seed, int threads, boolean dropUndetected) {
    TruthGenerator t = TruthGenerator.ofMean(model, settings, seed, threads, backgrounds.expected());
    return new DetectorSimulation(t, backgrounds, BlockResponse.of(model, config), seed, dropUndetected);
  }

  /** Expected events of the run: signal over all recoils plus every background channel. */
  public static double expectedEvents(ExperimentModel model, BackgroundChannels backgrounds) {
    return model.totalExpectedEvents() + backgrounds.totalExpected();
  }

  /** Number of blocks. */
  public long blockCount() {
    return truth.blockCount();
  }

  /** Events generated (before {@code --drop-undetected}). */
  public long totalEvents() {
    return truth.totalEvents();
  }

  @Override
  public void fill(long blockIndex, SimBlock block) {
    Arrays.fill(block.component, SimBlock.SIGNAL);
    truth.fill(blockIndex, block.truth, (j, rng, row, count) -> backgrounds.fill(j, rng, block, row, count));
    response.apply(block, SimStreams.response(seed, blockIndex));
    if (dropUndetected) {
      block.compactDetected();
    }
  }
}
