package org.cevns.generator.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.cevns.events.block.BlockSink;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.ExperimentModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.cevns.events.run.Shard;

class ShardTest {
  @Test
  void parsesAndPrints() {
    assertEquals(new Shard(3, 8), Shard.parse("3/8"));
    assertEquals(new Shard(0, 1), Shard.parse(" 0 / 1 "));
    assertEquals("3/8", new Shard(3, 8).toString());
    assertTrue(Shard.WHOLE.isWhole());
  }

  @ParameterizedTest
  @ValueSource(strings = {"3/3", "-1/3", "1/0", "3", "a/b", "1/2/3", "", "0/9999999999"})
  void rejectsBadText(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(text));
    assertTrue(e.getMessage().startsWith("must be I/N with 0 <= I < N (shards are numbered from 0"), e.getMessage());
    assertTrue(e.getMessage().endsWith("), got " + text), e.getMessage());
  }

  @Test
  void constructorNamesTheRule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Shard(3, 3));
    assertEquals("shard must be I/N with 0 <= I < N, got 3/3", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Shard(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Shard(-1, 2));
  }

  @Test
  void shardsTileTheBlocksContiguouslyWithTheFloorFormula() {
    for (long blocks : new long[] {0, 1, 2, 3, 5, 7, 64, 1000, 152_588}) {
      for (int n = 1; n <= 17; n++) {
        long next = 0;
        for (int i = 0; i < n; i++) {
          Shard s = new Shard(i, n);
          assertEquals(Math.floorDiv((long) i * blocks, n), s.firstBlock(blocks), i + "/" + n + " of " + blocks);
          assertEquals(next, s.firstBlock(blocks));
          assertTrue(s.blockCount(blocks) >= blocks / n && s.blockCount(blocks) <= blocks / n + 1);
          next = s.endBlock(blocks);
        }
        assertEquals(blocks, next);
      }
    }
    // no overflow for huge runs: the last shard ends at B
    long huge = Long.MAX_VALUE / 3;
    assertEquals(huge, new Shard(999_999_999, 1_000_000_000).endBlock(huge));
  }

  @Test
  void eventsOfShardsAddUpWithAPartialLastBlock() {
    int cap = 10;
    long runEvents = 43; // 5 blocks, the last with 3 events
    long[] expected = {10, 20, 13}; // blocks [0,1), [1,3), [3,5)
    long sum = 0;
    for (int i = 0; i < 3; i++) {
      assertEquals(expected[i], new Shard(i, 3).events(runEvents, cap));
      sum += new Shard(i, 3).events(runEvents, cap);
    }
    assertEquals(runEvents, sum);
    assertEquals(0, new Shard(0, 7).events(43, cap), "more shards than blocks: some are empty");
  }

  /** N = 3 shards of a run of 4 full blocks and a partial one: concatenated, exactly the unsharded blocks. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void concatenatedShardsEqualTheUnshardedRun(int threads) throws Exception {
    ExperimentConfig cfg = ConfigLoader.parse("""
        name: shards
        sources:
          - name: sns
            type: pion-dar
            facility: sns
            exposure: {pot: 1.0e23}
        detectors:
          - name: csi
            target: {formula: CsI}
            mass_kg: 14.6
            distance_m: 19.3
        """, Path.of("."));
    ExperimentModel model = ExperimentModel.build(cfg);
    long events = 4L * EventBlock.CAPACITY + 1234;
    TruthGenerator gen = TruthGenerator.of(model, cfg.generator(), 77L, events, threads);
    assertEquals(5, gen.blockCount());
    Collected whole = new Collected();
    GenerateJob.run(gen, threads, whole, null);
    Collected parts = new Collected();
    long[] sizes = new long[3];
    for (int i = 0; i < 3; i++) {
      Collected one = new Collected();
      List<Long> progress = new ArrayList<>();
      GenerateJob.run(gen, new Shard(i, 3), threads, one, progress::add);
      sizes[i] = one.ids.size();
      assertEquals(sizes[i], progress.isEmpty() ? 0 : progress.get(progress.size() - 1), "progress ends at the shard size");
      assertTrue(one.closed);
      parts.append(one);
    }
    assertArrayEquals(new long[] {65536, 2 * 65536, 65536 + 1234}, sizes);
    assertEquals(whole.blocks, parts.blocks, "block indices");
    assertEquals(whole.ids, parts.ids);
    assertEquals(whole.values, parts.values);
  }

  /** Keeps every event of the blocks it receives. */
  static final class Collected implements BlockSink {
    final List<Long> blocks = new ArrayList<>();
    final List<Long> ids = new ArrayList<>();
    final List<String> values = new ArrayList<>();
    boolean closed;

    @Override
    public void accept(long blockIndex, EventBlock b) {
      blocks.add(blockIndex);
      for (int i = 0; i < b.size(); i++) {
        ids.add(b.eventId[i]);
        values.add(Arrays.toString(new double[] {b.detector[i], b.process[i], b.flavor[i], b.parent[i],
            b.enuMeV[i], b.targetZ[i], b.targetA[i], b.recoilKeV[i], b.timeNs[i], b.period[i], b.weight[i]}));
      }
    }

    void append(Collected o) {
      blocks.addAll(o.blocks);
      ids.addAll(o.ids);
      values.addAll(o.values);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
