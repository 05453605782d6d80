/**
 * The {@code analysis} section of a configuration: {@link org.cevns.analysis.config.AnalysisConfig#of} parses and
 * validates it (mode, binning of energy, PE and time, fit settings with the background priors, sensitivity
 * settings), reporting errors as {@code ConfigException}s with the key path. Keys: {@code configs/reference.yaml}.
 */
package org.cevns.analysis.config;
