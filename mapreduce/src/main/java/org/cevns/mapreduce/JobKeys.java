package org.cevns.mapreduce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.cevns.events.block.EventDictionary;
import org.cevns.events.io.WriteOptions;

/**
 * The job {@link Configuration} keys through which the client hands a run to its map tasks. Everything a task
 * needs that must be identical in all tasks is decided once on the client (seed, event total, file metadata,
 * dictionary) and read here; the configuration file travels as a {@link ConfigBundle}.
 */
public final class JobKeys {
  /** {@code generate} or {@code simulate}. */
  public static final String STAGE = "cevns.mr.stage";
  /** Number of shards N (= map tasks). */
  public static final String SHARDS = "cevns.mr.shards";
  /** Run seed. */
  public static final String SEED = "cevns.mr.seed";
  /** Events of the whole run. */
  public static final String RUN_EVENTS = "cevns.mr.run_events";
  /** A {@code --mean} run: every channel makes its expected count. */
  public static final String MEAN = "cevns.mr.mean";
  /** Weighted events. */
  public static final String WEIGHTED = "cevns.mr.weighted";
  /** Keep only detected events (simulate). */
  public static final String DROP_UNDETECTED = "cevns.mr.drop_undetected";
  /** Worker threads per map task. */
  public static final String THREADS = "cevns.mr.threads_per_task";
  /** Parquet compression codec name. */
  public static final String COMPRESSION = "cevns.mr.compression";
  /** Detector, parent, period names of the run's dictionary (comma-separated; names never hold commas). */
  public static final String DETECTORS = "cevns.mr.dictionary.detectors";
  public static final String PARENTS = "cevns.mr.dictionary.parents";
  public static final String PERIODS = "cevns.mr.dictionary.periods";
  /** Extra string values a stage needs for its columns (simulate: background component names). */
  public static final String COMPONENTS = "cevns.mr.dictionary.components";
  /** Keys of the file metadata, in order; each value under {@link #METADATA_VALUE} + key, Base64. */
  public static final String METADATA_KEYS = "cevns.mr.metadata.keys";
  static final String METADATA_VALUE = "cevns.mr.metadata.value.";
  /**
   * Test hook: {@code I:K} makes the first attempt of the map task of shard I fail after writing K blocks, to
   * check that a failed attempt leaves nothing in the output directory. Never set in normal use.
   */
  public static final String FAIL_SHARD_AFTER_BLOCKS = "cevns.mr.test.fail_shard_after_blocks";
  /**
   * Test hook: {@code I:K} makes the JVM of the first attempt of shard I's task halt (exit code 137, no
   * clean-up, as when YARN or the kernel kills the container) after writing K blocks. Only for tests on a
   * cluster: with the local job runner it would end the client. Never set in normal use.
   */
  public static final String HALT_SHARD_AFTER_BLOCKS = "cevns.mr.test.halt_shard_after_blocks";

  private JobKeys() {}

  /** Stores the dictionary. */
  public static void putDictionary(Configuration conf, EventDictionary d) {
    conf.setStrings(DETECTORS, d.detectors().toArray(String[]::new));
    conf.setStrings(PARENTS, d.parents().toArray(String[]::new));
    conf.setStrings(PERIODS, d.periods().toArray(String[]::new));
  }

  /** The dictionary stored by {@link #putDictionary}. */
  public static EventDictionary dictionary(Configuration conf) {
    return new EventDictionary(strings(conf, DETECTORS), strings(conf, PARENTS), strings(conf, PERIODS));
  }

  /** A list stored with {@link Configuration#setStrings} (empty when absent). */
  public static List<String> strings(Configuration conf, String key) {
    String[] values = conf.getTrimmedStrings(key);
    return List.copyOf(Arrays.asList(values));
  }

  /** Stores the file metadata (any text, Base64-encoded). */
  public static void putMetadata(Configuration conf, Map<String, String> metadata) {
    List<String> keys = new ArrayList<>(metadata.keySet());
    conf.set(METADATA_KEYS, ConfigBundle.encode(String.join("\n", keys).getBytes(StandardCharsets.UTF_8)));
    metadata.forEach((k, v) -> conf.set(METADATA_VALUE + k, ConfigBundle.encode(v.getBytes(StandardCharsets.UTF_8))));
  }

  /** The file metadata stored by {@link #putMetadata}, in order. */
  public static Map<String, String> metadata(Configuration conf) {
    Map<String, String> out = new LinkedHashMap<>();
    String keys = conf.getRaw(METADATA_KEYS);
    if (keys == null) {
      return out;
    }
    String text = new String(ConfigBundle.decode(keys), StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return out;
    }
    for (String k : text.split("\n")) {
      out.put(k, new String(ConfigBundle.decode(conf.getRaw(METADATA_VALUE + k)), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The Parquet write options of the job (compression; other settings at their defaults). */
  public static WriteOptions writeOptions(Configuration conf) {
    return WriteOptions.defaults().withCompression(conf.get(COMPRESSION, WriteOptions.DEFAULT_COMPRESSION.name()));
  }

  /** A required integer key. */
  static int requiredInt(Configuration conf, String key) {
    String v = conf.get(key);
    if (v == null) {
      throw new IllegalStateException("job configuration key " + key + " is missing");
    }
    return Integer.parseInt(v.trim());
  }

  /** A required long key. */
  static long requiredLong(Configuration conf, String key) {
    String v = conf.get(key);
    if (v == null) {
      throw new IllegalStateException("job configuration key " + key + " is missing");
    }
    return Long.parseLong(v.trim());
  }
}
