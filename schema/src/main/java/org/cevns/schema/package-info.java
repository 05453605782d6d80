/**
 * Experiment configuration: YAML parsed into immutable, fully validated records.
 *
 * <p>Entry points: {@link org.cevns.schema.ConfigLoader#load(java.nio.file.Path)} and
 * {@link org.cevns.schema.ConfigLoader#parse(String, java.nio.file.Path)} give an
 * {@link org.cevns.schema.ExperimentConfig}; every problem is a
 * {@link org.cevns.schema.ConfigException} with a one-line message
 * {@code key.path: what is allowed, got VALUE}. The schema is in {@code docs/design.md} and, key by key, in
 * {@code configs/reference.yaml}.
 *
 * <p>Validation: each record checks its own values in its compact constructor (key names relative to the
 * record; the loader re-throws them under the record's path); {@code ExperimentConfig} checks the
 * cross-references (unique names, sources named by detectors, distances to point sources).
 *
 * <p>Defaults: the records carry the defaults this package owns ({@code physics}, {@code generator},
 * detector {@code threshold_kevnr}/{@code roi_max_kevnr}, the {@code parent} of monoenergetic and
 * spectrum-file sources, {@code live_days_off}). Source keys with facility presets or physics defaults
 * (pion-dar presets, reactor fission data and models, the solar flux) stay empty
 * ({@code OptionalDouble.empty()}, {@code Optional.empty()}) when not given: the source factory applies
 * them, and {@link org.cevns.schema.ExperimentConfig#resolvedYaml()} leaves them out.
 *
 * <p>Later stages: the sections they own ({@code detectors[i].response}, {@code detectors[i].backgrounds},
 * {@code windows}, {@code analysis}) are kept as {@link org.cevns.schema.StageSection}s and parsed by
 * their stage with {@link org.cevns.schema.ConfigNode} (typed getters,
 * {@link org.cevns.schema.DoubleRange} checks, unknown-key detection), so all messages look alike.
 */
package org.cevns.schema;
