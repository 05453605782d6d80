package org.cevns.schema;

/**
 * How much of a source a detector sees. The kind is fixed by the source type: {@link PionDarExposure} for
 * {@code pion-dar}, {@link ReactorExposure} for {@code reactor}, {@link LiveTimeExposure} for the steady
 * sources. A source's {@code exposure} is the default for every detector; {@code detectors[i].exposure.SOURCE}
 * overrides it for one detector (same kind).
 */
public sealed interface ExposureConfig permits PionDarExposure, ReactorExposure, LiveTimeExposure {}
