package org.cevns.generator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cevns.events.CevnsVersion;
import org.cevns.schema.ExperimentConfig;

/**
 * How an output was made, for summaries, plots and file metadata: the cevns version and git commit of the build,
 * the run seed and the SHA-256 of the resolved configuration (the effective YAML with every default filled in,
 * {@link ExperimentConfig#resolvedYaml()}), so two outputs with the same hash and seed came from the same inputs.
 *
 * @param version cevns version ({@link CevnsVersion#get()})
 * @param commit git commit of the build, {@link CevnsVersion#UNKNOWN} without git
 * @param seed the run seed
 * @param configSha256 lower-case hex SHA-256 of the resolved configuration
 */
public record Provenance(String version, String commit, long seed, String configSha256) {
  /** Characters of the commit and hash shown in {@link #label()}. */
  private static final int SHORT = 12;

  public Provenance {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(configSha256, "configSha256");
  }

  /** The provenance of a run of {@code config} with {@code seed}, by this build. */
  public static Provenance of(ExperimentConfig config, long seed) {
    return new Provenance(CevnsVersion.get(), CevnsVersion.commit(), seed, sha256(config.resolvedYaml()));
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** One line for plots and text summaries: {@code cevns 0.1.0 (git 1a2b3c4d5e6f) simulation, seed 42, config 9f8e7d6c5b4a}. */
  public String label() {
    String git = CevnsVersion.UNKNOWN.equals(commit) ? "" : " (git " + shorten(commit) + ")";
    return String.format(Locale.ROOT, "cevns %s%s simulation, seed %d, config %s", version, git, seed,
        shorten(configSha256));
  }

  /** The fields as {@code version, commit, seed, config_sha256} (JSON-friendly, in this order). */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("version", version);
    m.put("commit", commit);
    m.put("seed", Long.toString(seed));
    m.put("config_sha256", configSha256);
    return m;
  }

  private static String shorten(String s) {
    return s.substring(0, Math.min(SHORT, s.length()));
  }
}
