package org.cevns.cli;

import org.cevns.schema.ExperimentConfig;
import org.cevns.events.run.Shard;

/** The {@code --shard I/N} option of {@code generate} and {@code simulate}: parsing and its seed rule. */
final class ShardOption {
  private ShardOption() {}

  /** Parses {@code --shard I/N} (null: the whole run); a bad value is a user error (exit 2). */
  static Shard parse(String text) {
    if (text == null) {
      return Shard.WHOLE;
    }
    try {
      return Shard.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserException("--shard: " + e.getMessage());
    }
  }

  /**
   * A shard is only meaningful with a seed fixed by the user: every shard must draw the same run (the same
   * event total and the same blocks). Without {@code --seed} or a {@code seed:} in the configuration, each
   * shard would draw its own seed.
   */
  static void requireSeed(Shard shard, Long commandLineSeed, ExperimentConfig config) {
    if (!shard.isWhole() && commandLineSeed == null && config.seed().isEmpty()) {
      throw new UserException("--shard: needs a fixed seed (--seed S, or seed: in the configuration) so that"
          + " all shards belong to the same run");
    }
  }
}
