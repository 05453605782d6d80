package org.cevns.events.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.cevns.events.run.Shard;

/**
 * Checks that a set of event files holds every event of each run exactly once, so that nothing is counted
 * twice or analysed as a whole run when it is not:
 *
 * <ul>
 *   <li>no file is given twice;
 *   <li>a run (same {@link TruthMetadata#SEED} and {@link TruthMetadata#CONFIG}) appears once: as one unsharded
 *       file, or as all its shards 0..N−1 ({@link TruthMetadata#SHARD}), each once;
 *   <li>{@link #checkOneRun}: a directory of shards holds a single run (no shards of other seeds or
 *       configurations).
 * </ul>
 *
 * Files without cevns metadata (written by other tools) are only checked for being given twice. Violations
 * are {@link IllegalArgumentException}s with a one-line message naming the files.
 */
public final class ShardSet {
  /** A file and its key-value metadata. */
  public record Member(Path path, Map<String, String> metadata) {}

  private ShardSet() {}

  /** Checks the files of one input (a file or a directory of shards): one run, complete, nothing twice. */
  public static void checkOneRun(String input, List<Member> files) {
    Map<String, List<Member>> runs = runs(files);
    if (runs.size() > 1) {
      List<String> seeds = new ArrayList<>();
      runs.values().forEach(m -> seeds.add(describe(m.get(0))));
      throw new IllegalArgumentException(input + ": mixes the files of " + runs.size() + " different runs ("
          + String.join(", ", seeds) + "); a directory of shards must hold one run");
    }
    check(files);
  }

  /** Checks files given together (see class doc). */
  public static void check(List<Member> files) {
    Map<String, Member> byPath = new HashMap<>();
    for (Member m : files) {
      Member before = byPath.put(m.path().toString(), m);
      if (before != null) {
        throw new IllegalArgumentException(m.path() + ": given twice; give each file once");
      }
    }
    for (List<Member> run : runs(files).values()) {
      checkRun(run);
    }
  }

  private static void checkRun(List<Member> run) {
    List<Member> whole = new ArrayList<>();
    TreeMap<Integer, Member> shards = new TreeMap<>();
    int count = -1;
    for (Member m : run) {
      String text = m.metadata().get(TruthMetadata.SHARD);
      if (text == null) {
        whole.add(m);
        continue;
      }
      Shard s;
      try {
        s = Shard.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(m.path() + ": malformed " + TruthMetadata.SHARD + " metadata '" + text + "'");
      }
      if (count >= 0 && s.count() != count) {
        throw new IllegalArgumentException(m.path() + ": shard " + s + " does not belong to the " + count
            + " shards of " + describe(m) + " (" + shards.firstEntry().getValue().path() + ")");
      }
      count = s.count();
      Member before = shards.put(s.index(), m);
      if (before != null) {
        throw new IllegalArgumentException(m.path() + " and " + before.path() + ": both hold shard " + s + " of "
            + describe(m) + " (a copied or duplicated shard); give each shard once");
      }
    }
    if (!whole.isEmpty() && run.size() > 1) {
      Member other = run.get(0) == whole.get(0) ? run.get(1) : run.get(0);
      throw new IllegalArgumentException(whole.get(0).path() + " and " + other.path() + ": hold the same run ("
          + describe(whole.get(0)) + "), a file given twice or copied; give each run once");
    }
    if (count > 0 && shards.size() != count) {
      List<Integer> missing = new ArrayList<>();
      for (int i = 0; i < count && missing.size() < 10; i++) {
        if (!shards.containsKey(i)) {
          missing.add(i);
        }
      }
      throw new IllegalArgumentException("incomplete shard set of " + describe(run.get(0)) + ": " + shards.size()
          + " of " + count + " shards given, missing shard" + (missing.size() > 1 ? "s " : " ") + missing
          + " (numbered from 0; a task failed or a shard was left out)");
    }
  }

  /** The files grouped by run (seed and configuration); files without cevns metadata are left out. */
  private static Map<String, List<Member>> runs(List<Member> files) {
    Map<String, List<Member>> runs = new LinkedHashMap<>();
    for (Member m : files) {
      String seed = m.metadata().get(TruthMetadata.SEED);
      String config = m.metadata().get(TruthMetadata.CONFIG);
      if (seed == null || config == null) {
        continue;
      }
      String key = seed + "\u0000" + config + "\u0000" + m.metadata().getOrDefault("cevns.stage", "generate");
      runs.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
    }
    return runs;
  }

  private static String describe(Member m) {
    return "the run of seed " + m.metadata().get(TruthMetadata.SEED);
  }
}
