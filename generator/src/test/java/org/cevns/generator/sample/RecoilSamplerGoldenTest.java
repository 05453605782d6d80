package org.cevns.generator.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.cevns.events.run.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The batch sampler's pairs, bit for bit, are those of the code before its loops were reorganised for speed
 * (docs/performance-history.md, "Generator and JIT CPU (fourteenth session)"): the golden SHA-256 values were printed by
 * this test run against the sampler of commit ac143b3 (one pass per pair through {@code RecoilRows.sampleU}).
 * Events of a run must not change when the code gets faster; a deliberate change of the tables or of the draws
 * must print and record new values.
 */
class RecoilSamplerGoldenTest {
  @Test
  void batchPairsAreThoseOfTheReferenceCode() throws Exception {
    RecoilSampler[] samplers = {
      RecoilSampler.of(TestSpectra.michel(), CevnsLikeXs.cesium(true), 64, 32),
      RecoilSampler.of(TestSpectra.line(29.8), CevnsLikeXs.cesium(true), 64, 32),
      RecoilSampler.of(TestSpectra.michel(), new EvesLikeXs(), 64, 32),
      RecoilSampler.of(TestSpectra.michel(), CevnsLikeXs.cesium(false), 128, 64, 2e-3, 0.03),
    };
    String[] golden = {
      "479866eaf6460e224f71baafa1596b08731f0c56f272bee132dbbfbcb377f6ec",
      "3c82d26e0dddfeccadb9f08ebf958bcd5d56ae9045b0650df367960b0d1768fd",
      "73766adebba28f51f82b368612db3285975d9e948bd91ba60a576c57a1baab99",
      "cd9a5e659588e2b27022d6a324d886552624e3d3897f5f908ab84c4dc147b658",
    };
    for (int k = 0; k < samplers.length; k++) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      RecoilSampler.Scratch scratch = new RecoilSampler.Scratch();
      for (int count : new int[] {1, 255, 257, 5000}) {
        double[] e = new double[count];
        double[] t = new double[count];
        samplers[k].sample(RandomStreams.create(11, count), count, e, t, 0, scratch);
        ByteBuffer b = ByteBuffer.allocate(16 * count);
        for (int i = 0; i < count; i++) {
          b.putLong(Double.doubleToRawLongBits(e[i])).putLong(Double.doubleToRawLongBits(t[i]));
        }
        sha.update(b.array());
      }
      assertEquals(golden[k], HexFormat.of().formatHex(sha.digest()), "sampler " + k);
    }
  }
}
