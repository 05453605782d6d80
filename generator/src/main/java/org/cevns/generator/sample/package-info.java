/**
 * Event sampling of one channel (spectrum × cross section): {@link org.cevns.generator.sample.RecoilSampler}
 * for (E, T) pairs and ⟨σ⟩, {@link org.cevns.generator.sample.FluxAveragedXs} for ⟨σ⟩ in recoil windows,
 * {@link org.cevns.generator.sample.ChannelMixture} to choose channels, and
 * {@link org.cevns.events.run.RandomStreams} for the per-block random streams.
 */
package org.cevns.generator.sample;
