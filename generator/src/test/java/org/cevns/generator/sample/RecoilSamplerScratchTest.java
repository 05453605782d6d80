package org.cevns.generator.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.cevns.events.run.RandomStreams;

/** The batch sampler with caller-owned work arrays gives exactly the draws of the allocating one. */
class RecoilSamplerScratchTest {
  @Test
  void scratchOverloadDrawsTheSamePairs() {
    RecoilSampler[] samplers = {
      RecoilSampler.of(TestSpectra.michel(), CevnsLikeXs.cesium(true), 64, 32),
      RecoilSampler.of(TestSpectra.line(29.8), CevnsLikeXs.cesium(true), 64, 32),
      RecoilSampler.of(TestSpectra.michel(), new EvesLikeXs(), 64, 32),
    };
    RecoilSampler.Scratch scratch = new RecoilSampler.Scratch();
    for (RecoilSampler s : samplers) {
      for (int count : new int[] {0, 1, 255, 256, 257, 1000}) {
        double[] e1 = new double[count + 3];
        double[] t1 = new double[count + 3];
        double[] e2 = new double[count + 3];
        double[] t2 = new double[count + 3];
        s.sample(RandomStreams.create(9, count), count, e1, t1, 3);
        s.sample(RandomStreams.create(9, count), count, e2, t2, 3, scratch);
        assertArrayEquals(e1, e2, "E, count " + count);
        assertArrayEquals(t1, t2, "T, count " + count);
      }
    }
  }
}
