package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The checks of {@code cevns merge}, one rule each, with their exact messages. */
class ShardSetTest {
  static Map<String, String> meta(String shard, long events, String seed) {
    Map<String, String> m = new TreeMap<>();
    m.put("cevns.config", "cfg");
    m.put("cevns.seed", seed);
    m.put("cevns.version", "0.1");
    m.put("cevns.run_events", "30");
    m.put("cevns.shard", shard);
    m.put("cevns.events", Long.toString(events));
    return m;
  }

  static Map<String, Map<String, String>> files(Object... nameAndMeta) {
    Map<String, Map<String, String>> f = new LinkedHashMap<>();
    for (int i = 0; i < nameAndMeta.length; i += 2) {
      @SuppressWarnings("unchecked")
      Map<String, String> m = (Map<String, String>) nameAndMeta[i + 1];
      f.put((String) nameAndMeta[i], m);
    }
    return f;
  }

  static String error(Map<String, Map<String, String>> files) {
    return assertThrows(UserException.class, () -> ShardSet.check("D", files)).getMessage();
  }

  @Test
  void aCompleteRunPasses() {
    ShardSet s = ShardSet.check("D", files("b", meta("1/2", 20, "5"), "a", meta("0/2", 10, "5")));
    assertEquals(30, s.events());
    assertEquals("a", s.files().get(0).name());
    assertEquals("5", s.metadata().get("cevns.seed"));
    assertEquals(null, s.metadata().get("cevns.shard"));
  }

  @Test
  void eachRuleNamesTheFileAndTheKey() {
    assertEquals("D: holds no *.parquet shard", error(files()));
    assertEquals("D: shard 1/3 missing (2 of 3 present)",
        error(files("a", meta("0/3", 10, "5"), "c", meta("2/3", 20, "5"))));
    assertEquals("D: shards 1/3, 2/3 missing (1 of 3 present)", error(files("a", meta("0/3", 30, "5"))));
    assertEquals("b: shard 0/2 appears twice (also a)",
        error(files("a", meta("0/2", 10, "5"), "b", meta("0/2", 10, "5"))));
    assertEquals("b: shard 1/3 of 3 shards, but a is a shard of 2",
        error(files("a", meta("0/2", 10, "5"), "b", meta("1/3", 10, "5"))));
    assertEquals("b: cevns.seed (6) differs from a: the files are not shards of one run",
        error(files("a", meta("0/2", 10, "5"), "b", meta("1/2", 20, "6"))));
    assertEquals("D: the shards hold 25 events, the run 30 (cevns.run_events)",
        error(files("a", meta("0/2", 10, "5"), "b", meta("1/2", 15, "5"))));
    Map<String, String> whole = meta("0/2", 10, "5");
    whole.remove("cevns.shard");
    assertEquals("a: not a shard (no cevns.shard in its metadata)", error(files("a", whole)));
  }

  /**
   * {@code simulate --drop-undetected} shards keep only detected events while {@code cevns.run_events} counts the
   * events simulated: their complete set passes (it was refused, "the shards hold 151921 events, the run 200000",
   * so the merge node of {@code cevns shards --stage simulate --drop-undetected} failed every run); more events than
   * simulated are still refused.
   */
  @Test
  void droppedUndetectedShardsHoldAtMostTheRunsEvents() {
    Map<String, String> a = meta("0/2", 10, "5");
    Map<String, String> b = meta("1/2", 15, "5");
    a.put("cevns.drop_undetected", "true");
    b.put("cevns.drop_undetected", "true");
    assertEquals(25, ShardSet.check("D", files("a", a, "b", b)).events());
    Map<String, String> c = meta("1/2", 25, "5");
    c.put("cevns.drop_undetected", "true");
    assertEquals("D: the shards hold 35 events, the run 30 (cevns.run_events, of which the shards keep the detected"
        + " ones)", error(files("a", a, "b", c)));
  }
}
