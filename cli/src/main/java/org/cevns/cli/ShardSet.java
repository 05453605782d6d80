package org.cevns.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cevns.events.io.DetectorMetadata;
import org.cevns.events.io.TruthMetadata;
import org.cevns.events.run.Shard;

/**
 * The shards of one sharded run, checked ({@code cevns merge}): every file is a shard ({@code cevns.shard} =
 * {@code I/N}) of the same run — the same N, and the same metadata apart from {@code cevns.shard} and
 * {@code cevns.events} (so the same configuration, seed, cevns version, event total and exposure) — each of the
 * N shards exactly once, and the events of the shards add up to the run's {@code cevns.run_events} (at most that
 * many for {@code simulate --drop-undetected}, whose {@code cevns.run_events} counts the events simulated).
 *
 * @param metadata the metadata common to all shards (the run's; without the per-shard keys)
 * @param files one entry per shard, in shard order
 * @param events events of all shards
 */
record ShardSet(Map<String, String> metadata, List<ShardFile> files, long events) {
  /** Per-shard metadata keys (everything else must agree between shards). */
  static final List<String> PER_SHARD = List.of(TruthMetadata.SHARD, TruthMetadata.EVENTS);

  /** One shard file: its name, its shard and its events. */
  record ShardFile(String name, Shard shard, long events) {}

  /**
   * Checks the metadata of the files of a directory ({@code name → metadata}, in name order).
   *
   * @throws UserException naming the first file and key that break the rules
   */
  static ShardSet check(String dir, Map<String, Map<String, String>> files) {
    if (files.isEmpty()) {
      throw new UserException(dir + ": holds no *.parquet shard");
    }
    String firstName = null;
    Map<String, String> common = null;
    Shard[] byIndex = null;
    String[] nameByIndex = null;
    List<ShardFile> list = new ArrayList<>();
    long events = 0;
    for (Map.Entry<String, Map<String, String>> f : files.entrySet()) {
      String name = f.getKey();
      Map<String, String> m = f.getValue();
      String spec = m.get(TruthMetadata.SHARD);
      if (spec == null) {
        throw new UserException(name + ": not a shard (no " + TruthMetadata.SHARD + " in its metadata)");
      }
      Shard shard;
      long n;
      try {
        shard = Shard.parse(spec);
        n = Long.parseLong(m.getOrDefault(TruthMetadata.EVENTS, "-1"));
      } catch (IllegalArgumentException e) {
        throw new UserException(name + ": " + TruthMetadata.SHARD + " = '" + spec + "': " + e.getMessage(), e);
      }
      if (n < 0) {
        throw new UserException(name + ": " + TruthMetadata.EVENTS + " missing or negative in its metadata");
      }
      Map<String, String> rest = new TreeMap<>(m);
      PER_SHARD.forEach(rest::remove);
      if (common == null) {
        firstName = name;
        common = rest;
        byIndex = new Shard[shard.count()];
        nameByIndex = new String[shard.count()];
      } else {
        if (shard.count() != byIndex.length) {
          throw new UserException(name + ": shard " + shard + " of " + shard.count() + " shards, but " + firstName
              + " is a shard of " + byIndex.length);
        }
        String diff = firstDifference(common, rest);
        if (diff != null) {
          throw new UserException(name + ": " + diff + " differs from " + firstName
              + ": the files are not shards of one run");
        }
      }
      if (byIndex[shard.index()] != null) {
        throw new UserException(name + ": shard " + shard + " appears twice (also " + nameByIndex[shard.index()] + ")");
      }
      byIndex[shard.index()] = shard;
      nameByIndex[shard.index()] = name;
      list.add(new ShardFile(name, shard, n));
      events += n;
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < byIndex.length; i++) {
      if (byIndex[i] == null) {
        missing.add(i + "/" + byIndex.length);
      }
    }
    if (!missing.isEmpty()) {
      throw new UserException(dir + ": shard" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
          + " missing (" + list.size() + " of " + byIndex.length + " present)");
    }
    String run = common.get(TruthMetadata.RUN_EVENTS);
    // simulate --drop-undetected: cevns.run_events counts the simulated events, the shards keep the detected ones
    boolean dropped = "true".equals(common.get(DetectorMetadata.DROP_UNDETECTED));
    if (run != null && (dropped ? Long.parseLong(run) < events : Long.parseLong(run) != events)) {
      throw new UserException(dir + ": the shards hold " + events + " events, the run " + run + " ("
          + TruthMetadata.RUN_EVENTS + (dropped ? ", of which the shards keep the detected ones" : "") + ")");
    }
    list.sort((a, b) -> Integer.compare(a.shard().index(), b.shard().index()));
    return new ShardSet(new LinkedHashMap<>(common), List.copyOf(list), events);
  }

  private static String firstDifference(Map<String, String> a, Map<String, String> b) {
    TreeMap<String, String> keys = new TreeMap<>(a);
    b.forEach(keys::putIfAbsent);
    for (String k : keys.keySet()) {
      String x = a.get(k);
      String y = b.get(k);
      if (x == null || !x.equals(y)) {
        String shown = y == null ? "missing" : y.length() > 40 ? y.substring(0, 40) + "..." : y;
        return k + " (" + shown + ")";
      }
    }
    return null;
  }
}
